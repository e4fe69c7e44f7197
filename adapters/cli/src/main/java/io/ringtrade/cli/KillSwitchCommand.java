package io.ringtrade.cli;

import io.ringtrade.engine.api.event.TradingCommand;
import io.ringtrade.journal.OfflineCommands;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
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
        final OfflineQueueing queue = OfflineQueueing.check(journal, book, atNextStart);
        final long number = OfflineCommands.append(journal, System.currentTimeMillis(), queue.bookIndex(), state,
            flatten, reason);
        final String what = action + (flatten ? " with flatten" : "") + (book == null ? "" : " for book " + book);
        return queue.follow(number, what, "trading state requested: " + TradingCommand.stateName(state), waitSeconds,
            out, spec.commandLine().getErr());
    }
}
