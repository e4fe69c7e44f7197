package io.ringtrade.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A reader's claim on the entries it still needs, so that {@link JournalRetention} never removes a cycle under a
 * running tailer: a file in {@code DIR/holds/} holding the number of the first entry the reader may still read
 * (8 bytes, big-endian), locked by the reader's process for as long as the reader is open. A hold whose file nobody
 * locks belongs to a reader that died: retention removes it. Chronicle's own tailers have no such claim; deleting a
 * cycle a tailer has not reached yet would end its reading early.
 *
 * <p>Best effort: a journal directory the reader cannot write (an archive on read-only storage) gets no hold, and needs
 * none, because no engine can be running retention there. Owned by the reader's thread; {@link #firstNeeded} is for
 * the retention thread.
 */
final class JournalHold implements AutoCloseable {
    /** Folder inside the journal directory. */
    static final String FOLDER = "holds";
    private static final String SUFFIX = ".hold";
    private static final AtomicLong COUNTER = new AtomicLong();
    /** Hold files held by this JVM: never opened by retention here, so that closing its channel cannot drop the lock. */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final ByteBuffer value = ByteBuffer.allocateDirect(Long.BYTES);

    private JournalHold(final Path file, final FileChannel channel, final FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes a hold on the entries from {@code firstNeeded} on, or returns null when the directory cannot hold one. */
    static JournalHold take(final Path journalDir, final long firstNeeded) {
        final Path folder = journalDir.resolve(FOLDER);
        final String name = "hold-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
        final Path file = folder.resolve(name + SUFFIX).toAbsolutePath().normalize();
        final Path temporary = folder.resolve(name + ".tmp").toAbsolutePath().normalize();
        FileChannel channel = null;
        try {
            if (!Files.isWritable(journalDir)) {
                return null;
            }
            Files.createDirectories(folder);
            HELD.add(file);
            // Locked and filled under a name retention ignores, then renamed (the lock belongs to the open file, so
            // it survives the rename): retention never sees an unlocked hold that is still being created.
            channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
            final FileLock lock = channel.lock();
            final JournalHold hold = new JournalHold(file, channel, lock);
            hold.advance(firstNeeded);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            return hold;
        } catch (final IOException | RuntimeException e) {
            HELD.remove(file);
            if (channel != null) {
                closeQuietly(channel);
                deleteQuietly(temporary);
                deleteQuietly(file);
            }
            return null;
        }
    }

    /** Records that the reader no longer needs entries before {@code firstNeeded}. Does not allocate. */
    void advance(final long firstNeeded) {
        value.clear();
        value.putLong(0, firstNeeded);
        try {
            channel.write(value, 0);
        } catch (final IOException e) {
            // the older value stays: retention keeps more than needed, never less
        }
    }

    /**
     * The smallest first-needed entry over the live holds of {@code journalDir}, or {@link Long#MAX_VALUE} when none.
     * Holds of readers that died are deleted on the way.
     */
    static long firstNeeded(final Path journalDir) {
        final Path folder = journalDir.resolve(FOLDER);
        long min = Long.MAX_VALUE;
        if (!Files.isDirectory(folder)) {
            return min;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            for (final Path found : files) {
                final Path file = found.toAbsolutePath().normalize();
                if (HELD.contains(file)) {
                    min = Math.min(min, read(file));
                    continue;
                }
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                    FileLock probe;
                    try {
                        probe = channel.tryLock();
                    } catch (final OverlappingFileLockException e) {
                        probe = null;
                    }
                    if (probe == null) {
                        min = Math.min(min, read(file)); // another process holds it: a running reader
                    } else {
                        probe.release();
                        Files.deleteIfExists(file); // nobody holds it: its reader died
                    }
                } catch (final IOException e) {
                    // vanished or unreadable meanwhile: its reader closed
                }
            }
        } catch (final IOException e) {
            throw new JournalException("journal " + journalDir + ": cannot read its reader holds: " + e.getMessage(), e);
        }
        return min;
    }

    private static long read(final Path file) {
        try {
            final byte[] bytes = Files.readAllBytes(file);
            return bytes.length < Long.BYTES ? 0 : ByteBuffer.wrap(bytes).getLong();
        } catch (final IOException e) {
            return Long.MAX_VALUE; // gone: released meanwhile
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (final IOException ignored) {
            // closing the channel releases it anyway
        }
        closeQuietly(channel);
        deleteQuietly(file);
        HELD.remove(file);
    }

    private static void closeQuietly(final FileChannel channel) {
        try {
            channel.close();
        } catch (final IOException ignored) {
            // nothing more to release
        }
    }

    private static void deleteQuietly(final Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (final IOException ignored) {
            // a leftover unlocked hold is removed by the next retention pass
        }
    }
}
