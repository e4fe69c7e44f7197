package io.ringtrade.engine.output;

import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * Every fill of a run, in order, as primitive columns (the source of {@code trades.csv}). Written by the
 * business-logic thread; read after the run stops.
 */
public final class FillLog {
    private final LongColumn time = new LongColumn(256);
    private final LongColumn instrument = new LongColumn(256);
    private final LongColumn side = new LongColumn(256);
    private final LongColumn quantity = new LongColumn(256);
    private final LongColumn price = new LongColumn(256);
    private final LongColumn fee = new LongColumn(256);
    private final LongColumn book = new LongColumn(256);
    private final LongColumn orderId = new LongColumn(256);
    private final LongColumn realizedPnl = new LongColumn(256);

    /** Records one fill. */
    public void add(final long timeNanos, final int instrumentId, final int fillSide, final long fillQuantity,
                    final long fillPrice, final long fillFee, final int bookIndex, final long clientOrderId,
                    final long realized) {
        time.add(timeNanos);
        instrument.add(instrumentId);
        side.add(fillSide);
        quantity.add(fillQuantity);
        price.add(fillPrice);
        fee.add(fillFee);
        book.add(bookIndex);
        orderId.add(clientOrderId);
        realizedPnl.add(realized);
    }

    /** Writes every column for a snapshot. */
    public void writeState(final StateWriter out) {
        out.section("fills");
        for (final LongColumn column : columns()) {
            column.writeState(out);
        }
    }

    /** Restores every column from a snapshot. */
    public void readState(final StateReader in) {
        in.section("fills");
        for (final LongColumn column : columns()) {
            column.readState(in);
        }
    }

    private LongColumn[] columns() {
        return new LongColumn[] {time, instrument, side, quantity, price, fee, book, orderId, realizedPnl};
    }

    /** Number of fills. */
    public int size() {
        return time.size();
    }

    /** Event time of fill {@code row}. */
    public long time(final int row) {
        return time.get(row);
    }

    /** Instrument of fill {@code row}. */
    public int instrument(final int row) {
        return (int) instrument.get(row);
    }

    /** +1 buy, -1 sell. */
    public int side(final int row) {
        return (int) side.get(row);
    }

    /** Filled quantity. */
    public long quantity(final int row) {
        return quantity.get(row);
    }

    /** Fill price. */
    public long price(final int row) {
        return price.get(row);
    }

    /** Commission charged. */
    public long fee(final int row) {
        return fee.get(row);
    }

    /** Book index. */
    public int book(final int row) {
        return (int) book.get(row);
    }

    /** Client order id. */
    public long orderId(final int row) {
        return orderId.get(row);
    }

    /** Realized P&amp;L of the fill (0 for entries). */
    public long realizedPnl(final int row) {
        return realizedPnl.get(row);
    }
}
