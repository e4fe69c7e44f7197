package io.ringtrade.cli;

import io.ringtrade.engine.api.event.TradingCommand;
import io.ringtrade.engine.audit.AuditLog;
import io.ringtrade.engine.config.BookConfig;
import io.ringtrade.engine.config.EngineConfig;
import io.ringtrade.journal.OfflineCommands;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ringtrade kill-switch --offline}: the kill switch when the ops HTTP API cannot be reached. It appends the
 * command to the Chronicle command queue beside the journal; the running engine tails that queue and publishes the
 * command to its ring within milliseconds, and this command waits (up to {@code --wait}) for the engine's audit line
 * saying which journal entry it became. With no engine on the journal it refuses, since the command would only act
 * at the next start, unless that is asked for with {@code --at-next-start}. (The online kill switch is
 * {@code scripts/kill-switch}: curl, no JVM.) Main thread.
 */
@Command(name = "kill-switch", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Engage or release the kill switch through the command queue beside a journal (when HTTP is"
        + " unreachable). The online kill switch is scripts/kill-switch.")
public final class KillSwitchCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ACTION", description = "engage | release | reduce-only")
    String action;

    @Option(names = "--offline", description = "queue the command beside the journal (required: this command does not use HTTP)")
    boolean offline;

    @Option(names = "--journal", paramLabel = "DIR", required = true, description = "the engine's journal directory")
    Path journal;

    @Option(names = "--book", paramLabel = "NAME", description = "one book instead of the whole engine")
    String book;

    @Option(names = "--reason", paramLabel = "TEXT", description = "why (written to the audit log beside the journal)")
    String reason = "";

    @Option(names = "--flatten", description = "also close every position with reduce-only market orders")
    boolean flatten;

    @Option(names = "--at-next-start", description = "queue it although no engine runs: it acts when the engine next starts")
    boolean atNextStart;

    @Option(names = "--wait", paramLabel = "SECONDS", description = "how long to wait for the running engine to take it (default 5)")
    double waitSeconds = 5;

    @Override
    public Integer call() throws InterruptedException {
        final PrintWriter out = spec.commandLine().getOut();
        if (!offline) {
            throw new UserException("kill-switch works offline only: add --offline (the online kill switch is"
                + " scripts/kill-switch, which calls the ops HTTP API with curl)");
        }
        final int state = switch (action) {
            case "engage" -> TradingCommand.HALTED;
            case "release" -> TradingCommand.ACTIVE;
            case "reduce-only", "reduce_only" -> TradingCommand.REDUCE_ONLY;
            default -> throw new UserException("ACTION must be engage, release or reduce-only, got \"" + action + "\"");
        };
        if (!Files.isDirectory(journal)) {
            throw new UserException("journal " + journal + " does not exist");
        }
        final EngineConfig config = JournalManifest.read(journal);
        int bookIndex = -1;
        if (book != null) {
            final List<String> names = config.books().stream().map(BookConfig::name).toList();
            bookIndex = names.indexOf(book);
            if (bookIndex < 0) {
                throw new UserException("journal " + journal + " has no book " + book + " (books: "
                    + String.join(", ", names) + ")");
            }
        }
        final String engine = OfflineCommands.engineHolding(journal);
        if (engine == null && !atNextStart) {
            throw new UserException("no engine is running on journal " + journal + ": the command would only act when"
                + " the engine next starts; add --at-next-start to queue it for then");
        }
        final long number = OfflineCommands.append(journal, System.currentTimeMillis(), bookIndex, state, flatten,
            reason);
        final String what = action + (flatten ? " with flatten" : "") + (book == null ? "" : " for book " + book);
        if (engine == null) {
            out.println("queued offline command #" + number + " (" + what + ") in " + journal.resolve(
                OfflineCommands.DIR_NAME) + "; no engine runs: it acts when the engine next starts");
            return 0;
        }
        out.println("queued offline command #" + number + " (" + what + ") for the engine running on " + journal
            + " (pid " + engine + ")");
        out.flush();
        final long entry = awaitTaken(journal.resolve(AuditLog.FILE), number, (long) (waitSeconds * 1000));
        if (entry < 0) {
            spec.commandLine().getErr().println("ringtrade: the engine did not take offline command #" + number
                + " within " + waitSeconds + " s (it stays queued; see " + journal.resolve(AuditLog.FILE) + ")");
            return Main.EXIT_FAILURE;
        }
        out.println("the engine published it as journal entry " + entry + "; trading state requested: "
            + TradingCommand.stateName(state));
        return 0;
    }

    /** The journal entry the engine's audit line gives for offline command {@code number}, or -1 after the wait. */
    private static long awaitTaken(final Path auditFile, final long number, final long waitMillis)
        throws InterruptedException {
        final String marker = "\"event\":\"offline_command\",\"from\":\"offline\",\"number\":" + number + ",";
        final long deadline = System.nanoTime() + waitMillis * 1_000_000L;
        do {
            try {
                if (Files.isRegularFile(auditFile)) {
                    for (final String line : Files.readAllLines(auditFile, StandardCharsets.UTF_8)) {
                        final int at = line.indexOf(marker);
                        if (at >= 0) {
                            final int entry = line.indexOf("\"entry\":", at);
                            final int end = line.indexOf(',', entry);
                            return Long.parseLong(line.substring(entry + 8, end));
                        }
                    }
                }
            } catch (final IOException | RuntimeException e) {
                // a line being written: look again
            }
            Thread.sleep(2);
        } while (System.nanoTime() < deadline);
        return -1;
    }
}
