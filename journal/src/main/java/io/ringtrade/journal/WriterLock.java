package io.ringtrade.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The exclusive claim of one engine on a journal directory: an OS file lock on {@value #FILE_NAME} holding the
 * owner's pid. Chronicle lets several processes append to one queue, which would interleave two engines' inputs;
 * this lock makes a second writer fail at open instead. The OS drops the lock when the process dies, so a crash
 * never leaves a stale lock behind (the file and its old pid stay, harmlessly).
 *
 * <p>Taken and released by the thread that opens and closes the journal.
 */
final class WriterLock implements AutoCloseable {
    static final String FILE_NAME = "ringtrade.lock";

    /**
     * Lock files held by this JVM. POSIX record locks belong to the process, so a second channel in the same JVM
     * must never even open the file: closing it would drop the first writer's lock at the OS level.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path file;

    private final FileChannel channel;
    private final FileLock lock;

    private WriterLock(final Path file, final FileChannel channel, final FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    static WriterLock acquire(final Path dir) {
        final Path file = dir.resolve(FILE_NAME).toAbsolutePath().normalize();
        if (!HELD.add(file)) {
            throw new JournalException("journal " + dir + " is locked by a running engine (pid " + owner(file) + ")");
        }
        final FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (final IOException e) {
            HELD.remove(file);
            throw new JournalException("journal " + dir + " cannot create its lock file: " + e.getMessage(), e);
        }
        FileLock lock = null;
        try {
            try {
                lock = channel.tryLock();
            } catch (final OverlappingFileLockException e) {
                lock = null; // only if something else in this JVM locked the file without going through HELD
            }
            if (lock == null) {
                throw new JournalException("journal " + dir + " is locked by a running engine (pid " + owner(file) + ")");
            }
            final byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(pid), 0);
            return new WriterLock(file, channel, lock);
        } catch (final IOException e) {
            closeQuietly(channel);
            HELD.remove(file);
            throw new JournalException("journal " + dir + " cannot lock " + file + ": " + e.getMessage(), e);
        } catch (final RuntimeException e) {
            closeQuietly(channel);
            HELD.remove(file);
            throw e;
        }
    }

    /**
     * The pid of the engine holding the journal in {@code dir}, or null when none does (no lock file, or its lock is
     * free). Probes with a lock it releases at once; a journal held in this JVM is reported as held.
     */
    static String holder(final Path dir) {
        final Path file = dir.resolve(FILE_NAME).toAbsolutePath().normalize();
        if (HELD.contains(file)) {
            return String.valueOf(ProcessHandle.current().pid());
        }
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            final FileLock probe;
            try {
                probe = channel.tryLock();
            } catch (final OverlappingFileLockException e) {
                return owner(file);
            }
            if (probe == null) {
                return owner(file);
            }
            probe.release();
            return null;
        } catch (final IOException e) {
            throw new JournalException("journal " + dir + " cannot check " + file + ": " + e.getMessage(), e);
        }
    }

    private static String owner(final Path file) {
        try {
            final String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
            return text.isEmpty() ? "unknown" : text;
        } catch (final IOException e) {
            return "unknown";
        }
    }

    private static void closeQuietly(final FileChannel channel) {
        try {
            channel.close();
        } catch (final IOException ignored) {
            // already failing with a clearer message
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (final IOException ignored) {
            // closing the channel below releases it anyway
        }
        closeQuietly(channel);
        HELD.remove(file);
    }
}
