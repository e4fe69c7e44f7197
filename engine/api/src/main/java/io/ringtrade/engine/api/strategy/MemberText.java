package io.ringtrade.engine.api.strategy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One member of a composite strategy's {@code members} text as written: comma-separated members, each {@code name} or
 * {@code name(key=value;key=value)}. The form is read here once for the strategy that builds its members (the
 * ensemble) and for the optimizer that rewrites one member's parameter ({@code --grid sma_crossover.fast=10,20});
 * what the names and values mean is the strategy's to judge. Immutable; any thread.
 *
 * @param name       the member's strategy name, blanks around it removed
 * @param parameters the parameters given to it, keys and values stripped, in the order written (unmodifiable)
 */
public record MemberText(String name, Map<String, String> parameters) {
    /** Keeps an unmodifiable copy of {@code parameters}, in their order. */
    public MemberText {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /**
     * The members {@code text} names, in order: each comma-separated part is one member (an empty part is a member
     * with an empty name, for the caller to refuse by name).
     *
     * @throws IllegalArgumentException when a member opens a parameter list it does not close, or a parameter is not
     *                                  {@code key=value} or repeats a key; the message quotes the member as written
     */
    public static List<MemberText> parseAll(final String text) {
        final List<MemberText> members = new ArrayList<>();
        for (final String part : text.split(",", -1)) {
            members.add(parse(part.strip()));
        }
        return members;
    }

    private static MemberText parse(final String written) {
        final int open = written.indexOf('(');
        if (open < 0) {
            return new MemberText(written, Map.of());
        }
        final String name = written.substring(0, open).strip();
        if (!written.endsWith(")")) {
            throw new IllegalArgumentException("'" + written + "' opens a parameter list it does not close: write "
                + name + "(key=value;key=value)");
        }
        final Map<String, String> given = new LinkedHashMap<>();
        for (final String pair : written.substring(open + 1, written.length() - 1).split(";", -1)) {
            final int equals = pair.indexOf('=');
            final String key = equals < 0 ? "" : pair.substring(0, equals).strip();
            if (key.isEmpty() || given.put(key, pair.substring(equals + 1).strip()) != null) {
                throw new IllegalArgumentException("'" + written + "': '" + pair.strip() + "' is not one key=value of"
                    + " its own (write " + name + "(key=value;key=value))");
            }
        }
        return new MemberText(name, given);
    }

    /** This member with parameter {@code key} at {@code value}: in place of the one it had, or after its others. */
    public MemberText with(final String key, final String value) {
        final Map<String, String> changed = new LinkedHashMap<>(parameters);
        changed.put(key, value);
        return new MemberText(name, changed);
    }

    /** The member as a members text writes it: {@code name}, or {@code name(key=value;key=value)} in order. */
    public String written() {
        if (parameters.isEmpty()) {
            return name;
        }
        final List<String> pairs = new ArrayList<>();
        parameters.forEach((key, value) -> pairs.add(key + "=" + value));
        return name + "(" + String.join(";", pairs) + ")";
    }

    /** {@code members} as one members text, comma-separated, each {@link #written()}. */
    public static String join(final List<MemberText> members) {
        final List<String> written = new ArrayList<>();
        members.forEach(member -> written.add(member.written()));
        return String.join(",", written);
    }
}
