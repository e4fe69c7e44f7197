package io.ringtrade.engine.strategy;

import io.ringtrade.engine.api.strategy.StrategyDefinition;

import java.util.Collection;
import java.util.Collections;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The strategies found on the class path through {@link ServiceLoader}, by name, in name order (so listings
 * and lookups do not depend on class-path order). Built at start-up on the main thread; immutable.
 */
public final class StrategyCatalog {
    private final TreeMap<String, StrategyDefinition> byName = new TreeMap<>();

    private StrategyCatalog() {
    }

    /** Every strategy visible to {@code loader}; refuses two strategies with one name. */
    public static StrategyCatalog load(final ClassLoader loader) {
        final StrategyCatalog catalog = new StrategyCatalog();
        for (final StrategyDefinition definition : ServiceLoader.load(StrategyDefinition.class, loader)) {
            final StrategyDefinition previous = catalog.byName.putIfAbsent(definition.name(), definition);
            if (previous != null) {
                throw new IllegalStateException("two strategies are named " + definition.name() + ": "
                    + previous.getClass().getName() + " and " + definition.getClass().getName());
            }
        }
        return catalog;
    }

    /** The strategy with this name. */
    public StrategyDefinition get(final String name) {
        final StrategyDefinition definition = byName.get(name);
        if (definition == null) {
            throw new IllegalArgumentException("unknown strategy '" + name + "' (available: "
                + String.join(", ", byName.keySet()) + ")");
        }
        return definition;
    }

    /** All strategies in name order. */
    public Collection<StrategyDefinition> all() {
        return Collections.unmodifiableCollection(byName.values());
    }
}
