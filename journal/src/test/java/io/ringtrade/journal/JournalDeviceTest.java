package io.ringtrade.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link JournalDevice}: the journal's mount found in a mount table, and its device's read-ahead read from sysfs. */
final class JournalDeviceTest {
    private static final List<String> MOUNTS = List.of(
        "22 27 0:21 / /proc rw,relatime - proc proc rw",
        "27 1 254:0 / / rw,relatime - ext4 /dev/vda rw,discard",
        "31 27 8:17 / /srv/trading\\040data rw,relatime - ext4 /dev/sdb1 rw",
        "32 27 0:23 / /srv/trading\\040data/tmp rw,relatime - tmpfs tmpfs rw",
        "40 27 8:33 / /mnt rw - ext4 /dev/sdc1 rw",
        "41 40 8:49 / /mnt rw - ext4 /dev/sdd1 rw");

    @TempDir
    Path tmp;

    @Test
    void shouldPickTheLongestMountPointAboveTheDirectory() {
        assertThat(JournalDevice.deviceOf(Path.of("/work/main/data/journal"), MOUNTS)).isEqualTo("254:0");
        // \040 is a space in the table; a deeper mount wins over the one it sits in
        assertThat(JournalDevice.deviceOf(Path.of("/srv/trading data/journal"), MOUNTS)).isEqualTo("8:17");
        assertThat(JournalDevice.deviceOf(Path.of("/srv/trading data/tmp/j"), MOUNTS)).isEqualTo("0:23");
        // a mount point is matched by whole names, not by text
        assertThat(JournalDevice.deviceOf(Path.of("/srv/trading data2/j"), MOUNTS)).isEqualTo("254:0");
        // mounted twice on one point: the later line is the one in force
        assertThat(JournalDevice.deviceOf(Path.of("/mnt/j"), MOUNTS)).isEqualTo("8:49");
        assertThat(JournalDevice.deviceOf(Path.of("/srv/j"), List.of("22 27 0:21 / /proc rw - proc proc rw")))
            .isNull();
    }

    @Test
    void shouldReadTheReadAheadOfADiskOrOfThePartitionsDisk() throws Exception {
        final Path mountinfo = Files.writeString(tmp.resolve("mountinfo"), String.join("\n", MOUNTS) + "\n");
        final Path devBlock = Files.createDirectories(tmp.resolve("dev-block"));
        // a whole disk: its queue beside it
        Files.createDirectories(devBlock.resolve("254:0").resolve("queue"));
        Files.writeString(devBlock.resolve("254:0").resolve("queue").resolve("read_ahead_kb"), "8192\n");
        // a partition: sysfs links 8:17 to .../sdb/sdb1, and the queue is the disk's
        final Path disk = Files.createDirectories(tmp.resolve("devices").resolve("sdb"));
        Files.createDirectories(disk.resolve("queue"));
        Files.writeString(disk.resolve("queue").resolve("read_ahead_kb"), "128\n");
        Files.createDirectories(disk.resolve("sdb1"));
        Files.createSymbolicLink(devBlock.resolve("8:17"), disk.resolve("sdb1"));

        assertThat(JournalDevice.readAheadKib(Path.of("/work/data/journal"), mountinfo, devBlock))
            .isEqualTo(OptionalInt.of(8192));
        assertThat(JournalDevice.readAheadKib(Path.of("/srv/trading data/journal"), mountinfo, devBlock))
            .isEqualTo(OptionalInt.of(128));
        // a device without a queue (tmpfs), and no mount table at all
        assertThat(JournalDevice.readAheadKib(Path.of("/srv/trading data/tmp/j"), mountinfo, devBlock)).isEmpty();
        assertThat(JournalDevice.readAheadKib(Path.of("/work"), tmp.resolve("missing"), devBlock)).isEmpty();
    }
}
