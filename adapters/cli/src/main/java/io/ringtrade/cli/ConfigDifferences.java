package io.ringtrade.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What differs between the configuration a journal was written with and a run's: the instruments, books and risk
 * limits, the parts that decide what replay computes (not speeds, ring sizes or paths), compared as parsed values, each difference one
 * phrase such as {@code books[0].params.fast is "10" in the journal, "12" now}. A book's {@code strategy-file} path is
 * left out: its content is compared by hash ({@link JournalManifest#checkStrategyFiles}). Start-up thread only.
 */
final class ConfigDifferences {
    /** Differences named in full before the rest is counted. */
    private static final int SHOWN = 5;
    private static final ConfigRenderOptions CONCISE = ConfigRenderOptions.concise();

    private ConfigDifferences() {
    }

    /** The differences between two manifests' instruments, books and risk limits, empty when they are the same. */
    static List<String> between(final String journal, final String now) {
        final Config first = ConfigFactory.parseString(journal);
        final Config second = ConfigFactory.parseString(now);
        final List<String> out = new ArrayList<>();
        for (final String key : new String[] {"instruments", "books", "risk"}) {
            final String path = "ringtrade." + key;
            compare(key, first.hasPath(path) ? first.getValue(path) : null,
                second.hasPath(path) ? second.getValue(path) : null, out);
        }
        if (out.size() > SHOWN) {
            final int more = out.size() - SHOWN;
            final List<String> shown = new ArrayList<>(out.subList(0, SHOWN));
            shown.add("and " + more + " more");
            return shown;
        }
        return out;
    }

    private static void compare(final String path, final ConfigValue then, final ConfigValue now,
                                final List<String> out) {
        if (then == null && now == null) {
            return;
        }
        if ((then == null ? now : then).valueType() == ConfigValueType.OBJECT && (then == null || now == null)) {
            // a section set on one side only: name its keys, not the whole section
            final ConfigObject present = (ConfigObject) (then == null ? now : then);
            for (final String key : new TreeSet<>(present.keySet())) {
                compare(path + "." + key, then == null ? null : present.get(key), now == null ? null : present.get(key),
                    out);
            }
            return;
        }
        if (then == null || now == null) {
            out.add(path + " is " + (then == null ? "not set" : render(then)) + " in the journal, "
                + (now == null ? "not set" : render(now)) + " now");
            return;
        }
        if (then.valueType() == ConfigValueType.OBJECT && now.valueType() == ConfigValueType.OBJECT) {
            final ConfigObject a = (ConfigObject) then;
            final ConfigObject b = (ConfigObject) now;
            final TreeSet<String> keys = new TreeSet<>(a.keySet());
            keys.addAll(b.keySet());
            for (final String key : keys) {
                if (path.startsWith("books[") && key.equals("strategy-file")) {
                    continue;
                }
                compare(path + "." + key, a.get(key), b.get(key), out);
            }
            return;
        }
        if (then.valueType() == ConfigValueType.LIST && now.valueType() == ConfigValueType.LIST) {
            final ConfigList a = (ConfigList) then;
            final ConfigList b = (ConfigList) now;
            if (a.size() != b.size() && !isScalarList(a, b)) {
                out.add(path + ": " + a.size() + " in the journal, " + b.size() + " now");
            }
            if (isScalarList(a, b)) {
                if (!Objects.equals(a.unwrapped(), b.unwrapped())) {
                    out.add(path + " is " + render(a) + " in the journal, " + render(b) + " now");
                }
                return;
            }
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                compare(path + "[" + i + "]", a.get(i), b.get(i), out);
            }
            return;
        }
        if (!Objects.equals(String.valueOf(then.unwrapped()), String.valueOf(now.unwrapped()))) {
            out.add(path + " is " + render(then) + " in the journal, " + render(now) + " now");
        }
    }

    private static boolean isScalarList(final ConfigList a, final ConfigList b) {
        for (final ConfigList list : List.of(a, b)) {
            for (final ConfigValue element : list) {
                if (element.valueType() == ConfigValueType.OBJECT || element.valueType() == ConfigValueType.LIST) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String render(final ConfigValue value) {
        return value.render(CONCISE);
    }
}
