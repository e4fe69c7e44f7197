package io.ringtrade.engine.strategy;

import java.util.List;

/**
 * A strategy source file that does not compile: the compiler's errors, each as javac prints it
 * ({@code MyBot.java:12: error: cannot find symbol}, the source line, a caret, the details), and a one-line message
 * naming the file and how many errors there are. A user mistake, so an {@link IllegalArgumentException}: the command
 * line prints the errors and exits with code 2. Immutable.
 */
public final class StrategyCompileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The errors, one block of lines per error, in the compiler's order. */
    private final List<String> errors;

    StrategyCompileException(final String file, final List<String> errors) {
        super(file + ": does not compile (" + errors.size() + (errors.size() == 1 ? " error" : " errors")
            + "; nothing was run)");
        this.errors = List.copyOf(errors);
    }

    /** The errors, each a block of lines starting {@code FILE:LINE: error: }. */
    public List<String> errors() {
        return errors;
    }
}
