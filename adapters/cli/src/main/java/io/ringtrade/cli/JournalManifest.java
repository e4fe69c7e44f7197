package io.ringtrade.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValue;
import io.ringtrade.engine.api.market.Instrument;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.config.EngineConfig;
import io.ringtrade.engine.config.EngineConfigLoader;
import io.ringtrade.engine.config.EngineConfigWriter;
import io.ringtrade.engine.config.InstrumentConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The configuration a journal was written with, kept beside the queue files as {@value #FILE}: the instruments in
 * id order (a journal stores ids, not symbols) and the books. Replay and recovery rebuild business logic from it;
 * an engine started on a journal with another configuration is refused, because replaying inputs into different
 * books would silently produce different positions. Start-up thread only.
 */
final class JournalManifest {
    /** File name inside the journal directory. */
    static final String FILE = "ringtrade-journal.conf";

    private JournalManifest() {
    }

    /** True when {@code dir} has a manifest. */
    static boolean exists(final Path dir) {
        return Files.isRegularFile(dir.resolve(FILE));
    }

    /**
     * Writes the manifest of {@code config} into a journal directory, or, when one is already there, checks that
     * it describes the same instruments and books.
     */
    static void writeOrCheck(final Path dir, final EngineConfig config) {
        checkCompatible(dir, config);
        final String text = EngineConfigWriter.toHocon(config);
        final Path file = dir.resolve(FILE);
        try {
            if (Files.isRegularFile(file)) {
                return;
            }
            Files.createDirectories(dir);
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UncheckedIOException("journal " + dir + ": cannot write " + FILE + ": " + e.getMessage(), e);
        }
    }

    /**
     * Refuses a journal directory whose manifest describes other instruments or books than {@code config}; a
     * directory without a manifest passes. Called before the journal is opened, so a refused run creates nothing.
     */
    static void checkCompatible(final Path dir, final EngineConfig config) {
        final Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            final String existing = Files.readString(file, StandardCharsets.UTF_8);
            if (!sameInstrumentsAndBooks(existing, EngineConfigWriter.toHocon(config))) {
                throw new UserException("journal " + dir + " was written with another configuration (instruments or"
                    + " books differ, see " + file + "); use another journal directory or the same configuration");
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("journal " + dir + ": cannot read " + FILE + ": " + e.getMessage(), e);
        }
    }

    /** The full configuration (with books) a journal was written with. */
    static EngineConfig read(final Path dir) {
        requireManifest(dir);
        return EngineConfigLoader.load(dir.resolve(FILE));
    }

    /** The instruments of a journal, ids as when it was written. */
    static InstrumentRegistry instruments(final Path dir) {
        requireManifest(dir);
        return InstrumentConfig.newRegistry(EngineConfigLoader.loadInstruments(dir.resolve(FILE).toString()));
    }

    /** True when the manifest lists at least one book (a recorded run or backtest, not an import). */
    static boolean hasBooks(final Path dir) {
        final Config manifest = ConfigFactory.parseFile(dir.resolve(FILE).toFile());
        return manifest.hasPath("ringtrade.books") && !manifest.getList("ringtrade.books").isEmpty();
    }

    /** Instrument configurations for every instrument of a registry, in id order. */
    static List<InstrumentConfig> instrumentConfigs(final InstrumentRegistry registry) {
        final List<InstrumentConfig> instruments = new ArrayList<>();
        for (int id = 0; id < registry.size(); id++) {
            final Instrument instrument = registry.get(id);
            instruments.add(new InstrumentConfig(instrument.symbol(), instrument.currency(), instrument.tickSize(),
                instrument.lotSize()));
        }
        return instruments;
    }

    private static void requireManifest(final Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UserException("journal " + dir + ": directory not found");
        }
        if (!exists(dir)) {
            throw new UserException("journal " + dir + ": no " + FILE + " (not a journal written by ringtrade)");
        }
    }

    /**
     * Whether two manifests describe the same instruments and books: what decides what replay computes (not speeds,
     * ring sizes or paths). Compared as parsed values, not as text.
     */
    private static boolean sameInstrumentsAndBooks(final String a, final String b) {
        final Config first = ConfigFactory.parseString(a);
        final Config second = ConfigFactory.parseString(b);
        return Objects.equals(value(first, "ringtrade.instruments"), value(second, "ringtrade.instruments"))
            && Objects.equals(value(first, "ringtrade.books"), value(second, "ringtrade.books"));
    }

    private static ConfigValue value(final Config config, final String path) {
        return config.hasPath(path) ? config.getValue(path) : null;
    }
}
