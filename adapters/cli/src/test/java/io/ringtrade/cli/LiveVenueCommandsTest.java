package io.ringtrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrade.adapters.marketdata.BarSeriesData;
import io.ringtrade.adapters.marketdata.MarketDataFiles;
import io.ringtrade.adapters.venue.alpaca.FakeAlpaca;
import io.ringtrade.adapters.venue.xchange.FakeCryptoHistory;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.config.EngineConfigLoader;
import io.ringtrade.engine.config.InstrumentConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The commands around live venues, in-process and offline: {@code run --live} on XChange's simulated exchange (whose
 * market outlives an engine inside one JVM, as an exchange outlives a process), restarted on its journal;
 * {@code verify-venue} against the simulated exchange and a fake Alpaca on loopback, each with a failing check;
 * {@code instruments --venue} and a {@code download} interrupted and resumed against the fake.
 */
final class LiveVenueCommandsTest {
    @TempDir
    Path dir;

    /** The first 6,000 Bitstamp trades (about two hours of 25 November 2013). */
    private Path trades() throws IOException {
        final Path file = dir.resolve("trades.csv");
        final List<String> lines = Files.readAllLines(RealData.bitstamp(), StandardCharsets.UTF_8);
        Files.write(file, lines.subList(0, 6_001), StandardCharsets.UTF_8);
        return file;
    }

    private Path simulatedConfig(final String mode, final String symbols) throws IOException {
        final Path config = dir.resolve("live.conf");
        Files.writeString(config, """
            include required(classpath("config/instruments.conf"))
            ringtrade {
              mode = %s
              status-interval = 0
              feed { type = trades-replay, file = "%s", symbol = "BTC/USD", speed = 0 }
              venue {
                type = xchange
                api-key = "cli-test"
                symbols { %s }
                poll-interval = 5ms
                simulated { deposit { USD = 20000 }, liquidity-spread-bps = 10 }
              }
              books = [
                { name = "btc-rsi", strategy = rsi_threshold, symbols = ["BTC/USD"], interval = 1m, cash = 10000 }
                { name = "btc-sma", strategy = sma_crossover, params { fast = 5, slow = 20 }, symbols = ["BTC/USD"], interval = 1m, cash = 10000 }
              ]
            }
            """.formatted(mode, trades().toString().replace("\\", "/"), symbols), StandardCharsets.UTF_8);
        return config;
    }

    private static Set<String> duplicateSubmits(final Path effectsLog) throws IOException {
        final Set<String> seen = new HashSet<>();
        final Set<String> twice = new HashSet<>();
        for (final String line : Files.readAllLines(effectsLog)) {
            final String[] fields = line.split(",");
            if (fields[1].equals("SUBMIT") && !seen.add(fields[0])) {
                twice.add(fields[0]);
            }
        }
        return twice;
    }

