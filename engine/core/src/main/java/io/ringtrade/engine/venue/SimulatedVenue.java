package io.ringtrade.engine.venue;

import io.ringtrade.engine.api.event.OrderType;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

import java.math.RoundingMode;

/**
 * The paper and backtest venue: holds working orders and fills them against later market data.
 *
 * <p>Fill model (the README documents it):
 * <ul>
 *   <li>A market order placed at the close of bar t fills at the open of bar t+1, buys at
 *       open × (1 + slippage), sells at open × (1 − slippage). On tick data it fills at the next tick's price
 *       with the same slippage. With fill-at-close the engine calls {@link #fillMarketOrdersAt} right after the
 *       decision instead.</li>
 *   <li>A limit buy fills at the open when the bar opens at or below the limit, else at the limit when the bar's
 *       low trades through it (low &lt; limit); a limit sell mirrors this. Limits get no slippage.</li>
 *   <li>A stop buy triggers at the open when the bar opens at or above the stop, else at the stop when the high
 *       reaches it; a stop sell mirrors this. A triggered stop fills like a market order, with slippage.</li>
 *   <li>Within one bar, fills at the open come first, then triggered stops, then limits: when a stop-loss and a
 *       take-profit are both reached inside one bar, the adverse one (the stop) is taken first. Orders in the
 *       same one-cancels-other group cancel each other.</li>
 *   <li>An order is only eligible on market data after the event that placed it.</li>
 * </ul>
 *
 * <p>Owned by the business-logic thread. Orders are pooled: steady state allocates nothing.
 */
public final class SimulatedVenue {
    private static final int PASS_AT_OPEN = 0;
    private static final int PASS_STOPS = 1;
    private static final int PASS_LIMITS = 2;
    private static final long BPS = 10_000L;

    private final FillHandler fills;
    private final long[] slippageBpsByBook;
    private Order[] working = new Order[64];
    private int workingCount;
    private Order[] pool = new Order[64];
    private int poolCount;
    private final long[] executionPrice = new long[1];

    /** A venue with one slippage setting (in basis points) per book. */
    public SimulatedVenue(final FillHandler fills, final long[] slippageBpsByBook) {
        this.fills = fills;
        this.slippageBpsByBook = slippageBpsByBook.clone();
    }

    /** Accepts an order (copied into the venue's pool). */
    public void submit(final Order order) {
        final Order copy = take();
        copy.copyFrom(order);
        if (workingCount == working.length) {
            working = java.util.Arrays.copyOf(working, workingCount * 2);
        }
        working[workingCount++] = copy;
    }

    /** Writes the working orders, in submission order, for a snapshot. */
    public void writeState(final StateWriter out) {
        out.section("venue").writeInt(workingCount);
        for (int i = 0; i < workingCount; i++) {
            final Order order = working[i];
            out.writeLong(order.id).writeInt(order.bookIndex).writeInt(order.instrumentId).writeInt(order.side)
                .writeInt(order.type).writeLong(order.quantity).writeLong(order.price).writeBoolean(order.sizeToCash)
                .writeLong(order.ocoGroup).writeLong(order.placedNanos).writeInt(order.logRow);
        }
    }

    /** Replaces the working orders with a snapshot's. */
    public void readState(final StateReader in) {
        in.section("venue");
        cancelAllSilently();
        final int count = in.readInt();
        final Order order = new Order();
        for (int i = 0; i < count; i++) {
            order.id = in.readLong();
            order.bookIndex = in.readInt();
            order.instrumentId = in.readInt();
            order.side = in.readInt();
            order.type = in.readInt();
            order.quantity = in.readLong();
            order.price = in.readLong();
            order.sizeToCash = in.readBoolean();
            order.ocoGroup = in.readLong();
            order.placedNanos = in.readLong();
            order.logRow = in.readInt();
            submit(order);
        }
    }

    private void cancelAllSilently() {
        for (int i = 0; i < workingCount; i++) {
            release(i);
        }
        compact();
    }

    /** Number of working orders. */
    public int workingOrderCount() {
        return workingCount;
    }

