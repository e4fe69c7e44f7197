package io.ringtrade.cli;

import io.ringtrade.engine.strategy.StrategyCompileException;
import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * Entry point of the {@code ringtrade} command. User mistakes (unknown strategy, bad value, missing or bad file,
 * bad configuration) end with one clear line on stderr and exit code 2; anything else is a bug and prints its
 * stack trace with exit code 1. Runs on the main thread.
 */
public final class Main {
    /** Exit code for a user mistake. */
    public static final int EXIT_USAGE = 2;
    /** Exit code for an internal failure. */
    public static final int EXIT_FAILURE = 1;

    private Main() {
    }

    /** Runs the command line. */
    public static void main(final String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (for tests). */
    public static int execute(final String... args) {
        final CommandLine commandLine = new CommandLine(new RingtradeCommand());
        commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            final PrintWriter err = cmd.getErr();
            if (ex instanceof StrategyCompileException compile) {
                // as javac prints them, so editors and terminals can jump to the line
                compile.errors().forEach(err::println);
            }
            if (UserErrors.isUserError(ex)) {
                err.println("ringtrade: " + UserErrors.message(ex));
                err.flush();
                return EXIT_USAGE;
            }
            err.println("ringtrade: internal error: " + ex);
            ex.printStackTrace(err);
            err.flush();
            return EXIT_FAILURE;
        });
        commandLine.setParameterExceptionHandler((ex, args1) -> {
            final PrintWriter err = ex.getCommandLine().getErr();
            final CommandLine where = ex.getCommandLine();
            if (ex instanceof CommandLine.UnmatchedArgumentException unmatched && where.getParent() == null
                && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
                err.println("ringtrade: unknown command '" + unmatched.getUnmatched().get(0) + "' (commands: "
                    + String.join(", ", where.getSubcommands().keySet()) + "; see: ringtrade help)");
            } else {
                err.println("ringtrade: " + UserErrors.plainWords(ex.getMessage()) + " (see: "
                    + where.getCommandSpec().qualifiedName() + " --help)");
            }
            err.flush();
            return EXIT_USAGE;
        });
        return commandLine.execute(args);
    }
}
