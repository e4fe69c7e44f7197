package io.ringtrade.cli;

import io.ringtrade.engine.api.strategy.StrategyDefinition;
import io.ringtrade.engine.config.BookConfig;
import io.ringtrade.engine.config.EngineConfig;
import io.ringtrade.engine.runtime.BookAssembly;
import io.ringtrade.engine.strategy.StrategyCatalog;
import io.ringtrade.engine.strategy.StrategySourceFile;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a command finds strategies besides the built-in ones, as options shared by {@code backtest}, {@code optimize},
 * {@code replay}, {@code run} and {@code strategies}: {@code --strategy-file FILE} (one Java source file compiled at
 * start) and {@code --strategy-path DIR} (strategy jars dropped in a folder, found through {@code ServiceLoader}).
 * Start-up thread only.
 */
final class StrategySources {
    @Option(names = "--strategy-file", paramLabel = "FILE",
        description = "a strategy in one Java source file, compiled at start (see: ringtrade new-strategy); repeatable")
    List<Path> strategyFiles = new ArrayList<>();

    @Option(names = "--strategy-path", paramLabel = "DIR",
        description = "a folder of strategy jars, found through ServiceLoader; repeatable")
    List<Path> strategyPaths = new ArrayList<>();

    /** The built-in strategies, those of the jars in every {@code --strategy-path} and every {@code --strategy-file}. */
    StrategyCatalog catalog() {
        final StrategyCatalog catalog = StrategyCatalog.load(StrategySources.class.getClassLoader());
        for (final Path dir : strategyPaths) {
            catalog.addJars(dir);
        }
        for (final Path file : strategyFiles) {
            catalog.addSourceFile(file);
        }
        return catalog;
    }

    /**
     * The strategy a single-strategy command runs: {@code --strategy NAME} when given, else the one strategy the
     * {@code --strategy-file} defines.
     */
    String strategyName(final String given, final StrategyCatalog catalog) {
        if (given != null) {
            return given;
        }
        if (strategyFiles.size() != 1) {
            throw new UserException(strategyFiles.isEmpty() ? "give --strategy NAME (see: ringtrade strategies) or"
                + " --strategy-file FILE" : "give --strategy NAME to pick one of the strategies of the --strategy-file"
                + " files");
        }
        final StrategySourceFile file = catalog.addSourceFile(strategyFiles.get(0));
        if (file.definitions().size() != 1) {
            throw new UserException(strategyFiles.get(0) + " defines " + file.definitions().size() + " strategies ("
                + String.join(", ", file.definitions().stream().map(StrategyDefinition::name).toList())
                + "): pick one with --strategy NAME");
        }
        return file.definitions().get(0).name();
    }

    /** The absolute path of the source file that defines {@code strategy}, or empty when it is not from a file. */
    static String fileOf(final String strategy, final StrategyCatalog catalog) {
        final StrategySourceFile file = catalog.sourceFile(strategy);
        return file == null ? "" : file.path().toAbsolutePath().normalize().toString();
    }

    /**
     * {@code config} with every book's strategy named and, when a source file defines it (through the book's
     * {@code strategy-file} or {@code --strategy-file}), that file recorded with the book, so the journal manifest
     * keeps both and a restart can check the file's content.
     */
    static EngineConfig resolveBooks(final EngineConfig config, final StrategyCatalog catalog) {
        final List<BookConfig> books = new ArrayList<>();
        for (final BookConfig book : config.books()) {
            final String name = BookAssembly.definition(book, catalog).name();
            final BookConfig named = name.equals(book.strategy()) ? book : new BookConfig(book.name(), name,
                book.params(), book.symbols(), book.interval(), book.cash(), book.slippageBps(), book.commissionBps(),
                book.allowShort(), book.minNotional(), book.fill(), book.maxShortNotional(), book.participation(),
                book.limits(), book.onOpposite(), book.strategyFile());
            final String file = fileOf(name, catalog);
            books.add(file.isEmpty() ? named : named.withStrategyFile(file));
        }
        return config.withBooks(books);
    }
}
