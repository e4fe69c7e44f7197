package io.ringtrade.engine.risk;

import io.ringtrade.engine.api.event.OrderType;
import io.ringtrade.engine.api.money.FixedPoint;

import java.math.RoundingMode;

/**
 * What a buy is expected to cost per unit before it fills, for sizing and for the cash an open order reserves: the
 * judged price, moved by the expected slippage for market and stop orders (limits fill at their price or better),
 * plus the commission, each rounded up so a reservation never falls short by a rounding unit. For a book on the
 * simulated venue these are its fill model's slippage and commission; for a live venue, a configured buffer.
 *
 * @param slippageBps   expected slippage, whole basis points
 * @param commissionBps commission, whole basis points
 */
public record CostEstimate(long slippageBps, long commissionBps) {
    private static final long BPS = 10_000L;

    /** Checks ranges. */
    public CostEstimate {
        if (slippageBps < 0 || slippageBps >= BPS || commissionBps < 0 || commissionBps >= BPS) {
            throw new IllegalArgumentException("slippage and commission must be between 0 and 9999 bps");
        }
    }

    /** Expected cost of one unit bought with an order of {@code orderType} judged at {@code price}. */
    public long unitBuyCost(final int orderType, final long price) {
        final long paid = orderType == OrderType.LIMIT ? price
            : FixedPoint.mulDiv(price, BPS + slippageBps, BPS, RoundingMode.CEILING);
        return FixedPoint.mulDiv(paid, BPS + commissionBps, BPS, RoundingMode.CEILING);
    }

    /** Cost of {@code quantity} units at {@code unitCost}, rounded up. */
    public static long cost(final long unitCost, final long quantity) {
        return FixedPoint.mulDiv(unitCost, quantity, FixedPoint.SCALE, RoundingMode.CEILING);
    }

    /** The largest whole number of lots {@code money} buys at {@code unitCost}; 0 when none. */
    public static long affordable(final long money, final long unitCost, final long lot) {
        if (money <= 0 || unitCost <= 0) {
            return 0;
        }
        return FixedPoint.roundDownToStep(FixedPoint.mulDiv(money, FixedPoint.SCALE, unitCost, RoundingMode.FLOOR), lot);
    }
}
