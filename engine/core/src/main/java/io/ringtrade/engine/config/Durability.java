package io.ringtrade.engine.config;

/**
 * When the journaler forces its writes to the storage device.
 *
 * <p>Immutable; read on the start-up (main) thread.
 */
public enum Durability implements ConfigChoice {
    /**
     * Appends go to the memory-mapped queue and the operating system writes them back when it likes: survives a
     * crash of the process, not of the machine. The fast default for paper trading and backtests.
     */
    OS_CACHE("os-cache"),
    /** The journaler syncs the queue at the end of every Disruptor batch: survives a machine crash, costs latency. */
    SYNC_ON_BATCH("sync-on-batch");

    private final String label;

    Durability(final String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
