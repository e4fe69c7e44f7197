package io.ringtrade.engine.output;

import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.money.FixedPoint;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes a run's output files: {@code trades.csv}, {@code equity.csv}, {@code orders.csv} and
 * {@code summary.json}. Formats are fixed (ISO-8601 UTC times, plain decimals, {@code \n} line ends) so two
 * runs over the same inputs give byte-identical files. Called on the thread that owns the finished run.
 */
public final class RunOutputWriter {
    /** Header of trades.csv. */
    public static final String TRADES_HEADER = "time,symbol,side,quantity,price,fee,strategy,order_id,realized_pnl";
    /** Header of equity.csv. */
    public static final String EQUITY_HEADER = "time,equity,cash,positions_value,benchmark_equity";
    /** Header of orders.csv. */
    public static final String ORDERS_HEADER = "time,order_id,strategy,symbol,side,type,quantity,limit_price,status,reason";

    private final InstrumentRegistry instruments;
    private final String[] bookNames;

    /** A writer resolving instrument ids and book indexes to names. */
    public RunOutputWriter(final InstrumentRegistry instruments, final String[] bookNames) {
        this.instruments = instruments;
        this.bookNames = bookNames.clone();
    }

    /** Writes all four files into {@code dir}, creating it. */
    public void writeAll(final Path dir, final FillLog fills, final EquityLog equity, final OrderLog orders,
                         final String summaryJson) {
        try {
            Files.createDirectories(dir);
            writeTrades(dir.resolve("trades.csv"), fills);
            writeEquity(dir.resolve("equity.csv"), equity);
            writeOrders(dir.resolve("orders.csv"), orders);
            Files.writeString(dir.resolve("summary.json"), summaryJson, StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write output to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Writes trades.csv: one row per fill. */
    public void writeTrades(final Path file, final FillLog fills) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(TRADES_HEADER);
            out.write('\n');
            final StringBuilder row = new StringBuilder(160);
            for (int i = 0; i < fills.size(); i++) {
                row.setLength(0);
                row.append(isoTime(fills.time(i))).append(',')
                    .append(instruments.get(fills.instrument(i)).symbol()).append(',')
                    .append(fills.side(i) > 0 ? "BUY" : "SELL").append(',');
                FixedPoint.appendTo(row, fills.quantity(i)).append(',');
                FixedPoint.appendTo(row, fills.price(i)).append(',');
                FixedPoint.appendTo(row, fills.fee(i)).append(',');
                row.append(bookNames[fills.book(i)]).append(',').append(fills.orderId(i)).append(',');
                FixedPoint.appendTo(row, fills.realizedPnl(i)).append('\n');
                out.append(row);
            }
        }
    }

    /** Writes equity.csv: one row per bar. */
    public void writeEquity(final Path file, final EquityLog equity) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(EQUITY_HEADER);
            out.write('\n');
            final StringBuilder row = new StringBuilder(120);
            for (int i = 0; i < equity.size(); i++) {
                row.setLength(0);
                row.append(isoTime(equity.time(i))).append(',');
                FixedPoint.appendTo(row, equity.equity(i)).append(',');
                FixedPoint.appendTo(row, equity.cash(i)).append(',');
                FixedPoint.appendTo(row, equity.positionsValue(i)).append(',');
                FixedPoint.appendTo(row, equity.benchmark(i)).append('\n');
                out.append(row);
            }
        }
    }

    /** Writes orders.csv: every order intent and its fate. */
    public void writeOrders(final Path file, final OrderLog orders) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(ORDERS_HEADER);
            out.write('\n');
            final StringBuilder row = new StringBuilder(160);
            for (int i = 0; i < orders.size(); i++) {
                row.setLength(0);
                row.append(isoTime(orders.time(i))).append(',').append(orders.orderId(i)).append(',')
                    .append(bookNames[orders.book(i)]).append(',')
                    .append(instruments.get(orders.instrument(i)).symbol()).append(',')
                    .append(orders.side(i) > 0 ? "BUY" : "SELL").append(',')
                    .append(io.ringtrade.engine.api.event.OrderType.name(orders.type(i))).append(',');
                FixedPoint.appendTo(row, orders.quantity(i)).append(',');
                FixedPoint.appendTo(row, orders.price(i)).append(',');
                row.append(OrderStatus.name(orders.status(i))).append(',').append(orders.reason(i)).append('\n');
                out.append(row);
            }
        }
    }

    /** ISO-8601 UTC, e.g. {@code 2013-01-02T00:00:00Z}. */
    public static String isoTime(final long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L))
            .toString();
    }
}
