package io.ringtrade.engine.config;

import static io.ringtrade.engine.config.ConfigText.BTC;
import static io.ringtrade.engine.config.ConfigText.ONE;
import static io.ringtrade.engine.config.ConfigText.ONE_BOOK;
import static io.ringtrade.engine.config.ConfigText.load;
import static io.ringtrade.engine.config.ConfigText.problems;

import io.ringtrade.engine.strategy.StrategyCatalog;
import io.ringtrade.engine.strategy.StrategyStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The loader's rules, each shown with the exact message a user sees. Every configuration here is HOCON text whose
 * argument {@code i} is line {@code i + 1} of {@code test.conf}, so the expected line numbers can be read off.
 */
final class EngineConfigLoaderTest {

    @Test
    void shouldApplyDefaultsToEveryKeyButInstrumentsAndBooks() {
        final EngineConfig config = load(BTC, ONE_BOOK);

        assertThat(config.mode()).isEqualTo(Mode.PAPER);
        assertThat(config.outputDir()).isEqualTo(Path.of("./out/run"));
        assertThat(config.statusInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.pipeline()).isEqualTo(new PipelineConfig(65_536, WaitStrategyKind.AUTO));
        assertThat(config.journal()).isEqualTo(new JournalConfig(Path.of("./data/journal"), Durability.OS_CACHE,
            100_000L));
        assertThat(config.feed()).isEqualTo(new FeedConfig(FeedType.TRADES_REPLAY,
            "classpath:data/bitstamp_trades_from_20131125_usd.csv", "BTC/USD", 600.0));
        assertThat(config.books()).containsExactly(new BookConfig("a", "s", Map.of(), List.of("BTC/USD"),
            io.ringtrade.engine.api.market.Interval.M1, 10_000 * ONE, 5 * ONE, 10 * ONE, false, 10 * ONE,
            FillModel.NEXT_OPEN, 0, 0));
    }

