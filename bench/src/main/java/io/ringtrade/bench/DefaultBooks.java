package io.ringtrade.bench;

import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.config.BookConfig;
import io.ringtrade.engine.config.EngineConfig;
import io.ringtrade.engine.config.EngineConfigLoader;
import io.ringtrade.engine.logic.BusinessLogic;
import io.ringtrade.engine.logic.LogicSettings;
import io.ringtrade.engine.runtime.BookAssembly;
import io.ringtrade.engine.strategy.StrategyCatalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The three books of the shipped {@code config/default.conf} (btc-sma 10/30 on 1m, btc-rsi 14 on 1m, btc-sma-5m
 * 5/20 on 5m), read from the file in the repository; {@link BenchEngine} turns them into business logic the way
 * {@code ringtrade run} assembles it. The file is read from {@code config/default.conf} relative to the working directory (the
 * repository root, like the data file) or {@code -Dringtrade.config=FILE}. Start-up thread only.
 */
final class DefaultBooks {
    private final EngineConfig config;
    private final StrategyCatalog catalog = StrategyCatalog.load(DefaultBooks.class.getClassLoader());

    private DefaultBooks(final EngineConfig config) {
        this.config = config;
    }

    /** Loads the configuration. */
    static DefaultBooks load() {
        final Path file = Path.of(System.getProperty("ringtrade.config", "config/default.conf"));
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file.toAbsolutePath() + " not found: run from the repository root or pass "
                + "-Dringtrade.config=FILE");
        }
        return new DefaultBooks(EngineConfigLoader.load(file));
    }

    /** The loaded configuration. */
    EngineConfig config() {
        return config;
    }

    /** A fresh instrument registry from the configuration. */
    InstrumentRegistry instruments() {
        return config.newInstrumentRegistry();
    }

    /** Fresh business logic holding every configured book ({@link BenchEngine#configuredLogic}). */
    BusinessLogic newLogic(final InstrumentRegistry instruments) {
        return BenchEngine.configuredLogic(config, instruments, catalog);
    }

    /**
     * As {@link #newLogic}, with the configuration's engine-wide risk settings as {@code ringtrade run} builds it, and
     * {@code extra} books after the configured ones.
     */
    BusinessLogic newLogicWithRisk(final InstrumentRegistry instruments, final List<BookConfig> extra) {
        final List<BookConfig> all = new ArrayList<>(config.books());
        all.addAll(extra);
        return new BusinessLogic(instruments, BookAssembly.assemble(all, instruments, catalog),
            LogicSettings.DEFAULT.withRisk(config.risk()));
    }

    /** "btc-sma sma_crossover {fast=10, slow=30} 1m; ..." for the conditions block. */
    String describe() {
        final StringBuilder out = new StringBuilder();
        for (final BookConfig book : config.books()) {
            if (!out.isEmpty()) {
                out.append("; ");
            }
            out.append(book.name()).append(' ').append(book.strategy()).append(' ').append(book.params()).append(' ')
                .append(book.interval().label());
        }
        return out.toString();
    }
}
