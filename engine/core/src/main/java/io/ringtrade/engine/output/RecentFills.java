package io.ringtrade.engine.output;

/**
 * The last {@value #CAPACITY} fills in primitive arrays (a ring, allocated once), for the ops API's {@code /trades}:
 * a read model, not business state, so it is not part of the snapshot (after a restart from a snapshot it holds the
 * fills replayed since). Written by the business-logic thread; read by it too, when it builds the state view.
 */
public final class RecentFills {
    /** How many fills are kept. */
    public static final int CAPACITY = 1000;

    private final long[] time;
    private final int[] book;
    private final int[] instrument;
    private final int[] side;
    private final long[] quantity;
    private final long[] price;
    private final long[] fee;
    private final long[] orderId;
    private final long[] realized;
    private long count;

    RecentFills(final int capacity) {
        time = new long[capacity];
        book = new int[capacity];
        instrument = new int[capacity];
        side = new int[capacity];
        quantity = new long[capacity];
        price = new long[capacity];
        fee = new long[capacity];
        orderId = new long[capacity];
        realized = new long[capacity];
    }

    void add(final long timeNanos, final int bookIndex, final int instrumentId, final int fillSide,
             final long fillQuantity, final long fillPrice, final long fillFee, final long order, final long pnl) {
        final int at = (int) (count % time.length);
        time[at] = timeNanos;
        book[at] = bookIndex;
        instrument[at] = instrumentId;
        side[at] = fillSide;
        quantity[at] = fillQuantity;
        price[at] = fillPrice;
        fee[at] = fillFee;
        orderId[at] = order;
        realized[at] = pnl;
        count++;
    }

    /** Fills kept (at most {@link #CAPACITY}). */
    public int size() {
        return (int) Math.min(count, time.length);
    }

    private int at(final int ago) {
        return (int) ((count - 1 - ago) % time.length);
    }

    /** Time of the fill {@code ago} fills before the last (0 = the last). */
    public long time(final int ago) {
        return time[at(ago)];
    }

    /** Its book. */
    public int book(final int ago) {
        return book[at(ago)];
    }

    /** Its instrument. */
    public int instrument(final int ago) {
        return instrument[at(ago)];
    }

    /** Its side, +1 buy, -1 sell. */
    public int side(final int ago) {
        return side[at(ago)];
    }

    /** Its quantity. */
    public long quantity(final int ago) {
        return quantity[at(ago)];
    }

    /** Its price. */
    public long price(final int ago) {
        return price[at(ago)];
    }

    /** Its fee. */
    public long fee(final int ago) {
        return fee[at(ago)];
    }

    /** Its order's client order id. */
    public long orderId(final int ago) {
        return orderId[at(ago)];
    }

    /** The P&amp;L it realized. */
    public long realizedPnl(final int ago) {
        return realized[at(ago)];
    }
}
