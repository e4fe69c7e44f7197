package io.ringtrade.journal;

import io.ringtrade.engine.api.event.CommandCode;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import net.openhft.chronicle.wire.WireIn;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The operators' offline command queue: a Chronicle queue in {@code DIR/}{@value #DIR_NAME} beside the journal, for
 * when the ops HTTP API cannot be reached. {@code ringtrade kill-switch --offline} appends a trading-state command
 * (the action, whether to flatten) and {@code ringtrade limits --offline} a risk-limit change (the limit's
 * {@code SET_*} command code and its fixed-point value), each numbered 1, 2, ... in the queue with the operator's
 * reason, which may be any text since this is not the journal; the running engine tails the queue on an agent thread
 * ({@link OfflineCommandAgent}) and publishes each command it has not applied yet to its ring as a journaled command
 * carrying the number, so business logic applies each exactly once across restarts. The queue is an ordinary
 * Chronicle queue; records written before limit changes existed (no {@code code}) read as trading-state commands.
 *
 * <p>Appending takes a file lock, so two operators' commands get distinct numbers; reading needs none. Each method
 * opens and closes the queue; the agent keeps its own tailer.
 */
public final class OfflineCommands {
    /** The queue's directory, inside the journal directory. */
    public static final String DIR_NAME = "commands";
    private static final String LOCK_FILE = "append.lock";

    /**
     * One queued command: {@code code} {@link CommandCode#TRADING_STATE} with {@code state} 0 ACTIVE (release),
     * 1 REDUCE_ONLY, 2 HALTED (engage) and {@code flatten}, or a {@code SET_*} limit code with the fixed-point
     * {@code value}.
     */
    public record Command(long number, long writtenMillis, int book, int code, int state, boolean flatten, long value,
                          String reason) {
    }

    private OfflineCommands() {
    }

    /** The pid of the engine running on the journal in {@code journalDir}, or null when none holds it. */
    public static String engineHolding(final Path journalDir) {
        return WriterLock.holder(journalDir);
    }

    static SingleChronicleQueue open(final Path journalDir) {
        final Path dir = journalDir.resolve(DIR_NAME);
        try {
            Files.createDirectories(dir);
        } catch (final IOException e) {
            throw new JournalException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        return SingleChronicleQueueBuilder.single(dir.toFile()).rollCycle(RollCycles.FAST_DAILY).build();
    }

    /**
     * Appends a trading-state command for {@code book} (-1: the whole engine) and returns its number.
     *
     * @throws JournalException when the queue cannot be written
     */
    public static long append(final Path journalDir, final long writtenMillis, final int book, final int state,
                              final boolean flatten, final String reason) {
        return append(journalDir, writtenMillis, book, CommandCode.TRADING_STATE, state, flatten, 0, reason);
    }

    /**
     * Appends a change of a risk limit ({@code code}, one of the {@code SET_*} commands, to the fixed-point
     * {@code value}) for {@code book} (-1: the engine-wide cap) and returns its number.
     *
     * @throws JournalException when the queue cannot be written, or has used every number a limit change can carry
     */
    public static long appendLimit(final Path journalDir, final long writtenMillis, final int book, final int code,
                                   final long value, final String reason) {
        if (!CommandCode.setsLimit(code)) {
            throw new IllegalArgumentException("not a limit command: " + CommandCode.name(code));
        }
        return append(journalDir, writtenMillis, book, code, 0, false, value, reason);
    }

    private static long append(final Path journalDir, final long writtenMillis, final int book, final int code,
                               final int state, final boolean flatten, final long value, final String reason) {
        final Path lockFile = journalDir.resolve(DIR_NAME).resolve(LOCK_FILE);
        try {
            Files.createDirectories(lockFile.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = channel.lock();
                 SingleChronicleQueue queue = open(journalDir)) {
                if (!lock.isValid()) {
                    throw new JournalException("lost the lock on " + lockFile);
                }
                final List<Command> existing = read(queue, 0);
                final long number = existing.isEmpty() ? 1 : existing.getLast().number() + 1;
                if (code != CommandCode.TRADING_STATE && number > Integer.MAX_VALUE) {
                    // a limit change carries its number in the journal entry's 32-bit instrument id
                    throw new JournalException("the offline command queue in " + lockFile.getParent() + " has used "
                        + "every number a limit change can carry; start a new journal");
                }
                try (ExcerptAppender appender = queue.createAppender();
                     DocumentContext dc = appender.writingDocument()) {
                    // code and value last: records written before them read as trading-state commands
                    dc.wire().write("number").int64(number).write("written").int64(writtenMillis).write("book")
                        .int32(book).write("state").int32(state).write("flatten").bool(flatten).write("reason")
                        .text(reason).write("code").int32(code).write("value").int64(value);
                }
                return number;
            }
        } catch (final IOException e) {
            throw new JournalException("cannot append to " + lockFile.getParent() + ": " + e.getMessage(), e);
        }
    }

    /** Every command numbered after {@code after}, in order. */
    public static List<Command> after(final Path journalDir, final long after) {
        if (!Files.isDirectory(journalDir.resolve(DIR_NAME))) {
            return List.of();
        }
        try (SingleChronicleQueue queue = open(journalDir)) {
            return read(queue, after);
        }
    }

    private static List<Command> read(final SingleChronicleQueue queue, final long after) {
        final List<Command> commands = new ArrayList<>();
        try (ExcerptTailer tailer = queue.createTailer()) {
            while (true) {
                final Command command = next(tailer);
                if (command == null) {
                    return commands;
                }
                if (command.number() > after) {
                    commands.add(command);
                }
            }
        }
    }

    /** The next command at the tailer, or null at the end (the tailer then stays where it was). */
    static Command next(final ExcerptTailer tailer) {
        try (DocumentContext dc = tailer.readingDocument()) {
            if (!dc.isPresent()) {
                return null;
            }
            final WireIn wire = dc.wire();
            final long number = wire.read("number").int64();
            final long written = wire.read("written").int64();
            final int book = wire.read("book").int32();
            final int state = wire.read("state").int32();
            final boolean flatten = wire.read("flatten").bool();
            final String reason = wire.read("reason").text();
            final int code = wire.read("code").int32();
            final long value = wire.read("value").int64();
            return new Command(number, written, book, code == 0 ? CommandCode.TRADING_STATE : code, state, flatten,
                value, reason);
        }
    }
}
