package io.ringtrade.engine.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code audit.log}: one JSON object per line, appended, never rewritten. Two kinds of lines share it: business
 * logic's ({@code "by":"engine"}, derived only from journaled inputs, so a replay of the journal writes them again
 * byte for byte) and the edges' ({@code "by":"edge"}: requests with their source address and whether the token was
 * valid, the configuration in force at start, the offline kill switch's reasons). Secrets are never written.
 *
 * <p>A restart continues the same file: {@link #continueFile} finds the last engine line (its journal entry and
 * ordinal), and the engine lines recovery regenerates up to that point are passed over, so each is in the file once
 * however the engine stopped. A torn last line (a write cut by a crash) is cut off first. The last
 * {@value #KEPT_IN_MEMORY} lines are kept in memory for {@code GET /audit}.
 *
 * <p>Threads: engine lines come from the output writer thread, edge lines from any thread; every method is
 * synchronized (lines are rare: refusals, commands, state changes), and each line is one write to the file.
 */
public final class AuditLog implements AutoCloseable {
    /** The file name, beside the journal for a run and in the output directory for a replay or backtest. */
    public static final String FILE = "audit.log";
    /** How many recent lines {@link #recent} can return. */
    public static final int KEPT_IN_MEMORY = 1000;

    private static final Pattern ENGINE_POSITION = Pattern.compile("\"by\":\"engine\",\"entry\":(\\d+),\"n\":(\\d+)");

    private final Path file;
    private final FileChannel channel;
    private final ArrayDeque<String> recent = new ArrayDeque<>();
    private long lastEntry;
    private long lastOrdinal;
    private boolean closed;

    private AuditLog(final Path file, final FileChannel channel, final long lastEntry, final long lastOrdinal,
                     final List<String> tail) {
        this.file = file;
        this.channel = channel;
        this.lastEntry = lastEntry;
        this.lastOrdinal = lastOrdinal;
        for (final String line : tail) {
            remember(line);
        }
    }

    /** A new, empty file (an existing one is replaced): for a replay or backtest, which writes every line again. */
    public static AuditLog create(final Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            final FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
            return new AuditLog(file, channel, -1, -1, List.of());
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot create " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The file continued (created when missing): engine lines at or before the last one it holds are passed over.
     */
    public static AuditLog continueFile(final Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            final FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
            final long size = channel.size();
            final byte[] bytes = Files.readAllBytes(file);
            int end = bytes.length;
            while (end > 0 && bytes[end - 1] != '\n') {
                end--;
            }
            if (end < size) {
                channel.truncate(end);
            }
            channel.position(end);
            long entry = -1;
            long ordinal = -1;
            final String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
            final List<String> lines = text.isEmpty() ? List.of() : List.of(text.split("\n"));
            for (final String line : lines) {
                final Matcher matcher = ENGINE_POSITION.matcher(line);
                if (matcher.find()) {
                    entry = Long.parseLong(matcher.group(1));
                    ordinal = Long.parseLong(matcher.group(2));
                }
            }
            final List<String> tail = new ArrayList<>(lines.subList(Math.max(0, lines.size() - KEPT_IN_MEMORY),
                lines.size()));
            return new AuditLog(file, channel, entry, ordinal, tail);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Appends an engine line (ending in a line feed) for input {@code entry}, its {@code ordinal}-th; passed over when
     * the file already holds it (recovery regenerating what was written before a restart).
     */
    public synchronized void engine(final long entry, final int ordinal, final CharSequence line) {
        if (entry < lastEntry || (entry == lastEntry && ordinal <= lastOrdinal)) {
            return;
        }
        lastEntry = entry;
        lastOrdinal = ordinal;
        write(line.toString());
    }

    /** Appends an edge line (ending in a line feed), e.g. from {@link AuditFormat#edgeLine}. */
    public synchronized void edge(final String line) {
        write(line);
    }

    private void write(final String line) {
        if (closed) {
            throw new IllegalStateException(file + " is closed");
        }
        try {
            final ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        remember(line.endsWith("\n") ? line.substring(0, line.length() - 1) : line);
    }

    private void remember(final String line) {
        if (recent.size() == KEPT_IN_MEMORY) {
            recent.removeFirst();
        }
        recent.addLast(line);
    }

    /** The last {@code limit} lines (at most {@value #KEPT_IN_MEMORY}), oldest first, without line feeds. */
    public synchronized List<String> recent(final int limit) {
        final List<String> all = new ArrayList<>(recent);
        return List.copyOf(all.subList(Math.max(0, all.size() - Math.max(0, limit)), all.size()));
    }

    /** Forces what was written to the device (before a snapshot that covers it is stored). */
    public synchronized void force() {
        if (closed) {
            return;
        }
        try {
            channel.force(false);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot sync " + file + ": " + e.getMessage(), e);
        }
    }

    /** The file. */
    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            channel.close();
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot close " + file + ": " + e.getMessage(), e);
        }
    }
}
