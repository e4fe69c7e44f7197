package io.ringtrade.engine.config;

import java.util.List;

/**
 * Thrown when a configuration cannot be used: it does not parse, a substitution cannot be resolved, or it breaks one
 * or more rules. All broken rules are reported at once, one per line, each as
 * {@code <file>[:<line>]: <full.key.path>: <problem>}, for example
 * {@code default.conf:31: ringtrade.books[0].slipage-bps: unknown key (did you mean slippage-bps?)}.
 *
 * <p>Thrown on the start-up (main) thread; immutable.
 */
public final class EngineConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final List<String> problems;

    /**
     * @param source   the configuration that was loaded (a path, {@code classpath:name}, or a name given to a text)
     * @param problems one line per problem, already prefixed with the file (and line) it is in
     */
    public EngineConfigException(final String source, final List<String> problems) {
        super(message(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    private static String message(final String source, final List<String> problems) {
        final StringBuilder out = new StringBuilder("invalid configuration ").append(source).append(" (")
            .append(problems.size()).append(problems.size() == 1 ? " problem):" : " problems):");
        for (final String problem : problems) {
            out.append('\n').append(problem);
        }
        return out.toString();
    }

    /** The configuration that was loaded. */
    public String source() {
        return source;
    }

    /** The problems, one line each, in the order the configuration was read. */
    public List<String> problems() {
        return problems;
    }
}
