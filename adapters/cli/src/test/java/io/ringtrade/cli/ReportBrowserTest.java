package io.ringtrade.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Opens the report of a backtest on the shipped Apple bars in Debian's headless Chromium (through Selenium and
 * {@code /usr/bin/chromedriver}, with the network off) and checks that every chart drew: each chart has its
 * expected series, each series left pixels of its own colour inside the plot area, the price chart has one marker
 * per fill, the heatmap and tables are filled, and the trade table sorts on a click. Saves a screenshot under
 * {@code target/report-browser/}. In CI ({@code CI=true}) a missing Chromium fails the test; elsewhere it skips with
 * the command that installs it.
 */
class ReportBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path WORK = Path.of("target", "report-browser");

    private static WebDriver browser;
    private static Path out;

    @BeforeAll
    static void openReportInChromium() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            final String missing = "Chromium is not installed (" + CHROMIUM + ", " + CHROMEDRIVER
                + "); install it with: apt-get install -y chromium chromium-driver (scripts/test does, as root)";
            if ("true".equals(System.getenv("CI"))) {
                fail(missing);
            }
            Assumptions.abort(missing);
        }
        deleteRecursively(WORK);
        out = WORK.resolve("aapl");
        final CommandRunner.Result result = CommandRunner.run("backtest", "--strategy", "sma_crossover", "--param",
            "fast=10", "--param", "slow=30", "--data", RealData.apple().toString(), "--symbol", "AAPL",
            "--out", out.toString(), "--report");
        assertThat(result.exitCode()).as(result.err()).isZero();
        final ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        final ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--user-data-dir=" + Files.createDirectories(WORK.resolve("profile")).toAbsolutePath(),
            "--window-size=1280,4600", "--force-device-scale-factor=1");
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(30));
        browser.get(out.resolve("report.html").toAbsolutePath().toUri().toString());
        new WebDriverWait(browser, Duration.ofSeconds(30))
            .until(driver -> script("return window.ringtradeCharts !== undefined"));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void shouldDrawEveryChartWithItsSeriesInTheirColours() {
        final Map<String, Integer> expectedSeries = Map.of("chart-equity", 2, "chart-drawdown", 1,
            "chart-rolling-sharpe", 1, "chart-price-0", 3);
        assertThat(chartIds()).containsExactlyInAnyOrderElementsOf(expectedSeries.keySet());
        for (final Map.Entry<String, Integer> chart : expectedSeries.entrySet()) {
            final Map<?, ?> ink = ink(chart.getKey());
            assertThat(((Number) ink.get("series")).intValue()).as(chart.getKey() + " series (x axis excluded)")
                .isEqualTo(chart.getValue());
            assertThat(((Number) ink.get("inked")).longValue()).as(chart.getKey() + " plot pixels drawn").isPositive();
            final List<?> perSeries = (List<?>) ink.get("perSeries");
            for (int i = 0; i < perSeries.size(); i++) {
                assertThat(((Number) perSeries.get(i)).longValue())
                    .as(chart.getKey() + " pixels in the colour of series " + (i + 1)).isGreaterThan(20);
            }
        }
    }

    @Test
    void shouldPutOneMarkerOnThePriceChartPerFill() throws Exception {
        final List<String> fills = fills();
        final long buys = fills.stream().filter(line -> line.contains(",BUY,")).count();
        final long sells = fills.stream().filter(line -> line.contains(",SELL,")).count();
        // sma_crossover 10/30 on Apple 2013 enters and exits a few times; each fill is on its own bar
        assertThat(buys).isGreaterThanOrEqualTo(3);
        assertThat(sells).isBetween(buys - 1, buys);
        assertThat(((Number) script(markers(2))).longValue()).isEqualTo(buys);
        assertThat(((Number) script(markers(3))).longValue()).isEqualTo(sells);
        final List<?> bars = (List<?>) script("return window.ringtradeCharts['chart-price-0'].data[1]"
            + ".filter(function (v) { return v != null; })");
        assertThat(bars).hasSize(252);
    }

    @Test
    void shouldFillTheMonthlyHeatmapAndTheTables() throws Exception {
        assertThat(browser.findElements(By.cssSelector("#monthly-returns-table td.cell:not(.empty)"))).hasSize(12);
        assertThat(browser.findElements(By.cssSelector("#trades-table tbody tr"))).hasSize(fills().size());
        assertThat(browser.findElements(By.cssSelector("#round-trips-table tbody tr")))
            .hasSize(Files.readAllLines(out.resolve("round_trips.csv")).size() - 1).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("#metrics-table")).getText()).contains("sharpe")
            .contains("buy_and_hold_return");
        assertThat(((Number) script("return performance.getEntriesByType('resource').length")).intValue())
            .as("resources fetched by the page").isZero();
    }

    @Test
    void shouldSortTheTradeTableOnAClick() throws Exception {
        // realized_pnl is the ninth column (the reason follows it)
        final List<String> pnls = fills().stream().map(line -> line.split(",")[8]).toList();
        final String lowest = pnls.stream().min(Comparator.comparing(BigDecimal::new)).orElseThrow();
        final String highest = pnls.stream().max(Comparator.comparing(BigDecimal::new)).orElseThrow();
        assertThat(new BigDecimal(lowest)).isNegative();
        final List<WebElement> headers = browser.findElements(By.cssSelector("#trades-table thead th"));
        final WebElement pnl = headers.stream().filter(h -> h.getText().startsWith("realized_pnl")).findFirst()
            .orElseThrow();
        pnl.click();
        assertThat(firstRealizedPnl()).isEqualTo(lowest);
        pnl.click();
        assertThat(firstRealizedPnl()).isEqualTo(highest);
    }

    /** The fills of trades.csv, without its header. */
    private static List<String> fills() throws Exception {
        final List<String> lines = Files.readAllLines(out.resolve("trades.csv"));
        assertThat(lines.get(0)).endsWith(",realized_pnl,reason");
        return lines.subList(1, lines.size());
    }

    @Test
    void shouldSaveAScreenshot() throws Exception {
        final Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        final Path kept = Files.copy(shot, WORK.resolve("report.png"), StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(kept)).isGreaterThan(10_000);
    }

    private static String firstRealizedPnl() {
        final List<WebElement> cells = browser.findElements(By.cssSelector("#trades-table tbody tr:first-child td"));
        return cells.get(8).getText();
    }

    private static String markers(final int series) {
        return "return window.ringtradeCharts['chart-price-0'].data[" + series + "]"
            + ".filter(function (v) { return v != null; }).length";
    }

    private static List<String> chartIds() {
        final List<String> ids = new ArrayList<>();
        for (final Object id : (List<?>) script("return Object.keys(window.ringtradeCharts)")) {
            ids.add((String) id);
        }
        return ids;
    }

    /**
     * Reads a chart's canvas back: the number of opaque pixels inside the plot area, and for each series how many of
     * them are (close to) its colour from the page's chart data.
     */
    private static Map<?, ?> ink(final String id) {
        return (Map<?, ?>) script("""
            var id = arguments[0];
            var u = window.ringtradeCharts[id];
            var spec = JSON.parse(document.getElementById('report-data').textContent).charts
                .filter(function (c) { return c.id === id; })[0];
            var colours = spec.series.map(function (s) {
              var h = s.color.substring(1);
              return [parseInt(h.substring(0, 2), 16), parseInt(h.substring(2, 4), 16), parseInt(h.substring(4, 6), 16)];
            });
            var box = u.bbox;
            var pixels = u.ctx.getImageData(box.left, box.top, box.width, box.height).data;
            var inked = 0, perSeries = colours.map(function () { return 0; });
            for (var i = 0; i < pixels.length; i += 4) {
              if (pixels[i + 3] < 200) continue;
              inked++;
              for (var k = 0; k < colours.length; k++) {
                var c = colours[k];
                if (Math.abs(pixels[i] - c[0]) + Math.abs(pixels[i + 1] - c[1]) + Math.abs(pixels[i + 2] - c[2]) < 40) {
                  perSeries[k]++;
                }
              }
            }
            return { series: u.series.length - 1, inked: inked, perSeries: perSeries };
            """, id);
    }

    private static Object script(final String code, final Object... args) {
        return ((JavascriptExecutor) browser).executeScript(code, args);
    }

    private static void deleteRecursively(final Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (final Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
