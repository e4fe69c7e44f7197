package io.ringtrade.cli;

import io.ringtrade.journal.JournalDump;
import io.ringtrade.journal.JournalSkips;
import io.ringtrade.journal.JournalStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/** {@code ringtrade journal dump|stats|skip}: read a journal without running anything, or mark an entry to pass over. */
@Command(name = "journal", mixinStandardHelpOptions = true, description = "Inspect a journal, or skip an entry.",
    subcommands = {JournalCommand.Dump.class, JournalCommand.Stats.class, JournalCommand.Skip.class})
public final class JournalCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code journal dump DIR [--from N] [--limit K]}: one readable line per entry. */
    @Command(name = "dump", mixinStandardHelpOptions = true, description = "Print entries: index, time, type, fields.")
    static final class Dump implements Runnable {
        @Parameters(index = "0", paramLabel = "DIR", description = "journal directory")
        Path dir;

        @Option(names = "--from", defaultValue = "0", description = "first entry index (default: ${DEFAULT-VALUE})")
        long from;

        @Option(names = "--limit", defaultValue = "9223372036854775807", description = "at most this many entries")
        long limit;

        @Override
        public void run() {
            if (from < 0 || limit < 0) {
                throw new UserException("--from and --limit must not be negative");
            }
            final PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
            JournalDump.print(dir, from, limit, out);
            out.flush();
        }
    }

    /** {@code journal stats DIR}: counts per event type, time range, size. */
    @Command(name = "stats", mixinStandardHelpOptions = true, description = "Counts per event type, time range and size.")
    static final class Stats implements Runnable {
        @Parameters(index = "0", paramLabel = "DIR", description = "journal directory")
        Path dir;

        @Spec
        private CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().getOut().print(JournalStats.compute(dir).format());
            spec.commandLine().getOut().flush();
        }
    }

    /**
     * {@code journal skip DIR --entry N --reason TEXT}: appends a SKIP_ENTRY command, so that replay and recovery pass
     * over entry N (one that makes business logic fail); the reason goes to {@code skipped-entries.log} beside the
     * journal. Only while no engine runs on the journal.
     */
    @Command(name = "skip", mixinStandardHelpOptions = true,
        description = "Make replay and recovery pass over one entry (journals a SKIP_ENTRY command; the engine must be stopped).")
    static final class Skip implements Runnable {
        @Parameters(index = "0", paramLabel = "DIR", description = "journal directory")
        Path dir;

        @Option(names = "--entry", required = true, paramLabel = "N", description = "index of the entry to pass over")
        long entry;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "why (one line; kept in skipped-entries.log)")
        String reason;

        @Spec
        private CommandSpec spec;

        @Override
        public void run() {
            final JournalSkips.Skip skip = JournalSkips.skip(dir, entry, reason, Clock.systemUTC());
            spec.commandLine().getOut().println("journal " + dir + ": entry " + skip.entry() + " (" + skip.description()
                + ") will be passed over by replay and recovery (SKIP_ENTRY command at entry " + skip.commandEntry()
                + "; reason in " + dir.resolve(JournalSkips.LOG_FILE) + ")");
            spec.commandLine().getOut().flush();
        }
    }
}
