package io.ringtrade.engine.audit;

/**
 * What business logic writes to the audit log, one code per kind of line, carried as a primitive through the output
 * ring ({@link io.ringtrade.engine.output.OutputSink#audit}) and formatted by {@link AuditFormat}. The meaning of the
 * six number fields {@code a}–{@code f} of each kind:
 * <pre>
 *  RISK_REJECT       a order id   b side       c reason     d quantity   e notional   f price
 *  TRADING_STATE     a from       b to         c cause      d source     e cancelled  f flatten orders
 *  STRATEGY_PAUSE    a paused (1) or resumed (0)            d source
 *  CLOSE_POSITION    a order id (0: none placed)            d source     e position
 *  DAILY_LOSS        a loss       b limit                   e cancelled
 *  COMMAND_REFUSED   a command code             c why (a {@code REFUSED_*} code)   d source   e argument
 *  LIMIT_CHANGED     a command code  b from (in force)  c to (in force)  d source  e the value asked (book -1: the engine-wide cap)
 *  MARGIN_CALL       a equity      b required   c gross exposure          e cancelled  f liquidation orders
 *  INTEREST          a interest    b cash before c day charged (its start, epoch nanos)  d yearly rate (percent)
 *  SHORT_FEE         a fee         b short value c day charged (its start, epoch nanos)  d yearly fee (percent)
 * </pre>
 * Codes are stable: only add.
 */
public final class AuditKind {
    /** An order refused by pre-trade risk or a trading state. */
    public static final int RISK_REJECT = 1;
    /** A trading state changed (the kill switch, a book's state, a daily-loss breach). */
    public static final int TRADING_STATE = 2;
    /** A strategy paused or resumed. */
    public static final int STRATEGY_PAUSE = 3;
    /** An operator asked to close a position. */
    public static final int CLOSE_POSITION = 4;
    /** A book, or all books together, went past the maximum daily loss. */
    public static final int DAILY_LOSS = 5;
    /** A command business logic could not apply (it changes nothing). */
    public static final int COMMAND_REFUSED = 6;
    /** An operator changed one of a book's risk limits while the engine runs. */
    public static final int LIMIT_CHANGED = 7;
    /** A book's equity fell below its maintenance margin: orders cancelled, positions closed, book halted. */
    public static final int MARGIN_CALL = 8;
    /** A book paid a day's interest on its borrowed (negative) cash in the simulated venue. */
    public static final int INTEREST = 9;
    /** A book paid a day's fee on the value of its shorts (the shares they borrow) in the simulated venue. */
    public static final int SHORT_FEE = 10;

    /** COMMAND_REFUSED: the book index names no book. */
    public static final int REFUSED_UNKNOWN_BOOK = 1;
    /** COMMAND_REFUSED: the trading state code names no state. */
    public static final int REFUSED_UNKNOWN_STATE = 2;
    /** COMMAND_REFUSED: an offline command already applied (published again after a restart). */
    public static final int REFUSED_DUPLICATE = 3;
    /** COMMAND_REFUSED: the instrument is not one the book trades. */
    public static final int REFUSED_UNKNOWN_INSTRUMENT = 4;
    /** COMMAND_REFUSED: a limit's value is out of its range (negative, or a percentage past its maximum). */
    public static final int REFUSED_LIMIT_VALUE = 5;
    /** COMMAND_REFUSED: the limit is a book's own; there is no engine-wide cap of it to set. */
    public static final int REFUSED_BOOK_ONLY = 6;
    /** COMMAND_REFUSED: the simulated venue's borrowing rate asked of a live venue's book. */
    public static final int REFUSED_LIVE_VENUE = 7;

    private AuditKind() {
    }
}
