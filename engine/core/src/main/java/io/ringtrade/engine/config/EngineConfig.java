package io.ringtrade.engine.config;

import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.risk.RiskSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole engine configuration (the {@code ringtrade} block of a HOCON file), as loaded and validated by
 * {@link EngineConfigLoader}. Prices, sizes and money are fixed-point longs in units of 10<sup>-8</sup>.
 *
 * <p>Immutable; built and read on the start-up (main) thread, then handed to the components that need a part of it.
 * The constructor only rejects nulls and copies the lists; the rules live in the loader, which reports every broken
 * rule with the key's full path.
 *
 * @param mode           how the engine trades: paper or live
 * @param outputDir      where run outputs (orders, fills, metrics) are written, relative to the working directory
 * @param statusInterval how often the status line is printed; zero turns it off
 * @param pipeline       the ring
 * @param journal        the journal
 * @param feed           the market-data feed
 * @param instruments    tradable instruments in configuration order (which fixes their interned ids)
 * @param books          the books, one per strategy instance, in configuration order
 * @param risk           the engine-wide risk settings ({@code ringtrade.risk})
 * @param http           the ops HTTP API ({@code ringtrade.http})
 * @param venue          the live venue ({@link VenueConfig#NONE} when paper trading on a file feed)
 * @param reconciliation reconciliation with the live venue after a restart
 */
public record EngineConfig(Mode mode, Path outputDir, Duration statusInterval, PipelineConfig pipeline,
                           JournalConfig journal, FeedConfig feed, List<InstrumentConfig> instruments,
                           List<BookConfig> books, RiskSettings risk, HttpConfig http, VenueConfig venue,
                           ReconciliationConfig reconciliation) {
    /** Default mode. */
    public static final Mode MODE_DEFAULT = Mode.PAPER;
    /** Default output directory. */
    public static final String OUTPUT_DIR_DEFAULT = "./out/run";
    /** Default status-line interval. */
    public static final Duration STATUS_INTERVAL_DEFAULT = Duration.ofSeconds(5);

    /** Rejects nulls and copies the lists. */
    public EngineConfig {
        Objects.requireNonNull(risk, "risk");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(outputDir, "outputDir");
        Objects.requireNonNull(statusInterval, "statusInterval");
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(reconciliation, "reconciliation");
        instruments = List.copyOf(instruments);
        books = List.copyOf(books);
    }

    /**
     * A configuration with the default risk settings, the HTTP API off and no live venue (paper trading on a file
     * feed), reconciliation at its defaults.
     */
    public EngineConfig(final Mode mode, final Path outputDir, final Duration statusInterval,
                        final PipelineConfig pipeline, final JournalConfig journal, final FeedConfig feed,
                        final List<InstrumentConfig> instruments, final List<BookConfig> books) {
        this(mode, outputDir, statusInterval, pipeline, journal, feed, instruments, books, RiskSettings.DEFAULT,
            HttpConfig.DEFAULT, VenueConfig.NONE, ReconciliationConfig.DEFAULT);
    }

    /** The configured instrument with this symbol, if any. */
    public Optional<InstrumentConfig> instrument(final String symbol) {
        for (final InstrumentConfig instrument : instruments) {
            if (instrument.symbol().equals(symbol)) {
                return Optional.of(instrument);
            }
        }
        return Optional.empty();
    }

    /** This configuration with another feed (e.g. its bar interval found from the file). */
    public EngineConfig withFeed(final FeedConfig value) {
        return new EngineConfig(mode, outputDir, statusInterval, pipeline, journal, value, instruments, books, risk,
            http, venue, reconciliation);
    }

    /** This configuration with another HTTP API setting (e.g. {@code run --http-port}). */
    public EngineConfig withHttp(final HttpConfig value) {
        return new EngineConfig(mode, outputDir, statusInterval, pipeline, journal, feed, instruments, books, risk,
            value, venue, reconciliation);
    }

    /** This configuration with other books (e.g. with the strategy files that define them resolved). */
    public EngineConfig withBooks(final List<BookConfig> value) {
        return new EngineConfig(mode, outputDir, statusInterval, pipeline, journal, feed, instruments, value, risk,
            http, venue, reconciliation);
    }

    /** A new registry holding the configured instruments, ids in configuration order. */
    public InstrumentRegistry newInstrumentRegistry() {
        return InstrumentConfig.newRegistry(instruments);
    }
}
