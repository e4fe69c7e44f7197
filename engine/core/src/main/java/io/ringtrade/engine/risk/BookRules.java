package io.ringtrade.engine.risk;

/**
 * Trading rules of one book: execution costs and the pre-trade limits this engine enforces today.
 * Immutable.
 *
 * @param slippageBps   slippage in basis points applied to market and stop fills (5 = 0.05 %)
 * @param commissionBps commission in basis points of notional
 * @param allowShort    whether the book may hold short positions (off by default)
 * @param minNotional   smallest order notional sent, fixed-point (default 10)
 * @param fillAtClose   fill market orders at the signal bar's close instead of the next open (optimistic)
 */
public record BookRules(long slippageBps, long commissionBps, boolean allowShort, long minNotional,
                        boolean fillAtClose) {
    /** Checks ranges. */
    public BookRules {
        if (slippageBps < 0 || slippageBps >= 10_000 || commissionBps < 0 || commissionBps >= 10_000) {
            throw new IllegalArgumentException("slippage and commission must be between 0 and 9999 bps");
        }
        if (minNotional < 0) {
            throw new IllegalArgumentException("minimum notional must not be negative");
        }
    }
}
