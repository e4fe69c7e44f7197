package io.ringtrade.engine.risk;

import io.ringtrade.engine.order.OrderReason;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

import java.util.Arrays;

/**
 * The trading states of the engine (global) and of each book, why each is what it is, and which books' strategies
 * are paused: business-logic state, changed only by journaled commands or by what an input causes (a daily-loss
 * breach, an anomaly), and part of every snapshot. A book trades under the stricter of its own state and the global
 * one ({@link #effective}).
 *
 * <p>Business-logic thread; allocation-free.
 */
public final class TradingStates {
    private final TradingState[] books;
    private final HaltCause[] bookCauses;
    private final boolean[] paused;
    private TradingState global = TradingState.ACTIVE;
    private HaltCause globalCause = HaltCause.NONE;
    private long lastOfflineCommand;

    /** Every book ACTIVE, no strategy paused. */
    public TradingStates(final int bookCount) {
        books = new TradingState[bookCount];
        bookCauses = new HaltCause[bookCount];
        paused = new boolean[bookCount];
        Arrays.fill(books, TradingState.ACTIVE);
        Arrays.fill(bookCauses, HaltCause.NONE);
    }

    /** Number of books. */
    public int bookCount() {
        return books.length;
    }

    /** The state book {@code book} trades under: the stricter of its own and the global one. */
    public TradingState effective(final int book) {
        return TradingState.stricter(books[book], global);
    }

    /** The book's own state. */
    public TradingState book(final int book) {
        return books[book];
    }

    /** Why the book's own state is what it is. */
    public HaltCause bookCause(final int book) {
        return bookCauses[book];
    }

    /** The global state. */
    public TradingState global() {
        return global;
    }

    /** Why the global state is what it is. */
    public HaltCause globalCause() {
        return globalCause;
    }

    /** Sets the book's own state (the previous one is returned). */
    public TradingState setBook(final int book, final TradingState state, final HaltCause cause) {
        final TradingState before = books[book];
        books[book] = state;
        bookCauses[book] = cause;
        return before;
    }

    /** Sets the global state (the previous one is returned). */
    public TradingState setGlobal(final TradingState state, final HaltCause cause) {
        final TradingState before = global;
        global = state;
        globalCause = cause;
        return before;
    }

    /**
     * Why a new order of the book is refused while it is HALTED: the global halt when that is what halts it
     * ({@link OrderReason#TRADING_HALTED}), a daily-loss breach ({@link OrderReason#DAILY_LOSS}), otherwise
     * {@link OrderReason#BOOK_HALTED}.
     */
    public OrderReason haltReason(final int book) {
        if (global == TradingState.HALTED) {
            return globalCause == HaltCause.DAILY_LOSS ? OrderReason.DAILY_LOSS : OrderReason.TRADING_HALTED;
        }
        return bookCauses[book] == HaltCause.DAILY_LOSS ? OrderReason.DAILY_LOSS : OrderReason.BOOK_HALTED;
    }

    /** Whether the book's strategy is paused (its decisions place no orders). */
    public boolean paused(final int book) {
        return paused[book];
    }

    /** Pauses or resumes the book's strategy; returns whether that changed anything. */
    public boolean setPaused(final int book, final boolean pause) {
        final boolean changed = paused[book] != pause;
        paused[book] = pause;
        return changed;
    }

    /**
     * The number of the last offline command applied, kill switch or limit change (0 before any): later ones only are
     * applied.
     */
    public long lastOfflineCommand() {
        return lastOfflineCommand;
    }

    /** Records that the offline command {@code number} was applied. */
    public void offlineCommandApplied(final long number) {
        lastOfflineCommand = Math.max(lastOfflineCommand, number);
    }

    /** Writes the states for a snapshot. */
    public void writeState(final StateWriter out) {
        out.section("trading-states").writeInt(global.ordinal()).writeInt(globalCause.ordinal())
            .writeLong(lastOfflineCommand).writeInt(books.length);
        for (int b = 0; b < books.length; b++) {
            out.writeInt(books[b].ordinal()).writeInt(bookCauses[b].ordinal()).writeBoolean(paused[b]);
        }
    }

    /** Restores the states from a snapshot. */
    public void readState(final StateReader in) {
        in.section("trading-states");
        global = TradingState.values()[in.readInt()];
        globalCause = HaltCause.of(in.readInt());
        lastOfflineCommand = in.readLong();
        in.expectInt(books.length, "number of books with a trading state");
        for (int b = 0; b < books.length; b++) {
            books[b] = TradingState.values()[in.readInt()];
            bookCauses[b] = HaltCause.of(in.readInt());
            paused[b] = in.readBoolean();
        }
    }
}
