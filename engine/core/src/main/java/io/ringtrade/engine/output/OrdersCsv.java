package io.ringtrade.engine.output;

import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.order.OrderState;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Derives {@code orders.csv} (one row per order: its decision time and its final state) from {@code order_events.csv}
 * (one row per transition) when a run ends. Rows come out in decision order, which is client-order-id order and time
 * order. Reading streams: an order's row is written as soon as it and every order decided before it have ended, so
 * memory holds only the orders decided after the oldest one still open. Orders still open at the end get their last
 * state. Called once, on the thread that closes the outputs.
 */
public final class OrdersCsv {
    private static final int TIME = 0;
    private static final int ORDER = 1;
    private static final int STRATEGY = 2;
    private static final int SYMBOL = 3;
    private static final int SIDE = 4;
    private static final int TYPE = 5;
    private static final int QUANTITY = 6;
    private static final int NOTIONAL = 7;
    private static final int PRICE = 8;
    private static final int STATE = 10;
    private static final int REASON = 11;
    private static final int LAST_QUANTITY = 12;
    private static final int LAST_PRICE = 13;
    private static final int FILLED = 14;
    private static final int COLUMNS = 15;

    private OrdersCsv() {
    }

    /** One order as the events so far describe it. */
    private static final class Summary {
        String decided;
        String strategy;
        String symbol;
        String side;
        String type;
        String quantity;
        String notional;
        String price;
        String state;
        String reason;
        String filled;
        String updated;
        long filledNotional;
        boolean ended;
    }

    /** Reads {@code events} and writes {@code orders}. */
    public static void derive(final Path events, final Path orders) {
        try (BufferedReader in = Files.newBufferedReader(events, StandardCharsets.UTF_8);
             BufferedWriter out = Files.newBufferedWriter(orders, StandardCharsets.UTF_8)) {
            final String header = in.readLine();
            if (!OutputFiles.ORDER_EVENTS_HEADER.equals(header)) {
                throw new IllegalStateException(events + ": unexpected header " + header);
            }
            out.write(OutputFiles.ORDERS_HEADER);
            out.write('\n');
            final Map<Long, Summary> pending = new LinkedHashMap<>();
            final StringBuilder row = new StringBuilder(200);
            String line;
            long lineNumber = 1;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                final String[] f = line.split(",", -1);
                if (f.length != COLUMNS) {
                    throw new IllegalStateException(events + ":" + lineNumber + ": expected " + COLUMNS + " fields");
                }
                final long id = Long.parseLong(f[ORDER]);
                Summary order = pending.get(id);
                if (order == null) {
                    order = new Summary();
                    order.decided = f[TIME];
                    order.strategy = f[STRATEGY];
                    order.symbol = f[SYMBOL];
                    order.side = f[SIDE];
                    order.type = f[TYPE];
                    pending.put(id, order);
                }
                order.quantity = f[QUANTITY];
                order.notional = f[NOTIONAL];
                order.price = f[PRICE];
                order.state = f[STATE];
                order.filled = f[FILLED];
                order.updated = f[TIME];
                order.ended = OrderState.valueOf(f[STATE]).isTerminal();
                order.reason = order.ended ? f[REASON] : "";
                final long lastQuantity = FixedPoint.parse(f[LAST_QUANTITY]);
                if (lastQuantity > 0 && (f[9].equals("FILL") || f[9].equals("PARTIAL_FILL"))) {
                    order.filledNotional = Math.addExact(order.filledNotional,
                        FixedPoint.multiply(FixedPoint.parse(f[LAST_PRICE]), lastQuantity));
                }
                flushEnded(pending, out, row);
            }
            for (final Map.Entry<Long, Summary> entry : pending.entrySet()) {
                write(entry.getKey(), entry.getValue(), out, row);
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot derive " + orders + " from " + events + ": " + e.getMessage(), e);
        }
    }

    private static void flushEnded(final Map<Long, Summary> pending, final BufferedWriter out, final StringBuilder row)
        throws IOException {
        final Iterator<Map.Entry<Long, Summary>> head = pending.entrySet().iterator();
        while (head.hasNext()) {
            final Map.Entry<Long, Summary> entry = head.next();
            if (!entry.getValue().ended) {
                return;
            }
            write(entry.getKey(), entry.getValue(), out, row);
            head.remove();
        }
    }

    private static void write(final long id, final Summary order, final BufferedWriter out, final StringBuilder row)
        throws IOException {
        final long filled = FixedPoint.parse(order.filled);
        row.setLength(0);
        row.append(order.decided).append(',').append(id).append(',').append(order.strategy).append(',')
            .append(order.symbol).append(',').append(order.side).append(',').append(order.type).append(',')
            .append(order.quantity).append(',').append(order.price).append(',').append(order.state).append(',')
            .append(order.reason).append(',').append(order.notional).append(',').append(order.filled).append(',');
        if (filled > 0) {
            FixedPoint.appendTo(row, FixedPoint.mulDiv(order.filledNotional, FixedPoint.SCALE, filled,
                RoundingMode.HALF_UP));
        } else {
            row.append('0');
        }
        row.append(',').append(order.updated).append('\n');
        out.append(row);
    }
}
