package io.ringtrade.research.optimizer;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReferenceArray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Results at their task's index whatever the threads; a stop keeps what finished; a failure surfaces. */
class GridRunnerTest {
    @Test
    void shouldKeepEachResultAtItsIndexOnAnyNumberOfThreads() {
        for (final int jobs : new int[] {1, 2, 4}) {
            final AtomicReferenceArray<Integer> results = new GridRunner<Integer>(jobs).run(100, i -> i * i,
                ProgressListener.NONE);
            for (int i = 0; i < 100; i++) {
                assertThat(results.get(i)).isEqualTo(i * i);
            }
        }
    }

    @Test
    void shouldStartNoTaskAfterAStopAndKeepTheFinishedOnes() {
        final GridRunner<Integer> runner = new GridRunner<>(1);
        final long[] reported = new long[3];
        final AtomicReferenceArray<Integer> results = runner.run(10, i -> {
            if (i == 3) {
                runner.stop();
            }
            return i;
        }, new ProgressListener() {
            @Override
            public void started(final long total) {
                reported[0] = total;
            }

            @Override
            public void advanced(final long done, final long total) {
                reported[1] = done;
            }

            @Override
            public void finished(final long done, final long total, final boolean stopped) {
                reported[2] = stopped ? done : -1;
            }
        });
        // task 3 asked for the stop while running: it finishes, nothing after it starts
        assertThat(results.get(3)).isEqualTo(3);
        assertThat(results.get(4)).isNull();
        assertThat(reported).containsExactly(10, 4, 4);
    }

    @Test
    void shouldRethrowATaskFailureOnTheCallingThread() {
        assertThatThrownBy(() -> new GridRunner<Integer>(2).run(10, i -> {
            if (i == 5) {
                throw new IllegalStateException("task 5 failed");
            }
            return i;
        }, ProgressListener.NONE)).isInstanceOf(IllegalStateException.class).hasMessage("task 5 failed");
    }

    @Test
    void shouldRefuseZeroJobs() {
        assertThatThrownBy(() -> new GridRunner<Integer>(0)).hasMessage("--jobs must be at least 1, got 0");
    }
}
