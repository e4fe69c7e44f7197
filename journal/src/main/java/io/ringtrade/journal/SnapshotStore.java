package io.ringtrade.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * Snapshots of business-logic state beside a journal, in {@code DIR/snapshots/}, each holding the number of
 * journal entries it covers. A file is written to a temporary name, forced to disk and renamed, so a snapshot that
 * exists is complete; a checksum guards against damage anyway. Recovery takes the newest snapshot that is intact and
 * covers no more entries than the journal holds (the journal stage can trail the snapshot at a crash), then replays
 * the entries after it. The newest {@value #KEEP} are kept.
 *
 * <p>Layout (big-endian): magic {@code RTSNAP01} (8 bytes) · entries covered (int64) · state length (int32) · state
 * bytes · CRC32C of everything before it (int32).
 *
 * <p>Written by one snapshot-writer thread; read at start-up.
 */
public final class SnapshotStore {
    /** Folder inside the journal directory. */
    public static final String FOLDER = "snapshots";
    /** Snapshots kept. */
    public static final int KEEP = 2;
    private static final byte[] MAGIC = {'R', 'T', 'S', 'N', 'A', 'P', '0', '1'};
    private static final int HEADER = MAGIC.length + Long.BYTES + Integer.BYTES;

    private SnapshotStore() {
    }

    /** One snapshot read back. */
    public record Snapshot(long entries, byte[] state, Path file) {
    }

    /** Writes a snapshot covering the first {@code entries} journal entries, and drops all but the newest ones. */
    public static Path write(final Path journalDir, final long entries, final byte[] state) {
        final Path folder = journalDir.resolve(FOLDER);
        final Path file = folder.resolve(String.format("snapshot-%020d.bin", entries));
        final Path temporary = folder.resolve(file.getFileName() + ".tmp");
        final ByteBuffer buffer = ByteBuffer.allocate(HEADER + state.length + Integer.BYTES).order(ByteOrder.BIG_ENDIAN);
        buffer.put(MAGIC).putLong(entries).putInt(state.length).put(state);
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
            final List<Path> all = list(folder);
            for (int i = KEEP; i < all.size(); i++) {
                Files.deleteIfExists(all.get(i));
            }
            return file;
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write snapshot " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The newest intact snapshot covering at most {@code journalEntries} entries, or empty. Each snapshot passed over
     * is reported through {@code skipped} with the reason.
     */
    public static Optional<Snapshot> newestUsable(final Path journalDir, final long journalEntries,
                                                  final Consumer<String> skipped) {
        final Path folder = journalDir.resolve(FOLDER);
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try {
            for (final Path file : list(folder)) {
                final Snapshot snapshot = read(file, skipped);
                if (snapshot == null) {
                    continue;
                }
                if (snapshot.entries() > journalEntries) {
                    skipped.accept("snapshot " + file + " covers " + snapshot.entries() + " entries but the journal holds "
                        + journalEntries + "; not used");
                    continue;
                }
                return Optional.of(snapshot);
            }
            return Optional.empty();
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read snapshots in " + folder + ": " + e.getMessage(), e);
        }
    }

    private static Snapshot read(final Path file, final Consumer<String> skipped) throws IOException {
        final byte[] bytes = Files.readAllBytes(file);
        final ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        if (bytes.length < HEADER + Integer.BYTES || !java.util.Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            skipped.accept("snapshot " + file + " is not a ringtrade snapshot; not used");
            return null;
        }
        final long entries = buffer.getLong(MAGIC.length);
        final int length = buffer.getInt(MAGIC.length + Long.BYTES);
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
        return new Snapshot(entries, java.util.Arrays.copyOfRange(bytes, HEADER, HEADER + length), file);
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
