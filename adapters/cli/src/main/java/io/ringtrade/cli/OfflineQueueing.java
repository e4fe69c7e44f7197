package io.ringtrade.cli;

import io.ringtrade.engine.audit.AuditLog;
import io.ringtrade.engine.config.BookConfig;
import io.ringtrade.journal.OfflineCommands;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code kill-switch --offline} and {@code limits --offline} share: the checks before an operator's command goes
 * into the offline command queue beside a journal ({@link OfflineCommands}) — the journal exists, the book is one of
 * its manifest's, an engine runs on it unless the command is for the next start — and, once queued, following it to
 * the engine: the engine's audit line says which journal entry it became. Main thread.
 */
final class OfflineQueueing {
    private final Path journal;
    private final int bookIndex;
    /** The pid of the engine running on the journal, or null when none does. */
    private final String engine;

    private OfflineQueueing(final Path journal, final int bookIndex, final String engine) {
        this.journal = journal;
        this.bookIndex = bookIndex;
        this.engine = engine;
    }

    /**
     * Checks {@code journal} and {@code book} (null: the whole engine) before anything is queued.
     *
     * @throws UserException for a missing journal, an unknown book, or no engine running without {@code atNextStart}
     */
    static OfflineQueueing check(final Path journal, final String book, final boolean atNextStart) {
        if (!Files.isDirectory(journal)) {
            throw new UserException("journal " + journal + " does not exist");
        }
        int bookIndex = -1;
        if (book != null) {
            final List<String> names = JournalManifest.read(journal).books().stream().map(BookConfig::name).toList();
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
        return new OfflineQueueing(journal, bookIndex, engine);
    }

    /** The book's index in the journal's manifest, -1 for the whole engine. */
    int bookIndex() {
        return bookIndex;
    }

    /**
     * Says where command {@code number} ({@code what}: its description) went and, when an engine runs, waits up to
     * {@code waitSeconds} for the engine to take it; returns the exit code (failure when it was not taken in time).
     *
     * @param requested what the operator asked, for the last line ({@code trading state requested: HALTED})
     */
    int follow(final long number, final String what, final String requested, final double waitSeconds,
               final PrintWriter out, final PrintWriter err) throws InterruptedException {
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
            err.println("ringtrade: the engine did not take offline command #" + number + " within " + waitSeconds
                + " s (it stays queued; see " + journal.resolve(AuditLog.FILE) + ")");
            return Main.EXIT_FAILURE;
        }
        out.println("the engine published it as journal entry " + entry + "; " + requested);
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
