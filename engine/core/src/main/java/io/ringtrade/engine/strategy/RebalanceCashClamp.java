package io.ringtrade.engine.strategy;

import io.ringtrade.engine.api.money.FixedPoint;

import java.math.RoundingMode;

/**
 * The rebalance cash clamp: when the buys decided together exceed the cash available after the sells (whose proceeds
 * a venue with settlement lag does not credit at once, so they are not counted), the buys are scaled down together,
 * in proportion, to that cash less a small buffer (for fills a little above the judged price); a buy that falls below
 * the minimum notional is dropped, with the reason {@code CASH_CLAMP}. What a dropped buy gave up is not handed to
 * the others (they stay in proportion). Money fixed-point 1e-8; products in 128 bits, rounded down. Business-logic
 * thread; allocation-free.
 *
 * <p>Where it runs: decision books with several instruments size their buys here (one buy per closed bar, so the
 * clamp scales that buy to the cash the book's open orders leave, instead of risk refusing it whole); a rebalancing
 * strategy's {@code ctx.rebalance} will pass all its buys at once when iteration strategies land.
 */
public final class RebalanceCashClamp {
    /** The buffer kept back from the available cash: 50 bps. */
    public static final long BUFFER_BPS_DEFAULT = 50;

    private RebalanceCashClamp() {
    }

    /**
     * {@link #clamp} for one buy, without arrays: its notional scaled to fit, or -1 when it is dropped.
     */
    public static long clampOne(final long notional, final long availableCash, final long bufferBps,
                                final long minNotional) {
        final long budget = Math.max(0, FixedPoint.mulDiv(Math.max(0, availableCash), 10_000 - bufferBps, 10_000,
            RoundingMode.FLOOR));
        final long scaled = notional > availableCash ? Math.min(notional, budget) : notional;
        return scaled < minNotional || scaled <= 0 ? -1 : scaled;
    }

    /**
     * When the sum of {@code notionals[0..count)} exceeds {@code availableCash}, scales them in place so that it fits
     * that cash less {@code bufferBps}; marks in {@code dropped} the buys that end below {@code minNotional} (their notional becomes
     * 0). Returns the number of buys kept. When the buys fit, nothing changes.
     */
    public static int clamp(final long[] notionals, final int count, final long availableCash, final long bufferBps,
                            final long minNotional, final boolean[] dropped) {
        long total = 0;
        for (int i = 0; i < count; i++) {
            dropped[i] = false;
            total = Math.addExact(total, notionals[i]);
        }
        final long budget = Math.max(0, FixedPoint.mulDiv(Math.max(0, availableCash), 10_000 - bufferBps, 10_000,
            RoundingMode.FLOOR));
        int kept = 0;
        for (int i = 0; i < count; i++) {
            if (total > availableCash) {
                notionals[i] = FixedPoint.mulDiv(notionals[i], budget, total, RoundingMode.FLOOR);
            }
            if (notionals[i] < minNotional || notionals[i] <= 0) {
                dropped[i] = true;
                notionals[i] = 0;
            } else {
                kept++;
            }
        }
        return kept;
    }
}
