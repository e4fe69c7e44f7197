package io.ringtrade.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.Set;
import java.util.TreeSet;

/**
 * Renders one output folder as the report page: the charts (equity against buy-and-hold, underwater, rolling Sharpe,
 * price with fill markers, and for walk-forward the out-of-sample equity per fold) as uPlot charts drawn by the
 * page's script from embedded JSON, and the tables (monthly returns, metrics, trades, run, and for optimize the
 * parameter heatmap, the sortable results, validation and folds) as static HTML. The same folder always renders
 * to the same bytes. One instance per page, on the report-building thread.
 */
final class ReportPage {
    /** Most rows shown in the trade and results tables (the files keep them all). */
    static final int MAX_TABLE_ROWS = 10_000;

    private static final String STRATEGY_COLOR = "#1f6fb4";
    private static final String BENCHMARK_COLOR = "#8c8c8c";
    private static final String LOSS_COLOR = "#d62728";
    private static final String GAIN_COLOR = "#2ca02c";
    private static final String[] FOLD_COLORS = {"#1f6fb4", "#ff7f0e", "#2ca02c", "#9467bd", "#d62728", "#17becf",
        "#8c564b", "#e377c2", "#bcbd22", "#7f7f7f"};
    private static final Set<String> FRACTIONS = Set.of("total_return", "cagr", "volatility", "max_drawdown",
        "win_rate", "exposure", "buy_and_hold_return");

    private final ReportFolder folder;
    private final List<String> axes;
    private final StringBuilder body = new StringBuilder(64 * 1024);
    private final ChartData charts = new ChartData();
    private final List<String[]> contents = new ArrayList<>();

    private ReportPage(final ReportFolder folder, final List<String> axes) {
        this.folder = folder;
        this.axes = axes;
    }

    /**
     * The page for {@code folder}. {@code axes} names the two parameters of the optimization heatmap (empty: the
     * first two).
     */
    static String render(final ReportFolder folder, final List<String> axes, final ChartLibrary library,
                         final String stylesheet, final String script) {
        final ReportPage page = new ReportPage(folder, axes);
        page.build();
        return page.assemble(library, stylesheet, script);
    }

    private void build() {
        equity();
        drawdown();
        monthlyReturns();
        rollingSharpe();
        prices();
        metrics();
        if (folder.results != null) {
            optimization();
        }
        if (folder.validation != null) {
            validation();
        }
        if (folder.walkForward != null) {
            walkForward();
        }
        roundTrips();
        trades();
        runAndData();
    }

    private String title() {
        final SequencedMap<String, String> run = folder.run;
        final String command = folder.results != null ? "optimize" : run.getOrDefault("command", "backtest");
        if (!run.containsKey("strategy")) {
            return "Ringtrade report: " + folder.dir.getFileName();
        }
        final StringBuilder title = new StringBuilder(command).append(' ').append(run.get("strategy"));
        if (run.containsKey("parameters")) {
            title.append(" (").append(run.get("parameters")).append(')');
        }
        if (run.containsKey("symbols")) {
            title.append(" on ").append(run.get("symbols"));
        }
        if (run.containsKey("interval")) {
            title.append(' ').append(run.get("interval"));
        }
        return title.toString();
    }

    private void section(final String id, final String heading) {
        contents.add(new String[] {id, heading});
        body.append("<section id=\"").append(id).append("\">\n<h2>").append(Html.escape(heading)).append("</h2>\n");
    }

    private void endSection() {
        body.append("</section>\n");
    }

    private void note(final String text) {
        body.append("<p class=\"note\">").append(Html.escape(text)).append("</p>\n");
    }

    private void chartDiv(final String id) {
        body.append("<div class=\"chart\" id=\"").append(id).append("\"></div>\n");
    }

