package io.ringtrade.engine.api.event;

/** Codes for {@link EngineEvent#commandCode}. Part of the journal layout: only add. */
public final class CommandCode {
    /**
     * End of the input stream now: close open bars, record final equity. Drivers normally end a run by calling
     * business logic's {@code finish} instead, which is not an input and so leaves a journal continuable.
     */
    public static final int END_OF_DATA = 1;
    /** Cancel every open order of {@code bookIndex} (-1 = every book): the clean-stop path. */
    public static final int CANCEL_ALL_ORDERS = 2;
    /**
     * Pass over the journal entry numbered {@code commandArgument} (it made business logic fail): written by
     * {@code ringtrade journal skip} while no engine runs; replay and recovery find these commands first
     * ({@code JournalSkips.scan}) and then leave the named entry out, identically every time. {@code bookIndex} holds
     * the {@link EventType} of the entry passed over: a passed-over feed input (market data or a signal) still counts
     * towards the feed's position, which is all the command changes. Its reason is kept beside the journal, since
     * commands carry no strings.
     */
    public static final int SKIP_ENTRY = 3;
    /**
     * A live venue holds book {@code bookIndex} (-1 = every book): new orders are refused with {@code VENUE_HOLD}
     * until a {@link #VENUE_RELEASE}. {@code commandArgument} says why ({@link #HOLD_RECONCILING},
     * {@link #HOLD_AUTHENTICATION}, {@link #HOLD_UNRECONCILED}). Published by the venue adapter, journaled like
     * any input, so replay holds the same books at the same point.
     */
    public static final int VENUE_HOLD = 30;
    /** A live venue releases its hold of book {@code bookIndex} (-1 = every book): reconciliation is complete and clean. */
    public static final int VENUE_RELEASE = 31;

    /** {@link #VENUE_HOLD} argument: reconciliation with the venue after a restart has not finished yet. */
    public static final long HOLD_RECONCILING = 1;
    /** {@link #VENUE_HOLD} argument: the venue refused the credentials more often than allowed (401). */
    public static final long HOLD_AUTHENTICATION = 2;
    /** {@link #VENUE_HOLD} argument: reconciliation found differences it cannot resolve by itself. */
    public static final long HOLD_UNRECONCILED = 3;

    // ---- the operator's controls (codes 10-29) ----------------------------------------------------------------
    /**
     * Set the trading state of book {@code bookIndex}, or the global state when it is -1 (the kill switch). The
     * argument packs the new state, whether to flatten positions, where the command came from and, for the offline
     * kill switch, its number in the command queue: see {@link TradingCommand}.
     */
    public static final int TRADING_STATE = 10;
    /** Pause the strategy of book {@code bookIndex}: its decisions place no orders until resumed. */
    public static final int PAUSE_STRATEGY = 11;
    /** Resume the strategy of book {@code bookIndex}. */
    public static final int RESUME_STRATEGY = 12;
    /**
     * Close the position of book {@code bookIndex} in instrument {@code instrumentId} with a reduce-only market order.
     * The argument carries the source as {@link TradingCommand} packs it (state and flatten unused).
     */
    public static final int CLOSE_POSITION = 13;
    /**
     * Sets a book's maximum order notional to the fixed-point argument (0 = none), an operator's change of a limit
     * while the engine runs; {@link #SET_MAX_POSITION_PCT}, {@link #SET_MAX_DAILY_LOSS}, {@link #SET_PRICE_BAND_PCT}
     * and {@link #SET_MAX_ORDERS_PER_SECOND} likewise. Target: the book, or -1 for the engine-wide cap of the same
     * name. The entry's instrument id carries where the change came from: -1 over HTTP, or the command's number in
     * the offline command queue (1 or more), by which business logic applies each queued change once.
     */
    public static final int SET_MAX_ORDER_NOTIONAL = 14;
    /** Sets a book's maximum position, percent of its equity (fixed-point, 0 = none). */
    public static final int SET_MAX_POSITION_PCT = 15;
    /** Sets a book's maximum daily loss (fixed-point money, 0 = none). */
    public static final int SET_MAX_DAILY_LOSS = 16;
    /** Sets a book's price band, percent around the last price (fixed-point, 0 = none). */
    public static final int SET_PRICE_BAND_PCT = 17;
    /** Sets a book's order rate, most orders in any second of event time (a fixed-point whole number, 0 = none). */
    public static final int SET_MAX_ORDERS_PER_SECOND = 18;
    /** Sets a book's maintenance margin, percent of its gross exposure (fixed-point, 0 = none); books only. */
    public static final int SET_MAINTENANCE_MARGIN_PCT = 19;
    /** Sets a book's yearly interest on borrowed cash in the simulated venue, percent (fixed-point, 0 = none); books only. */
    public static final int SET_BORROW_RATE_PCT = 20;
    /** Sets a book's yearly fee on the value of its shorts in the simulated venue, percent (fixed-point); books only. */
    public static final int SET_SHORT_FEE_PCT = 21;
    /**
     * Sets a book's leverage, the multiple of its equity its long exposure may reach (fixed-point; a book's 0 or 1 is a
     * cash account), or the engine-wide cap on every book's (0 = none).
     */
    public static final int SET_MAX_LEVERAGE = 22;
    /**
     * Allows a book to go short (1) or stops it opening shorts (0; what it holds may still be covered); engine-wide, 0
     * stops every book's shorts and 1 leaves each to its own.
     */
    public static final int SET_ALLOW_SHORT = 23;
    /** Sets a book's minimum order notional (fixed-point money, 0 = none); books only. */
    public static final int SET_MIN_NOTIONAL = 24;
    /** Sets a book's short cap (fixed-point money; 0 = the default, its leverage × its equity); books only. */
    public static final int SET_MAX_SHORT_NOTIONAL = 25;