    @Test
    void shouldTradeLiveOnTheSimulatedExchangeAndReconcileCleanlyOnRestart() throws IOException {
        final Path config = simulatedConfig("live", "\"BTC/USD\" = \"BTC/USD\"");
        final String[] run = {"run", "--config", config.toString(), "--live", "--exit-at-end",
            "--journal", dir.resolve("journal").toString(), "--out", dir.resolve("out").toString(),
            "--effects-log", dir.resolve("effects.log").toString(), "--snapshot-interval", "0"};

        final CommandRunner.Result first = CommandRunner.run(run);
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("LIVE mode on xchange:SimulatedExchange account key …test")
            .contains("venue: reconciliation clean: 0 differences");
        final List<String> trades = Files.readAllLines(dir.resolve("out/trades.csv"));
        assertThat(trades.size()).isGreaterThan(2);
        assertThat(duplicateSubmits(dir.resolve("effects.log"))).isEmpty();

        // a restart on the same journal: the simulated market is still there; recovery replays the reports,
        // reconciliation finds nothing to apply, and no order is sent twice
        final CommandRunner.Result second = CommandRunner.run(run);
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).containsPattern("(?m)^recovered \\d+ journaled events").contains("venue: reconciliation clean");
        assertThat(duplicateSubmits(dir.resolve("effects.log"))).isEmpty();
        assertThat(Files.readString(dir.resolve("journal/reconciliation.log")))
            .contains("xchange:SimulatedExchange: reconciliation clean");
    }

    @Test
    void shouldRefuseLiveModeWithoutTheLiveFlag() throws IOException {
        final CommandRunner.Result result = CommandRunner.run("run", "--config",
            simulatedConfig("live", "\"BTC/USD\" = \"BTC/USD\"").toString(), "--journal", dir.resolve("j").toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("ringtrade: the configuration says mode = live: orders go to"
            + " xchange:SimulatedExchange; add --live to confirm, or set mode = paper");
    }

    @Test
    void shouldRefuseTheLiveFlagForAPaperConfiguration() {
        final CommandRunner.Result result = CommandRunner.run("run", "--live", "--journal", dir.resolve("j").toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--live was given but the configuration says mode = paper");
    }

    @Test
    void shouldVerifyTheSimulatedExchangeAndFailAnUnlistedSymbol() throws IOException {
        final CommandRunner.Result ok = CommandRunner.run("verify-venue", "--config",
            simulatedConfig("live", "\"BTC/USD\" = \"BTC/USD\"").toString());
        assertThat(ok.exitCode()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out()).contains("credentials:    ok").contains("connectivity:   ok")
            .contains("clock skew:     ok (xchange:SimulatedExchange offers no clock; not checked)")
            .contains("symbol mapping: ok (BTC/USD -> BTC/USD)").contains("balances:       ok")
            .contains("open orders:    ok").contains("verdict: ok");

        final CommandRunner.Result failed = CommandRunner.run("verify-venue", "--config",
            simulatedConfig("live", "\"BTC/USD\" = \"BTC/USD\", \"ETH/USD\" = \"ETH/USD\"").toString());
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.out()).contains("symbol mapping: FAIL: ETH/USD -> ETH/USD: not listed by"
            + " xchange:SimulatedExchange").contains("verdict: FAIL");
    }

    private Path alpacaConfig(final FakeAlpaca fake, final String key) throws IOException {
        final Path config = dir.resolve("alpaca.conf");
        Files.writeString(config, """
            include required(classpath("config/instruments.conf"))
            ringtrade {
              mode = live
              feed { type = venue, symbol = "AAPL" }
              venue { type = alpaca, api-key = "%s", secret-key = "s", base-url = "%s", data-url = "%s",
                      symbols { AAPL = AAPL } }
              books = [ { name = "aapl", strategy = rsi_threshold, symbols = ["AAPL"], interval = 1d, cash = 50000 } ]
            }
            """.formatted(key, fake.url(), fake.url()), StandardCharsets.UTF_8);
        return config;
    }

    @Test
    void shouldVerifyAlpacaAndFailRefusedCredentials() throws IOException {
        try (FakeAlpaca fake = new FakeAlpaca()) {
            final CommandRunner.Result ok = CommandRunner.run("verify-venue", "--config",
                alpacaConfig(fake, "key").toString());
            assertThat(ok.exitCode()).as(ok.out() + ok.err()).isZero();
            assertThat(ok.out()).contains("credentials:    ok (alpaca account PA1234567")
                .contains("connectivity:   ok (AAPL last 150").contains("symbol mapping: ok (AAPL -> AAPL)")
                .contains("balances:       ok (USD 100000").contains("open orders:    ok (0 open");

            final CommandRunner.Result refused = CommandRunner.run("verify-venue", "--config",
                alpacaConfig(fake, "wrong").toString());
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.out()).contains("credentials:    FAIL: HTTP 401 request is not authorized")
                .contains("verdict: FAIL");
        }
    }

    @Test
    void shouldListAlpacasInstrumentsAndWriteAnInstrumentsFile() throws IOException {
        try (FakeAlpaca fake = new FakeAlpaca()) {
            final Path out = dir.resolve("alpaca-instruments.conf");
            final CommandRunner.Result result = CommandRunner.run("instruments", "--venue", "alpaca", "--config",
                alpacaConfig(fake, "key").toString(), "--out", out.toString());
            assertThat(result.exitCode()).as(result.err()).isZero();
            final List<InstrumentConfig> instruments = EngineConfigLoader.loadInstruments(out.toString());
            assertThat(instruments).containsExactly(
                new InstrumentConfig("AAPL", "USD", 1_000_000L, 1L),
                new InstrumentConfig("MSFT", "USD", 1_000_000L, 100_000_000L));
        }
    }

    @Test
    void shouldDownloadBarsPageByPageAndResumeAfterAnInterruption() throws IOException {
        try (FakeAlpaca fake = new FakeAlpaca()) {
            fake.barPages.add("[{\"t\":\"2024-01-02T05:00:00Z\",\"o\":187.15,\"h\":188.44,\"l\":183.885,\"c\":185.64,"
                + "\"v\":82488674},{\"t\":\"2024-01-03T05:00:00Z\",\"o\":184.22,\"h\":185.88,\"l\":183.43,\"c\":184.25,"
                + "\"v\":58414460}]");
            fake.barPages.add("[{\"t\":\"2024-01-04T05:00:00Z\",\"o\":182.15,\"h\":183.0872,\"l\":180.88,\"c\":181.91,"
                + "\"v\":71983570}]");
            fake.barPages.add("[{\"t\":\"2024-01-05T05:00:00Z\",\"o\":181.99,\"h\":182.76,\"l\":180.17,\"c\":181.18,"
                + "\"v\":62303315}]");
            fake.barPagesBeforeFailure = 1;
            final Path out = dir.resolve("aapl.csv");
            final String[] download = {"download", "--venue", "alpaca", "--config", alpacaConfig(fake, "key").toString(),
                "--symbol", "AAPL", "--interval", "1d", "--from", "2024-01-01", "--to", "2024-01-05", "--out",
                out.toString()};

            final CommandRunner.Result interrupted = CommandRunner.run(download);
            assertThat(interrupted.exitCode()).isEqualTo(2);
            assertThat(interrupted.err()).contains("HTTP 500 internal server error (2 bars written to " + out
                + "; run the same command again to resume)");

            // the server is back; the page after the file's last bar is asked from the start of the next hour on
            fake.barPagesBeforeFailure = -1;
            fake.barPages.removeFirst();
            final CommandRunner.Result resumed = CommandRunner.run(download);
            assertThat(resumed.exitCode()).as(resumed.err()).isZero();
            assertThat(fake.barQueries.getLast()).contains("start=2024-01-03T06%3A00%3A00Z");
            assertThat(Files.readAllLines(out)).containsExactly("date,open,high,low,close,volume",
                "2024-01-02T05:00:00Z,187.15,188.44,183.885,185.64,82488674",
                "2024-01-03T05:00:00Z,184.22,185.88,183.43,184.25,58414460",
                "2024-01-04T05:00:00Z,182.15,183.0872,180.88,181.91,71983570",
                "2024-01-05T05:00:00Z,181.99,182.76,180.17,181.18,62303315");
            final BarSeriesData bars = MarketDataFiles.loadBars(out, "AAPL");
            assertThat(bars.size()).isEqualTo(4);
        }
    }

    /**
     * Binance klines and Kraken OHLC through XChange, from a fake serving the real ETH/USD 5-minute bars in pages of
     * 200: interrupted after two pages, resumed, the file holds every bar of the two days once, as the source has it.
     */
    @Test
    void shouldDownloadXChangeBarsPageByPageAndResume() throws IOException {
        for (final String[] venue : new String[][] {{"binance", "ETH/USDT", "org.knowm.xchange.binance.BinanceExchange"},
            {"kraken", "ETH/USD", "org.knowm.xchange.kraken.KrakenExchange"}}) {
            try (FakeCryptoHistory fake = new FakeCryptoHistory(Path.of("target/data/ETH-USD-PT5M-2023-3-13_2023-3-15.json"))) {
                final Path config = dir.resolve(venue[0] + ".conf");
                Files.writeString(config, """
                    include required(classpath("config/instruments.conf"))
                    ringtrade {
                      venue { type = xchange, exchange-class = "%s", base-url = "%s" }
                      books = [ { name = "btc", strategy = rsi_threshold, symbols = ["BTC/USD"], interval = 1d, cash = 50000 } ]
                    }
                    """.formatted(venue[2], fake.url()), StandardCharsets.UTF_8);
                final Path out = dir.resolve(venue[0] + ".csv");
                final String[] download = {"download", "--venue", venue[0], "--config", config.toString(), "--symbol",
                    venue[1], "--interval", "5m", "--from", "2023-03-13", "--to", "2023-03-15", "--out", out.toString(),
                    "--requests-per-minute", "6000"};
                fake.pagesBeforeFailure = 2;

                final CommandRunner.Result interrupted = CommandRunner.run(download);
                assertThat(interrupted.exitCode()).as(venue[0]).isEqualTo(2);
                assertThat(interrupted.err()).contains("(400 bars written to " + out
                    + "; run the same command again to resume)");

                fake.pagesBeforeFailure = -1;
                final CommandRunner.Result resumed = CommandRunner.run(download);
                assertThat(resumed.exitCode()).as(resumed.err()).isZero();
                assertThat(resumed.out()).contains("wrote 180 bars of " + venue[1]);
                final List<String> expected = new ArrayList<>();
                expected.add("date,open,high,low,close,volume");
                for (final String[] bar : fake.bars) {
                    final StringBuilder row = new StringBuilder(Instant.ofEpochMilli(Long.parseLong(bar[0])).toString());
                    for (int field = 1; field < 6; field++) {
                        row.append(',').append(FixedPoint.toString(FixedPoint.parse(bar[field])));
                    }
                    expected.add(row.toString());
                }
                assertThat(Files.readAllLines(out)).as(venue[0]).containsExactlyElementsOf(expected);
                assertThat(MarketDataFiles.loadBars(out, venue[1]).size()).isEqualTo(580);
            }
        }
    }
}
