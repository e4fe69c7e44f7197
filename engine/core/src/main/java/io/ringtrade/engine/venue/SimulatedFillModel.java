package io.ringtrade.engine.venue;

import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.risk.CostEstimate;

/**
 * How the simulated venue fills one book's orders (the README's fill model): the costs it charges and how much of the
 * market it may take. Immutable.
 *
 * @param slippageBps   slippage in whole basis points on market and stop fills (5 = 0.05 %): buys pay more, sells
 *                      get less
 * @param commissionBps commission in whole basis points of each fill's notional
 * @param fillAtClose   fill market orders at the deciding bar's close, stamped with the bar's end (optimistic)
 *                      instead of the next bar's open
 * @param participation the largest share of a bar's (or trade's) volume this book's fills may take, as a fixed-point
 *                      fraction (0.1 = {@code 10_000_000}); 0 = no limit. What is left keeps working (partial fills).
 */
public record SimulatedFillModel(long slippageBps, long commissionBps, boolean fillAtClose, long participation) {
    /** Checks ranges. */
    public SimulatedFillModel {
        if (slippageBps < 0 || slippageBps >= 10_000 || commissionBps < 0 || commissionBps >= 10_000) {
            throw new IllegalArgumentException("slippage and commission must be between 0 and 9999 bps");
        }
        if (participation < 0 || participation > FixedPoint.SCALE) {
            throw new IllegalArgumentException("participation must be between 0 and 1");
        }
    }

    /** The costs sizing and reservations expect from this model. */
    public CostEstimate costEstimate() {
        return new CostEstimate(slippageBps, commissionBps);
    }
}