    /** Processes a closed bar of one instrument against the working orders. */
    public void onBar(final int instrumentId, final long timeNanos, final long open, final long high, final long low) {
        for (int pass = PASS_AT_OPEN; pass <= PASS_LIMITS; pass++) {
            for (int i = 0; i < workingCount; i++) {
                final Order order = working[i];
                if (order == null || order.instrumentId != instrumentId) {
                    continue;
                }
                if (executesOnBar(order, pass, open, high, low)) {
                    execute(i, executionPrice[0], timeNanos);
                }
            }
        }
        compact();
    }

    /** Processes one trade tick: every eligible order of the instrument fills at this tick. */
    public void onTick(final int instrumentId, final long timeNanos, final long price) {
        // a tick is a bar whose open, high and low are the same price
        onBar(instrumentId, timeNanos, price, price, price);
    }

    /** Fills one book's working market orders of one instrument at {@code price} (the fill-at-close model). */
    public void fillMarketOrdersAt(final int bookIndex, final int instrumentId, final long price, final long timeNanos) {
        for (int i = 0; i < workingCount; i++) {
            final Order order = working[i];
            if (order != null && order.bookIndex == bookIndex && order.instrumentId == instrumentId
                && order.type == OrderType.MARKET) {
                execute(i, slipped(order, price), timeNanos);
            }
        }
        compact();
    }

    /** Cancels every working order (of one book, or of all books when {@code bookIndex} is negative). */
    public void cancelAll(final int bookIndex, final String reason, final long timeNanos) {
        for (int i = 0; i < workingCount; i++) {
            final Order order = working[i];
            if (order != null && (bookIndex < 0 || order.bookIndex == bookIndex)) {
                fills.onCancel(order, reason, timeNanos);
                release(i);
            }
        }
        compact();
    }

    private boolean executesOnBar(final Order order, final int pass, final long open, final long high, final long low) {
        final boolean buy = order.side > 0;
        switch (order.type) {
            case OrderType.MARKET:
                if (pass != PASS_AT_OPEN) {
                    return false;
                }
                executionPrice[0] = slipped(order, open);
                return true;
            case OrderType.STOP: {
                final boolean gapped = buy ? open >= order.price : open <= order.price;
                if (pass == PASS_AT_OPEN && gapped) {
                    executionPrice[0] = slipped(order, open);
                    return true;
                }
                final boolean reached = buy ? high >= order.price : low <= order.price;
                if (pass == PASS_STOPS && reached) {
                    executionPrice[0] = slipped(order, order.price);
                    return true;
                }
                return false;
            }
            case OrderType.LIMIT: {
                final boolean gapped = buy ? open <= order.price : open >= order.price;
                if (pass == PASS_AT_OPEN && gapped) {
                    executionPrice[0] = open;
                    return true;
                }
                final boolean through = buy ? low < order.price : high > order.price;
                if (pass == PASS_LIMITS && through) {
                    executionPrice[0] = order.price;
                    return true;
                }
                return false;
            }
            default:
                throw new IllegalStateException("unknown order type " + order.type);
        }
    }

    private long slipped(final Order order, final long price) {
        final long bps = slippageBpsByBook[order.bookIndex];
        final long factor = order.side > 0 ? BPS + bps : BPS - bps;
        return FixedPoint.mulDiv(price, factor, BPS, RoundingMode.HALF_UP);
    }

    private void execute(final int slot, final long price, final long timeNanos) {
        final Order order = working[slot];
        final long filled = fills.onExecution(order, price, timeNanos);
        if (filled <= 0) {
            fills.onCancel(order, "UNSETTLED", timeNanos);
        } else if (order.ocoGroup != 0) {
            for (int j = 0; j < workingCount; j++) {
                final Order other = working[j];
                if (j != slot && other != null && other.ocoGroup == order.ocoGroup) {
                    fills.onCancel(other, "OCO", timeNanos);
                    release(j);
                }
            }
        }
        release(slot);
    }

    private void release(final int slot) {
        final Order order = working[slot];
        working[slot] = null;
        if (poolCount == pool.length) {
            pool = java.util.Arrays.copyOf(pool, poolCount * 2);
        }
        pool[poolCount++] = order;
    }

    private Order take() {
        return poolCount > 0 ? pool[--poolCount] : new Order();
    }

    private void compact() {
        int to = 0;
        for (int from = 0; from < workingCount; from++) {
            if (working[from] != null) {
                working[to++] = working[from];
            }
        }
        for (int i = to; i < workingCount; i++) {
            working[i] = null;
        }
        workingCount = to;
    }
}