    private void equity() {
        final EquityCurve curve = folder.equity;
        section("equity", "Equity against buy-and-hold");
        final int[] rows = EquityAnalytics.drawnRows(curve.equity(), ChartData.MAX_POINTS);
        final List<ChartData.Series> series = new ArrayList<>();
        series.add(ChartData.Series.line("Strategy", STRATEGY_COLOR, curve.equity()));
        if (curve.hasBenchmark()) {
            series.add(ChartData.Series.line("Buy and hold", BENCHMARK_COLOR, curve.benchmark()));
        }
        charts.add("chart-equity", "Equity (" + folder.equityFile + ")", "equity", curve.times(), rows, series);
        chartDiv("chart-equity");
        if (rows.length < curve.size()) {
            note(rows.length + " of " + curve.size() + " bars drawn (each bucket's first, lowest and highest).");
        }
        endSection();
    }

    private void drawdown() {
        final EquityCurve curve = folder.equity;
        section("drawdown", "Underwater (drawdown from the running peak)");
        final double[] drawdown = EquityAnalytics.drawdown(curve.equity(), curve.initialCapital());
        final double[] percent = new double[drawdown.length];
        for (int i = 0; i < drawdown.length; i++) {
            percent[i] = drawdown[i] * 100;
        }
        charts.add("chart-drawdown", "Drawdown", "%", curve.times(),
            EquityAnalytics.drawnRows(percent, ChartData.MAX_POINTS),
            List.of(ChartData.Series.area("Drawdown %", LOSS_COLOR, "rgba(214,39,40,0.25)", percent)));
        chartDiv("chart-drawdown");
        endSection();
    }

    private void monthlyReturns() {
        final EquityCurve curve = folder.equity;
        section("monthly-returns", "Monthly returns");
        final EquityAnalytics.MonthlyReturns monthly =
            EquityAnalytics.monthly(curve.times(), curve.equity(), curve.initialCapital());
        final double scale = Html.scale(monthly.months());
        body.append("<table class=\"heatmap\" id=\"monthly-returns-table\">\n<thead><tr><th>year</th>");
        for (final String month : new String[] {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
            "Nov", "Dec"}) {
            body.append("<th>").append(month).append("</th>");
        }
        body.append("<th>year</th></tr></thead>\n<tbody>\n");
        for (int y = 0; y < monthly.years().length; y++) {
            body.append("<tr><th>").append(monthly.years()[y]).append("</th>");
            for (int m = 0; m < 12; m++) {
                final double value = monthly.months()[y][m];
                body.append("<td class=\"cell").append(Double.isNaN(value) ? " empty" : "").append("\" style=\"")
                    .append(Html.heatStyle(value, scale)).append("\">")
                    .append(Double.isNaN(value) ? "" : Html.percent(value)).append("</td>");
            }
            body.append("<td class=\"total\">").append(Html.percent(monthly.yearTotals()[y])).append("</td></tr>\n");
        }
        body.append("</tbody>\n</table>\n");
        note("Each month's last equity over the previous month's (the starting capital before the first month); "
            + "UTC months.");
        endSection();
    }

    private void rollingSharpe() {
        final EquityCurve curve = folder.equity;
        final double periods = folder.periodsPerYear();
        final int window = EquityAnalytics.rollingWindow(curve.size(), periods);
        section("rolling-sharpe", "Rolling Sharpe ratio (" + window + " bars)");
        final double[] sharpe = EquityAnalytics.rollingSharpe(
            EquityAnalytics.returns(curve.equity(), curve.initialCapital()), window, periods);
        if (sharpe.length == 0) {
            note("Too few bars (" + curve.size() + ") for a rolling window.");
        } else {
            final double[] times = new double[sharpe.length];
            System.arraycopy(curve.times(), window - 1, times, 0, sharpe.length);
            charts.add("chart-rolling-sharpe", "Sharpe over the last " + window + " bars (annualised with "
                    + Html.parameter(periods) + " bars a year, risk-free rate 0)", "Sharpe", times,
                EquityAnalytics.drawnRows(sharpe, ChartData.MAX_POINTS),
                List.of(ChartData.Series.line("Rolling Sharpe", GAIN_COLOR, sharpe)));
            chartDiv("chart-rolling-sharpe");
        }
        endSection();
    }

