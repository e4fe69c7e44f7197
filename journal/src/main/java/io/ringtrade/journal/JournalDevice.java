package io.ringtrade.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * The read-ahead of the block device a journal directory lives on, as Linux reports it: when nobody prepared a new cycle
 * file ({@link NextCycleFile}: the pretoucher does, so not when it is turned off), its first page fault zero-fills a
 * read-around of that size on the journal thread, so a large read-ahead makes each cycle roll cost its first append
 * milliseconds (8,192 KiB: 4–7 ms on the machine measured; 128 KiB: about 2 ms; BENCHMARKS.md, section 2). The engine
 * reports it at start in that case so an operator can lower it; it changes nothing itself. Reads
 * {@code /proc/self/mountinfo} and {@code /sys/dev/block}; anything it cannot read (not Linux, a device without a queue)
 * gives an empty answer. Stateless; any thread, never on the hot path.
 */
public final class JournalDevice {
    /** Read-ahead above this is worth a word at start: the kernel's usual default is 128 KiB. */
    public static final int NOTABLE_READ_AHEAD_KIB = 512;

    private JournalDevice() {
    }

    /** The read-ahead in KiB of the device under {@code dir}, or empty when it cannot be told. */
    public static OptionalInt readAheadKib(final Path dir) {
        return readAheadKib(dir, Path.of("/proc/self/mountinfo"), Path.of("/sys/dev/block"));
    }

    /** As {@link #readAheadKib(Path)}, with the mount table and the block devices' folder given (for tests). */
    static OptionalInt readAheadKib(final Path dir, final Path mountinfo, final Path devBlock) {
        try {
            final String device = deviceOf(dir.toAbsolutePath().normalize(), Files.readAllLines(mountinfo));
            if (device == null) {
                return OptionalInt.empty();
            }
            final Path node = devBlock.resolve(device);
            // a whole disk has its queue beside it; a partition's queue is its disk's, one folder up
            for (final Path queue : List.of(node.resolve("queue"), node.resolve("..").resolve("queue"))) {
                final Path readAhead = queue.resolve("read_ahead_kb");
                if (Files.isReadable(readAhead)) {
                    return OptionalInt.of(Integer.parseInt(Files.readString(readAhead).strip()));
                }
            }
        } catch (final IOException | RuntimeException e) {
            // not Linux, or not readable: no answer
        }
        return OptionalInt.empty();
    }

    /**
     * The {@code major:minor} of the mount whose mount point is the longest prefix of {@code dir}, from
     * {@code mountinfo}'s lines (field 3 the device, field 5 the mount point, octal escapes such as {@code \040}
     * for a space); null when none matches.
     */
    static String deviceOf(final Path dir, final List<String> mountinfo) {
        String best = null;
        int bestLength = -1;
        for (final String line : mountinfo) {
            final String[] fields = line.split(" ");
            if (fields.length < 5) {
                continue;
            }
            final Path mountPoint = Path.of(unescape(fields[4]));
            final int length = mountPoint.getNameCount();
            if (dir.startsWith(mountPoint) && length >= bestLength) {
                // a later line for the same mount point is a mount over the earlier one
                best = fields[2];
                bestLength = length;
            }
        }
        return best;
    }

    private static String unescape(final String field) {
        final StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            final char c = field.charAt(i);
            if (c == '\\' && isOctal(field, i + 1)) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isOctal(final String field, final int from) {
        if (from + 3 > field.length()) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            if (field.charAt(i) < '0' || field.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }
}
