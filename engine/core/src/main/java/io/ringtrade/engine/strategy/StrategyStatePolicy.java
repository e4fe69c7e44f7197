package io.ringtrade.engine.strategy;

import io.ringtrade.engine.api.strategy.Indicators;
import io.ringtrade.engine.api.strategy.Parameters;
import io.ringtrade.engine.api.strategy.StrategyState;

import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Refuses, at start, a strategy that keeps state the engine cannot snapshot (the core rule: recovery from a snapshot
 * must give the same decisions as replaying every input). A strategy passes when every field of it, and of every
 * object it holds, is final and holds an immutable value (a primitive, a string, a boxed number, an enum, a
 * {@link Parameters}, an immutable JDK collection of such values, a record or object built the same way), a sealed
 * {@link Indicators} declaration, or one of the {@link StrategyState} cells the engine gave it. Mutable fields, arrays
 * and mutable JDK objects are refused with a message naming the field and saying where the state belongs. Start-up
 * thread; uses reflection, never on the hot path.
 */
public final class StrategyStatePolicy {
    private static final Set<Class<?>> IMMUTABLE = Set.of(String.class, Boolean.class, Character.class, Byte.class,
        Short.class, Integer.class, Long.class, Float.class, Double.class, BigDecimal.class, BigInteger.class,
        Parameters.class, Class.class);

    private StrategyStatePolicy() {
    }

    /**
     * Checks {@code strategy} of book {@code book} whose cells live in {@code state}.
     *
     * @throws IllegalArgumentException naming the first field that keeps state outside the state API
     */
    public static void check(final Object strategy, final String book, final StrategyStateStore state) {
        final String problem = problemIn(strategy, strategy.getClass().getSimpleName(), state, new IdentityHashMap<>());
        if (problem != null) {
            throw new IllegalArgumentException("book " + book + ": the strategy keeps state the engine cannot snapshot: "
                + problem + " (keep what must be remembered between bars in StrategyState cells)");
        }
    }

    private static String problemIn(final Object value, final String path, final StrategyStateStore state,
                                    final Map<Object, Boolean> seen) {
        if (value == null || state.owns(value) || value instanceof StrategyState) {
            return null;
        }
        if (value instanceof Indicators indicators && indicators.isSealed()) {
            // a sealed declaration never changes; the indicators' values live in the engine's bars, which it snapshots
            return null;
        }
        final Class<?> type = value.getClass();
        if (IMMUTABLE.contains(type) || type.isEnum() || (type.getSuperclass() != null && type.getSuperclass().isEnum())) {
            return null;
        }
        if (type.isArray()) {
            return path + " is an array";
        }
        if (seen.put(value, Boolean.TRUE) != null) {
            return null;
        }
        if (type.getName().startsWith("java.util.ImmutableCollections$")) {
            return elementsOf(value, path, state, seen);
        }
        if (type.getName().startsWith("java.") || type.getName().startsWith("javax.")) {
            return path + " is a " + type.getName() + ", which can change";
        }
        for (Class<?> c = type; c != null && c != Object.class && c != Record.class; c = c.getSuperclass()) {
            for (final Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    if (!Modifier.isFinal(field.getModifiers())) {
                        return c.getSimpleName() + "." + field.getName() + " is a static field that is not final";
                    }
                    continue;
                }
                final String fieldPath = path + "." + field.getName();
                if (!Modifier.isFinal(field.getModifiers())) {
                    return fieldPath + " is not final";
                }
                if (field.getType().isPrimitive()) {
                    continue;
                }
                final Object held;
                try {
                    field.setAccessible(true);
                    held = field.get(value);
                } catch (final IllegalAccessException | InaccessibleObjectException e) {
                    return fieldPath + " cannot be inspected (" + e.getMessage() + ")";
                }
                final String problem = problemIn(held, fieldPath, state, seen);
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    private static String elementsOf(final Object collection, final String path, final StrategyStateStore state,
                                     final Map<Object, Boolean> seen) {
        final Iterable<?> elements = collection instanceof Map<?, ?> map ? map.entrySet().stream()
            .flatMap(e -> Stream.of(e.getKey(), e.getValue())).toList() : (Iterable<?>) collection;
        int i = 0;
        for (final Object element : elements) {
            final String problem = problemIn(element, path + "[" + i++ + "]", state, seen);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }
}
