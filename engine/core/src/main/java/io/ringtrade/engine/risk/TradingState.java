package io.ringtrade.engine.risk;

import io.ringtrade.engine.api.event.TradingCommand;

/**
 * The trading state of a book, or of the whole engine (DESIGN.md §6). Ordered from the least to the most
 * restrictive: a book trades under the stricter of its own state and the global one, so the global state overrides
 * the books' when it is stricter and never loosens a book's. Codes are {@link TradingCommand}'s and part of snapshots.
 */
public enum TradingState {
    /** Orders pass the other checks. */
    ACTIVE(TradingCommand.ACTIVE),
    /** Only orders that shrink a position pass; open orders that could grow one are cancelled on entry. */
    REDUCE_ONLY(TradingCommand.REDUCE_ONLY),
    /** Open orders are cancelled on entry and new orders refused (only an operator's reduce-only close passes). */
    HALTED(TradingCommand.HALTED);

    private static final TradingState[] VALUES = values();
    private final int code;

    TradingState(final int code) {
        this.code = code;
    }

    /** The code commands and snapshots carry. */
    public int code() {
        return code;
    }

    /** The state for a code, or null when the code names none. */
    public static TradingState ofCode(final int code) {
        return code >= 0 && code < VALUES.length ? VALUES[code] : null;
    }

    /** The stricter of two states. */
    public static TradingState stricter(final TradingState a, final TradingState b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