    @Test
    void shouldConvertDecimalsToFixedPointExactlyFromTheirText() {
        final EngineConfig config = load(BTC,
            "ringtrade.books = [ { name = a, strategy = s, symbols = [\"BTC/USD\"], cash = 0.00000001,",
            "  slippage-bps = 2.0, commission-bps = \"7\", participation = 0.00000001,",
            "  min-notional = 92233720368.54775807 } ]");

        assertThat(config.instruments().get(0).lotSize()).isEqualTo(1L);
        assertThat(config.instruments().get(0).tickSize()).isEqualTo(1_000_000L);
        assertThat(config.books().get(0).cash()).isEqualTo(1L);
        assertThat(config.books().get(0).slippageBps()).isEqualTo(200_000_000L);
        assertThat(config.books().get(0).commissionBps()).isEqualTo(700_000_000L);
        assertThat(config.books().get(0).participation()).isEqualTo(1L);
        assertThat(config.books().get(0).minNotional()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void shouldReadTheShortCapParticipationAndFeedInterval() {
        final EngineConfig config = load(BTC,
            "ringtrade.feed { type = bars-replay, interval = 5m }",
            "ringtrade.books = [ { name = a, strategy = s, symbols = [\"BTC/USD\"], max-short-notional = 2500,",
            "  participation = 0.1, interval = 15m } ]");

        assertThat(config.feed().interval()).isEqualTo(io.ringtrade.engine.api.market.Interval.M5);
        assertThat(config.books().get(0).maxShortNotional()).isEqualTo(2_500 * ONE);
        assertThat(config.books().get(0).participation()).isEqualTo(ONE / 10);
    }

    @Test
    void shouldRefuseMoneyThatCouldLeaveTheFixedPointRangeSayingWhy() {
        assertThat(problems(
            "ringtrade.instruments = [ { symbol = \"BTC/USD\", currency = USD, tick-size = 0.01,",
            "  lot-size = 2000000 } ]",
            "ringtrade.books = [ { name = a, strategy = s, symbols = [\"BTC/USD\"], cash = 20000000000 },",
            "  { name = b, strategy = s, symbols = [\"BTC/USD\"], cash = 10000000000 },",
            "  { name = c, strategy = s, symbols = [\"BTC/USD\"], cash = 10000000000 },",
            "  { name = d, strategy = s, symbols = [\"BTC/USD\"], cash = 10000000000 },",
            "  { name = e, strategy = s, symbols = [\"BTC/USD\"], cash = 10000000000 },",
            "  { name = f, strategy = s, symbols = [\"BTC/USD\"], participation = 1.5 },",
            "  { name = g, strategy = s, symbols = [\"BTC/USD\"], cash = 10000000000 } ]"))
            .containsExactly(
                "test.conf:2: ringtrade.instruments[0].lot-size: at most 1000000, got 2000000 (money is fixed-point at"
                    + " 1e-8 in a 64-bit long, which holds ±92,233,720,368 units; the cap leaves equity and notionals"
                    + " room to grow)",
                "test.conf:3: ringtrade.books[0].cash: at most 10000000000, got 20000000000 (money is fixed-point at"
                    + " 1e-8 in a 64-bit long, which holds ±92,233,720,368 units; the cap leaves equity and notionals"
                    + " room to grow)",
                "test.conf:8: ringtrade.books[5].participation: must be between 0 and 1, got 1.5",
                "test.conf:3: ringtrade.books: the books' cash adds up to 50000010000, more than 46000000000 (money is"
                    + " fixed-point at 1e-8 in a 64-bit long, which holds ±92,233,720,368 units; the cap leaves equity"
                    + " and notionals room to grow)");
    }

    @Test
    void shouldRefuseMoreThanEightDecimalPlaces() {
        assertThat(problems(
            "ringtrade.instruments = [ { symbol = \"BTC/USD\", currency = USD, tick-size = 0.000000001, lot-size = 1 } ]",
            ONE_BOOK))
            .containsExactly("test.conf:1: ringtrade.instruments[0].tick-size: at most 8 decimal places, "
                + "got 0.000000001");
    }

    @Test
    void shouldReportUnknownKeyInsideAListElementWithItsFullPathAndASuggestion() {
        assertThat(problems(BTC,
            "ringtrade.books = [ { name = a, strategy = s, symbols = [\"BTC/USD\"], slipage-bps = 5 } ]"))
            .containsExactly("test.conf:2: ringtrade.books[0].slipage-bps: unknown key (did you mean slippage-bps?)");
    }

    @Test
    void shouldSuggestTheKebabCaseKeyForCamelAndSnakeCase() {
        assertThat(problems(BTC, ONE_BOOK, "ringtrade.pipeline { ringSize = 1024, wait_strategy = auto }"))
            .containsExactly(
                "test.conf:3: ringtrade.pipeline.ringSize: unknown key (did you mean ring-size?)",
                "test.conf:3: ringtrade.pipeline.wait_strategy: unknown key (did you mean wait-strategy?)");
    }

    @Test
    void shouldListTheKnownKeysWhenNoneIsClose() {
        assertThat(problems(BTC, ONE_BOOK, "ringtrade.feed.colour = red"))
            .containsExactly("test.conf:3: ringtrade.feed.colour: unknown key (expected one of type, file, symbol, "
                + "speed, loop)");
    }

    @Test
    void shouldRefuseUnknownRootKeys() {
        assertThat(problems(BTC, ONE_BOOK, "ringtrad.mode = paper"))
            .containsExactly("test.conf:3: ringtrad: unknown key (did you mean ringtrade?)");
    }

    @Test
    void shouldReportWrongTypeWithTheValueAsWritten() {
        assertThat(problems(BTC, ONE_BOOK,
            "ringtrade.pipeline.ring-size = big",
            "ringtrade.journal.snapshot-interval = 1.5",
            "ringtrade.books = [ { name = a, strategy = s, symbols = \"BTC/USD\", allow-short = maybe } ]",
            "ringtrade.status-interval = soon",
            "ringtrade.feed.speed = [1]"))
            // in schema order: top-level keys, pipeline, journal, feed, instruments, books
            .containsExactly(
                "test.conf:6: ringtrade.status-interval: expected a duration such as 5s or 500ms, got \"soon\"",
                "test.conf:3: ringtrade.pipeline.ring-size: expected a whole number, got \"big\"",
                "test.conf:4: ringtrade.journal.snapshot-interval: expected a whole number, got 1.5",
                "test.conf:7: ringtrade.feed.speed: expected a number, got a list",
                "test.conf:5: ringtrade.books[0].symbols: expected a list, got \"BTC/USD\"",
                "test.conf:5: ringtrade.books[0].allow-short: expected true or false, got \"maybe\"");
    }

    @Test
    void shouldReportOutOfRangeValues() {
        assertThat(problems(BTC,
            "ringtrade.books = [ { name = a, strategy = s, symbols = [\"BTC/USD\"] }",
            "  { name = b, strategy = s, symbols = [\"BTC/USD\"], cash = -5, commission-bps = 10001 } ]",
            "ringtrade.feed.speed = -1",
            "ringtrade.journal.snapshot-interval = -1",
            "ringtrade.status-interval = -1s"))
            .containsExactly(
                "test.conf:6: ringtrade.status-interval: must be >= 0s, got -1s",
                "test.conf:5: ringtrade.journal.snapshot-interval: must be >= 0, got -1",
                "test.conf:4: ringtrade.feed.speed: must be >= 0, got -1",
                "test.conf:3: ringtrade.books[1].cash: must be > 0, got -5",
                "test.conf:3: ringtrade.books[1].commission-bps: must be between 0 and 10000, got 10001");
    }

    @Test
    void shouldRefuseRingSizesOutsideTheRangeOrNotAPowerOfTwo() {
        assertThat(problems(BTC, ONE_BOOK, "ringtrade.pipeline.ring-size = 65535"))
            .containsExactly("test.conf:3: ringtrade.pipeline.ring-size: must be a power of two, got 65535");
        assertThat(problems(BTC, ONE_BOOK, "ringtrade.pipeline.ring-size = 512"))
            .containsExactly("test.conf:3: ringtrade.pipeline.ring-size: must be between 1024 and 4194304, got 512");
        assertThat(problems(BTC, ONE_BOOK, "ringtrade.pipeline.ring-size = 65536.0"))
            .containsExactly("test.conf:3: ringtrade.pipeline.ring-size: expected a whole number, got 65536.0");
    }

    @Test
    void shouldReadTheTimerIntervalWithZeroForOffAndRefuseMoreThanAnHour() {
        assertThat(load(BTC, ONE_BOOK).pipeline().timerInterval()).isEqualTo(Duration.ofMillis(100));
        final EngineConfig config = load(BTC, ONE_BOOK, "ringtrade.pipeline.timer-interval = 250ms");
        assertThat(config.pipeline().timerInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(load(BTC, ONE_BOOK, "ringtrade.pipeline.timer-interval = 0").pipeline().timerInterval()).isZero();
        // the journal's manifest keeps it, and reads back to the same configuration
        assertThat(EngineConfigWriter.toHocon(config)).contains("timer-interval = 250000000ns, bar-close-delay = off }");
        assertThat(new EngineConfigLoader().text(EngineConfigWriter.toHocon(config), "manifest.conf")
            .environment(Map.of()).load().pipeline()).isEqualTo(config.pipeline());
        assertThat(problems(BTC, ONE_BOOK, "ringtrade.pipeline.timer-interval = 2h"))
            .containsExactly("test.conf:3: ringtrade.pipeline.timer-interval: must be at most 1h (0 = off), got 7200000ms");
        assertThat(problems(BTC, ONE_BOOK, "ringtrade.pipeline.timer-interval = soon"))
            .containsExactly("test.conf:3: ringtrade.pipeline.timer-interval: expected a duration such as 5s or 500ms, "
                + "got \"soon\"");
    }

    @Test
    void shouldReadTheBarCloseDelayWithOffByDefaultAndKeepItInTheManifest() {
        // absent, as in every journal's manifest written before the setting existed: bars close at the next input
        assertThat(load(BTC, ONE_BOOK).pipeline().barCloseDelay()).isNull();
        assertThat(load(BTC, ONE_BOOK, "ringtrade.pipeline.bar-close-delay = off").pipeline().barCloseDelay()).isNull();
        assertThat(load(BTC, ONE_BOOK, "ringtrade.pipeline.bar-close-delay = 0").pipeline().barCloseDelay()).isZero();
        final EngineConfig config = load(BTC, ONE_BOOK, "ringtrade.pipeline.bar-close-delay = 1500ms");
        assertThat(config.pipeline().barCloseDelay()).isEqualTo(Duration.ofMillis(1500));
        assertThat(EngineConfigWriter.toHocon(config)).contains("bar-close-delay = 1500000000ns }");
        assertThat(new EngineConfigLoader().text(EngineConfigWriter.toHocon(config), "manifest.conf")
            .environment(Map.of()).load().pipeline()).isEqualTo(config.pipeline());
        assertThat(problems(BTC, ONE_BOOK, "ringtrade.pipeline.bar-close-delay = 2h"))
            .containsExactly("test.conf:3: ringtrade.pipeline.bar-close-delay: must be at most 1h (or off), got 7200000ms");
        assertThat(problems(BTC, ONE_BOOK, "ringtrade.pipeline.bar-close-delay = -1s"))
            .containsExactly("test.conf:3: ringtrade.pipeline.bar-close-delay: must be >= 0s, got -1s");
        assertThat(problems(BTC, ONE_BOOK, "ringtrade.pipeline.bar-close-delay = later"))
            .containsExactly("test.conf:3: ringtrade.pipeline.bar-close-delay: expected a duration such as 5s or 500ms, "
                + "got \"later\"");
        assertThat(problems(BTC, ONE_BOOK, "ringtrade.pipeline { timer-interval = 0, bar-close-delay = 1s }"))
            .containsExactly("test.conf:3: ringtrade.pipeline.bar-close-delay: needs the engine clock, but "
                + "timer-interval is 0 (off)");
    }

    @Test
    void shouldReadALiveVenueAndReconciliationWithKeysFromTheEnvironment() {
        final EngineConfig config = new EngineConfigLoader().text(String.join("\n", BTC, ONE_BOOK,
            "ringtrade.mode = live",
            "ringtrade.venue { type = alpaca, api-key = ${?KEY}, secret-key = ${?SECRET}, symbols { \"BTC/USD\" = BTCUSD }",
            "  market-hours = queue, auth-retries = 5, poll-interval = 1s }",
            "ringtrade.reconciliation { fail-closed = false, unreleased = send, retry-interval = 10s }"), "test.conf")
            .environment(Map.of("KEY", "k-123", "SECRET", "s-456")).load();
        assertThat(config.mode()).isEqualTo(Mode.LIVE);
        final VenueConfig venue = config.venue();
        assertThat(venue.type()).isEqualTo(VenueType.ALPACA);
        assertThat(venue.replacesInPlace()).as("Alpaca replaces orders itself").isTrue();
        assertThat(venue.apiKey()).isEqualTo("k-123");
        assertThat(venue.secretKey()).isEqualTo("s-456");
        assertThat(venue.baseUrl()).isEqualTo(VenueConfig.ALPACA_PAPER_URL);
        assertThat(venue.venueSymbol("BTC/USD")).isEqualTo("BTCUSD");
        assertThat(venue.marketHours()).isEqualTo(MarketHoursRule.QUEUE);
        assertThat(venue.authRetries()).isEqualTo(5);
        assertThat(venue.pollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.reconciliation()).isEqualTo(new ReconciliationConfig(false, UnreleasedRule.SEND,
            Duration.ofSeconds(10)));
        // the journal's manifest names the venue, never its keys
        assertThat(EngineConfigWriter.toHocon(config)).contains("venue { type = alpaca, symbols { \"BTC/USD\" = \"BTCUSD\" } }")
            .doesNotContain("k-123").doesNotContain("s-456");
    }

    @Test
    void shouldSayAnXChangeVenueDoesNotReplaceOrdersInPlace() {
        final EngineConfig config = new EngineConfigLoader().text(String.join("\n", BTC, ONE_BOOK,
            "ringtrade.mode = live", "ringtrade.venue.type = xchange"), "test.conf").load();
        assertThat(config.venue().simulated()).isTrue();
        assertThat(config.venue().replacesInPlace()).as("XChange's generic API has no replace").isFalse();
        assertThat(VenueConfig.NONE.replacesInPlace()).isTrue();
    }

    @Test
    void shouldRefuseBadVenueSettingsOneLineEach() {
        assertThat(problems(BTC, ONE_BOOK, "ringtrade.venue { type = alpaca, base-url = \"ftp://x\", symbols { ETH = E },"
            + " queue-size = 1000, simulated { liquidity-spread-bps = 5 } }", "ringtrade.reconciliation.unreleased = keep"))
            .containsExactly(
                "test.conf:3: ringtrade.venue.base-url: expected an http:// or https:// URL, got \"ftp://x\"",
                "test.conf:3: ringtrade.venue.symbols: unknown symbol \"ETH\" (not in ringtrade.instruments: BTC/USD)",
                "test.conf:3: ringtrade.venue.queue-size: must be a power of two, got 1000",
                "test.conf:3: ringtrade.venue.simulated: only for exchange-class = org.knowm.xchange.simulated.SimulatedExchange",
                "test.conf:4: ringtrade.reconciliation.unreleased: expected one of drop, send, got \"keep\"");
        assertThat(problems(BTC, ONE_BOOK, "ringtrade.feed.type = venue"))
            .containsExactly("test.conf:3: ringtrade.feed.type: venue needs a venue to poll: set ringtrade.venue.type"
                + " (xchange or alpaca)");
    }

    @Test
    void shouldRefuseUnknownModesListingTheAcceptedOnes() {
        assertThat(problems(BTC, ONE_BOOK, "ringtrade.mode = real"))
            .containsExactly("test.conf:3: ringtrade.mode: expected one of paper, live, got \"real\"");
        assertThat(problems(BTC, ONE_BOOK, "ringtrade.mode = live"))
            .containsExactly("test.conf:3: ringtrade.mode: live needs a venue: set ringtrade.venue.type (xchange or"
                + " alpaca)");
        assertThat(problems(BTC, ONE_BOOK, "ringtrade.pipeline.wait-strategy = spin"))
            .containsExactly("test.conf:3: ringtrade.pipeline.wait-strategy: expected one of auto, blocking, "
                + "sleeping, yielding, phased-backoff, busy-spin, got \"spin\"");
        assertThat(problems(BTC,
            "ringtrade.books = [ { name = a, strategy = s, symbols = [\"BTC/USD\"], interval = 2m } ]"))
            .containsExactly("test.conf:2: ringtrade.books[0].interval: expected one of 1m, 5m, 15m, 30m, 1h, 4h, "
                + "1d, 1wk, 1mo, got \"2m\"");
    }

    @Test
    void shouldReportMissingRequiredKeys() {
        assertThat(problems("ringtrade.mode = paper"))
            .containsExactly(
                "test.conf:1: ringtrade.instruments: missing required key",
                "test.conf:1: ringtrade.books: missing required key");
        assertThat(problems(BTC, "ringtrade.books = [ { name = a, symbols = [\"BTC/USD\"] } ]"))
            .containsExactly("test.conf:2: ringtrade.books[0].strategy: missing required key");
        assertThat(problems("ringtrade.instruments = [ { symbol = \"BTC/USD\" } ]", ONE_BOOK))
            .containsExactly(
                "test.conf:1: ringtrade.instruments[0].currency: missing required key",
                "test.conf:1: ringtrade.instruments[0].tick-size: missing required key",
                "test.conf:1: ringtrade.instruments[0].lot-size: missing required key");
    }

    @Test
    void shouldRefuseEmptyLists() {
        assertThat(problems(BTC, "ringtrade.books = []"))
            .containsExactly("test.conf:2: ringtrade.books: must not be empty");
    }

    @Test
    void shouldRefuseDuplicateBookNames() {
        assertThat(problems(BTC,
            "ringtrade.books = [ { name = a, strategy = s, symbols = [\"BTC/USD\"] }",
            "  { name = a, strategy = t, symbols = [\"BTC/USD\"] } ]"))
            .containsExactly("test.conf:3: ringtrade.books[1].name: duplicate book name \"a\" (also ringtrade.books[0])");
    }

    @Test
    void shouldRefuseBookNamesUnfitForFileNames() {
        assertThat(problems(BTC, "ringtrade.books = [ { name = \"a/b\", strategy = s, symbols = [\"BTC/USD\"] } ]"))
            .containsExactly("test.conf:2: ringtrade.books[0].name: must be letters, digits, '.', '_' or '-' "
                + "(starting with a letter or digit), got \"a/b\"");
    }

    @Test
    void shouldRefuseSymbolsNotListedInInstruments() {
        assertThat(problems(BTC,
            "ringtrade.books = [ { name = a, strategy = s, symbols = [\"BTC/USD\", \"XRP/USD\"] } ]",
            "ringtrade.feed.symbol = \"XBT/USD\""))
            .containsExactly(
                "test.conf:3: ringtrade.feed.symbol: unknown symbol \"XBT/USD\" (not in ringtrade.instruments: BTC/USD)",
                "test.conf:2: ringtrade.books[0].symbols[0]: no feed for \"BTC/USD\" (ringtrade.feed.symbol is "
                    + "\"XBT/USD\")",
                "test.conf:2: ringtrade.books[0].symbols[1]: unknown symbol \"XRP/USD\" (not in "
                    + "ringtrade.instruments: BTC/USD)");
    }

    @Test
    void shouldRefuseDuplicateInstrumentSymbols() {
        assertThat(problems(
            "ringtrade.instruments = [ { symbol = \"BTC/USD\", currency = USD, tick-size = 0.01, lot-size = 1 }",
            "  { symbol = \"BTC/USD\", currency = usd, tick-size = 0, lot-size = 1 } ]",
            ONE_BOOK))
            .containsExactly(
                "test.conf:2: ringtrade.instruments[1].currency: must be upper-case letters or digits, got \"usd\"",
                "test.conf:2: ringtrade.instruments[1].tick-size: must be > 0, got 0",
                "test.conf:2: ringtrade.instruments[1].symbol: duplicate symbol \"BTC/USD\" "
                    + "(also ringtrade.instruments[0])");
    }

    @Test
    void shouldKeepParamsAsTextOrderedByNameAndRefuseNonScalars() {
        final EngineConfig config = load(BTC,
            "ringtrade.books = [ { name = a, strategy = s, symbols = [\"BTC/USD\"],",
            "  params { slow = 30, fast = 10, ratio = 0.00000001, mode = fast, on = true } } ]");
        assertThat(config.books().get(0).params())
            .containsExactly(Map.entry("fast", "10"), Map.entry("mode", "fast"), Map.entry("on", "true"),
                Map.entry("ratio", "0.00000001"), Map.entry("slow", "30"));

        assertThat(problems(BTC,
            "ringtrade.books = [ { name = a, strategy = s, symbols = [\"BTC/USD\"], params { fast = [1] } } ]"))
            .containsExactly("test.conf:2: ringtrade.books[0].params.fast: expected a number, string or boolean, "
                + "got a list");
    }

    @Test
    void shouldReportEveryProblemAtOnceInOneMessage() {
        assertThatThrownBy(() -> load(BTC,
            "ringtrade.books = [ { name = a, strategy = s, symbols = [\"BTC/USD\"], slipage-bps = 5 }",
            "  { name = b, strategy = s, symbols = [\"BTC/USD\"], cash = -5 } ]",
            "ringtrade.pipeline.ring-size = big"))
            .isInstanceOf(EngineConfigException.class)
            .hasMessage("""
                invalid configuration test.conf (3 problems):
                test.conf:4: ringtrade.pipeline.ring-size: expected a whole number, got "big"
                test.conf:2: ringtrade.books[0].slipage-bps: unknown key (did you mean slippage-bps?)
                test.conf:3: ringtrade.books[1].cash: must be > 0, got -5""");
    }

    @Test
    void shouldReportStrategyProblemsWithTheOthersInTheSameForm(@TempDir final Path dir) throws IOException {
        final Path bot = dir.resolve("MyBot.java");
        Files.writeString(bot, StrategyStyle.DECISION.render("MyBot", "my_bot"));
        final Path broken = dir.resolve("Broken.java");
        Files.writeString(broken, StrategyStyle.DECISION.render("Broken", "broken").replace(
            "indicators.column(\"momentum_rsi\")", "indicators.column(momentum_rsi)"));
        final int brokenLine = lineOf(broken, "indicators.column(momentum_rsi)");

        final EngineConfigException refused = catchThrowableOfType(EngineConfigException.class, () ->
            new EngineConfigLoader().text(String.join("\n", BTC,
                    "ringtrade.books = [ { name = a, strategy = nope, symbols = [\"BTC/USD\"] }",
                    "  { name = b, strategy-file = \"" + bot + "\", params { rsi_max = 200, fast = 3, stop_loss = 0,"
                        + " take_profit = 0.05 },"
                        + " symbols = [\"BTC/USD\"], commission-bps = 2.5 }",
                    "  { name = c, strategy-file = \"" + broken + "\", symbols = [\"BTC/USD\"] } ]",
                    "ringtrade.pipeline.ring-size = big"), "test.conf")
                .environment(Map.of()).strategies(StrategyCatalog.load(getClass().getClassLoader())).load());

        assertThat(refused.problems()).containsExactly(
            "test.conf:5: ringtrade.pipeline.ring-size: expected a whole number, got \"big\"",
            "test.conf:2: ringtrade.books[0].strategy: unknown strategy \"nope\" (available: test_counting, test_hold, test_quiet_events)",
            "test.conf:3: ringtrade.books[1].commission-bps: must be a whole number of basis points, got 2.5",
            "test.conf:3: ringtrade.books[1].params.fast: strategy my_bot has no parameter 'fast' (parameters: rsi_max,"
                + " rsi_exit, trade_usd, equity_fraction, quantity, stop_loss, take_profit, trailing_stop, time_stop_bars,"
                + " max_adds, average_last)",
            "test.conf:3: ringtrade.books[1].params.rsi_max: strategy my_bot parameter rsi_max=200 is out of range"
                + " (expected 1 to 99)",
            // a strategy file takes the managed-position parameters like a built-in strategy: take_profit is fine
            "test.conf:3: ringtrade.books[1].params.stop_loss: strategy my_bot parameter stop_loss=0 is refused: a"
                + " stop-loss of 0 would stop out at the entry (leave stop_loss out for none)",
            "test.conf:4: ringtrade.books[2].strategy-file: " + broken + ":" + brokenLine
                + ": error: cannot find symbol");
    }

    @Test
    void shouldTakeTheStrategyOfAFileAndResolveItNextToTheConfiguration(@TempDir final Path dir) throws IOException {
        Files.writeString(dir.resolve("MyBot.java"), StrategyStyle.DECISION.render("MyBot", "my_bot"));
        final Path config = dir.resolve("bot.conf");
        Files.writeString(config, String.join("\n", BTC, "ringtrade.books = [ { name = b, strategy-file = MyBot.java,"
            + " symbols = [\"BTC/USD\"], allow-short = true, on-opposite = reverse } ]"));
        final StrategyCatalog catalog = StrategyCatalog.load(getClass().getClassLoader());

        final EngineConfig loaded = new EngineConfigLoader().file(config).environment(Map.of()).strategies(catalog)
            .load();

        final BookConfig book = loaded.books().get(0);
        assertThat(book.strategy()).isEqualTo("my_bot");
        assertThat(book.strategyFile()).isEqualTo(dir.resolve("MyBot.java").toAbsolutePath().toString());
        assertThat(book.onOpposite()).isEqualTo(OnOpposite.REVERSE);
        assertThat(catalog.has("my_bot")).isTrue();
        assertThat(problems(BTC, "ringtrade.books = [ { name = b, strategy = s, symbols = [\"BTC/USD\"],"
            + " on-opposite = reverse } ]")).containsExactly("test.conf:2: ringtrade.books[0].on-opposite: reverse"
            + " needs allow-short = true (without shorts a sell can only close)");
    }

    @Test
    void shouldFindAnIncludeNextToAFileGivenByABareName() throws IOException {
        // the working directory (engine/core) is the only place a bare name can point to: unique names, removed after
        final String stem = "include-test-" + ProcessHandle.current().pid();
        final Path config = Path.of(stem + ".conf");
        final Path instruments = Path.of(stem + "-instruments.conf");
        try {
            Files.writeString(instruments, BTC);
            Files.writeString(config, "include required(\"" + instruments + "\")\n" + ONE_BOOK);

            final EngineConfig loaded = new EngineConfigLoader().location(config.toString()).environment(Map.of())
                .load();

            assertThat(loaded.instruments()).extracting(InstrumentConfig::symbol).containsExactly("BTC/USD");
        } finally {
            Files.deleteIfExists(config);
            Files.deleteIfExists(instruments);
        }
    }

    @Test
    void shouldFallBackToTheShippedCopyOfAnIncludeAndSayWhereItLooked(@TempDir final Path dir) throws IOException {
        final Path config = dir.resolve("alone.conf");
        Files.writeString(config, "include required(\"test-instruments.conf\")\n" + ONE_BOOK);
        final Path missing = dir.resolve("missing.conf");
        Files.writeString(missing, "include required(\"nowhere.conf\")\n" + ONE_BOOK);

        assertThat(EngineConfigLoader.load(config).instruments()).extracting(InstrumentConfig::tickSize)
            .containsExactly(50_000_000L);
        assertThatThrownBy(() -> EngineConfigLoader.load(missing))
            .isInstanceOf(EngineConfigException.class)
            .hasMessageContaining(missing + ": include was not found: 'nowhere.conf' (looked next to the including"
                + " file and for config/nowhere.conf in the engine's jar)");
    }

    private static int lineOf(final Path file, final String text) throws IOException {
        final List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }

    @Test
    void shouldSubstituteEnvironmentVariablesFromTheProcessEnvironment() {
        final String home = System.getenv("HOME");
        assumeThat(home).isNotNull();

        final EngineConfig config = new EngineConfigLoader()
            .text(String.join("\n", BTC, ONE_BOOK, "ringtrade.output-dir = ${?HOME}\"/ringtrade-out\""), "test.conf")
            .load();

        assertThat(config.outputDir()).isEqualTo(Path.of(home + "/ringtrade-out"));
    }

    @Test
    void shouldKeepTheFileValueWhenAnOptionalVariableIsUnset() {
        final EngineConfig config = load(BTC, ONE_BOOK,
            "ringtrade.journal.dir = \"./j\"",
            "ringtrade.journal.dir = ${?RINGTRADE_TEST_UNSET_VARIABLE}");

        assertThat(config.journal().dir()).isEqualTo(Path.of("./j"));
    }

    @Test
    void shouldRefuseARequiredVariableThatIsUnset() {
        assertThat(problems(BTC, ONE_BOOK, "ringtrade.output-dir = ${RINGTRADE_TEST_UNSET_VARIABLE}"))
            .containsExactly("test.conf:3: Could not resolve substitution to a value: ${RINGTRADE_TEST_UNSET_VARIABLE}"
                + " (not set in the file nor as an environment variable)");
    }

    @Test
    void shouldValidateOverridesLikeTheFile() {
        final EngineConfig config = new EngineConfigLoader().text(String.join("\n", BTC, ONE_BOOK), "test.conf")
            .override("ringtrade.feed.speed", "0").override("ringtrade.pipeline.ring-size", "1024").load();
        assertThat(config.feed().speed()).isZero();
        assertThat(config.pipeline().ringSize()).isEqualTo(1024);

        assertThatThrownBy(() -> new EngineConfigLoader().text(String.join("\n", BTC, ONE_BOOK), "test.conf")
            .override("ringtrade.feed.speed", "-1").override("ringtrade.feed.sped", "1").load())
            .isInstanceOf(EngineConfigException.class)
            .extracting(e -> ((EngineConfigException) e).problems())
            .isEqualTo(List.of(
                "overrides: ringtrade.feed.speed: must be >= 0, got -1",
                "overrides: ringtrade.feed.sped: unknown key (did you mean speed?)"));
    }

    @Test
    void shouldReportSyntaxErrorsWithFileAndLine() {
        assertThat(problems(BTC, "ringtrade {", "  mode = paper"))
            .containsExactly("test.conf:3: Expecting close brace } or a comma, got end of file");
    }

    @Test
    void shouldReportAMissingFileOrResource() {
        assertThatThrownBy(() -> EngineConfigLoader.load("no/such/file.conf"))
            .hasMessage("invalid configuration no/such/file.conf (1 problem):\nno/such/file.conf: file not found");
        assertThatThrownBy(() -> EngineConfigLoader.load("classpath:config/none.conf"))
            .hasMessage("invalid configuration classpath:config/none.conf (1 problem):\n"
                + "classpath:config/none.conf: not found on the class path");
    }

    @Test
    void shouldPickWaitStrategyByCoreCountOnlyForAuto() {
        assertThat(WaitStrategyKind.AUTO.resolve(1)).isEqualTo(WaitStrategyKind.PHASED_BACKOFF);
        assertThat(WaitStrategyKind.AUTO.resolve(2)).isEqualTo(WaitStrategyKind.PHASED_BACKOFF);
        assertThat(WaitStrategyKind.AUTO.resolve(3)).isEqualTo(WaitStrategyKind.PHASED_BACKOFF);
        assertThat(WaitStrategyKind.AUTO.resolve(4)).isEqualTo(WaitStrategyKind.YIELDING);
        assertThat(WaitStrategyKind.BUSY_SPIN.resolve(2)).isEqualTo(WaitStrategyKind.BUSY_SPIN);
        assertThat(WaitStrategyKind.BLOCKING.resolve(8)).isEqualTo(WaitStrategyKind.BLOCKING);
        assertThat(new PipelineConfig(1024, WaitStrategyKind.AUTO).effectiveWaitStrategy(8))
            .isEqualTo(WaitStrategyKind.YIELDING);
    }

    @Test
    void shouldPickTheLayoutByCoreCountOnlyForAutoAndKeepAChosenOneInTheManifest() {
        assertThat(PipelineLayout.AUTO.resolve(1)).isEqualTo(PipelineLayout.FUSED);
        assertThat(PipelineLayout.AUTO.resolve(3)).isEqualTo(PipelineLayout.FUSED);
        assertThat(PipelineLayout.AUTO.resolve(4)).isEqualTo(PipelineLayout.PARALLEL);
        assertThat(PipelineLayout.FUSED.resolve(16)).isEqualTo(PipelineLayout.FUSED);
        assertThat(PipelineLayout.PARALLEL.resolve(2)).isEqualTo(PipelineLayout.PARALLEL);
        // absent, as in every manifest written before the setting existed
        final EngineConfig auto = load(BTC, ONE_BOOK);
        assertThat(auto.pipeline().layout()).isEqualTo(PipelineLayout.AUTO);
        assertThat(auto.pipeline().effectiveLayout(2)).isEqualTo(PipelineLayout.FUSED);
        assertThat(EngineConfigWriter.toHocon(auto)).doesNotContain("layout");
        final EngineConfig parallel = load(BTC, ONE_BOOK, "ringtrade.pipeline.layout = parallel");
        assertThat(parallel.pipeline().layout()).isEqualTo(PipelineLayout.PARALLEL);
        assertThat(EngineConfigWriter.toHocon(parallel)).contains("wait-strategy = auto, layout = parallel,");
        assertThat(new EngineConfigLoader().text(EngineConfigWriter.toHocon(parallel), "manifest.conf")
            .environment(Map.of()).load().pipeline()).isEqualTo(parallel.pipeline());
        assertThat(problems(BTC, ONE_BOOK, "ringtrade.pipeline.layout = threads"))
            .containsExactly("test.conf:3: ringtrade.pipeline.layout: expected one of auto, parallel, fused, "
                + "got \"threads\"");
    }

    @Test
    void shouldReadRollCycleRetentionArchiveAndFeedLoop() {
        final EngineConfig config = load(BTC, ONE_BOOK,
            "ringtrade.journal { dir = ./j, roll-cycle = minutely, retain = 10m, archive-dir = ./archive,",
            "  snapshot-interval = 5000 }",
            "ringtrade.feed.loop = true");

        assertThat(config.journal()).isEqualTo(new JournalConfig(Path.of("./j"), Durability.OS_CACHE, 5000,
            RollCycle.MINUTELY, Duration.ofMinutes(10), Path.of("./archive")));
        assertThat(config.journal().retentionEnabled()).isTrue();
        assertThat(config.feed().loop()).isTrue();
        final EngineConfig defaults = load(BTC, ONE_BOOK);
        assertThat(defaults.journal().rollCycle()).isEqualTo(RollCycle.DAILY);
        assertThat(defaults.journal().retain()).isZero();
        assertThat(defaults.journal().archiveDir()).isNull();
        assertThat(defaults.journal().retentionEnabled()).isFalse();
        assertThat(defaults.feed().loop()).isFalse();
        // retention without an archive deletes
        assertThat(load(BTC, ONE_BOOK, "ringtrade.journal.retain = 7d").journal().retain()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void shouldRefuseBadRollCycleRetentionArchiveAndLoopValues() {
        assertThat(problems(BTC, ONE_BOOK,
            "ringtrade.journal { roll-cycle = weekly, retain = soon }",
            "ringtrade.feed.loop = maybe"))
            .containsExactly(
                "test.conf:3: ringtrade.journal.roll-cycle: expected one of daily, hourly, minutely, got \"weekly\"",
                "test.conf:3: ringtrade.journal.retain: expected a duration such as 5s or 500ms, got \"soon\"",
                "test.conf:4: ringtrade.feed.loop: expected true or false, got \"maybe\"");
        assertThat(problems(BTC, ONE_BOOK, "ringtrade.journal.retain = -1h"))
            .containsExactly("test.conf:3: ringtrade.journal.retain: must be >= 0s, got -1h");
    }

    @Test
    void shouldRefuseAnArchiveThatCannotWorkAndRetentionWithoutSnapshots() {
        assertThat(problems(BTC, ONE_BOOK, "ringtrade.journal.archive-dir = ./archive"))
            .containsExactly("test.conf:3: ringtrade.journal.archive-dir: has no effect while ringtrade.journal.retain"
                + " is 0 (off): set a retention window or remove it");
        assertThat(problems(BTC, ONE_BOOK, "ringtrade.journal { dir = ./j, retain = 1h, archive-dir = \"j/\" }"))
            .containsExactly("test.conf:3: ringtrade.journal.archive-dir: must not be the journal directory itself,"
                + " got \"j/\"");
        assertThat(problems(BTC, ONE_BOOK, "ringtrade.journal { retain = 1h, snapshot-interval = 0 }"))
            .containsExactly("test.conf:3: ringtrade.journal.retain: needs snapshots, but"
                + " ringtrade.journal.snapshot-interval is 0");
        assertThat(problems(BTC, ONE_BOOK, "ringtrade.feed { type = journal, loop = true }"))
            .contains("test.conf:3: ringtrade.feed.loop: only a trades-replay or bars-replay feed can loop");
    }

    @Test
    void shouldMeasureEditDistanceForSuggestions() {
        assertThat(ObjectReader.editDistance("slipage-bps", "slippage-bps")).isEqualTo(1);
        assertThat(ObjectReader.editDistance("kitten", "sitting")).isEqualTo(3);
        assertThat(ObjectReader.editDistance("", "abc")).isEqualTo(3);
    }
}
