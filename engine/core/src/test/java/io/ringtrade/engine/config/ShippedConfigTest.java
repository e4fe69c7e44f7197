package io.ringtrade.engine.config;

import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.market.TradingCalendar;
import io.ringtrade.engine.risk.RiskSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The files shipped in the repository's {@code config/} directory, read from the file system and the class path. */
final class ShippedConfigTest {
    /** Surefire runs in the module directory, engine/core. */
    private static final Path SHIPPED = Path.of("../../config");

    private static final long ONE = 100_000_000L;

    @Test
    void shouldLoadShippedDefaultWithExactValues() {
        final EngineConfig config = new EngineConfigLoader().file(SHIPPED.resolve("default.conf"))
            .environment(Map.of()).load();

        assertThat(config.mode()).isEqualTo(Mode.PAPER);
        assertThat(config.outputDir()).isEqualTo(Path.of("./out/run"));
        assertThat(config.statusInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.pipeline()).isEqualTo(new PipelineConfig(65_536, WaitStrategyKind.AUTO));
        assertThat(config.journal()).isEqualTo(new JournalConfig(Path.of("./data/journal"), Durability.OS_CACHE,
            100_000L));
        assertThat(config.feed()).isEqualTo(new FeedConfig(FeedType.TRADES_REPLAY,
            "classpath:data/bitstamp_trades_from_20131125_usd.csv", "BTC/USD", 600.0));
        assertThat(config.feed().classpathResource()).isEqualTo("data/bitstamp_trades_from_20131125_usd.csv");
        assertThat(config.instruments()).containsExactly(
            new InstrumentConfig("BTC/USD", "USD", 1_000_000L, 1L, TradingCalendar.ALWAYS_OPEN),
            new InstrumentConfig("ETH/USD", "USD", 1_000_000L, 1L, TradingCalendar.ALWAYS_OPEN),
            new InstrumentConfig("AAPL", "USD", 1_000_000L, ONE, TradingCalendar.US_EQUITIES));
        assertThat(config.books()).containsExactly(
            new BookConfig("btc-sma", "sma_crossover", Map.of("fast", "10", "slow", "30"), List.of("BTC/USD"),
                Interval.M1, 10_000 * ONE, 5 * ONE, 10 * ONE, false, 10 * ONE, FillModel.NEXT_OPEN, 0, 0, DAILY_LOSS),
            new BookConfig("btc-rsi", "rsi_threshold",
                Map.of("buy_below", "30", "period", "14", "sell_above", "70"), List.of("BTC/USD"),
                Interval.M1, 10_000 * ONE, 5 * ONE, 10 * ONE, false, 10 * ONE, FillModel.NEXT_OPEN, 0, 0, DAILY_LOSS),
            new BookConfig("btc-sma-5m", "sma_crossover", Map.of("fast", "5", "slow", "20"), List.of("BTC/USD"),
                Interval.M5, 10_000 * ONE, 5 * ONE, 10 * ONE, false, 10 * ONE, FillModel.NEXT_OPEN, 0, 0, DAILY_LOSS));
        assertThat(config.books().get(1).params().keySet()).containsExactly("buy_below", "period", "sell_above");
        // the 5 % position limit the risk issue names, and the other engine-wide limits
        assertThat(config.risk()).isEqualTo(new RiskSettings(0, 5 * ONE, 0, 50, 5 * ONE, 10_000 * ONE));
        assertThat(config.http()).isEqualTo(new HttpConfig(0, "127.0.0.1", null));
    }

    /** Each shipped book's own limit: a loss of 250 in a UTC day halts it. */
    private static final BookLimits DAILY_LOSS = new BookLimits(0, 0, 250 * ONE, 0, 0);

    /**
     * The soak configuration paces its feed: the Bitstamp file's 100,000 trades span 576,125 s (0.174 a second), so
     * 4,000,000 times real time is about 694,000 inputs a second, below the 67,108,864 a minute (1.1 M a second) one
     * minutely cycle file holds — at full speed the fused layout outran it and the engine halted (BENCHMARKS 15).
     */
    @Test
    void shouldPaceTheShippedSoakBelowWhatAMinutelyCycleHolds() {
        final EngineConfig config = new EngineConfigLoader().file(SHIPPED.resolve("soak.conf")).environment(Map.of())
            .load();

        assertThat(config.journal().rollCycle()).isEqualTo(RollCycle.MINUTELY);
        assertThat(config.feed().loop()).isTrue();
        assertThat(config.feed().speed()).isEqualTo(4_000_000.0);
        assertThat(100_000 * config.feed().speed() / 576_125 * 60).isLessThan(67_108_864);
    }

