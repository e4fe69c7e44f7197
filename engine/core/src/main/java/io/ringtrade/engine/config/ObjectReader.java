package io.ringtrade.engine.config;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.ringtrade.engine.api.money.FixedPoint;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads one HOCON object against the schema the loader expresses by asking for keys: every accessor records its key
 * as known, falls back to a default when the key is absent, and reports a wrong type or range to {@link Problems}
 * with the key's full path instead of throwing. {@link #finish()} then reports every key nobody asked for. A refused
 * value reads as its default (or a neutral placeholder) so that reading continues and all problems are collected; the
 * loader never returns a configuration while problems exist.
 *
 * <p>Start-up (main) thread only.
 */
final class ObjectReader {
    /** A scalar list element with where it is, for checks made after reading (such as unknown symbols). */
    record Item(String text, String path, ConfigOrigin origin) {
    }

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");
    private static final int MAX_SUGGESTION_DISTANCE = 2;

    private final String path;
    private final ConfigObject object;
    private final ConfigOrigin origin;
    private final Problems problems;
    private final Set<String> known = new LinkedHashSet<>();

    ObjectReader(final String path, final ConfigObject object, final Problems problems) {
        this.path = path;
        this.object = object;
        this.origin = object.isEmpty() ? null : object.origin();
        this.problems = problems;
    }

    /** This object's full path, e.g. {@code ringtrade.books[0]}. */
    String path() {
        return path;
    }

    /** The full path of a key of this object. */
    String path(final String key) {
        final String rendered = PLAIN_KEY.matcher(key).matches() ? key : ConfigUtil.quoteString(key);
        return path.isEmpty() ? rendered : path + "." + rendered;
    }

    /** Whether {@code key} is set (an optional key without a default). */
    boolean has(final String key) {
        return object.containsKey(key);
    }

    /** Reports a problem with the value of {@code key} (located at that value, or at this object when absent). */
    void problem(final String key, final String message) {
        final ConfigValue value = object.get(key);
        problems.add(value != null ? value.origin() : origin, path(key), message);
    }

    /** Reports a problem with a list element read by {@link #stringList}. */
    void problemAt(final Item item, final String message) {
        problems.add(item.origin(), item.path(), message);
    }

    /** A string; {@code defaultValue} null makes the key required. Blank strings are refused. */
    String string(final String key, final String defaultValue) {
        final ConfigValue value = value(key);
        if (value == null) {
            return missing(key, defaultValue, "");
        }
        final String text = scalarText(value);
        if (text == null) {
            problem(key, "expected a string, got " + describe(value));
            return fallback(defaultValue, "");
        }
        if (text.isBlank()) {
            problem(key, "must not be empty");
            return fallback(defaultValue, "");
        }
        return text;
    }

    /** A whole number in [min, max]; {@code defaultValue} null makes the key required. */
    long wholeNumber(final String key, final Long defaultValue, final long min, final long max) {
        final ConfigValue value = value(key);
        if (value == null) {
            return missing(key, defaultValue, min);
        }
        final String text = scalarText(value);
        final long number;
        try {
            if (text == null || value.valueType() == ConfigValueType.BOOLEAN) {
                throw new NumberFormatException();
            }
            number = Long.parseLong(text.trim());
        } catch (final NumberFormatException e) {
            problem(key, "expected a whole number, got " + describe(value));
            return fallback(defaultValue, min);
        }
        if (number < min || number > max) {
            problem(key, rangeRule(Long.toString(min), false, max == Long.MAX_VALUE ? null : Long.toString(max))
                + ", got " + text.trim());
            return fallback(defaultValue, min);
        }
        return number;
    }

    /**
     * A decimal converted exactly to fixed-point (10<sup>-8</sup>) from its text, never through a double, in
     * [min, max] (or (min, max] when {@code exclusiveMin}); {@code defaultText} null makes the key required.
     */
    long fixedPoint(final String key, final String defaultText, final long min, final boolean exclusiveMin,
                    final long max) {
        final ConfigValue value = value(key);
        if (value == null) {
            return defaultText == null ? missing(key, null, min) : FixedPoint.parse(defaultText);
        }
        final String text = scalarText(value);
        final long fixed;
        try {
            if (text == null || value.valueType() == ConfigValueType.BOOLEAN) {
                throw new NumberFormatException();
            }
            fixed = FixedPoint.parse(text.trim());
        } catch (final NumberFormatException e) {
            problem(key, "expected a decimal number, got " + describe(value));
            return placeholder(defaultText, min);
        }
        if (decimalPlaces(text.trim()) > FixedPoint.SCALE_DIGITS) {
            problem(key, "at most " + FixedPoint.SCALE_DIGITS + " decimal places, got " + text.trim());
            return placeholder(defaultText, min);
        }
        final boolean below = exclusiveMin ? fixed <= min : fixed < min;
        if (below || fixed > max) {
            problem(key, rangeRule(FixedPoint.toString(min), exclusiveMin,
                max == Long.MAX_VALUE ? null : FixedPoint.toString(max)) + ", got " + text.trim());
            return placeholder(defaultText, min);
        }
        return fixed;
    }

