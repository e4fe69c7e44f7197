package io.ringtrade.engine.strategy;

import io.ringtrade.engine.api.strategy.StrategyDefinition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The strategies a command can run, by name, in name order (so listings and lookups do not depend on class-path
 * order): those found on the class path through {@link ServiceLoader}, those in strategy jars dropped in a folder
 * ({@code --strategy-path DIR}, also through {@link ServiceLoader}), and those defined by single Java source files
 * compiled at start ({@code --strategy-file}, {@code strategy-file}; {@link StrategySourceFile}). Two strategies with
 * one name are refused, naming where each comes from.
 *
 * <p>Filled on the start-up thread before any book is built; afterwards only read, possibly by several threads (the
 * optimizer's jobs), so every method is synchronized. A source file is compiled once however often it is named.
 */
public final class StrategyCatalog {
    /** Where the strategies found on the class path come from, in listings. */
    public static final String BUILT_IN = "built in";

    private final TreeMap<String, StrategyDefinition> byName = new TreeMap<>();
    private final Map<String, String> origins = new TreeMap<>();
    private final Map<Path, StrategySourceFile> sourceFiles = new TreeMap<>();
    private final Map<String, StrategySourceFile> sourceByStrategy = new TreeMap<>();

    private StrategyCatalog() {
    }

    /** Every strategy visible to {@code loader}; refuses two strategies with one name. */
    public static StrategyCatalog load(final ClassLoader loader) {
        final StrategyCatalog catalog = new StrategyCatalog();
        for (final StrategyDefinition definition : ServiceLoader.load(StrategyDefinition.class, loader)) {
            catalog.add(definition, BUILT_IN);
        }
        return catalog;
    }

    /**
     * Adds the strategies of every {@code .jar} in {@code dir} (in file-name order), found through
     * {@link ServiceLoader} as on the class path: each jar lists its classes in
     * {@code META-INF/services/io.ringtrade.engine.api.strategy.StrategyDefinition}. Returns how many were added.
     *
     * @throws IllegalArgumentException when the folder is missing, holds no jar, a jar's strategy cannot be loaded,
     *                                  or a name is taken
     */
    public synchronized int addJars(final Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--strategy-path " + dir + ": not a folder");
        }
        final List<Path> jars;
        try (Stream<Path> files = Files.list(dir)) {
            jars = files.filter(file -> file.getFileName().toString().endsWith(".jar") && Files.isRegularFile(file))
                .sorted().toList();
        } catch (final IOException e) {
            throw new UncheckedIOException("--strategy-path " + dir + ": " + e.getMessage(), e);
        }
        if (jars.isEmpty()) {
            throw new IllegalArgumentException("--strategy-path " + dir + ": no .jar files in it");
        }
        int added = 0;
        for (final Path jar : jars) {
            final URLClassLoader loader;
            try {
                loader = new URLClassLoader("strategy-jar " + jar.getFileName(), new URL[] {jar.toUri().toURL()},
                    StrategyDefinition.class.getClassLoader());
            } catch (final MalformedURLException e) {
                throw new IllegalArgumentException(jar + ": " + e.getMessage(), e);
            }
            try {
                for (final ServiceLoader.Provider<StrategyDefinition> provider
                    : ServiceLoader.load(StrategyDefinition.class, loader).stream().toList()) {
                    // the parent's strategies are found again through the child loader: only this jar's count
                    if (provider.type().getClassLoader() == loader) {
                        add(provider.get(), jar.toString());
                        added++;
                    }
                }
            } catch (final ServiceConfigurationError e) {
                throw new IllegalArgumentException(jar + ": cannot load its strategies: " + e.getMessage(), e);
            }
        }
        return added;
    }

    /**
     * Compiles {@code file} and adds the strategies it defines, or returns the compiled file when it was added
     * before (the same path).
     *
     * @throws StrategyCompileException  when it does not compile
     * @throws IllegalArgumentException when it cannot be loaded or a name it defines is taken
     */
    public synchronized StrategySourceFile addSourceFile(final Path file) {
        final Path key = file.toAbsolutePath().normalize();
        final StrategySourceFile known = sourceFiles.get(key);
        if (known != null) {
            return known;
        }
        final StrategySourceFile compiled = StrategySourceFile.compile(file);
        for (final StrategyDefinition definition : compiled.definitions()) {
            add(definition, file.toString());
            sourceByStrategy.put(definition.name(), compiled);
        }
        sourceFiles.put(key, compiled);
        return compiled;
    }

    private void add(final StrategyDefinition definition, final String origin) {
        final String name = definition.name();
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(origin + ": " + definition.getClass().getName() + " has no name");
        }
        final StrategyDefinition previous = byName.putIfAbsent(name, definition);
        if (previous != null) {
            throw new IllegalArgumentException("two strategies are named " + name + ": "
                + describe(previous, origins.get(name)) + " and " + describe(definition, origin));
        }
        origins.put(name, origin);
    }

    private static String describe(final StrategyDefinition definition, final String origin) {
        return definition.getClass().getName() + " (" + origin + ")";
    }

    /** The strategy with this name. */
    public synchronized StrategyDefinition get(final String name) {
        final StrategyDefinition definition = byName.get(name);
        if (definition == null) {
            throw new IllegalArgumentException("unknown strategy '" + name + "' (available: "
                + String.join(", ", byName.keySet()) + ")");
        }
        return definition;
    }

    /** Whether a strategy has this name. */
    public synchronized boolean has(final String name) {
        return byName.containsKey(name);
    }

    /** The names of all strategies, in name order. */
    public synchronized List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** All strategies in name order. */
    public synchronized Collection<StrategyDefinition> all() {
        return List.copyOf(byName.values());
    }

    /** Where a strategy comes from: {@link #BUILT_IN}, a jar's path, or a source file's path as given. */
    public synchronized String origin(final String name) {
        get(name);
        return origins.get(name);
    }

    /** The source file that defines a strategy, or null when it comes from the class path or a jar. */
    public synchronized StrategySourceFile sourceFile(final String name) {
        return sourceByStrategy.get(name);
    }

    /** The source files added, in path order. */
    public synchronized List<StrategySourceFile> sourceFiles() {
        return new ArrayList<>(sourceFiles.values());
    }
}
