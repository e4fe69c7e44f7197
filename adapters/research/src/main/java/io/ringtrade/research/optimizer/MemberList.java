package io.ringtrade.research.optimizer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code members} text as a strategy such as the ensemble takes it — comma-separated members, each {@code name} or
 * {@code name(key=value;key=value)} — rewritten with one member's parameter set, so the optimizer can search a member's
 * parameters ({@code --grid sma_crossover.fast=10,20}) as whole members texts. Only the form is read here; what the
 * names and values mean is the strategy's to judge when the grid builds it. Immutable helper; any thread.
 */
final class MemberList {
    private MemberList() {
    }

    /**
     * {@code text} with member {@code member}'s parameter {@code key} at {@code value} (added after its others, or in
     * place of the one it had).
     *
     * @param option the {@code --grid} option, for messages
     * @throws OptimizerException when {@code text} names {@code member} not exactly once, or is not of that form
     */
    static String withParameter(final String text, final String member, final String key, final String value,
                                final String option) {
        final List<String> rewritten = new ArrayList<>();
        int found = 0;
        for (final String part : text.split(",", -1)) {
            final String written = part.strip();
            final int open = written.indexOf('(');
            final String name = (open < 0 ? written : written.substring(0, open)).strip();
            if (!name.equals(member)) {
                rewritten.add(written);
                continue;
            }
            found++;
            final Map<String, String> parameters = open < 0 ? new LinkedHashMap<>() : parameters(written, open, option);
            parameters.put(key, value);
            final List<String> pairs = new ArrayList<>();
            parameters.forEach((k, v) -> pairs.add(k + "=" + v));
            rewritten.add(name + "(" + String.join(";", pairs) + ")");
        }
        if (found != 1) {
            throw new OptimizerException("--grid " + option + ": the members '" + text + "' name " + member + " "
                + (found == 0 ? "nowhere" : found + " times") + " (a MEMBER.PARAMETER grid sets the one member of that"
                + " name)");
        }
        return String.join(",", rewritten);
    }

    private static Map<String, String> parameters(final String written, final int open, final String option) {
        if (!written.endsWith(")")) {
            throw new OptimizerException("--grid " + option + ": member '" + written + "' opens a parameter list it"
                + " does not close");
        }
        final Map<String, String> parameters = new LinkedHashMap<>();
        for (final String pair : written.substring(open + 1, written.length() - 1).split(";", -1)) {
            final int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new OptimizerException("--grid " + option + ": member '" + written + "': '" + pair.strip()
                    + "' is not key=value");
            }
            parameters.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
        }
        return parameters;
    }
}
