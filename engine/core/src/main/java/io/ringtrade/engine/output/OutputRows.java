package io.ringtrade.engine.output;

import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * How many rows business logic has emitted to each streamed output file: part of its snapshot, so that recovery from
 * a snapshot can cut each file back to exactly the rows that snapshot covers and regenerate the rest by replaying the
 * journal's tail. Immutable.
 *
 * @param fills       rows of {@code trades.csv}
 * @param equity      rows of {@code equity.csv}
 * @param orderEvents rows of {@code order_events.csv}
 * @param roundTrips  rows of {@code round_trips.csv}
 * @param largeTransactions rows of {@code large_transactions.csv}
 * @param entries     rows of {@code entries.csv}
 * @param weights     rows of {@code weights.csv}
 */
public record OutputRows(long fills, long equity, long orderEvents, long roundTrips, long largeTransactions,
                         long entries, long weights) {
    /** No rows: a run from the start. */
    public static final OutputRows NONE = new OutputRows(0, 0, 0, 0, 0, 0, 0);

    /** Counts without weight rows. */
    public OutputRows(final long fills, final long equity, final long orderEvents, final long roundTrips,
                      final long largeTransactions, final long entries) {
        this(fills, equity, orderEvents, roundTrips, largeTransactions, entries, 0);
    }

    /** Counts without entry and weight rows. */
    public OutputRows(final long fills, final long equity, final long orderEvents, final long roundTrips,
                      final long largeTransactions) {
        this(fills, equity, orderEvents, roundTrips, largeTransactions, 0);
    }

    /** Counts without large-transaction rows. */
    public OutputRows(final long fills, final long equity, final long orderEvents, final long roundTrips) {
        this(fills, equity, orderEvents, roundTrips, 0, 0);
    }

    /** Whether any stream has rows. */
    public boolean any() {
        return fills > 0 || equity > 0 || orderEvents > 0 || roundTrips > 0 || largeTransactions > 0 || entries > 0
            || weights > 0;
    }

    /** Writes the counts for a snapshot. */
    public void writeState(final StateWriter out) {
        out.section("output-rows").writeLong(fills).writeLong(equity).writeLong(orderEvents).writeLong(roundTrips)
            .writeLong(largeTransactions).writeLong(entries).writeLong(weights);
    }

    /** Reads counts written by {@link #writeState}. */
    public static OutputRows readState(final StateReader in) {
        in.section("output-rows");
        return new OutputRows(in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong(),
            in.readLong());
    }
}
