package io.ringtrade.engine.config;

import io.ringtrade.engine.api.strategy.ParameterSpec;
import io.ringtrade.engine.api.strategy.StrategyDefinition;
import io.ringtrade.engine.api.strategy.StrategyParameters;
import io.ringtrade.engine.strategy.StrategyCatalog;
import io.ringtrade.engine.strategy.StrategyCompileException;
import io.ringtrade.engine.strategy.StrategySourceFile;
import io.ringtrade.engine.strategy.StrategyStateStore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks one book's strategy while the configuration loads, so that its problems are reported with all the others
 * and in the same {@code file:line: key.path: problem} form: a strategy file that does not compile (one line per
 * compiler error), an unknown strategy, an unknown parameter or a bad value (each at its own key under
 * {@code params}), and values the strategy itself refuses. Start-up (main) thread only.
 */
final class StrategyCheck {
    private StrategyCheck() {
    }

    /**
     * Checks the book read by {@code book}; returns its strategy's name (the file's only strategy when the book names
     * none).
     */
    static String check(final ObjectReader book, final String strategy, final String strategyFile,
                        final Map<String, String> params, final StrategyCatalog catalog) {
        String name = strategy;
        if (!strategyFile.isEmpty()) {
            final StrategySourceFile file;
            try {
                file = catalog.addSourceFile(Path.of(strategyFile));
            } catch (final StrategyCompileException e) {
                for (final String error : e.errors()) {
                    book.problem("strategy-file", error.lines().findFirst().orElse(error));
                }
                return name;
            } catch (final IllegalArgumentException e) {
                book.problem("strategy-file", e.getMessage());
                return name;
            }
            final List<String> defined = file.definitions().stream().map(StrategyDefinition::name).toList();
            if (name.isEmpty()) {
                if (defined.size() != 1) {
                    book.problem("strategy", "missing: " + strategyFile + " defines " + defined.size()
                        + " strategies (" + String.join(", ", defined) + "); name one");
                    return name;
                }
                name = defined.get(0);
            } else if (!defined.contains(name)) {
                book.problem("strategy", "\"" + name + "\" is not defined in " + strategyFile + " (it defines "
                    + String.join(", ", defined) + ")");
                return name;
            }
        }
        if (name.isEmpty()) {
            return name;
        }
        if (!catalog.has(name)) {
            book.problem("strategy", "unknown strategy \"" + name + "\" (available: "
                + String.join(", ", catalog.names()) + ")");
            return name;
        }
        final StrategyDefinition definition = catalog.get(name);
        final List<String> declared = new ArrayList<>();
        // its own parameters and the managed-position ones every strategy takes, with its defaults for them
        for (final ParameterSpec spec : StrategyParameters.of(definition)) {
            declared.add(spec.name());
        }
        boolean valid = true;
        for (final Map.Entry<String, String> param : params.entrySet()) {
            if (!declared.contains(param.getKey())) {
                book.problemIn("params", param.getKey(), "strategy " + name + " has no parameter '" + param.getKey()
                    + "' (parameters: " + String.join(", ", declared) + ")");
                valid = false;
                continue;
            }
            try {
                StrategyParameters.resolve(definition, Map.of(param.getKey(), param.getValue()));
            } catch (final IllegalArgumentException e) {
                book.problemIn("params", param.getKey(), e.getMessage());
                valid = false;
            }
        }
        if (valid) {
            try {
                definition.create(StrategyParameters.resolve(definition, params),
                    new StrategyStateStore(name));
            } catch (final IllegalArgumentException e) {
                book.problem("params", e.getMessage());
            }
        }
        return name;
    }
}
