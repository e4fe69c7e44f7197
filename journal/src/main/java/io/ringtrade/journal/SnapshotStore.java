package io.ringtrade.journal;

import io.ringtrade.engine.api.event.EngineEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * Snapshots of business-logic state beside a journal, in {@code DIR/snapshots/}, each holding the number of journal
 * entries it covers and the checksum of the last of them, as stored in that entry ({@link JournalLayout}), which ties
 * the snapshot to the journal's content: a snapshot is used only when the journal has that same entry at that index,
 * so a snapshot copied beside another journal, or a journal rewritten under it, is never restored by mistake.
 *
 * <p>A file is written to a temporary name, forced to disk and renamed, so a snapshot that exists is complete; a
 * checksum guards against damage anyway. Recovery takes the newest usable snapshot ({@link #newestUsable}), then
 * replays the entries after it; replay of a journal whose early cycles retention removed starts from the oldest
 * usable one ({@link #oldestUsable}). {@link #write(Path, long, byte[])} keeps the newest {@value #KEEP};
 * {@link JournalRetention} keeps more when a retention window is set.
 *
 * <p>Layout (big-endian): magic {@code RTSNAP02} (8 bytes) · entries covered (int64) · checksum stored in the last
 * covered entry (int32; 0 when no entry is covered) · wall time written, epoch milliseconds (int64; for retention,
 * never read by business logic) · state length (int32) · state bytes · CRC32C of everything before it (int32).
 * Snapshots of the earlier layout {@code RTSNAP01} (no checksum) are skipped with a message.
 *
 * <p>Written by one snapshot-writer thread; read at start-up, by retention on the snapshot-writer thread, and by
 * {@code journal stats}.
 */
public final class SnapshotStore {
    /** Folder inside the journal directory. */
    public static final String FOLDER = "snapshots";
    /** Snapshots {@link #write(Path, long, byte[])} keeps. */
    public static final int KEEP = 2;
    /** How long {@link #write(Path, long, byte[])} waits for the journal stage to record the last covered entry. */
    public static final Duration JOURNAL_WAIT = Duration.ofSeconds(30);
    private static final byte[] MAGIC = {'R', 'T', 'S', 'N', 'A', 'P', '0', '2'};
    private static final byte[] OLD_MAGIC = {'R', 'T', 'S', 'N', 'A', 'P', '0', '1'};
    private static final int ENTRIES_OFFSET = MAGIC.length;
    private static final int CHECKSUM_OFFSET = ENTRIES_OFFSET + Long.BYTES;
    private static final int WRITTEN_AT_OFFSET = CHECKSUM_OFFSET + Integer.BYTES;
    private static final int LENGTH_OFFSET = WRITTEN_AT_OFFSET + Long.BYTES;
    private static final int HEADER = LENGTH_OFFSET + Integer.BYTES;

    private SnapshotStore() {
    }

    /**
     * One snapshot read back.
     *
     * @param entries           journal entries it covers (it is the state after entry {@code entries - 1})
     * @param lastEntryChecksum the checksum stored in entry {@code entries - 1}
     * @param writtenAtMillis   wall time it was written, epoch milliseconds
     * @param state             the business-logic state
     * @param file              where it is
     */
    public record Snapshot(long entries, int lastEntryChecksum, long writtenAtMillis, byte[] state, Path file) {
    }

    /**
     * A snapshot's header, read without its state: what retention and {@code journal stats} look at.
     *
     * @param entries           journal entries it covers
     * @param lastEntryChecksum the checksum stored in entry {@code entries - 1}
     * @param writtenAtMillis   wall time it was written, epoch milliseconds
     * @param file              where it is
     */
    public record Header(long entries, int lastEntryChecksum, long writtenAtMillis, Path file) {
    }

    /**
     * Writes a snapshot covering the first {@code entries} journal entries, tied to the checksum the journal stored
     * in entry {@code entries - 1}, and drops all but the newest {@value #KEEP}. The journal stage runs beside the
     * business-logic thread that took the snapshot, so the entry may not be written yet: this waits for it for up to
     * {@link #JOURNAL_WAIT}. Snapshot-writer thread.
     *
     * @throws JournalException when the journal does not record entry {@code entries - 1} in time (nothing is written)
     */
    public static Path write(final Path journalDir, final long entries, final byte[] state) {
        final Path file = write(journalDir, entries, awaitChecksum(journalDir, entries, JOURNAL_WAIT),
            System.currentTimeMillis(), state);
        keepOnly(journalDir, List.of());
        return file;
    }

    /**
     * Writes exactly this snapshot and drops nothing: for {@link JournalRetention}, which decides what to keep, and for
     * tests and tools.
     */
    public static Path write(final Path journalDir, final long entries, final int lastEntryChecksum,
                             final long writtenAtMillis, final byte[] state) {
        final Path folder = journalDir.resolve(FOLDER);
        final Path file = folder.resolve(String.format("snapshot-%020d.bin", entries));
        final Path temporary = folder.resolve(file.getFileName() + ".tmp");
        final ByteBuffer buffer = ByteBuffer.allocate(HEADER + state.length + Integer.BYTES).order(ByteOrder.BIG_ENDIAN);
        buffer.put(MAGIC).putLong(entries).putInt(lastEntryChecksum).putLong(writtenAtMillis).putInt(state.length)
            .put(state);
        final CRC32C crc = new CRC32C();
        crc.update(buffer.array(), 0, buffer.position());
        buffer.putInt((int) crc.getValue());
        buffer.flip();
        try {
            Files.createDirectories(folder);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (final AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
            forceDirectory(folder);
            return file;
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write snapshot " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The checksum stored in entry {@code entries - 1} of the journal in {@code journalDir} (0 when {@code entries} is
     * 0), waiting up to {@code wait} for the entry to be appended.
     *
     * @throws JournalException when it does not appear in time, or cannot be read
     */
    public static int awaitChecksum(final Path journalDir, final long entries, final Duration wait) {
        if (entries == 0) {
            return 0;
        }
        final long deadline = System.nanoTime() + wait.toNanos();
        final EngineEvent slot = new EngineEvent();
        JournalException last = null;
        do {
            try (JournalReader reader = JournalReader.open(journalDir, entries - 1)) {
                if (reader.next(slot)) {
                    return reader.lastChecksum();
                }
            } catch (final JournalException e) {
                if (e.damagedTail()) {
                    throw e;
                }
                last = e; // most likely: the journal stage has not reached the entry yet
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        } while (System.nanoTime() < deadline);
        throw new JournalException("journal " + journalDir + ": entry " + (entries - 1) + " was not recorded within "
            + (wait.toMillis() < 1000 ? wait.toMillis() + " ms" : wait.toSeconds() + " s") + ", so no snapshot covering it is written" + (last == null ? "" : " (" + last.getMessage() + ")"));
    }

    /**
     * The newest snapshot that is intact, covers at most {@code journalEntries} entries and matches the journal's
     * content (its last covered entry is in the journal with the checksum it recorded), or empty. Each snapshot passed
     * over is reported through {@code skipped} with the reason.
     */
    public static Optional<Snapshot> newestUsable(final Path journalDir, final long journalEntries,
                                                  final Consumer<String> skipped) {
        return firstUsable(journalDir, journalEntries, skipped, false);
    }

    /**
     * The oldest snapshot that is usable in the sense of {@link #newestUsable}: where replay of a journal starts when
     * retention has removed its first entries (an entry before the journal's first one cannot be checked, so such a
     * snapshot is skipped too).
     */
    public static Optional<Snapshot> oldestUsable(final Path journalDir, final long journalEntries,
                                                  final Consumer<String> skipped) {
        return firstUsable(journalDir, journalEntries, skipped, true);
    }

    /**
     * Every usable snapshot (in the sense of {@link #newestUsable}), newest first: what recovery tries in turn when
     * restoring one fails. Each snapshot passed over is reported through {@code skipped}.
     */
    public static List<Snapshot> usable(final Path journalDir, final long journalEntries,
                                        final Consumer<String> skipped) {
        return scan(journalDir, journalEntries, skipped, false, false);
    }

    private static Optional<Snapshot> firstUsable(final Path journalDir, final long journalEntries,
                                                  final Consumer<String> skipped, final boolean oldestFirst) {
        return scan(journalDir, journalEntries, skipped, oldestFirst, true).stream().findFirst();
    }

    private static List<Snapshot> scan(final Path journalDir, final long journalEntries, final Consumer<String> skipped,
                                       final boolean oldestFirst, final boolean firstOnly) {
        final Path folder = journalDir.resolve(FOLDER);
        final List<Snapshot> found = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return found;
        }
        try {
            final List<Path> files = list(folder);
            if (oldestFirst) {
                files.sort(Comparator.comparing((Path p) -> p.getFileName().toString()));
            }
            for (final Path file : files) {
                final Snapshot snapshot = read(file, skipped);
                if (snapshot == null) {
                    continue;
                }
                if (snapshot.entries() > journalEntries) {
                    skipped.accept("snapshot " + file + " covers " + snapshot.entries() + " entries but the journal holds "
                        + journalEntries + "; not used");
                    continue;
                }
                final String mismatch = contentMismatch(journalDir, snapshot.entries(), snapshot.lastEntryChecksum());
                if (mismatch != null) {
                    skipped.accept("snapshot " + file + " " + mismatch + "; not used");
                    continue;
                }
                found.add(snapshot);
                if (firstOnly) {
                    break;
                }
            }
            return found;
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read snapshots in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Why the journal's entry {@code entries - 1} does not match {@code checksum}, or null when it does. */
    private static String contentMismatch(final Path journalDir, final long entries, final int checksum) {
        if (entries == 0) {
            return null;
        }
        final long entry = entries - 1;
        final EngineEvent slot = new EngineEvent();
        try (JournalReader reader = JournalReader.open(journalDir, entry)) {
            if (!reader.next(slot)) {
                return "covers entry " + entry + ", which the journal does not hold";
            }
            if (reader.lastChecksum() != checksum) {
                return "was taken after entry " + entry + " with checksum " + hex(checksum) + ", but the journal's entry "
                    + entry + " has checksum " + hex(reader.lastChecksum()) + " (not the journal it was taken from)";
            }
            return null;
        } catch (final JournalException e) {
            return "cannot be checked against the journal (" + e.getMessage() + ")";
        }
    }

    /** A checksum as {@code 0x} and eight hex digits. */
    static String hex(final int checksum) {
        return String.format("0x%08x", checksum);
    }

    /**
     * The headers of the snapshots in {@code journalDir}, newest first; files that are not readable snapshots of this
     * layout are left out (they are reported when recovery looks at them).
     */
    public static List<Header> headers(final Path journalDir) {
        final Path folder = journalDir.resolve(FOLDER);
        final List<Header> headers = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return headers;
        }
        try {
            for (final Path file : list(folder)) {
                final byte[] head = new byte[HEADER];
                final int read;
                try (InputStream in = Files.newInputStream(file)) {
                    read = in.readNBytes(head, 0, HEADER);
                } catch (final NoSuchFileException gone) {
                    continue; // removed meanwhile
                }
                if (read == HEADER && Arrays.equals(head, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
                    final ByteBuffer buffer = ByteBuffer.wrap(head).order(ByteOrder.BIG_ENDIAN);
                    headers.add(new Header(buffer.getLong(ENTRIES_OFFSET), buffer.getInt(CHECKSUM_OFFSET),
                        buffer.getLong(WRITTEN_AT_OFFSET), file));
                }
            }
            return headers;
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read snapshots in " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * Deletes every snapshot file except the newest {@value #KEEP} and those in {@code alsoKeep}; returns the files
     * deleted. Snapshot-writer thread.
     */
    static List<Path> keepOnly(final Path journalDir, final Collection<Path> alsoKeep) {
        final Path folder = journalDir.resolve(FOLDER);
        final List<Path> deleted = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return deleted;
        }
        try {
            final List<Path> all = list(folder);
            for (int i = KEEP; i < all.size(); i++) {
                if (!alsoKeep.contains(all.get(i)) && Files.deleteIfExists(all.get(i))) {
                    deleted.add(all.get(i));
                }
            }
            return deleted;
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot prune snapshots in " + folder + ": " + e.getMessage(), e);
        }
    }

    private static Snapshot read(final Path file, final Consumer<String> skipped) throws IOException {
        final byte[] bytes = Files.readAllBytes(file);
        final ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        if (bytes.length >= MAGIC.length && Arrays.equals(bytes, 0, MAGIC.length, OLD_MAGIC, 0, MAGIC.length)) {
            skipped.accept("snapshot " + file + " was written by an older version (no journal checksum); not used");
            return null;
        }
        if (bytes.length < HEADER + Integer.BYTES || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            skipped.accept("snapshot " + file + " is not a ringtrade snapshot; not used");
            return null;
        }
        final int length = buffer.getInt(LENGTH_OFFSET);
        if (length < 0 || HEADER + (long) length + Integer.BYTES != bytes.length) {
            skipped.accept("snapshot " + file + " is truncated; not used");
            return null;
        }
        final CRC32C crc = new CRC32C();
        crc.update(bytes, 0, HEADER + length);
        if ((int) crc.getValue() != buffer.getInt(HEADER + length)) {
            skipped.accept("snapshot " + file + " fails its checksum; not used");
            return null;
        }
        return new Snapshot(buffer.getLong(ENTRIES_OFFSET), buffer.getInt(CHECKSUM_OFFSET),
            buffer.getLong(WRITTEN_AT_OFFSET), Arrays.copyOfRange(bytes, HEADER, HEADER + length), file);
    }

    /** Snapshot files, newest (most entries) first. */
    private static List<Path> list(final Path folder) throws IOException {
        final List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "snapshot-*.bin")) {
            stream.forEach(files::add);
        }
        files.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
        return files;
    }

    private static void forceDirectory(final Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (final IOException e) {
            // some file systems cannot open a directory for reading; the rename is then as durable as they allow
        }
    }
}
