package io.ringtrade.engine.output;

/**
 * Where business logic's result rows go as they happen: fills ({@code trades.csv}), one equity row per bar
 * ({@code equity.csv}), every order transition ({@code order_events.csv}) and closed round trips
 * ({@code round_trips.csv}). Called on the business-logic thread with primitives only; an implementation must not
 * allocate and must not block for long: {@link CsvOutputWriter} hands the rows through a bounded queue to a writer
 * thread, so nothing accumulates in the business-logic thread's memory however long the run.
 *
 * <p>Codes: {@code transition}, {@code state} and {@code reason} are ordinals of
 * {@link io.ringtrade.engine.order.OrderTransition}, {@link io.ringtrade.engine.order.OrderState} and
 * {@link io.ringtrade.engine.order.OrderReason}.
 */
public interface OutputSink {
    /** One fill. */
    void fill(long timeNanos, int bookIndex, int instrumentId, int side, long quantity, long price, long fee,
              long orderId, long realizedPnl);

    /**
     * One fill with its {@link io.ringtrade.engine.order.FillReason} ordinal ({@code trades.csv}'s {@code reason});
     * by default the reason is dropped.
     */
    default void fill(final long timeNanos, final int bookIndex, final int instrumentId, final int side,
                      final long quantity, final long price, final long fee, final long orderId, final long realizedPnl,
                      final int reason) {
        fill(timeNanos, bookIndex, instrumentId, side, quantity, price, fee, orderId, realizedPnl);
    }

    /**
     * One entry ({@code entries.csv}): a fill that opened ({@code entry} 1) or grew a position; the position is now
     * {@code position} at {@code averagePrice}. Only sinks that write that file implement it.
     */
    default void entry(final long timeNanos, final int bookIndex, final int instrumentId, final int side,
                       final int entry, final long quantity, final long price, final long averagePrice,
                       final long position, final long orderId) {
    }

    /** The books together after bar {@code barTimeNanos} (its start); whether any book held a position. */
    void equity(long barTimeNanos, long equity, long cash, long positionsValue, long benchmark, boolean inPosition);

    /**
     * Whether this sink keeps {@link #equity} rows. A sink that does not (only {@link #NONE}) is not called with them,
     * and the buy-and-hold value each row carries is then computed only when the run's summary or a snapshot reads it.
     */
    default boolean keepsEquityRows() {
        return true;
    }

    /** One order transition; the order's fields as they are after it. */
    void orderEvent(long timeNanos, long orderId, int bookIndex, int instrumentId, int side, int orderType,
                    long quantity, long notional, long price, int transition, int state, int reason,
                    long lastQuantity, long lastPrice, long filledQuantity);

    /** A position that opened at {@code openedNanos} went back to flat at {@code closedNanos}. */
    void roundTrip(int bookIndex, int instrumentId, long openedNanos, long closedNanos, long pnl);

    /**
     * A fill whose notional reached the large-transaction threshold ({@code large_transactions.csv}). Only sinks that
     * write that file implement it.
     */
    default void largeTransaction(final long timeNanos, final int bookIndex, final int instrumentId, final int side,
                                  final long quantity, final long price, final long notional) {
    }

    /**
     * One line of business logic's part of the audit log: the {@code ordinal}-th line caused by input {@code entry},
     * of {@link io.ringtrade.engine.audit.AuditKind} {@code kind}, whose number fields {@code a}–{@code f} mean what
     * that class documents. Only sinks that write the audit log implement it.
     */
    default void audit(final long timeNanos, final long entry, final int ordinal, final int kind, final int bookIndex,
                       final int instrumentId, final long a, final long b, final long c, final long d, final long e,
                       final long f) {
    }

    /**
     * The names of book {@code bookIndex}'s weighted members, before any of its {@link #weight} rows: a book whose
     * strategy keeps a {@link io.ringtrade.engine.api.strategy.WeightLog}. Called once per such book when business
     * logic is built. Only sinks that write {@code weights.csv} implement it.
     */
    default void weightMembers(final int bookIndex, final String[] members) {
    }

    /**
     * One change of a member's weight ({@code weights.csv}): {@code reason} is the ordinal of
     * {@link io.ringtrade.engine.api.strategy.WeightLog.Reason}, {@code reward} NaN when there is none yet. Only sinks
     * that write {@code weights.csv} implement it.
     */
    default void weight(final long timeNanos, final int bookIndex, final int member, final double oldWeight,
                        final double newWeight, final int reason, final double reward, final long trades) {
    }

    /** A sink that keeps nothing: optimizer runs and benchmarks, which only need the summary. */
    OutputSink NONE = new KeepsNothing();

    /**
     * Keeps nothing and asks for no equity rows: {@link #NONE}, and the base of a sink that keeps only a few of the
     * outputs (a test's counter). Whichever thread calls it.
     */
    class KeepsNothing implements OutputSink {
        @Override
        public void fill(final long timeNanos, final int bookIndex, final int instrumentId, final int side,
                         final long quantity, final long price, final long fee, final long orderId,
                         final long realizedPnl) {
        }

        @Override
        public void equity(final long barTimeNanos, final long equity, final long cash, final long positionsValue,
                           final long benchmark, final boolean inPosition) {
        }

        @Override
        public boolean keepsEquityRows() {
            return false;
        }

        @Override
        public void orderEvent(final long timeNanos, final long orderId, final int bookIndex, final int instrumentId,
                               final int side, final int orderType, final long quantity, final long notional,
                               final long price, final int transition, final int state, final int reason,
                               final long lastQuantity, final long lastPrice, final long filledQuantity) {
        }

        @Override
        public void roundTrip(final int bookIndex, final int instrumentId, final long openedNanos,
                              final long closedNanos, final long pnl) {
        }
    }
}
