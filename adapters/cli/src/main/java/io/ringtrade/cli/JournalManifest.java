package io.ringtrade.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigUtil;
import io.ringtrade.engine.api.market.Instrument;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.config.BookConfig;
import io.ringtrade.engine.config.EngineConfig;
import io.ringtrade.engine.config.EngineConfigLoader;
import io.ringtrade.engine.config.EngineConfigWriter;
import io.ringtrade.engine.config.InstrumentConfig;
import io.ringtrade.engine.strategy.StrategyCatalog;
import io.ringtrade.engine.strategy.StrategySourceFile;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
    /** The root key of the strategy source files the books were built from, by book: their paths and SHA-256. */
    static final String STRATEGY_FILES_KEY = "ringtrade-strategy-files";
    private static final String STRATEGY_FILES_START = STRATEGY_FILES_KEY + " {";

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
        writeOrCheck(dir, config, null);
    }

    /**
     * As {@link #writeOrCheck(Path, EngineConfig)}, recording with a new manifest the SHA-256 of every book's strategy
     * source file as {@code catalog} compiled it ({@link #checkStrategyFiles} compares them on a restart).
     */
    static void writeOrCheck(final Path dir, final EngineConfig config, final StrategyCatalog catalog) {
        checkCompatible(dir, config);
        final String text = EngineConfigWriter.toHocon(config) + strategyFilesBlock(config, catalog);
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
            final List<String> differences = ConfigDifferences.between(configPart(existing),
                EngineConfigWriter.toHocon(config));
            if (!differences.isEmpty()) {
                throw new UserException("journal " + dir + " was written with another configuration ("
                    + String.join("; ", differences) + "; see " + file + "): replaying its inputs into other books"
                    + " would give other positions; use another journal directory or the same configuration");
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
        // cut where the first block that is not configuration starts, so that the loader's line numbers stay the file's
        return new EngineConfigLoader().text(text.substring(0, inputs), file.toString()).load();
    }

    /** The configuration part of a manifest's text: everything before the blocks that record inputs and files. */
    private static String configPart(final String text) {
        final int inputs = inputsStart(text);
        return inputs < 0 ? text : text.substring(0, inputs);
    }

    /** The block recording each book's strategy source file and its SHA-256, or empty when no book has one. */
    private static String strategyFilesBlock(final EngineConfig config, final StrategyCatalog catalog) {
        final StringBuilder block = new StringBuilder();
        for (final BookConfig book : config.books()) {
            if (!book.hasStrategyFile()) {
                continue;
            }
            final StrategySourceFile source = catalog == null ? null : catalog.sourceFile(book.strategy());
            final String sha256 = source != null ? source.sha256() : StrategySourceFile.sha256Of(Path.of(book.strategyFile()));
            if (sha256 == null) {
                throw new IllegalStateException("book " + book.name() + ": strategy file " + book.strategyFile()
                    + " was not read");
            }
            block.append("  ").append(quote(book.name())).append(" { file = ").append(quote(book.strategyFile()))
                .append(", sha256 = ").append(quote(sha256)).append(" }\n");
        }
        if (block.isEmpty()) {
            return "";
        }
        return "# The strategy source files the books were built from: a restart with other bytes is refused."
            + " Not engine configuration.\n" + STRATEGY_FILES_START + "\n" + block + "}\n";
    }

    /** One book's recorded strategy source file. */
    record RecordedStrategyFile(String file, String sha256) {
    }

    /** The strategy source files the manifest of {@code dir} records, by book name. */
    static Map<String, RecordedStrategyFile> recordedStrategyFiles(final Path dir) {
        final Map<String, RecordedStrategyFile> files = new TreeMap<>();
        final Config manifest = ConfigFactory.parseFile(dir.resolve(FILE).toFile());
        if (!manifest.hasPath(STRATEGY_FILES_KEY)) {
            return files;
        }
        final ConfigObject books = manifest.getObject(STRATEGY_FILES_KEY);
        for (final String book : books.keySet()) {
            final Config entry = books.toConfig().getConfig(ConfigUtil.joinPath(book));
            files.put(book, new RecordedStrategyFile(entry.getString("file"), entry.getString("sha256")));
        }
        return files;
    }

    /**
     * Refuses a restart whose books' strategy source files differ from what the journal in {@code dir} recorded (or
     * that now come from a file, or no longer do), naming the book, the file and both hashes: the same journaled
     * inputs would be decided differently. Passes when there is no manifest.
     */
    static void checkStrategyFiles(final Path dir, final EngineConfig config, final StrategyCatalog catalog) {
        if (!exists(dir)) {
            return;
        }
        final Map<String, RecordedStrategyFile> recorded = recordedStrategyFiles(dir);
        final String why = "; a changed strategy would decide differently on the journaled inputs: restore the file,"
            + " or start a new journal with --journal DIR";
        for (final BookConfig book : config.books()) {
            final RecordedStrategyFile then = recorded.get(book.name());
            final StrategySourceFile now = book.hasStrategyFile() ? catalog.sourceFile(book.strategy()) : null;
            if (then == null && now == null) {
                continue;
            }
            if (then == null) {
                throw new UserException("journal " + dir + ": book " + book.name() + " was recorded without a strategy"
                    + " file, but its strategy now comes from " + now.path() + why);
            }
            if (now == null) {
                throw new UserException("journal " + dir + ": book " + book.name() + " was recorded with strategy file "
                    + then.file() + " (sha256 " + then.sha256() + "), but its strategy " + book.strategy()
                    + " now comes from " + catalog.origin(book.strategy()) + why);
            }
            if (!now.sha256().equals(then.sha256())) {
                throw new UserException("journal " + dir + ": book " + book.name() + " was recorded with strategy file "
                    + then.file() + " (sha256 " + then.sha256() + "), but this run's " + now.path() + " has sha256 "
                    + now.sha256() + why);
            }
        }
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
        if (recordedInputsStart(text) >= 0) {
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

    /** Where the first block that is not configuration starts (recorded inputs or strategy files), or -1. */
    private static int inputsStart(final String text) {
        int first = -1;
        for (final String start : new String[] {INPUTS_START, STRATEGY_FILES_START}) {
            final int at = text.startsWith(start) ? 0 : text.indexOf("\n" + start);
            final int index = at <= 0 ? at : at + 1;
            if (index >= 0 && (first < 0 || index < first)) {
                first = index;
            }
        }
        return first;
    }

    /** Where the recorded inputs block starts, or -1. */
    private static int recordedInputsStart(final String text) {
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
                instrument.lotSize(), instrument.calendar()));
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
}