    private void prices() {
        final List<PriceChart> priceCharts = PriceChart.build(folder.prices, folder.trades);
        section("prices", "Price and fills");
        if (priceCharts.isEmpty()) {
            note("No prices.csv and no fills in this folder.");
        }
        for (int i = 0; i < priceCharts.size(); i++) {
            final PriceChart chart = priceCharts.get(i);
            final String id = "chart-price-" + i;
            final int[] rows = priceRows(chart);
            charts.add(id, chart.symbol() + ": " + chart.buyMarkers() + " buy and " + chart.sellMarkers()
                    + " sell markers (" + chart.fills() + " fills)", "price", chart.times(), rows,
                List.of(ChartData.Series.line(chart.symbol() + (chart.fromPrices() ? " close" : " fill prices"),
                        STRATEGY_COLOR, chart.closes()),
                    ChartData.Series.markers("Buy", GAIN_COLOR, chart.buys()),
                    ChartData.Series.markers("Sell", LOSS_COLOR, chart.sells())));
            chartDiv(id);
            if (!chart.fromPrices()) {
                note("No prices.csv for " + chart.symbol() + ": the line joins the fill prices.");
            }
        }
        endSection();
    }

    /** The rows of a price chart to draw: every marker, and the line's rows thinned like the equity curve. */
    private static int[] priceRows(final PriceChart chart) {
        if (chart.times().length <= ChartData.MAX_POINTS) {
            return null;
        }
        final TreeSet<Integer> rows = new TreeSet<>();
        for (final int row : EquityAnalytics.drawnRows(chart.closes(), ChartData.MAX_POINTS)) {
            rows.add(row);
        }
        for (int i = 0; i < chart.times().length; i++) {
            if (!Double.isNaN(chart.buys()[i]) || !Double.isNaN(chart.sells()[i])) {
                rows.add(i);
            }
        }
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }

    private void metrics() {
        section("metrics", "Metrics (summary.json)");
        body.append("<table class=\"metrics\" id=\"metrics-table\">\n<thead><tr><th>metric</th><th>value</th>"
            + "<th></th></tr></thead>\n<tbody>\n");
        for (final Map.Entry<String, String> metric : folder.metrics.entrySet()) {
            final String key = metric.getKey();
            body.append("<tr><th>").append(Html.escape(key)).append("</th><td>").append(Html.escape(metric.getValue()))
                .append("</td><td>");
            if (FRACTIONS.contains(key)) {
                body.append(Html.percent(parse(metric.getValue())));
            }
            body.append("</td></tr>\n");
        }
        body.append("</tbody>\n</table>\n");
        endSection();
    }

    private static double parse(final String text) {
        try {
            return Double.parseDouble(text);
        } catch (final NumberFormatException e) {
            return Double.NaN;
        }
    }