    private CommandCode() {
    }

    /** Whether {@code code} is one this version knows; the edges refuse any other, and business logic fails on it. */
    public static boolean isKnown(final int code) {
        return switch (code) {
            case END_OF_DATA, CANCEL_ALL_ORDERS, SKIP_ENTRY, TRADING_STATE, PAUSE_STRATEGY, RESUME_STRATEGY,
                 CLOSE_POSITION, SET_MAX_ORDER_NOTIONAL, SET_MAX_POSITION_PCT, SET_MAX_DAILY_LOSS, SET_PRICE_BAND_PCT,
                 SET_MAX_ORDERS_PER_SECOND, SET_MAINTENANCE_MARGIN_PCT, SET_BORROW_RATE_PCT, SET_SHORT_FEE_PCT,
                 SET_MAX_LEVERAGE, SET_ALLOW_SHORT, SET_MIN_NOTIONAL, SET_MAX_SHORT_NOTIONAL, VENUE_HOLD,
                 VENUE_RELEASE -> true;
            default -> false;
        };
    }

    /**
     * Whether {@code code} sets a risk limit ({@link #SET_MAX_ORDER_NOTIONAL} … {@link #SET_MAX_SHORT_NOTIONAL}).
     */
    public static boolean setsLimit(final int code) {
        return code >= SET_MAX_ORDER_NOTIONAL && code <= SET_MAX_SHORT_NOTIONAL;
    }

    /** A short name for dumps. */
    public static String name(final int code) {
        return switch (code) {
            case END_OF_DATA -> "END_OF_DATA";
            case CANCEL_ALL_ORDERS -> "CANCEL_ALL_ORDERS";
            case SKIP_ENTRY -> "SKIP_ENTRY";
            case TRADING_STATE -> "TRADING_STATE";
            case PAUSE_STRATEGY -> "PAUSE_STRATEGY";
            case RESUME_STRATEGY -> "RESUME_STRATEGY";
            case CLOSE_POSITION -> "CLOSE_POSITION";
            case SET_MAX_ORDER_NOTIONAL -> "SET_MAX_ORDER_NOTIONAL";
            case SET_MAX_POSITION_PCT -> "SET_MAX_POSITION_PCT";
            case SET_MAX_DAILY_LOSS -> "SET_MAX_DAILY_LOSS";
            case SET_PRICE_BAND_PCT -> "SET_PRICE_BAND_PCT";
            case SET_MAX_ORDERS_PER_SECOND -> "SET_MAX_ORDERS_PER_SECOND";
            case SET_MAINTENANCE_MARGIN_PCT -> "SET_MAINTENANCE_MARGIN_PCT";
            case SET_BORROW_RATE_PCT -> "SET_BORROW_RATE_PCT";
            case SET_SHORT_FEE_PCT -> "SET_SHORT_FEE_PCT";
            case SET_MAX_LEVERAGE -> "SET_MAX_LEVERAGE";
            case SET_ALLOW_SHORT -> "SET_ALLOW_SHORT";
            case SET_MIN_NOTIONAL -> "SET_MIN_NOTIONAL";
            case SET_MAX_SHORT_NOTIONAL -> "SET_MAX_SHORT_NOTIONAL";
            case VENUE_HOLD -> "VENUE_HOLD";
            case VENUE_RELEASE -> "VENUE_RELEASE";
            default -> "UNKNOWN(" + code + ")";
        };
    }
}
