package io.ringtrade.engine.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigResolver;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.market.TradingCalendar;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.risk.RiskLimits;
import io.ringtrade.engine.risk.RiskSettings;
import io.ringtrade.engine.strategy.StrategyCatalog;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Loads and validates the engine configuration: a HOCON file (Typesafe Config) whose {@code ringtrade} block becomes
 * an {@link EngineConfig}. Shaped like an Aeron context: set where the configuration comes from and any overrides,
 * then {@link #load()} reads everything once and either returns a complete configuration or throws one
 * {@link EngineConfigException} listing every problem, each with the file, line and full key path.
 *
 * <pre>{@code
 * EngineConfig config = EngineConfigLoader.load("classpath:config/default.conf");
 * EngineConfig fast = new EngineConfigLoader().location("my.conf").override("ringtrade.feed.speed", "0").load();
 * }</pre>
 *
 * <p>What is read, explicitly: the one file or resource given, the files it {@code include}s (relative to it on the
 * file system, then on the class path), the overrides, and environment variables for {@code ${?NAME}}
 * substitutions. Nothing else: no {@code reference.conf} or {@code application.conf} from other jars and no system
 * properties, so that a dependency cannot change how the engine trades. Defaults live in code, as the
 * {@code *_DEFAULT} constants of the configuration records. Secrets come from environment variables through
 * substitutions; they are never written in files.
 *
 * <p>Not thread-safe: configure and load on the start-up (main) thread.
 */
public final class EngineConfigLoader {
    /** Prefix of a location that names a class-path resource, e.g. {@code classpath:config/default.conf}. */
    public static final String CLASSPATH_PREFIX = "classpath:";
    /** The configuration {@code ringtrade run} uses when given none: shipped in the jar under {@code config/}. */
    public static final String DEFAULT_LOCATION = "classpath:config/default.conf";
    /** The shipped instrument list (tick and lot sizes), included by the default configuration. */
    public static final String INSTRUMENTS_LOCATION = "classpath:config/instruments.conf";
    /** The one root key; everything the engine reads is below it. */
    public static final String ROOT = "ringtrade";

    private static final Pattern BOOK_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z0-9]+");
    private static final String OVERRIDES_ORIGIN = "overrides";

    private String location = DEFAULT_LOCATION;
    private String text;
    private ClassLoader classLoader = EngineConfigLoader.class.getClassLoader();
    private Map<String, String> environment;
    private StrategyCatalog strategies;
    private final Map<String, String> overrides = new LinkedHashMap<>();

    /** Loads and validates a configuration from a file path or a {@code classpath:} resource. */
    public static EngineConfig load(final String location) {
        return new EngineConfigLoader().location(location).load();
    }

    /** Loads and validates a configuration file. */
    public static EngineConfig load(final Path file) {
        return new EngineConfigLoader().file(file).load();
    }

    /**
     * Loads only {@code ringtrade.instruments} from a file path or a {@code classpath:} resource, e.g.
     * {@link #INSTRUMENTS_LOCATION} for the backtest's tick and lot sizes; see {@link #loadInstruments()}.
     */
    public static List<InstrumentConfig> loadInstruments(final String location) {
        return new EngineConfigLoader().location(location).loadInstruments();
    }

    /** Reads from a file path, or from a class-path resource when the location starts with {@code classpath:}. */
    public EngineConfigLoader location(final String location) {
        this.location = Objects.requireNonNull(location, "location");
        this.text = null;
        return this;
    }

    /** Reads from a file. */
    public EngineConfigLoader file(final Path file) {
        return location(file.toString());
    }

    /**
     * Reads HOCON text instead of a file; {@code name} stands for the file name in messages. Its relative includes
     * are looked up on the class path.
     */
    public EngineConfigLoader text(final String hocon, final String name) {
        this.location = Objects.requireNonNull(name, "name");
        this.text = Objects.requireNonNull(hocon, "hocon");
        return this;
    }

    /** The class loader for {@code classpath:} locations and includes; by default the one that loaded this class. */
    public EngineConfigLoader classLoader(final ClassLoader classLoader) {
        this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
        return this;
    }

    /**
     * Replaces the value at a full path, e.g. {@code ("ringtrade.feed.speed", "0")}, as if it were written last in
     * the file, before substitutions are resolved; validated like the file (the value is text and is converted to the
     * key's type). For command-line options.
     */
    public EngineConfigLoader override(final String path, final String value) {
        overrides.put(Objects.requireNonNull(path, "path"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * The variables {@code ${NAME}} and {@code ${?NAME}} may refer to, instead of the process environment; for tests
     * and for tools that must not depend on the caller's environment.
     */
    public EngineConfigLoader environment(final Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
        return this;
    }

    /**
     * Checks every book's strategy against {@code catalog} while loading, so that an unknown strategy, an unknown or
     * bad parameter and a strategy file that does not compile are reported with the other problems, each at its key;
     * a book's {@code strategy-file} is compiled into the catalog. Without it, strategies are checked when books are
     * built.
     */
    public EngineConfigLoader strategies(final StrategyCatalog catalog) {
        this.strategies = Objects.requireNonNull(catalog, "catalog");
        return this;
    }

    /**
     * Parses, resolves and validates the configuration.
     *
     * @throws EngineConfigException listing every problem found, one per line
     */
    public EngineConfig load() {
        final Config config = resolve(parse());
        final Problems problems = new Problems(location);
        final ObjectReader root = new ObjectReader("", config.root(), problems);
        final ObjectReader ringtrade = root.object(ROOT);
        root.finish();
        final EngineConfig engine = readEngine(ringtrade, baseDirectory(), strategies);
        ringtrade.finish();
        problems.throwIfAny();
        return engine;
    }

    /**
     * Parses and resolves the configuration and validates only {@code ringtrade.instruments}, in configuration order.
     * The rest of the file is not checked, so that this works on a whole engine configuration as well as on
     * {@code instruments.conf}.
     *
     * @throws EngineConfigException listing every problem found in the instruments, one per line
     */
    public List<InstrumentConfig> loadInstruments() {
        final Config config = resolve(parse());
        final Problems problems = new Problems(location);
        final ObjectReader ringtrade = new ObjectReader("", config.root(), problems).object(ROOT);
        final List<InstrumentConfig> instruments = readInstruments(ringtrade, new LinkedHashMap<>());
        problems.throwIfAny();
        return List.copyOf(instruments);
    }

    private Config parse() {
        final ConfigParseOptions options = ConfigParseOptions.defaults()
            .setSyntax(ConfigSyntax.CONF)
            .setAllowMissing(false)
            .setClassLoader(classLoader)
            .setIncluder(new ConfigIncludes(classLoader, location));
        final Config parsed;
        try {
            if (text != null) {
                parsed = ConfigFactory.parseString(text, options.setOriginDescription(location));
            } else if (location.startsWith(CLASSPATH_PREFIX)) {
                final String resource = location.substring(CLASSPATH_PREFIX.length());
                if (resource.isEmpty() || classLoader.getResource(resource) == null) {
                    throw failure(location + ": not found on the class path");
                }
                parsed = ConfigFactory.parseResources(resource, options);
            } else {
                final Path file = Path.of(location);
                if (!Files.isRegularFile(file)) {
                    throw failure(location + ": file not found");
                }
                // absolute, so that includes are found next to it even when it was given as a bare name
                parsed = ConfigFactory.parseFile(file.toAbsolutePath().toFile(), options.setOriginDescription(location));
            }
            return withOverrides(parsed);
        } catch (final InvalidPathException e) {
            throw failure(location + ": not a valid path (" + e.getReason() + ")");
        } catch (final ConfigException e) {
            throw failure(Problems.describe(e));
        }
    }

    private Config withOverrides(final Config parsed) {
        Config result = parsed;
        final List<String> bad = new ArrayList<>();
        for (final Map.Entry<String, String> override : overrides.entrySet()) {
            try {
                result = result.withValue(override.getKey(),
                    ConfigValueFactory.fromAnyRef(override.getValue(), OVERRIDES_ORIGIN));
            } catch (final ConfigException.BadPath e) {
                bad.add(OVERRIDES_ORIGIN + ": " + override.getKey() + ": not a valid key path");
            }
        }
        if (!bad.isEmpty()) {
            throw new EngineConfigException(location, bad);
        }
        return result;
    }

    private Config resolve(final Config parsed) {
        final ConfigResolveOptions options = environment == null
            ? ConfigResolveOptions.defaults()
            : ConfigResolveOptions.noSystem().appendResolver(new EnvironmentResolver(environment, null));
        try {
            return parsed.resolve(options);
        } catch (final ConfigException e) {
            throw failure(Problems.describe(e));
        }
    }

    private EngineConfigException failure(final String problem) {
        return new EngineConfigException(location, List.of(problem));
    }

    /** Where relative {@code strategy-file}s are: the configuration file's folder, else the working directory. */
    private Path baseDirectory() {
        if (text == null && !location.startsWith(CLASSPATH_PREFIX)) {
            try {
                final Path parent = Path.of(location).toAbsolutePath().getParent();
                if (parent != null) {
                    return parent;
                }
            } catch (final InvalidPathException e) {
                // reported by parse()
            }
        }
        return Path.of("").toAbsolutePath();
    }

    private static EngineConfig readEngine(final ObjectReader ringtrade, final Path baseDir,
                                           final StrategyCatalog strategies) {
        final Mode mode = ringtrade.choice("mode", Mode.values(), EngineConfig.MODE_DEFAULT);
        final Path outputDir = path(ringtrade, "output-dir", EngineConfig.OUTPUT_DIR_DEFAULT);
        final Duration statusInterval = ringtrade.duration("status-interval", EngineConfig.STATUS_INTERVAL_DEFAULT);
        final PipelineConfig pipeline = readPipeline(ringtrade.object("pipeline"));
        final JournalConfig journal = readJournal(ringtrade.object("journal"));
        final ObjectReader feedReader = ringtrade.object("feed");
        final FeedConfig feed = readFeed(feedReader);
        final Map<String, String> symbolPaths = new LinkedHashMap<>();
        final List<InstrumentConfig> instruments = readInstruments(ringtrade, symbolPaths);
        // without a readable instrument list every symbol would look unknown: one problem is enough
        final Map<String, String> listed = instruments == null ? null : symbolPaths;
        if (listed != null && !feed.symbol().isEmpty() && !listed.containsKey(feed.symbol())) {
            feedReader.problem("symbol", unknownSymbol(feed.symbol(), listed));
        }
        final List<BookConfig> books = readBooks(ringtrade, listed, feed.type() == FeedType.JOURNAL ? null : feed.symbol(),
            baseDir, strategies);
        final VenueConfig venue = readVenue(ringtrade.object("venue"), listed);
        final ReconciliationConfig reconciliation = readReconciliation(ringtrade.object("reconciliation"));
        if (mode == Mode.LIVE && venue.type() == VenueType.NONE) {
            ringtrade.problem("mode", "live needs a venue: set ringtrade.venue.type (xchange or alpaca)");
        }
        if (feed.type() == FeedType.VENUE && venue.type() == VenueType.NONE) {
            feedReader.problem("type", "venue needs a venue to poll: set ringtrade.venue.type (xchange or alpaca)");
        }
        final RiskSettings risk = readRisk(ringtrade.object("risk"));
        final HttpConfig http = readHttp(ringtrade.object("http"));
        return new EngineConfig(mode, outputDir, statusInterval, pipeline, journal, feed,
            instruments == null ? List.of() : instruments, books, risk, http, venue, reconciliation);
    }

    /** Largest money limit: the whole fixed-point range's whole units. */
    private static final long MAX_MONEY = FixedPoint.of(FixedPoint.MAX_WHOLE_UNITS);

    /**
     * The risk layer's limit keys, shared by {@code ringtrade.risk} and each book ({@code book}: also the keys only a
     * book has); 0 = no limit.
     */
    private static BookLimits readLimits(final ObjectReader reader, final boolean book) {
        final long maxOrderNotional = reader.fixedPoint("max-order-notional", "0", 0, false, MAX_MONEY);
        final long maxPositionPct = reader.fixedPoint("max-position-pct", "0", 0, false, RiskLimits.MAX_POSITION_PCT);
        final long maxDailyLoss = reader.fixedPoint("max-daily-loss", "0", 0, false, MAX_MONEY);
        final long maxOrdersPerSecond = reader.wholeNumber("max-orders-per-second", 0L, 0,
            RiskLimits.MAX_ORDERS_PER_SECOND);
        final long priceBandPct = reader.fixedPoint("price-band-pct", "0", 0, false, RiskLimits.MAX_PERCENT);
        // absent is 0 (not set); a value given must be a leverage, 1 to 100
        final long maxLeverage = reader.fixedPoint("max-leverage", "0", RiskLimits.CASH_ACCOUNT, false,
            RiskLimits.MAX_LEVERAGE);
        final long maintenanceMarginPct = book
            ? reader.fixedPoint("maintenance-margin-pct", "0", 0, false, RiskLimits.MAX_PERCENT) : 0;
        final long borrowRatePct = book
            ? reader.fixedPoint("borrow-rate-pct", "0", 0, false, RiskLimits.MAX_PERCENT) : 0;
        final long shortFeePct = book ? reader.fixedPoint("short-fee-pct", "0", 0, false, RiskLimits.MAX_PERCENT) : 0;
        final MarginCallRule marginCall = book
            ? reader.choice("margin-call", MarginCallRule.values(), MarginCallRule.CLOSE) : MarginCallRule.CLOSE;
        return new BookLimits(maxOrderNotional, maxPositionPct, maxDailyLoss, (int) maxOrdersPerSecond, priceBandPct,
            maxLeverage, maintenanceMarginPct, borrowRatePct, shortFeePct, marginCall);
    }

    private static RiskSettings readRisk(final ObjectReader risk) {
        final BookLimits caps = readLimits(risk, false);
        final long threshold = risk.fixedPoint("large-transaction-threshold",
            FixedPoint.toString(RiskSettings.LARGE_TRANSACTION_THRESHOLD_DEFAULT), 0, false, MAX_MONEY);
        risk.finish();
        return new RiskSettings(caps.maxOrderNotional(), caps.maxPositionPct(), caps.maxDailyLoss(),
            caps.maxOrdersPerSecond(), caps.priceBandPct(), threshold, caps.maxLeverage());
    }

    private static HttpConfig readHttp(final ObjectReader http) {
        final long port = http.wholeNumber("port", (long) HttpConfig.PORT_DEFAULT, 0, 65_535);
        final String bind = http.string("bind", HttpConfig.BIND_DEFAULT);
        final String tokenText = http.string("token-file", "");
        final Path tokenFile = tokenText.isEmpty() ? null : path(http, "token-file", tokenText);
        http.finish();
        return new HttpConfig((int) port, bind, tokenFile);
    }

    private static VenueConfig readVenue(final ObjectReader venue, final Map<String, String> symbolPaths) {
        final VenueType type = venue.choice("type", VenueType.values(), VenueConfig.TYPE_DEFAULT);
        final String exchangeClass = venue.string("exchange-class", type == VenueType.XCHANGE
            ? VenueConfig.SIMULATED_EXCHANGE : "-");
        if (type == VenueType.XCHANGE && !exchangeClass.matches("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)+")) {
            venue.problem("exchange-class", "expected a fully qualified class name, got \"" + exchangeClass + "\"");
        }
        final String apiKey = venue.has("api-key") ? venue.string("api-key", "") : "";
        final String secretKey = venue.has("secret-key") ? venue.string("secret-key", "") : "";
        final boolean sandbox = venue.bool("sandbox", false);
        final String baseUrl = venue.string("base-url", type == VenueType.ALPACA ? VenueConfig.ALPACA_PAPER_URL : "-");
        final String dataUrl = venue.string("data-url", type == VenueType.ALPACA ? VenueConfig.ALPACA_DATA_URL : "-");
        for (final String key : new String[] {"base-url", "data-url"}) {
            final String url = key.equals("base-url") ? baseUrl : dataUrl;
            if (!url.equals("-") && !url.startsWith("http://") && !url.startsWith("https://")) {
                venue.problem(key, "expected an http:// or https:// URL, got \"" + url + "\"");
            }
        }
        final Map<String, String> symbols = venue.scalarMap("symbols");
        if (symbolPaths != null) {
            for (final String instrument : symbols.keySet()) {
                if (!symbolPaths.containsKey(instrument)) {
                    venue.problem("symbols", unknownSymbol(instrument, symbolPaths));
                }
            }
        }
        final long queueSize = venue.wholeNumber("queue-size", (long) VenueConfig.QUEUE_SIZE_DEFAULT, 16, 1L << 20);
        if (Long.bitCount(queueSize) != 1) {
            venue.problem("queue-size", "must be a power of two, got " + queueSize);
        }
        final Duration poll = venue.duration("poll-interval", VenueConfig.POLL_INTERVAL_DEFAULT);
        final Duration initial = venue.duration("reconnect-initial", VenueConfig.RECONNECT_INITIAL_DEFAULT);
        final Duration max = venue.duration("reconnect-max", VenueConfig.RECONNECT_MAX_DEFAULT);
        if (poll.isZero()) {
            venue.problem("poll-interval", "must be positive");
        }
        if (initial.isZero() || max.compareTo(initial) < 0) {
            venue.problem("reconnect-max", "must be at least reconnect-initial, which must be positive");
        }
        final long authRetries = venue.wholeNumber("auth-retries", (long) VenueConfig.AUTH_RETRIES_DEFAULT, 0, 100);
        final MarketHoursRule hours = venue.choice("market-hours", MarketHoursRule.values(), MarketHoursRule.REFUSE);
        final Duration skew = venue.duration("max-clock-skew", VenueConfig.MAX_CLOCK_SKEW_DEFAULT);
        final ObjectReader simulated = venue.object("simulated");
        final Map<String, Long> deposit = new LinkedHashMap<>();
        for (final Map.Entry<String, String> entry : simulated.scalarMap("deposit").entrySet()) {
            try {
                deposit.put(entry.getKey(), FixedPoint.parse(entry.getValue()));
            } catch (final IllegalArgumentException e) {
                simulated.problem("deposit", entry.getKey() + ": not an amount: \"" + entry.getValue() + "\"");
            }
        }
        final long spread = simulated.wholeNumber("liquidity-spread-bps", 0L, 0, 10_000);
        simulated.finish();
        if ((!deposit.isEmpty() || spread > 0) && !(type == VenueType.XCHANGE
            && VenueConfig.SIMULATED_EXCHANGE.equals(exchangeClass))) {
            venue.problem("simulated", "only for exchange-class = " + VenueConfig.SIMULATED_EXCHANGE);
        }
        venue.finish();
        return new VenueConfig(type, exchangeClass.equals("-") ? "" : exchangeClass, apiKey, secretKey, sandbox,
            baseUrl.equals("-") ? "" : baseUrl, dataUrl.equals("-") ? "" : dataUrl, symbols, (int) queueSize, poll,
            initial, max, (int) authRetries, hours, skew, deposit, spread);
    }

    private static ReconciliationConfig readReconciliation(final ObjectReader reconciliation) {
        final boolean failClosed = reconciliation.bool("fail-closed", ReconciliationConfig.FAIL_CLOSED_DEFAULT);
        final UnreleasedRule unreleased = reconciliation.choice("unreleased", UnreleasedRule.values(),
            ReconciliationConfig.UNRELEASED_DEFAULT);
        final Duration retry = reconciliation.duration("retry-interval", ReconciliationConfig.RETRY_INTERVAL_DEFAULT);
        if (retry.isZero()) {
            reconciliation.problem("retry-interval", "must be positive");
        }
        reconciliation.finish();
        return new ReconciliationConfig(failClosed, unreleased, retry);
    }

    private static PipelineConfig readPipeline(final ObjectReader pipeline) {
        final long ringSize = pipeline.wholeNumber("ring-size", (long) PipelineConfig.RING_SIZE_DEFAULT,
            PipelineConfig.RING_SIZE_MIN, PipelineConfig.RING_SIZE_MAX);
        if (Long.bitCount(ringSize) != 1) {
            // the Disruptor indexes slots with a mask, so the size must be a power of two
            pipeline.problem("ring-size", "must be a power of two, got " + ringSize);
        }
        final WaitStrategyKind waitStrategy = pipeline.choice("wait-strategy", WaitStrategyKind.values(),
            PipelineConfig.WAIT_STRATEGY_DEFAULT);
        final Duration timerInterval = pipeline.duration("timer-interval", PipelineConfig.TIMER_INTERVAL_DEFAULT);
        if (timerInterval.compareTo(PipelineConfig.TIMER_INTERVAL_MAX) > 0) {
            pipeline.problem("timer-interval", "must be at most 1h (0 = off), got " + timerInterval.toMillis() + "ms");
        }
        final Duration barCloseDelay = readBarCloseDelay(pipeline);
        if (barCloseDelay != null && timerInterval.isZero()) {
            pipeline.problem("bar-close-delay", "needs the engine clock, but timer-interval is 0 (off)");
        }
        final PipelineLayout layout = pipeline.choice("layout", PipelineLayout.values(), PipelineConfig.LAYOUT_DEFAULT);
        pipeline.finish();
        return new PipelineConfig((int) ringSize, waitStrategy, timerInterval, barCloseDelay, layout);
    }

    /** {@code off} (or absent) = null: bars close at the next input only; otherwise a duration up to 1h. */
    private static Duration readBarCloseDelay(final ObjectReader pipeline) {
        if (!pipeline.has("bar-close-delay") || "off".equals(pipeline.string("bar-close-delay", "off"))) {
            return null;
        }
        final Duration delay = pipeline.duration("bar-close-delay", null);
        if (delay == null) {
            return null; // the problem is recorded
        }
        if (delay.compareTo(PipelineConfig.BAR_CLOSE_DELAY_MAX) > 0) {
            pipeline.problem("bar-close-delay", "must be at most 1h (or off), got " + delay.toMillis() + "ms");
        }
        return delay;
    }

    private static JournalConfig readJournal(final ObjectReader journal) {
        final Path dir = path(journal, "dir", JournalConfig.DIR_DEFAULT);
        final Durability durability = journal.choice("durability", Durability.values(),
            JournalConfig.DURABILITY_DEFAULT);
        final long snapshotInterval = journal.wholeNumber("snapshot-interval", JournalConfig.SNAPSHOT_INTERVAL_DEFAULT,
            0, Long.MAX_VALUE);
        final RollCycle rollCycle = journal.choice("roll-cycle", RollCycle.values(), JournalConfig.ROLL_CYCLE_DEFAULT);
        final Duration retain = journal.duration("retain", JournalConfig.RETAIN_DEFAULT);
        final String archiveText = journal.string("archive-dir", "");
        Path archiveDir = null;
        if (!archiveText.isEmpty()) {
            archiveDir = path(journal, "archive-dir", archiveText);
            if (retain.isZero()) {
                journal.problem("archive-dir", "has no effect while ringtrade.journal.retain is 0 (off): set a retention"
                    + " window or remove it");
            } else if (archiveDir.toAbsolutePath().normalize().equals(dir.toAbsolutePath().normalize())) {
                journal.problem("archive-dir", "must not be the journal directory itself, got \"" + archiveText + "\"");
            }
        }
        if (!retain.isZero() && snapshotInterval == 0) {
            // retention only removes what a snapshot covers, and a replay of the kept journal starts from one
            journal.problem("retain", "needs snapshots, but ringtrade.journal.snapshot-interval is 0");
        }
        journal.finish();
        return new JournalConfig(dir, durability, snapshotInterval, rollCycle, retain, archiveDir);
    }

    private static FeedConfig readFeed(final ObjectReader feed) {
        final FeedType type = feed.choice("type", FeedType.values(), FeedConfig.TYPE_DEFAULT);
        final String file = feed.string("file", FeedConfig.FILE_DEFAULT);
        if (file.equals(FeedConfig.CLASSPATH_PREFIX)) {
            feed.problem("file", "expected classpath:<resource name>, got \"" + file + "\"");
        }
        final String symbol = feed.string("symbol", FeedConfig.SYMBOL_DEFAULT);
        final double speed = feed.decimal("speed", FeedConfig.SPEED_DEFAULT, 0.0);
        final Interval interval = feed.has("interval")
            ? feed.oneOf("interval", Interval.values(), Interval::label, Interval.M1) : null;
        final boolean loop = feed.bool("loop", FeedConfig.LOOP_DEFAULT);
        if (loop && type == FeedType.JOURNAL) {
            feed.problem("loop", "only a trades-replay or bars-replay feed can loop");
        }
        feed.finish();
        return new FeedConfig(type, file, symbol, speed, interval, loop);
    }

    /**
     * Reads the instruments, or returns null when the list is absent or not a list (already reported); fills
     * {@code symbolPaths} (symbol to the path it is defined at) for later checks.
     */
    private static List<InstrumentConfig> readInstruments(final ObjectReader ringtrade,
                                                          final Map<String, String> symbolPaths) {
        final List<ObjectReader> readers = ringtrade.objectList("instruments");
        if (readers == null) {
            return null;
        }
        final List<InstrumentConfig> instruments = new ArrayList<>();
        for (final ObjectReader instrument : readers) {
            final String symbol = instrument.string("symbol", null);
            final String currency = instrument.string("currency", null);
            if (!currency.isEmpty() && !CURRENCY.matcher(currency).matches()) {
                instrument.problem("currency", "must be upper-case letters or digits, got \"" + currency + "\"");
            }
            final long tickSize = instrument.fixedPoint("tick-size", null, 0, true, Long.MAX_VALUE);
            final long lotSize = instrument.fixedPoint("lot-size", null, 0, true, Long.MAX_VALUE);
            checkStep(instrument, "tick-size", tickSize);
            checkStep(instrument, "lot-size", lotSize);
            final TradingCalendar calendar = instrument.oneOf("calendar",
                new TradingCalendar[] {TradingCalendar.ALWAYS_OPEN, TradingCalendar.US_EQUITIES}, TradingCalendar::label,
                TradingCalendar.UNSPECIFIED);
            instrument.finish();
            if (!symbol.isEmpty()) {
                final String first = symbolPaths.putIfAbsent(symbol, instrument.path());
                if (first != null) {
                    instrument.problem("symbol", "duplicate symbol \"" + symbol + "\" (also " + first + ")");
                }
            }
            instruments.add(new InstrumentConfig(symbol, currency, tickSize, lotSize, calendar));
        }
        return instruments;
    }

    /** Reads the books; {@code symbolPaths} null means the instruments are missing, so symbols are not checked. */
    private static List<BookConfig> readBooks(final ObjectReader ringtrade, final Map<String, String> symbolPaths,
                                              final String feedSymbol, final Path baseDir,
                                              final StrategyCatalog strategies) {
        final List<BookConfig> books = new ArrayList<>();
        final List<ObjectReader> readers = ringtrade.objectList("books");
        if (readers == null) {
            return books;
        }
        final Map<String, String> namePaths = new HashMap<>();
        long totalCash = 0;
        for (final ObjectReader book : readers) {
            final String name = book.string("name", null);
            if (!name.isEmpty()) {
                if (!BOOK_NAME.matcher(name).matches()) {
                    book.problem("name", "must be letters, digits, '.', '_' or '-' (starting with a letter or digit),"
                        + " got \"" + name + "\"");
                }
                final String first = namePaths.putIfAbsent(name, book.path());
                if (first != null) {
                    book.problem("name", "duplicate book name \"" + name + "\" (also " + first + ")");
                }
            }
            final String strategyFile = strategyFile(book, baseDir);
            String strategy = book.string("strategy", strategyFile.isEmpty() ? null : "");
            final Map<String, String> params = book.scalarMap("params");
            final List<String> symbols = readBookSymbols(book, symbolPaths, feedSymbol);
            final Interval interval = book.oneOf("interval", Interval.values(), Interval::label,
                BookConfig.INTERVAL_DEFAULT);
            final long cash = book.fixedPoint("cash", BookConfig.CASH_DEFAULT, 0, true, Long.MAX_VALUE);
            final long maxBps = FixedPoint.parse(BookConfig.MAX_BPS);
            final long slippageBps = book.fixedPoint("slippage-bps", BookConfig.SLIPPAGE_BPS_DEFAULT, 0, false, maxBps);
            final long commissionBps = book.fixedPoint("commission-bps", BookConfig.COMMISSION_BPS_DEFAULT, 0, false,
                maxBps);
            final boolean allowShort = book.bool("allow-short", BookConfig.ALLOW_SHORT_DEFAULT);
            final long minNotional = book.fixedPoint("min-notional", BookConfig.MIN_NOTIONAL_DEFAULT, 0, false,
                Long.MAX_VALUE);
            final FillModel fill = book.choice("fill", FillModel.values(), BookConfig.FILL_DEFAULT);
            final long maxShortNotional = book.fixedPoint("max-short-notional", BookConfig.MAX_SHORT_NOTIONAL_DEFAULT,
                0, false, Long.MAX_VALUE);
            final long participation = book.fixedPoint("participation", BookConfig.PARTICIPATION_DEFAULT, 0, false,
                FixedPoint.SCALE);
            final OnOpposite onOpposite = book.choice("on-opposite", OnOpposite.values(), BookConfig.ON_OPPOSITE_DEFAULT);
            if (onOpposite == OnOpposite.REVERSE && !allowShort) {
                book.problem("on-opposite", "reverse needs allow-short = true (without shorts a sell can only close)");
            }
            checkWholeBps(book, "slippage-bps", slippageBps);
            checkWholeBps(book, "commission-bps", commissionBps);
            if (strategies != null) {
                strategy = StrategyCheck.check(book, strategy, strategyFile, params, strategies);
            }
            final BookLimits limits = readLimits(book, true);
            if (cash > FixedPoint.parse(BookConfig.MAX_CASH)) {
                book.problem("cash", "at most " + BookConfig.MAX_CASH + ", got " + FixedPoint.toString(cash)
                    + MONEY_RANGE);
            } else {
                totalCash += cash;
            }
            book.finish();
            books.add(new BookConfig(name, strategy, params, symbols, interval, cash, slippageBps, commissionBps,
                allowShort, minNotional, fill, maxShortNotional, participation, limits, onOpposite, strategyFile));
        }
        if (totalCash > FixedPoint.parse(BookConfig.MAX_TOTAL_CASH)) {
            ringtrade.problem("books", "the books' cash adds up to " + FixedPoint.toString(totalCash) + ", more than "
                + BookConfig.MAX_TOTAL_CASH + MONEY_RANGE);
        }
        return books;
    }

    /**
     * A book's {@code strategy-file} as an absolute path (relative names are taken from the configuration file's
     * folder), or empty when not set.
     */
    private static String strategyFile(final ObjectReader book, final Path baseDir) {
        final String text = book.string("strategy-file", "");
        if (text.isEmpty()) {
            return "";
        }
        try {
            return baseDir.resolve(text).toAbsolutePath().normalize().toString();
        } catch (final InvalidPathException e) {
            book.problem("strategy-file", "not a valid path (" + e.getReason() + "), got \"" + text + "\"");
            return "";
        }
    }

    /** The fill model charges whole basis points: 2.5 would silently become 2 or 3. */
    private static void checkWholeBps(final ObjectReader book, final String key, final long fixedBps) {
        if (fixedBps % FixedPoint.SCALE != 0) {
            book.problem(key, "must be a whole number of basis points, got " + FixedPoint.toString(fixedBps));
        }
    }

    /** Why money is capped: said with every refusal of a value that could leave the fixed-point range. */
    private static final String MONEY_RANGE = " (money is fixed-point at 1e-8 in a 64-bit long, which holds"
        + " ±92,233,720,368 units; the cap leaves equity and notionals room to grow)";

    /** Largest tick or lot size: one million units, far below the range so that price × quantity stays in it. */
    private static final long MAX_STEP = FixedPoint.of(1_000_000);

    private static void checkStep(final ObjectReader instrument, final String key, final long step) {
        if (step > MAX_STEP) {
            instrument.problem(key, "at most 1000000, got " + FixedPoint.toString(step) + MONEY_RANGE);
        }
    }

    /**
     * A book may only trade listed instruments (an unlisted one would silently get default tick and lot sizes) and
     * only the symbol the feed delivers (anything else would never see a bar).
     */
    private static List<String> readBookSymbols(final ObjectReader book, final Map<String, String> symbolPaths,
                                                final String feedSymbol) {
        final List<String> symbols = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        for (final ObjectReader.Item item : book.stringList("symbols")) {
            final String symbol = item.text();
            if (!seen.add(symbol)) {
                book.problemAt(item, "duplicate symbol \"" + symbol + "\"");
            } else if (symbolPaths != null && !symbolPaths.containsKey(symbol)) {
                book.problemAt(item, unknownSymbol(symbol, symbolPaths));
            } else if (feedSymbol != null && !symbol.equals(feedSymbol)) {
                book.problemAt(item, "no feed for \"" + symbol + "\" (ringtrade.feed.symbol is \"" + feedSymbol
                    + "\")");
            }
            symbols.add(symbol);
        }
        return symbols;
    }

    private static String unknownSymbol(final String symbol, final Map<String, String> symbolPaths) {
        return "unknown symbol \"" + symbol + "\" (not in ringtrade.instruments: "
            + String.join(", ", symbolPaths.keySet()) + ")";
    }

    private static Path path(final ObjectReader reader, final String key, final String defaultValue) {
        final String text = reader.string(key, defaultValue);
        try {
            return Path.of(text);
        } catch (final InvalidPathException e) {
            reader.problem(key, "not a valid path (" + e.getReason() + "), got \"" + text + "\"");
            return Path.of(defaultValue);
        }
    }

    /** Looks substitutions up in a given map instead of the process environment, then in any fallback resolver. */
    private static final class EnvironmentResolver implements ConfigResolver {
        private final Map<String, String> variables;
        private final ConfigResolver fallback;

        EnvironmentResolver(final Map<String, String> variables, final ConfigResolver fallback) {
            this.variables = variables;
            this.fallback = fallback;
        }

        @Override
        public ConfigValue lookup(final String path) {
            final String value = variables.get(path);
            if (value != null) {
                return ConfigValueFactory.fromAnyRef(value, "env var " + path);
            }
            return fallback == null ? null : fallback.lookup(path);
        }

        @Override
        public ConfigResolver withFallback(final ConfigResolver next) {
            return new EnvironmentResolver(variables, fallback == null ? next : fallback.withFallback(next));
        }
    }
}
