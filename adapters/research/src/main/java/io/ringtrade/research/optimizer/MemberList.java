package io.ringtrade.research.optimizer;

import io.ringtrade.engine.api.strategy.MemberText;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code members} text as a strategy such as the ensemble takes it — comma-separated members, each {@code name} or
 * {@code name(key=value;key=value)}, read by {@link MemberText} — rewritten with one member's parameter set, so the
 * optimizer can search a member's parameters ({@code --grid sma_crossover.fast=10,20}) as whole members texts. Only
 * the form is read here; what the names and values mean is the strategy's to judge when the grid builds it. Immutable
 * helper; any thread.
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
        final List<MemberText> members;
        try {
            members = MemberText.parseAll(text);
        } catch (final IllegalArgumentException e) {
            throw new OptimizerException("--grid " + option + ": the members '" + text + "': " + e.getMessage());
        }
        final List<MemberText> rewritten = new ArrayList<>();
        int found = 0;
        for (final MemberText written : members) {
            if (written.name().equals(member)) {
                found++;
                rewritten.add(written.with(key, value));
            } else {
                rewritten.add(written);
            }
        }
        if (found != 1) {
            throw new OptimizerException("--grid " + option + ": the members '" + text + "' name " + member + " "
                + (found == 0 ? "nowhere" : found + " times") + " (a MEMBER.PARAMETER grid sets the one member of that"
                + " name)");
        }
        return MemberText.join(rewritten);
    }
}