    /** A finite decimal &gt;= min as a double (for clock multipliers, never for money). */
    double decimal(final String key, final double defaultValue, final double min) {
        final ConfigValue value = value(key);
        if (value == null) {
            return defaultValue;
        }
        final String text = scalarText(value);
        final double number;
        try {
            if (text == null || value.valueType() == ConfigValueType.BOOLEAN) {
                throw new NumberFormatException();
            }
            number = Double.parseDouble(text.trim());
            if (!Double.isFinite(number)) {
                throw new NumberFormatException();
            }
        } catch (final NumberFormatException e) {
            problem(key, "expected a number, got " + describe(value));
            return defaultValue;
        }
        if (number < min) {
            problem(key, "must be >= " + plain(min) + ", got " + text.trim());
            return defaultValue;
        }
        return number;
    }

    /** A HOCON duration ({@code 5s}, {@code 500ms}; a bare number is milliseconds), &gt;= 0. */
    Duration duration(final String key, final Duration defaultValue) {
        final ConfigValue value = value(key);
        if (value == null) {
            return defaultValue;
        }
        final Duration duration;
        try {
            duration = object.toConfig().getDuration(ConfigUtil.joinPath(key));
        } catch (final ConfigException e) {
            problem(key, "expected a duration such as 5s or 500ms, got " + describe(value));
            return defaultValue;
        }
        if (duration.isNegative()) {
            problem(key, "must be >= 0s, got " + scalarText(value));
            return defaultValue;
        }
        return duration;
    }

    /** A boolean ({@code true}/{@code false}; HOCON also accepts yes/no and on/off). */
    boolean bool(final String key, final boolean defaultValue) {
        final ConfigValue value = value(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            return object.toConfig().getBoolean(ConfigUtil.joinPath(key));
        } catch (final ConfigException e) {
            problem(key, "expected true or false, got " + describe(value));
            return defaultValue;
        }
    }

    /** One of {@code choices}, by label; the refusal lists the accepted labels. */
    <E extends ConfigChoice> E choice(final String key, final E[] choices, final E defaultValue) {
        return oneOf(key, choices, ConfigChoice::label, defaultValue);
    }

    /** One of {@code choices}, by the label {@code labelOf} gives (exact, case-sensitive); the refusal lists them. */
    <E> E oneOf(final String key, final E[] choices, final Function<E, String> labelOf, final E defaultValue) {
        final ConfigValue value = value(key);
        if (value == null) {
            return defaultValue;
        }
        final String text = scalarText(value);
        final List<String> labels = new ArrayList<>();
        for (final E choice : choices) {
            if (labelOf.apply(choice).equals(text)) {
                return choice;
            }
            labels.add(labelOf.apply(choice));
        }
        problem(key, "expected one of " + String.join(", ", labels) + ", got " + describe(value));
        return defaultValue;
    }

    /** A nested object; an absent key reads as an empty object, so that all its keys take their defaults. */
    ObjectReader object(final String key) {
        final ConfigValue value = value(key);
        if (value == null) {
            return new ObjectReader(path(key), ConfigFactory.empty().root(), problems);
        }
        if (value.valueType() != ConfigValueType.OBJECT) {
            problem(key, "expected an object, got " + describe(value));
            return new ObjectReader(path(key), ConfigFactory.empty().root(), problems);
        }
        return new ObjectReader(path(key), (ConfigObject) value, problems);
    }

