package io.ringtrade.engine.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how inputs are journaled ({@code ringtrade.journal}).
 *
 * <p>Immutable; built and read on the start-up (main) thread. Values are validated by {@link EngineConfigLoader};
 * the constructor only rejects nulls.
 *
 * @param dir              the Chronicle queue directory of this engine instance (relative to the working directory)
 * @param durability       when writes are forced to the device
 * @param snapshotInterval journaled events between state snapshots; 0 turns snapshots off
 * @param rollCycle        how often the journal starts a new cycle file
 * @param retain           the retention window: cycle files wholly covered by a snapshot older than this are deleted
 *                         or archived; {@link Duration#ZERO} keeps everything (the default)
 * @param archiveDir       where retention moves cycle files, or null to delete them
 */
public record JournalConfig(Path dir, Durability durability, long snapshotInterval, RollCycle rollCycle,
                            Duration retain, Path archiveDir) {
    /** Default journal directory. */
    public static final String DIR_DEFAULT = "./data/journal";
    /** Default durability. */
    public static final Durability DURABILITY_DEFAULT = Durability.OS_CACHE;
    /** Default events between snapshots. */
    public static final long SNAPSHOT_INTERVAL_DEFAULT = 100_000L;
    /** Default roll cycle. */
    public static final RollCycle ROLL_CYCLE_DEFAULT = RollCycle.DAILY;
    /** Default retention window: off, everything is kept. */
    public static final Duration RETAIN_DEFAULT = Duration.ZERO;

    /** Rejects nulls (but for {@code archiveDir}) and a negative window. */
    public JournalConfig {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(durability, "durability");
        Objects.requireNonNull(rollCycle, "rollCycle");
        Objects.requireNonNull(retain, "retain");
        if (retain.isNegative()) {
            throw new IllegalArgumentException("retain must not be negative: " + retain);
        }
    }

    /** A journal with the default roll cycle and no retention. */
    public JournalConfig(final Path dir, final Durability durability, final long snapshotInterval) {
        this(dir, durability, snapshotInterval, ROLL_CYCLE_DEFAULT, RETAIN_DEFAULT, null);
    }

    /** Whether a retention window is set. */
    public boolean retentionEnabled() {
        return !retain.isZero();
    }

    /** Whether state snapshots are taken at all. */
    public boolean snapshotsEnabled() {
        return snapshotInterval > 0;
    }
}
