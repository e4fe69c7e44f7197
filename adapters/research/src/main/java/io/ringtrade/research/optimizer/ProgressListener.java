package io.ringtrade.research.optimizer;

/**
 * Told how far an optimization's backtests have got. {@link #advanced} is called from the job threads, once per
 * finished backtest, so implementations must be thread-safe and quick.
 */
public interface ProgressListener {
    /** A listener that ignores everything. */
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void started(final long total) {
        }

        @Override
        public void advanced(final long done, final long total) {
        }

        @Override
        public void finished(final long done, final long total, final boolean stopped) {
        }
    };

    /** Before the first backtest: {@code total} backtests to run. Main thread. */
    void started(long total);

    /** {@code done} of {@code total} backtests have finished. Any job thread. */
    void advanced(long done, long total);

    /** After the last backtest ran, or after a stop once the running ones finished. Main thread. */
    void finished(long done, long total, boolean stopped);
}
