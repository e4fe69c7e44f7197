package io.ringtrade.engine.output;

import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every order intent and its fate, including risk rejections (the source of {@code orders.csv}). Reasons are
 * interned to small ints so recording allocates nothing once each reason has been seen. Written by the
 * business-logic thread; read after the run stops.
 */
public final class OrderLog {
    private final LongColumn time = new LongColumn(256);
    private final LongColumn orderId = new LongColumn(256);
    private final LongColumn book = new LongColumn(256);
    private final LongColumn instrument = new LongColumn(256);
    private final LongColumn side = new LongColumn(256);
    private final LongColumn type = new LongColumn(256);
    private final LongColumn quantity = new LongColumn(256);
    private final LongColumn price = new LongColumn(256);
    private final LongColumn status = new LongColumn(256);
    private final LongColumn reason = new LongColumn(256);
    private final List<String> reasons = new ArrayList<>(List.of(""));
    private final Map<String, Integer> reasonIds = new HashMap<>(Map.of("", 0));

    /** Records an intent and returns its row. */
    public int add(final long timeNanos, final long clientOrderId, final int bookIndex, final int instrumentId,
                   final int orderSide, final int orderType, final long orderQuantity, final long limitPrice,
                   final int orderStatus, final String why) {
        time.add(timeNanos);
        orderId.add(clientOrderId);
        book.add(bookIndex);
        instrument.add(instrumentId);
        side.add(orderSide);
        type.add(orderType);
        quantity.add(orderQuantity);
        price.add(limitPrice);
        status.add(orderStatus);
        return reason.add(intern(why));
    }

    /** Records the fate of the order in {@code row}. */
    public void settle(final int row, final int orderStatus, final String why) {
        status.set(row, orderStatus);
        reason.set(row, intern(why));
    }

    /** Replaces the recorded quantity (cash-sized orders learn theirs at the fill). */
    public void setQuantity(final int row, final long orderQuantity) {
        quantity.set(row, orderQuantity);
    }

    /** Writes every column and the reason table for a snapshot. */
    public void writeState(final StateWriter out) {
        out.section("orders");
        for (final LongColumn column : columns()) {
            column.writeState(out);
        }
        out.writeInt(reasons.size());
        for (final String why : reasons) {
            out.writeString(why);
        }
    }

    /** Restores every column and the reason table from a snapshot. */
    public void readState(final StateReader in) {
        in.section("orders");
        for (final LongColumn column : columns()) {
            column.readState(in);
        }
        final int count = in.readInt();
        reasons.clear();
        reasonIds.clear();
        for (int i = 0; i < count; i++) {
            final String why = in.readString();
            reasons.add(why);
            reasonIds.put(why, i);
        }
    }

    private LongColumn[] columns() {
        return new LongColumn[] {time, orderId, book, instrument, side, type, quantity, price, status, reason};
    }

    private int intern(final String why) {
        final Integer id = reasonIds.get(why);
        if (id != null) {
            return id;
        }
        reasons.add(why);
        reasonIds.put(why, reasons.size() - 1);
        return reasons.size() - 1;
    }

    /** Number of rows. */
    public int size() {
        return time.size();
    }

    /** Intent time. */
    public long time(final int row) {
        return time.get(row);
    }

    /** Client order id. */
    public long orderId(final int row) {
        return orderId.get(row);
    }

    /** Book index. */
    public int book(final int row) {
        return (int) book.get(row);
    }

    /** Instrument id. */
    public int instrument(final int row) {
        return (int) instrument.get(row);
    }

    /** +1 buy, -1 sell. */
    public int side(final int row) {
        return (int) side.get(row);
    }

    /** Order type code. */
    public int type(final int row) {
        return (int) type.get(row);
    }

    /** Quantity. */
    public long quantity(final int row) {
        return quantity.get(row);
    }

    /** Limit or stop price (0 for market). */
    public long price(final int row) {
        return price.get(row);
    }

    /** {@link OrderStatus} code. */
    public int status(final int row) {
        return (int) status.get(row);
    }

    /** Reason text ("" when none). */
    public String reason(final int row) {
        return reasons.get((int) reason.get(row));
    }
}
