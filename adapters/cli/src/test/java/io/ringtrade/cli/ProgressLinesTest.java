package io.ringtrade.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** The optimizer's progress off a terminal: a line at most every interval, then one at the end (a fake clock). */
class ProgressLinesTest {
    private static final long SECOND = 1_000_000_000L;

    private final StringWriter text = new StringWriter();
    private final long[] now = {0};
    private final ProgressLines progress = new ProgressLines(new PrintWriter(text), () -> now[0], 5 * SECOND);

    @Test
    void shouldPrintALineAtMostEveryIntervalWithRateAndTimeLeftThenTheTotal() {
        progress.started(100);
        at(1_000, 10, 100);
        at(5_000, 40, 100);
        at(6_000, 50, 100);
        at(10_000, 80, 100);
        at(12_500, 100, 100);
        progress.finished(100, 100, false);
        assertThat(text.toString().lines()).containsExactly(
            "optimize: 100 backtests to run",
            "optimize: 40/100 backtests (40 %), 8.0 backtests/s, about 7.5 s left",
            "optimize: 80/100 backtests (80 %), 8.0 backtests/s, about 2.5 s left",
            "optimize: 100/100 backtests in 12.5 s (8.0 backtests/s)");
    }

    @Test
    void shouldSayWhenItStoppedAndWriteLongTimesInMinutes() {
        progress.started(10_000);
        at(5_000, 100, 10_000);
        at(200_000, 5_000, 10_000);
        progress.finished(5_000, 10_000, true);
        assertThat(text.toString().lines()).containsExactly(
            "optimize: 10000 backtests to run",
            "optimize: 100/10000 backtests (1 %), 20.0 backtests/s, about 8 min 15 s left",
            "optimize: 5000/10000 backtests (50 %), 25.0 backtests/s, about 3 min 20 s left",
            "optimize: stopped after 5000/10000 backtests in 3 min 20 s");
    }

    private void at(final long millis, final long done, final long total) {
        now[0] = millis * 1_000_000L;
        progress.advanced(done, total);
    }
}
