package io.ringtrade.cli;

import io.ringtrade.research.optimizer.ProgressListener;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * Progress of an optimization on a terminal: a progress bar with the rate and the ETA (me.tongfei:progressbar,
 * redrawn by its own thread on stderr). Thread-safe: job threads report through {@link #advanced}.
 */
final class TerminalProgress implements ProgressListener {
    private ProgressBar bar;

    /** True when stdin and stdout are a terminal, where a redrawn bar reads well. */
    static boolean onTerminal() {
        return System.console() != null && System.console().isTerminal();
    }

    @Override
    public synchronized void started(final long total) {
        bar = new ProgressBarBuilder().setTaskName("optimize").setInitialMax(total).setUnit(" backtests", 1)
            .showSpeed().setUpdateIntervalMillis(250).build();
    }

    @Override
    public synchronized void advanced(final long done, final long total) {
        bar.stepTo(done);
    }

    @Override
    public synchronized void finished(final long done, final long total, final boolean stopped) {
        bar.stepTo(done);
        bar.close();
    }
}
