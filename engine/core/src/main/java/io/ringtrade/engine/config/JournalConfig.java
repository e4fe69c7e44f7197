package io.ringtrade.engine.config;

import java.nio.file.Path;
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
 */
public record JournalConfig(Path dir, Durability durability, long snapshotInterval) {
    /** Default journal directory. */
    public static final String DIR_DEFAULT = "./data/journal";
    /** Default durability. */
    public static final Durability DURABILITY_DEFAULT = Durability.OS_CACHE;
    /** Default events between snapshots. */
    public static final long SNAPSHOT_INTERVAL_DEFAULT = 100_000L;

    /** Rejects nulls. */
    public JournalConfig {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(durability, "durability");
    }

    /** Whether state snapshots are taken at all. */
    public boolean snapshotsEnabled() {
        return snapshotInterval > 0;
    }
}