    @Test
    void shouldTakeFeedSpeedAndOutputDirFromEnvironmentWhenSet() {
        final EngineConfig config = new EngineConfigLoader().file(SHIPPED.resolve("default.conf"))
            .environment(Map.of("RINGTRADE_FEED_SPEED", "0", "RINGTRADE_OUTPUT_DIR", "/tmp/rt"))
            .load();

        assertThat(config.feed().speed()).isZero();
        assertThat(config.feed().unpaced()).isTrue();
        assertThat(config.outputDir()).isEqualTo(Path.of("/tmp/rt"));
    }

    @Test
    void shouldLoadShippedDefaultFromTheClassPathWithItsInclude(@TempDir final Path jarRoot) throws IOException {
        // the CLI module copies config/*.conf into its jar under config/: a directory on a class loader is the same
        Files.createDirectories(jarRoot.resolve("config"));
        Files.copy(SHIPPED.resolve("default.conf"), jarRoot.resolve("config/default.conf"));
        Files.copy(SHIPPED.resolve("instruments.conf"), jarRoot.resolve("config/instruments.conf"));
        final EngineConfig fromFile = new EngineConfigLoader().file(SHIPPED.resolve("default.conf"))
            .environment(Map.of()).load();

        try (URLClassLoader jar = new URLClassLoader(new URL[] {jarRoot.toUri().toURL()}, null)) {
            final EngineConfig fromJar = new EngineConfigLoader().location(EngineConfigLoader.DEFAULT_LOCATION)
                .classLoader(jar).environment(Map.of()).load();
            final List<InstrumentConfig> instruments = new EngineConfigLoader()
                .location(EngineConfigLoader.INSTRUMENTS_LOCATION).classLoader(jar).loadInstruments();

            assertThat(fromJar).isEqualTo(fromFile);
            assertThat(instruments).isEqualTo(fromFile.instruments());
        }
    }

    @Test
    void shouldLoadShippedInstrumentsAloneWithExactSteps() {
        final List<InstrumentConfig> instruments =
            EngineConfigLoader.loadInstruments(SHIPPED.resolve("instruments.conf").toString());

        assertThat(instruments).containsExactly(
            new InstrumentConfig("BTC/USD", "USD", 1_000_000L, 1L, TradingCalendar.ALWAYS_OPEN),
            new InstrumentConfig("ETH/USD", "USD", 1_000_000L, 1L, TradingCalendar.ALWAYS_OPEN),
            new InstrumentConfig("AAPL", "USD", 1_000_000L, ONE, TradingCalendar.US_EQUITIES));
    }

    @Test
    void shouldReadInstrumentsFromAWholeEngineConfiguration() {
        final List<InstrumentConfig> instruments =
            EngineConfigLoader.loadInstruments(SHIPPED.resolve("default.conf").toString());

        assertThat(instruments).extracting(InstrumentConfig::symbol).containsExactly("BTC/USD", "ETH/USD", "AAPL");
    }

    @Test
    void shouldRegisterInstrumentsWithIdsInConfigurationOrder() {
        final EngineConfig config = new EngineConfigLoader().file(SHIPPED.resolve("default.conf"))
            .environment(Map.of()).load();

        final InstrumentRegistry registry = config.newInstrumentRegistry();

        assertThat(registry.size()).isEqualTo(3);
        assertThat(registry.find("AAPL").id()).isEqualTo(2);
        assertThat(registry.find("BTC/USD").lotSize()).isEqualTo(1L);
        assertThat(registry.find("BTC/USD").tickSize()).isEqualTo(1_000_000L);
    }

    @Test
    void shouldResolveRelativeIncludeOnTheTestClassPath() {
        final EngineConfig config = EngineConfigLoader.load("classpath:config/with-include.conf");

        assertThat(config.instruments()).containsExactly(new InstrumentConfig("BTC/USD", "USD", 50_000_000L,
            100_000L));
        assertThat(config.books()).extracting(BookConfig::name).containsExactly("only");
    }
}
