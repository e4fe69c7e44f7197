package io.ringtrade.journal;

/**
 * What {@link ChronicleEventJournal#flush()} promises about the entries appended before it returned. The engine
 * releases an input's effects after that flush, so this choice is the answer to "which crash can lose an input
 * whose order already left the process?".
 *
 * <p>Chosen once at open; read by the journal stage's thread only.
 */
public enum DurabilityPolicy {
    /**
     * Entries are in the page cache of the memory-mapped cycle file when {@code flush} returns; the kernel writes
     * them back on its own schedule. Survives the engine process being killed (including {@code kill -9} and a
     * JVM crash), because the pages belong to the kernel, not the process. Does not survive power loss or a kernel
     * crash: the last seconds of entries (Linux writes back dirty pages after about 30 s by default) can be lost.
     * {@code flush} costs nothing. The default.
     */
    OS_CACHE,

    /**
     * {@code flush} forces the current cycle file to the storage device ({@code fdatasync} through
     * {@link java.nio.channels.FileChannel#force(boolean)}, which on Linux also writes back pages dirtied through
     * the mapping), and the directory when a new cycle file has appeared since the previous flush. Entries
     * appended before {@code flush} returned survive power loss, as far as the device honours cache flushes.
     * Costs one device round trip per batch (typically tens of microseconds on NVMe, milliseconds on disks or
     * network storage).
     */
    SYNC_ON_BATCH
}
