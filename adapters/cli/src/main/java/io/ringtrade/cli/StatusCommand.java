package io.ringtrade.cli;

import com.typesafe.config.Config;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ringtrade status}: the running engine's state as tables, read from its ops HTTP API ({@code /status},
 * {@code /books}, {@code /positions}, {@code /orders?status=open}, {@code /trades}): trading state, books, positions,
 * open orders, last fills and latency. A user mistake or an unreachable engine is one line and exit code 2. Main
 * thread.
 */
@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Print the running engine's state (trading state, books, positions, open orders, last fills, latency)"
        + " from its ops HTTP API.")
public final class StatusCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--url", paramLabel = "URL", description = "the engine's ops API (default: $RINGTRADE_URL, else " + OpsClient.URL_DEFAULT + ")")
    String url;

    @Option(names = "--fills", paramLabel = "N", description = "how many last fills to show (default 5)")
    int fills = 5;

    @Override
    public Integer call() throws InterruptedException {
        final OpsClient ops = new OpsClient(url);
        final String base = ops.base();
        if (fills < 1 || fills > 1000) {
            throw new UserException("--fills must be 1 to 1000, got " + fills);
        }
        final Config status = ops.get("/status");
        final PrintWriter out = spec.commandLine().getOut();
        out.println("engine " + base + ": " + status.getString("mode") + ", pipeline " + status.getString("pipeline")
            + ", up " + status.getLong("uptime_seconds") + " s, trading " + status.getString("trading_state.global")
            + " (" + status.getString("trading_state.global_cause") + ")");
        out.println("events " + status.getLong("events.processed") + ", journal entries "
            + status.getLong("journal.entries") + ", ring lag " + status.getLong("ring_lag") + ", orders "
            + status.getLong("orders") + ", fills " + status.getLong("fills") + ", rejected "
            + status.getLong("rejections.total") + ", data time "
            + (status.getIsNull("data_time") ? "-" : status.getString("data_time")));
        out.println();
        final List<List<String>> books = new ArrayList<>();
        books.add(List.of("book", "strategy", "state", "effective", "paused", "equity", "cash", "realized", "unrealized",
            "daily loss"));
        final List<List<String>> limits = new ArrayList<>();
        limits.add(List.of("book", "max order notional", "max position %", "max daily loss", "price band %",
            "orders/s", "max leverage", "maintenance %", "gross exposure"));
        for (final Config book : ops.get("/books").getConfigList("books")) {
            limits.add(List.of(book.getString("name"), book.getString("max_order_notional"),
                book.getString("max_position_pct"), book.getString("daily_loss_limit"), book.getString("price_band_pct"),
                book.getString("max_orders_per_second"), book.getString("max_leverage"),
                book.getString("maintenance_margin_pct"),
                book.getString("gross_exposure")));
            books.add(List.of(book.getString("name"), book.getString("strategy"), book.getString("state"),
                book.getString("effective_state"), String.valueOf(book.getBoolean("paused")), book.getString("equity"),
                book.getString("cash"), book.getString("realized_pnl"), book.getString("unrealized_pnl"),
                book.getString("daily_loss")));
        }
        table(out, "books", books);
        table(out, "limits in force (0 = none; change one with `ringtrade limits`)", limits);
        final List<List<String>> positions = new ArrayList<>();
        positions.add(List.of("book", "symbol", "quantity", "average", "last", "unrealized"));
        for (final Config position : ops.get("/positions").getConfigList("positions")) {
            positions.add(List.of(position.getString("book"), position.getString("symbol"),
                position.getString("quantity"), position.getString("average_price"), position.getString("last_price"),
                position.getString("unrealized_pnl")));
        }
        table(out, "positions", positions);
        final List<List<String>> orders = new ArrayList<>();
        orders.add(List.of("order", "book", "symbol", "side", "type", "quantity", "price", "state", "filled"));
        for (final Config order : ops.get("/orders?status=open").getConfigList("orders")) {
            orders.add(List.of(String.valueOf(order.getLong("order_id")), order.getString("book"),
                order.getString("symbol"), order.getString("side"), order.getString("type"),
                order.getString("quantity"), order.getString("price"), order.getString("state"),
                order.getString("filled_quantity")));
        }
        table(out, "open orders", orders);
        final List<List<String>> trades = new ArrayList<>();
        trades.add(List.of("time", "book", "symbol", "side", "quantity", "price", "fee", "realized"));
        for (final Config fill : ops.get("/trades?limit=" + fills).getConfigList("trades")) {
            trades.add(List.of(fill.getString("time"), fill.getString("book"), fill.getString("symbol"),
                fill.getString("side"), fill.getString("quantity"), fill.getString("price"), fill.getString("fee"),
                fill.getString("realized_pnl")));
        }
        table(out, "last fills", trades);
        final List<List<String>> latency = new ArrayList<>();
        latency.add(List.of("stage", "samples", "p50 us", "p99 us"));
        for (final String stage : List.of("journal", "logic", "gateway", "tick_to_order")) {
            latency.add(List.of(stage, String.valueOf(status.getLong("latency_us." + stage + ".count")),
                String.format("%.1f", status.getDouble("latency_us." + stage + ".p50")),
                String.format("%.1f", status.getDouble("latency_us." + stage + ".p99"))));
        }
        table(out, "latency (ingress to stage done)", latency);
        out.flush();
        return 0;
    }

    private static void table(final PrintWriter out, final String title, final List<List<String>> rows) {
        out.println(title + (rows.size() == 1 ? ": none" : ""));
        if (rows.size() == 1) {
            out.println();
            return;
        }
        final int[] widths = new int[rows.getFirst().size()];
        for (final List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (final List<String> row : rows) {
            final StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < row.size(); i++) {
                line.append(String.format("%-" + widths[i] + "s", row.get(i))).append(i + 1 < row.size() ? "  " : "");
            }
            out.println(line.toString().stripTrailing());
        }
        out.println();
    }
}