    /** A required list of objects, e.g. {@code books}; null when absent or not a list (already reported). */
    List<ObjectReader> objectList(final String key) {
        final ConfigList list = list(key);
        if (list == null) {
            return null;
        }
        final List<ObjectReader> readers = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            final ConfigValue element = list.get(i);
            final String elementPath = path(key) + "[" + i + "]";
            if (element.valueType() == ConfigValueType.OBJECT) {
                readers.add(new ObjectReader(elementPath, (ConfigObject) element, problems));
            } else {
                problems.add(element.origin(), elementPath, "expected an object, got " + describe(element));
            }
        }
        return readers;
    }

    /** A required, non-empty list of non-blank strings; empty when absent or wrong (already reported). */
    List<Item> stringList(final String key) {
        final ConfigList list = list(key);
        final List<Item> items = new ArrayList<>();
        if (list == null) {
            return items;
        }
        for (int i = 0; i < list.size(); i++) {
            final ConfigValue element = list.get(i);
            final String elementPath = path(key) + "[" + i + "]";
            final String text = element.valueType() == ConfigValueType.STRING ? scalarText(element) : null;
            if (text == null) {
                problems.add(element.origin(), elementPath, "expected a string, got " + describe(element));
            } else if (text.isBlank()) {
                problems.add(element.origin(), elementPath, "must not be empty");
            } else {
                items.add(new Item(text, elementPath, element.origin()));
            }
        }
        return items;
    }

    /**
     * An object of scalars as text, ordered by key (HOCON objects do not keep file order, so name order is the
     * only deterministic one); an absent key is an empty map. Its keys are not checked: they belong to someone else.
     */
    Map<String, String> scalarMap(final String key) {
        final Map<String, String> result = new LinkedHashMap<>();
        final ConfigValue value = value(key);
        if (value == null) {
            return result;
        }
        if (value.valueType() != ConfigValueType.OBJECT) {
            problem(key, "expected an object, got " + describe(value));
            return result;
        }
        final ObjectReader map = new ObjectReader(path(key), (ConfigObject) value, problems);
        for (final Map.Entry<String, ConfigValue> entry : new TreeMap<>((ConfigObject) value).entrySet()) {
            final String text = entry.getValue().valueType() == ConfigValueType.NULL
                ? null : scalarText(entry.getValue());
            if (text == null) {
                map.problem(entry.getKey(), "expected a number, string or boolean, got " + describe(entry.getValue()));
            } else {
                result.put(entry.getKey(), text);
            }
        }
        return result;
    }

    /** Reports every key of this object that no accessor asked for, with a suggestion when one is close. */
    void finish() {
        for (final String key : new TreeSet<>(object.keySet())) {
            if (!known.contains(key)) {
                problem(key, "unknown key " + suggestion(key));
            }
        }
    }

    private String suggestion(final String key) {
        final String kebab = kebabCase(key);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (final String candidate : known) {
            final int distance = candidate.equals(kebab) ? 0 : editDistance(key, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        if (best != null && bestDistance <= Math.min(MAX_SUGGESTION_DISTANCE, Math.max(1, best.length() / 3))) {
            return "(did you mean " + best + "?)";
        }
        return "(expected one of " + String.join(", ", known) + ")";
    }

    /** {@code ringSize} and {@code ring_size} become {@code ring-size}: the usual slips from other config styles. */
    private static String kebabCase(final String key) {
        final StringBuilder out = new StringBuilder(key.length() + 4);
        for (int i = 0; i < key.length(); i++) {
            final char c = key.charAt(i);
            if (Character.isUpperCase(c)) {
                out.append(i == 0 ? "" : "-").append(Character.toLowerCase(c));
            } else {
                out.append(c == '_' ? '-' : c);
            }
        }
        return out.toString();
    }

    /** Levenshtein distance (insert, delete, substitute), two rows. */
    static int editDistance(final String a, final String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                final int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            final int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private ConfigList list(final String key) {
        final ConfigValue value = value(key);
        if (value == null) {
            problem(key, "missing required key");
            return null;
        }
        if (value.valueType() != ConfigValueType.LIST) {
            problem(key, "expected a list, got " + describe(value));
            return null;
        }
        final ConfigList list = (ConfigList) value;
        if (list.isEmpty()) {
            problem(key, "must not be empty");
        }
        return list;
    }

    /** The value of a key, null when absent or HOCON null (which means "unset"); marks the key known. */
    private ConfigValue value(final String key) {
        known.add(key);
        final ConfigValue value = object.get(key);
        return value == null || value.valueType() == ConfigValueType.NULL ? null : value;
    }

    private <T> T missing(final String key, final T defaultValue, final T placeholder) {
        if (defaultValue == null) {
            problem(key, "missing required key");
            return placeholder;
        }
        return defaultValue;
    }

    private static <T> T fallback(final T defaultValue, final T placeholder) {
        return defaultValue != null ? defaultValue : placeholder;
    }

    private static long placeholder(final String defaultText, final long min) {
        return defaultText != null ? FixedPoint.parse(defaultText) : min;
    }

    private static String rangeRule(final String min, final boolean exclusiveMin, final String max) {
        if (max == null) {
            return (exclusiveMin ? "must be > " : "must be >= ") + min;
        }
        return "must be between " + min + " and " + max;
    }

    private static int decimalPlaces(final String text) {
        final int point = text.indexOf('.');
        if (point < 0) {
            return 0;
        }
        int end = text.length();
        while (end > point + 1 && text.charAt(end - 1) == '0') {
            end--;
        }
        return end - point - 1;
    }

    private static String plain(final double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /**
     * A scalar's text as written: numbers keep their original spelling ({@code 0.00000001}, not the double's
     * {@code 1.0E-8}), so that fixed-point conversion is exact. Null for objects, lists and null.
     */
    static String scalarText(final ConfigValue value) {
        return switch (value.valueType()) {
            case STRING -> (String) value.unwrapped();
            // getString hands back the number's original text; render() and unwrapped() go through a double
            case NUMBER -> value.atKey("n").getString("n");
            case BOOLEAN -> value.unwrapped().toString();
            case OBJECT, LIST, NULL -> null;
        };
    }

    /** How a refused value is shown after "got": strings quoted, numbers and booleans as written, others by kind. */
    static String describe(final ConfigValue value) {
        return switch (value.valueType()) {
            case STRING -> ConfigUtil.quoteString((String) value.unwrapped());
            case NUMBER, BOOLEAN -> scalarText(value);
            case OBJECT -> "an object";
            case LIST -> "a list";
            case NULL -> "null";
        };
    }
}
