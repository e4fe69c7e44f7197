package io.ringtrade.journal;

import io.ringtrade.engine.api.event.CommandCode;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.EventType;
import io.ringtrade.engine.api.event.MarketDataKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Passing over a journal entry that makes business logic fail, so that one bad input never leaves an engine
 * unrecoverable. {@link #skip} appends a {@link CommandCode#SKIP_ENTRY} command naming the entry (an input like any
 * other, so replay and recovery pass over the entry identically every time) and writes the reason, which a command
 * cannot carry, to {@value #LOG_FILE} beside the journal. {@link #scan} finds the entries to pass over before a
 * replay or recovery starts: the commands come after the entries they name, so they must be read first.
 *
 * <p>The replay or recovery loop, for every entry it reads:
 * <pre>{@code
 * SkippedEntries skipped = JournalSkips.scan(dir, fromEntry);
 * while (reader.next(slot)) {
 *     if (skipped.contains(reader.lastEntry())) continue;   // still count it where the feed position is counted
 *     logic.onEvent(slot);                                  // a SKIP_ENTRY command itself changes no state
 * }
 * }</pre>
 *
 * <p>Runs on the caller's thread; {@link #skip} only while no engine holds the journal.
 */
public final class JournalSkips {
    /** The readable log of skipped entries inside the journal directory. */
    public static final String LOG_FILE = "skipped-entries.log";
    private static final Pattern LOG_LINE = Pattern.compile("\\S+ skip entry (\\d+) \\(.*\\) by entry (\\d+): (.*)");

    private JournalSkips() {
    }

    /**
     * A skip that was journaled.
     *
     * @param entry        the entry passed over
     * @param commandEntry the entry number of the {@code SKIP_ENTRY} command
     * @param description  the skipped entry's type and event time, as the log shows it
     */
    public record Skip(long entry, long commandEntry, String description) {
    }

    /**
     * The entries named by {@code SKIP_ENTRY} commands at or after {@code fromEntry} (a command always comes after the
     * entry it names, so the entries at or after {@code fromEntry} to skip are all found). Reads to the end of the
     * journal, unless its metadata table counts no skip command ever appended (the common case: nothing to read); a
     * damaged tail ends the scan where replay will stop anyway.
     *
     * @throws JournalException as {@link JournalReader#open(Path, long)} does
     */
    public static SkippedEntries scan(final Path dir, final long fromEntry) {
        final long skips = JournalFiles.metadataValue(dir, JournalFiles.SKIPS_KEY);
        if (skips == Long.MIN_VALUE || skips == 0) {
            return SkippedEntries.NONE; // no skip was ever appended: nothing to read
        }
        final TreeSet<Long> skipped = new TreeSet<>();
        final EngineEvent slot = new EngineEvent();
        try (JournalReader reader = JournalReader.open(dir, fromEntry)) {
            while (reader.next(slot)) {
                if (isSkip(slot) && slot.commandArgument >= fromEntry) {
                    skipped.add(slot.commandArgument);
                }
            }
        } catch (final JournalException e) {
            if (!e.damagedTail()) {
                throw e;
            }
        }
        return skipped.isEmpty() ? SkippedEntries.NONE
            : new SkippedEntries(skipped.stream().mapToLong(Long::longValue).toArray());
    }

    /**
     * Appends a {@code SKIP_ENTRY} command for {@code entry} (forced to disk before returning) and a line with the
     * entry's type, its event time and {@code reason} to {@value #LOG_FILE}. The command's event time is the last
     * entry's, so that business logic's clock does not move.
     *
     * @param wallClock the time written in the log (an operator's record, never read by business logic)
     * @throws JournalException when the journal is missing or locked by a running engine, when {@code entry} is beyond
     *                          the journal or was removed by retention, when it is already skipped or is itself a skip
     *                          command, or when {@code reason} is not one non-blank line
     */
    public static Skip skip(final Path dir, final long entry, final String reason, final Clock wallClock) {
        if (reason == null || reason.isBlank() || reason.indexOf('\n') >= 0 || reason.indexOf('\r') >= 0) {
            throw new JournalException("journal " + dir + ": the reason for skipping entry " + entry
                + " must be one line of text");
        }
        JournalFiles.requireJournal(dir); // never create a journal just to skip into it
        try (ChronicleEventJournal journal = ChronicleEventJournal.open(dir, DurabilityPolicy.SYNC_ON_BATCH)) {
            final long entries = journal.entryCount();
            if (entry < 0 || entry >= entries) {
                throw new JournalException("journal " + dir + " has " + entries + " entries (0.." + (entries - 1)
                    + "): there is no entry " + entry + " to skip");
            }
            final EngineEvent slot = new EngineEvent();
            String description = null;
            int skippedType = -1;
            long lastTime = 0;
            try (JournalReader reader = JournalReader.open(dir, Math.max(entry, firstEntry(dir, entry)))) {
                while (reader.next(slot)) {
                    if (reader.lastEntry() == entry) {
                        if (isSkip(slot)) {
                            throw new JournalException("journal " + dir + ": entry " + entry + " is itself a SKIP_ENTRY"
                                + " command; skip commands cannot be skipped");
                        }
                        description = describe(slot);
                        skippedType = slot.type;
                    } else if (isSkip(slot) && slot.commandArgument == entry) {
                        throw new JournalException("journal " + dir + ": entry " + entry + " is already skipped (by the"
                            + " SKIP_ENTRY command at entry " + reader.lastEntry() + ")");
                    }
                    lastTime = slot.eventTimeNanos;
                }
            }
            // bookIndex carries the passed-over entry's type, so that business logic still counts a passed-over feed
            // input towards the feed's position (see CommandCode.SKIP_ENTRY)
            final EngineEvent command = new EngineEvent().setCommand(lastTime, CommandCode.SKIP_ENTRY, skippedType, entry);
            command.sequence = entries;
            journal.countSkip();
            journal.append(command);
            journal.flush();
            final String line = Instant.ofEpochMilli(wallClock.millis()) + " skip entry " + entry + " (" + description
                + ") by entry " + entries + ": " + reason.strip() + "\n";
            try {
                Files.writeString(dir.resolve(LOG_FILE), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            } catch (final IOException e) {
                throw new UncheckedIOException("journal " + dir + ": entry " + entry + " is skipped (command at entry "
                    + entries + "), but its reason could not be written to " + LOG_FILE + ": " + e.getMessage(), e);
            }
            return new Skip(entry, entries, description);
        }
    }

    /** The reasons in {@value #LOG_FILE}, by the entry number of the skip command; empty without a log. */
    public static Map<Long, String> reasons(final Path dir) {
        final Map<Long, String> reasons = new HashMap<>();
        final Path log = dir.resolve(LOG_FILE);
        if (!Files.isRegularFile(log)) {
            return reasons;
        }
        try {
            for (final String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                final Matcher matcher = LOG_LINE.matcher(line);
                if (matcher.matches()) {
                    reasons.put(Long.parseLong(matcher.group(2)), matcher.group(3));
                }
            }
            return reasons;
        } catch (final IOException e) {
            throw new UncheckedIOException("journal " + dir + ": cannot read " + LOG_FILE + ": " + e.getMessage(), e);
        }
    }

    static boolean isSkip(final EngineEvent event) {
        return event.type == EventType.COMMAND && event.commandCode == CommandCode.SKIP_ENTRY;
    }

    private static long firstEntry(final Path dir, final long entry) {
        try (JournalReader reader = JournalReader.open(dir)) {
            if (entry < reader.firstEntry()) {
                throw new JournalException("journal " + dir + ": entry " + entry + " was removed by retention (the journal"
                    + " starts at entry " + reader.firstEntry() + "); replay and recovery start after it anyway");
            }
            return reader.firstEntry();
        }
    }

    private static String describe(final EngineEvent event) {
        final String type = event.type == EventType.MARKET_DATA
            ? "MARKET_DATA " + MarketDataKind.name(event.marketDataKind)
            : event.type == EventType.COMMAND ? "COMMAND " + CommandCode.name(event.commandCode) : EventType.name(event.type);
        return type + ", event time " + Instant.ofEpochSecond(0, event.eventTimeNanos);
    }
}
