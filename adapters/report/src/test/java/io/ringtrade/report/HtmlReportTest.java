package io.ringtrade.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The page built from hand-made output folders: its charts' data, its tables, and that it needs nothing else. */
class HtmlReportTest {
    @TempDir
    Path dir;

    @Test
    void shouldInlineTheChartLibraryAndReferenceNothingOutsideThePage() throws Exception {
        backtestFolder();
        final String page = Files.readString(HtmlReport.write(dir, List.of()));
        assertThat(page).contains("<meta name=\"generator\" content=\"ringtrade report, uPlot 1.6.30\">")
            .contains(ChartLibrary.load().script()).contains(".uplot")
            .doesNotContain(" src=").doesNotContain("<link").doesNotContain("href=\"http")
            .doesNotContain("@import").doesNotContain("url(");
    }

    @Test
    void shouldRenderTheSameFolderToTheSameBytes() throws Exception {
        backtestFolder();
        assertThat(HtmlReport.render(dir, List.of())).isEqualTo(HtmlReport.render(dir, List.of()));
    }

    @Test
    void shouldDrawEquityAgainstBuyAndHoldAndAMarkerPerFill() throws Exception {
        backtestFolder();
        final JsonObject charts = charts(HtmlReport.render(dir, List.of()));
        final JsonObject equity = charts.getAsJsonObject("chart-equity");
        assertThat(labels(equity)).containsExactly("Strategy", "Buy and hold");
        assertThat(values(equity, 0)).containsExactly("10000", "10100", "9898", "10393", "10600");
        final JsonObject drawdown = charts.getAsJsonObject("chart-drawdown");
        assertThat(values(drawdown, 0)).containsExactly("0", "0", "-2", "0", "0");
        final JsonObject price = charts.getAsJsonObject("chart-price-0");
        assertThat(labels(price)).containsExactly("AAPL close", "Buy", "Sell");
        // the fills are on bars 2 and 4: one buy and one sell marker, the other bars null
        assertThat(values(price, 1)).containsExactly("null", "100.5", "null", "null", "null");
        assertThat(values(price, 2)).containsExactly("null", "null", "null", "104", "null");
        assertThat(price.get("title").getAsString()).isEqualTo("AAPL: 1 buy and 1 sell markers (2 fills)");
    }

    @Test
    void shouldShowMonthlyReturnsMetricsTradesAndTheRun() throws Exception {
        backtestFolder();
        final String page = HtmlReport.render(dir, List.of());
        // January ends at 10100 (from 10000): 1.00 %; February ends at 10600 (from 10100): 4.95 %
        assertThat(page).contains(">1.00 %</td>").contains(">4.95 %</td>").contains("<td class=\"total\">6.00 %</td>")
            .contains("<tr><th>sharpe</th><td>1.5</td>")
            .contains("<tr><th>total_return</th><td>0.06</td><td>6.00 %</td></tr>")
            .contains("<tr><th>strategy</th><td>sma_crossover</td></tr>")
            .contains("<tr><th>starting capital</th><td>10000.00</td></tr>")
            .contains("<td data-v=\"6.5\" class=\"gain\">6.5</td>")
            .contains("<tr><th>orders by status</th><td>FILLED 2</td></tr>")
            .contains("1 round trip (flat to flat, fees included), 1 won; P&amp;L in all 6.50.")
            .contains("<td>2013-01-31T00:00:00Z</td><td>2013-02-04T00:00:00Z</td><td>sma_crossover</td><td>AAPL</td>"
                + "<td data-v=\"6.5\" class=\"gain\">6.5</td>");
    }

    @Test
    void shouldDrawTheLineThroughFillPricesWhenThereIsNoPricesFile() throws Exception {
        backtestFolder();
        Files.delete(dir.resolve("prices.csv"));
        final JsonObject price = charts(HtmlReport.render(dir, List.of())).getAsJsonObject("chart-price-0");
        assertThat(labels(price)).containsExactly("AAPL fill prices", "Buy", "Sell");
        assertThat(values(price, 0)).containsExactly("100.5", "104");
    }

    @Test
    void shouldMapTheRankingMetricOverTwoParametersWithTheBestOverTheOthers() throws Exception {
        optimizeFolder();
        final String page = HtmlReport.render(dir, List.of());
        // fast × slow, the best sharpe over `extra`: (5,20) max(0.5, 0.9) = 0.9; (10,20) 0.2; (5,30) -0.4; (10,30) none
        assertThat(heatmapRows(page, "heatmap-0")).containsExactly(
            "<tr><th>20</th><td>0.900</td><td>0.200</td></tr>",
            "<tr><th>30</th><td>-0.400</td><td></td></tr>");
        assertThat(page).contains("id=\"results-table\"").contains("class=\"sortable data\"");
    }

    @Test
    void shouldUseTheChosenAxes() throws Exception {
        optimizeFolder();
        final String page = HtmlReport.render(dir, List.of("extra", "fast"));
        assertThat(heatmapRows(page, "heatmap-0")).containsExactly(
            "<tr><th>5</th><td>0.500</td><td>0.900</td></tr>",
            "<tr><th>10</th><td>0.200</td><td>0.100</td></tr>");
    }

    @Test
    void shouldRefuseAxesThatAreNotOptimizedParameters() throws Exception {
        optimizeFolder();
        assertThatThrownBy(() -> HtmlReport.render(dir, List.of("fast", "sharpe"))).isInstanceOf(ReportException.class)
            .hasMessage("--report-axes: 'sharpe' is not an optimized parameter (parameters: fast, slow, extra)");
        assertThatThrownBy(() -> HtmlReport.render(dir, List.of("fast", "fast")))
            .hasMessage("--report-axes: give two different parameters, e.g. fast,slow (got fast,fast)");
    }