    private void roundTrips() {
        if (folder.roundTrips == null) {
            return;
        }
        final CsvTable trips = folder.roundTrips;
        section("round-trips", "Trades (round trips with P&L)");
        final int pnl = trips.find("pnl");
        if (pnl >= 0) {
            double total = 0;
            int wins = 0;
            for (int i = 0; i < trips.size(); i++) {
                final double value = trips.number(i, pnl);
                total += value;
                wins += value > 0 ? 1 : 0;
            }
            note(trips.size() + (trips.size() == 1 ? " round trip" : " round trips") + " (flat to flat, fees included), "
                + wins + " won; P&L in all "
                + Html.fixed(total, 2) + ".");
        }
        final List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(trips.size(), MAX_TABLE_ROWS); i++) {
            rows.add(i);
        }
        table("round-trips-table", trips, rows, pnl);
        if (trips.size() > MAX_TABLE_ROWS) {
            note("First " + MAX_TABLE_ROWS + " of " + trips.size() + " round trips shown; round_trips.csv has them all.");
        }
        endSection();
    }

    private void trades() {
        section("trades", "Fills (trades.csv, with realized P&L)");
        if (folder.trades == null) {
            note("No trades.csv in this folder.");
        } else {
            final CsvTable trades = folder.trades;
            final int pnl = trades.find("realized_pnl");
            double total = 0;
            for (int i = 0; pnl >= 0 && i < trades.size(); i++) {
                total += trades.number(i, pnl);
            }
            if (pnl >= 0) {
                note(trades.size() + " fills; realized P&L in all " + Html.fixed(total, 2)
                    + " (entries realize 0; each exit realizes its P&L net of its fee).");
            }
            final List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < Math.min(trades.size(), MAX_TABLE_ROWS); i++) {
                rows.add(i);
            }
            table("trades-table", trades, rows, pnl);
            if (trades.size() > MAX_TABLE_ROWS) {
                note("First " + MAX_TABLE_ROWS + " of " + trades.size() + " fills shown; trades.csv has them all.");
            }
        }
        endSection();
    }

    /** A sortable table of {@code rows} of {@code csv}; {@code signed} is a column coloured by its sign (or -1). */
    private void table(final String id, final CsvTable csv, final List<Integer> rows, final int signed) {
        body.append("<table class=\"sortable data\" id=\"").append(id).append("\">\n<thead><tr>");
        for (final String column : csv.header()) {
            body.append("<th>").append(Html.escape(column)).append("</th>");
        }
        body.append("</tr></thead>\n<tbody>\n");
        for (final int row : rows) {
            body.append("<tr>");
            for (int c = 0; c < csv.header().size(); c++) {
                final String text = csv.text(row, c);
                final double value = parse(text);
                body.append("<td");
                if (!Double.isNaN(value)) {
                    body.append(" data-v=\"").append(Html.escape(text)).append('"');
                    if (c == signed && value != 0) {
                        body.append(" class=\"").append(value > 0 ? "gain" : "loss").append('"');
                    }
                }
                body.append('>').append(Html.escape(text)).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</tbody>\n</table>\n");
    }

    private void runAndData() {
        section("run", "Run and data");
        body.append("<table class=\"metrics\" id=\"run-table\">\n<tbody>\n");
        for (final Map.Entry<String, String> field : folder.run.entrySet()) {
            keyValue(field.getKey(), field.getValue());
        }
        final EquityCurve curve = folder.equity;
        keyValue("folder", folder.dir.toString());
        keyValue("bars", Integer.toString(curve.size()));
        if (curve.size() > 0) {
            keyValue("first bar", Instant.ofEpochSecond((long) curve.times()[0]).toString());
            keyValue("last bar", Instant.ofEpochSecond((long) curve.times()[curve.size() - 1]).toString());
        }
        keyValue("starting capital", Html.fixed(curve.initialCapital(), 2));
        for (final Map.Entry<String, CsvTable> file : files().entrySet()) {
            keyValue(file.getKey(), file.getValue().size() + " rows");
        }
        if (folder.orders != null && folder.orders.find("status") >= 0) {
            final int status = folder.orders.find("status");
            final SequencedMap<String, Integer> counts = new LinkedHashMap<>();
            for (int i = 0; i < folder.orders.size(); i++) {
                counts.merge(folder.orders.text(i, status), 1, Integer::sum);
            }
            final StringBuilder text = new StringBuilder();
            counts.forEach((name, count) -> text.append(text.length() == 0 ? "" : ", ").append(name).append(' ')
                .append(count));
            keyValue("orders by status", text.toString());
        }
        body.append("</tbody>\n</table>\n");
        endSection();
    }

    private SequencedMap<String, CsvTable> files() {
        final SequencedMap<String, CsvTable> files = new LinkedHashMap<>();
        final String[] names = {folder.equityFile, "trades.csv", "round_trips.csv", "orders.csv", "prices.csv",
            "results.csv", "walk_forward.csv"};
        final CsvTable[] tables = {null, folder.trades, folder.roundTrips, folder.orders, folder.prices,
            folder.results, folder.walkForward};
        for (int i = 1; i < names.length; i++) {
            if (tables[i] != null) {
                files.put(names[i], tables[i]);
            }
        }
        return files;
    }

    private void keyValue(final String key, final String value) {
        body.append("<tr><th>").append(Html.escape(key)).append("</th><td>").append(Html.escape(value))
            .append("</td></tr>\n");
    }

    private void optimization() {
        final CsvTable results = folder.results;
        final List<String> parameters = folder.parameterNames();
        final String metric = folder.rankMetric();
        section("optimization", "Optimization: " + metric + " by parameter");
        final List<String> chosen = heatmapAxes(parameters);
        final int foldColumn = results.find("fold");
        final SequencedMap<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < results.size(); i++) {
            groups.computeIfAbsent(foldColumn < 0 ? "" : results.text(i, foldColumn), k -> new ArrayList<>()).add(i);
        }
        int index = 0;
        for (final Map.Entry<String, List<Integer>> group : groups.entrySet()) {
            final ParameterHeatmap heatmap = ParameterHeatmap.of(results, group.getValue(),
                foldColumn < 0 ? null : group.getKey(), metric, chosen.get(0), chosen.size() > 1 ? chosen.get(1) : null);
            heatmap(heatmap, "heatmap-" + index++);
        }
        note("Each cell: the best " + metric + " among the combinations with these two values"
            + (parameters.size() > 2 ? " (over the other parameters)" : "") + "; grey: no combination.");
        final int rank = results.find("rank");
        final List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            if (results.size() <= MAX_TABLE_ROWS || rank < 0 || results.number(i, rank) <= MAX_TABLE_ROWS) {
                rows.add(i);
            }
        }
        body.append("<h3>Results (results.csv; click a column to sort)</h3>\n");
        table("results-table", results, rows.subList(0, Math.min(rows.size(), MAX_TABLE_ROWS)), results.find(metric));
        if (rows.size() < results.size()) {
            note("The " + MAX_TABLE_ROWS + " best-ranked of " + results.size() + " rows shown; results.csv has them all.");
        }
        endSection();
    }

    private List<String> heatmapAxes(final List<String> parameters) {
        if (!axes.isEmpty()) {
            if (axes.size() > 2 || (axes.size() == 2 && axes.get(0).equals(axes.get(1)))) {
                throw new ReportException("--report-axes: give two different parameters, e.g. fast,slow (got "
                    + String.join(",", axes) + ")");
            }
            for (final String axis : axes) {
                if (!parameters.contains(axis)) {
                    throw new ReportException("--report-axes: '" + axis + "' is not an optimized parameter (parameters: "
                        + String.join(", ", parameters) + ")");
                }
            }
            return axes;
        }
        if (parameters.isEmpty()) {
            throw new ReportException(folder.dir.resolve("results.csv") + ": no parameter columns found");
        }
        return parameters.subList(0, Math.min(2, parameters.size()));
    }

    private void heatmap(final ParameterHeatmap heatmap, final String id) {
        body.append("<h3>").append(heatmap.fold() == null ? "" : "Fold " + Html.escape(heatmap.fold()) + ": ")
            .append(Html.escape(heatmap.metric())).append(" by ").append(Html.escape(heatmap.x()))
            .append(heatmap.y() == null ? "" : " (across) and " + Html.escape(heatmap.y()) + " (down)")
            .append("</h3>\n");
        final double scale = Html.scale(heatmap.cells());
        body.append("<table class=\"heatmap parameters\" id=\"").append(id).append("\">\n<thead><tr><th>")
            .append(heatmap.y() == null ? "" : Html.escape(heatmap.y()) + " \\ ").append(Html.escape(heatmap.x()))
            .append("</th>");
        for (final double x : heatmap.xValues()) {
            body.append("<th>").append(Html.parameter(x)).append("</th>");
        }
        body.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < heatmap.yValues().length; r++) {
            body.append("<tr><th>").append(heatmap.y() == null ? "" : Html.parameter(heatmap.yValues()[r]))
                .append("</th>");
            for (final double value : heatmap.cells()[r]) {
                body.append("<td class=\"cell").append(Double.isNaN(value) ? " empty" : "").append("\" style=\"")
                    .append(Html.heatStyle(value, scale)).append("\">")
                    .append(Double.isNaN(value) ? "" : Html.fixed(value, 3)).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</tbody>\n</table>\n");
    }

    private void validation() {
        section("validation", "Validation: train and test (validation.json)");
        final JsonObject validation = folder.validation;
        final List<String> parts = new ArrayList<>();
        final Set<String> keys = new LinkedHashSet<>();
        for (final Map.Entry<String, JsonElement> part : validation.entrySet()) {
            if (part.getValue().isJsonObject()) {
                parts.add(part.getKey());
                keys.addAll(JsonFile.primitives(part.getValue().getAsJsonObject()).keySet());
                keys.addAll(JsonFile.nested(part.getValue().getAsJsonObject(), "metrics").keySet());
            }
        }
        body.append("<table class=\"metrics\" id=\"validation-table\">\n<thead><tr><th></th>");
        for (final String part : parts) {
            body.append("<th>").append(Html.escape(part)).append("</th>");
        }
        body.append("</tr></thead>\n<tbody>\n");
        for (final String key : keys) {
            body.append("<tr><th>").append(Html.escape(key)).append("</th>");
            for (final String part : parts) {
                final JsonObject object = validation.getAsJsonObject(part);
                String value = JsonFile.primitives(object).get(key);
                if (value == null) {
                    value = JsonFile.nested(object, "metrics").get(key);
                }
                body.append("<td>").append(value == null ? "" : Html.escape(value)).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</tbody>\n</table>\n");
        endSection();
    }

    private void walkForward() {
        section("walk-forward", "Walk-forward: each fold's parameters and out-of-sample result");
        final List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < folder.walkForward.size(); i++) {
            rows.add(i);
        }
        table("walk-forward-table", folder.walkForward, rows, folder.walkForward.find("total_return"));
        final CsvTable equity = folder.walkForwardEquity;
        if (equity != null && equity.find("fold") >= 0) {
            final int foldColumn = equity.find("fold");
            final EquityCurve curve = EquityCurve.read(equity, folder.equity.initialCapital());
            final SequencedMap<String, double[]> folds = new LinkedHashMap<>();
            for (int i = 0; i < equity.size(); i++) {
                final double[] values = folds.computeIfAbsent(equity.text(i, foldColumn), k -> {
                    final double[] empty = new double[equity.size()];
                    Arrays.fill(empty, Double.NaN);
                    return empty;
                });
                values[i] = curve.equity()[i];
            }
            final List<ChartData.Series> series = new ArrayList<>();
            int color = 0;
            for (final Map.Entry<String, double[]> fold : folds.entrySet()) {
                series.add(ChartData.Series.line("Fold " + fold.getKey(), FOLD_COLORS[color++ % FOLD_COLORS.length],
                    fold.getValue()));
            }
            if (curve.hasBenchmark()) {
                series.add(ChartData.Series.line("Buy and hold", BENCHMARK_COLOR, curve.benchmark()));
            }
            charts.add("chart-walk-forward", "Out-of-sample equity, stitched, one colour per fold", "equity",
                curve.times(), EquityAnalytics.drawnRows(curve.equity(), ChartData.MAX_POINTS), series);
            chartDiv("chart-walk-forward");
        }
        endSection();
    }

    private String assemble(final ChartLibrary library, final String stylesheet, final String script) {
        final String title = title();
        final StringBuilder page = new StringBuilder(body.length() + library.script().length() + 16 * 1024);
        page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .append("<meta name=\"generator\" content=\"ringtrade report, uPlot ").append(library.version())
            .append("\">\n<title>").append(Html.escape(title)).append("</title>\n<style>\n")
            .append(library.stylesheet()).append("\n</style>\n<style>\n").append(stylesheet).append("</style>\n")
            .append("</head>\n<body>\n<header>\n<h1>").append(Html.escape(title)).append("</h1>\n<nav>");
        for (final String[] entry : contents) {
            page.append("<a href=\"#").append(entry[0]).append("\">").append(Html.escape(entry[1])).append("</a> ");
        }
        page.append("</nav>\n</header>\n<main>\n").append(body).append("</main>\n")
            .append("<script type=\"application/json\" id=\"report-data\">").append(charts.toJson())
            .append("</script>\n<script>\n").append(library.script()).append("\n</script>\n<script>\n").append(script)
            .append("</script>\n</body>\n</html>\n");
        return page.toString();
    }
}
