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
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The configuration a journal was written with, kept beside the queue files as {@value #FILE}: the instruments in
 * id order (a journal stores ids, not symbols) and the books. Replay and recovery rebuild business logic from it;
 * an engine started on a journal with another configuration is refused, because replaying inputs into different
 * books would silently produce different positions.
 *
 * <p>A journal written by {@code run} also records the identity of its inputs ({@link FeedIdentity}: the feed file
 * and the signals file with the SHA-256 of their bytes) in a {@value #INPUTS_KEY} block after the configuration. A
 * restart with other bytes, or without a file that was recorded, is refused naming both identities, because the feed
 * resumes by counting the inputs already journaled. That block is not engine configuration: {@link #read} leaves it
 * out. Start-up thread only.
 */
final class JournalManifest {
    /** File name inside the journal directory. */
    static final String FILE = "ringtrade-journal.conf";
    /** The root key of the recorded inputs, written after the configuration. */
    static final String INPUTS_KEY = "ringtrade-inputs";
    private static final String INPUTS_START = INPUTS_KEY + " {";

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
        final Path file = dir.resolve(FILE);
        final String text = readText(dir);
        final int inputs = inputsStart(text);
        if (inputs < 0) {
            return EngineConfigLoader.load(file);
        }
        // cut where the inputs block starts, so that the loader's line numbers stay the file's
        return new EngineConfigLoader().text(text.substring(0, inputs), file.toString()).load();
    }

    /**
     * Refuses a restart whose feed or signals file differs from what the journal in {@code dir} recorded, naming both
     * identities; passes when there is no manifest or it records no inputs yet. Called before the feed is loaded and
     * the journal opened, so a refused run creates nothing.
     */
    static void checkInputs(final Path dir, final FeedIdentity now) {
        if (!exists(dir)) {
            return;
        }
        final FeedIdentity recorded = recordedInputs(dir);
        if (recorded == null) {
            return;
        }
        final String why = "; the feed resumes by counting the inputs already journaled, so a restart needs the same"
            + " files: use them, or another journal directory";
        if (!recorded.feed().sameContentAs(now.feed())) {
            throw new UserException("journal " + dir + " was recorded from feed " + recorded.feed().describe()
                + ", but this run's feed is " + now.feed().describe() + why);
        }
        if (recorded.signals() == null && now.signals() != null) {
            throw new UserException("journal " + dir + " was recorded without a signals file, but this run's signals are "
                + now.signals().describe() + why);
        }
        if (recorded.signals() != null && now.signals() == null) {
            throw new UserException("journal " + dir + " was recorded with signals " + recorded.signals().describe()
                + ", but this run has no signals file" + why);
        }
        if (recorded.signals() != null && !recorded.signals().sameContentAs(now.signals())) {
            throw new UserException("journal " + dir + " was recorded with signals " + recorded.signals().describe()
                + ", but this run's signals are " + now.signals().describe() + why);
        }
    }

    /**
     * Records {@code inputs} in the manifest of {@code dir} unless it already records some (then {@link #checkInputs}
     * has compared them). A journal with entries written before inputs were recorded ({@code journalEntries} &gt; 0)
     * gets them now, with a note on {@code notes}.
     */
    static void recordInputs(final Path dir, final FeedIdentity inputs, final long journalEntries,
                             final PrintWriter notes) {
        final String text = readText(dir);
        if (inputsStart(text) >= 0) {
            return;
        }
        if (journalEntries > 0) {
            notes.println("ringtrade: journal " + dir + " records no feed identity (written by an earlier version);"
                + " recording feed " + inputs.feed().describe() + " now");
            notes.flush();
        }
        final StringBuilder block = new StringBuilder(text.endsWith("\n") ? "" : "\n");
        block.append("# The inputs this journal was recorded from: ringtrade run refuses a restart with other bytes."
            + " Not engine configuration.\n");
        block.append(INPUTS_START).append('\n');
        block.append("  feed { file = ").append(quote(inputs.feed().location())).append(", sha256 = ")
            .append(quote(inputs.feed().sha256())).append(" }\n");
        if (inputs.signals() == null) {
            block.append("  signals = null\n");
        } else {
            block.append("  signals { file = ").append(quote(inputs.signals().location())).append(", sha256 = ")
                .append(quote(inputs.signals().sha256())).append(" }\n");
        }
        block.append("}\n");
        final Path file = dir.resolve(FILE);
        final Path temporary = dir.resolve(FILE + ".tmp");
        try {
            Files.writeString(temporary, text + block, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (final IOException e) {
            throw new UncheckedIOException("journal " + dir + ": cannot write " + FILE + ": " + e.getMessage(), e);
        }
    }

    /** The inputs the manifest of {@code dir} records, or null when it records none. */
    static FeedIdentity recordedInputs(final Path dir) {
        final Config manifest = ConfigFactory.parseFile(dir.resolve(FILE).toFile());
        if (!manifest.hasPath(INPUTS_KEY + ".feed")) {
            return null;
        }
        final Config inputs = manifest.getConfig(INPUTS_KEY);
        final FeedIdentity.InputFile feed = new FeedIdentity.InputFile(inputs.getString("feed.file"),
            inputs.getString("feed.sha256"));
        final FeedIdentity.InputFile signals = inputs.hasPath("signals")
            ? new FeedIdentity.InputFile(inputs.getString("signals.file"), inputs.getString("signals.sha256")) : null;
        return new FeedIdentity(feed, signals);
    }

    private static int inputsStart(final String text) {
        if (text.startsWith(INPUTS_START)) {
            return 0;
        }
        final int at = text.indexOf("\n" + INPUTS_START);
        return at < 0 ? -1 : at + 1;
    }

    private static String readText(final Path dir) {
        try {
            return Files.readString(dir.resolve(FILE), StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UncheckedIOException("journal " + dir + ": cannot read " + FILE + ": " + e.getMessage(), e);
        }
    }

    private static String quote(final String text) {
        final StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\');
            }
            quoted.append(c);
        }
        return quoted.append('"').toString();
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