    @Test
    void shouldSayWhichFileIsMissing() throws Exception {
        assertThatThrownBy(() -> HtmlReport.render(dir, List.of())).isInstanceOf(ReportException.class)
            .hasMessage(dir.resolve("summary.json") + ": file not found");
        Files.writeString(dir.resolve("summary.json"), "{\"total_return\": 0}\n");
        assertThatThrownBy(() -> HtmlReport.render(dir, List.of())).hasMessage(dir
            + ": no equity.csv (nor walk_forward_equity.csv); give the output folder of a backtest, replay, run or optimize");
    }

    private void backtestFolder() throws Exception {
        Files.writeString(dir.resolve("summary.json"), """
            {
              "total_return": 0.06,
              "sharpe": 1.5,
              "final_equity": 10600,
              "run": {
                "strategy": "sma_crossover",
                "parameters": "fast=2 slow=3",
                "symbols": "AAPL",
                "interval": "1d"
              }
            }
            """);
        Files.writeString(dir.resolve("equity.csv"), """
            time,equity,cash,positions_value,benchmark_equity
            2013-01-30T00:00:00Z,10000,10000,0,10000
            2013-01-31T00:00:00Z,10100,0,10100,10050
            2013-02-01T00:00:00Z,9898,0,9898,9950
            2013-02-04T00:00:00Z,10393,10393,0,10400
            2013-02-05T00:00:00Z,10600,10600,0,10500
            """);
        Files.writeString(dir.resolve("trades.csv"), """
            time,symbol,side,quantity,price,fee,strategy,order_id,realized_pnl,venue
            2013-01-31T00:00:00Z,AAPL,BUY,99,100.5,0,sma_crossover,1000,0,sim
            2013-02-04T00:00:00Z,AAPL,SELL,99,104,0,sma_crossover,3000,6.5,sim
            """);
        Files.writeString(dir.resolve("round_trips.csv"), """
            opened,closed,strategy,symbol,pnl
            2013-01-31T00:00:00Z,2013-02-04T00:00:00Z,sma_crossover,AAPL,6.5
            """);
        Files.writeString(dir.resolve("orders.csv"), """
            time,order_id,strategy,symbol,side,type,quantity,limit_price,status,reason
            2013-01-30T00:00:00Z,1000,sma_crossover,AAPL,BUY,MARKET,99,0,FILLED,
            2013-02-01T00:00:00Z,3000,sma_crossover,AAPL,SELL,MARKET,99,0,FILLED,
            """);
        Files.writeString(dir.resolve("prices.csv"), """
            time,symbol,close
            2013-01-30T00:00:00Z,AAPL,100
            2013-01-31T00:00:00Z,AAPL,101
            2013-02-01T00:00:00Z,AAPL,99
            2013-02-04T00:00:00Z,AAPL,104
            2013-02-05T00:00:00Z,AAPL,105
            """);
    }

    private void optimizeFolder() throws Exception {
        backtestFolder();
        Files.writeString(dir.resolve("summary.json"), """
            {
              "total_return": 0.06,
              "sharpe": 1.5,
              "final_equity": 10600,
              "run": {
                "command": "optimize",
                "strategy": "test",
                "grid": "fast=5,10 slow=20,30 extra=1,2",
                "rank_by": "sharpe"
              }
            }
            """);
        Files.writeString(dir.resolve("results.csv"), """
            fast,slow,extra,total_return,sharpe,trades,rank
            5,20,1,0.1,0.5,3,2
            5,20,2,0.2,0.9,3,1
            5,30,1,0.0,-0.4,3,5
            5,30,2,0.0,-0.5,3,6
            10,20,1,0.1,0.2,3,3
            10,20,2,0.1,0.1,3,4
            """);
    }

    private static List<String> heatmapRows(final String page, final String id) {
        final int start = page.indexOf("<tbody>", page.indexOf("id=\"" + id + "\""));
        final String body = page.substring(start + "<tbody>\n".length(), page.indexOf("</tbody>", start));
        final List<String> rows = new ArrayList<>();
        for (final String row : body.split("\n")) {
            rows.add(row.replaceAll(" class=\"cell[^\"]*\" style=\"[^\"]*\"", ""));
        }
        return rows;
    }

    private static JsonObject charts(final String page) {
        final String marker = "<script type=\"application/json\" id=\"report-data\">";
        final int start = page.indexOf(marker) + marker.length();
        final JsonArray list = JsonParser.parseString(page.substring(start, page.indexOf("</script>", start)))
            .getAsJsonObject().getAsJsonArray("charts");
        final JsonObject byId = new JsonObject();
        for (final JsonElement chart : list) {
            byId.add(chart.getAsJsonObject().get("id").getAsString(), chart);
        }
        return byId;
    }

    private static List<String> labels(final JsonObject chart) {
        final List<String> labels = new ArrayList<>();
        chart.getAsJsonArray("series").forEach(s -> labels.add(s.getAsJsonObject().get("label").getAsString()));
        return labels;
    }

    private static List<String> values(final JsonObject chart, final int series) {
        final List<String> values = new ArrayList<>();
        chart.getAsJsonArray("series").get(series).getAsJsonObject().getAsJsonArray("values")
            .forEach(v -> values.add(v.toString()));
        return values;
    }
}
