package io.ringtrade.research.optimizer;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;

/**
 * Runs independent tasks on {@code jobs} threads and keeps each result at its task's index, so the results do not
 * depend on which thread ran what or when. Tasks are taken in index order; after {@link #stop()} no task starts, the
 * running ones finish, and {@link #run} returns what finished. A task that throws stops the others and its exception
 * is rethrown by {@link #run} on the calling thread.
 *
 * <p>One instance per run; {@link #stop()} may be called from any thread (a signal handler).
 *
 * @param <T> what a task returns
 */
public final class GridRunner<T> {
    private final int jobs;
    private final AtomicBoolean stopRequested = new AtomicBoolean();

    /** A runner with {@code jobs} worker threads (at least 1). */
    public GridRunner(final int jobs) {
        if (jobs < 1) {
            throw new OptimizerException("--jobs must be at least 1, got " + jobs);
        }
        this.jobs = jobs;
    }

    /** Asks the runner to start no more tasks. */
    public void stop() {
        stopRequested.set(true);
    }

    /** True once {@link #stop()} was called. */
    public boolean stopped() {
        return stopRequested.get();
    }

    /**
     * Runs {@code task.apply(0)} … {@code task.apply(count − 1)}; element i of the result is task i's value, or null
     * when it never ran (after a stop).
     */
    public AtomicReferenceArray<T> run(final int count, final IntFunction<T> task, final ProgressListener progress) {
        final AtomicReferenceArray<T> results = new AtomicReferenceArray<>(count);
        final AtomicInteger next = new AtomicInteger();
        final AtomicLong done = new AtomicLong();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        progress.started(count);
        final Runnable worker = () -> {
            while (!stopRequested.get()) {
                final int index = next.getAndIncrement();
                if (index >= count) {
                    return;
                }
                try {
                    results.set(index, task.apply(index));
                } catch (final Throwable e) {
                    failure.compareAndSet(null, e);
                    stopRequested.set(true);
                    return;
                }
                progress.advanced(done.incrementAndGet(), count);
            }
        };
        final int threads = Math.min(jobs, Math.max(1, count));
        final Thread[] workers = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            workers[i] = Thread.ofPlatform().name("optimizer-" + (i + 1)).daemon(true).unstarted(worker);
            workers[i].start();
        }
        boolean interrupted = false;
        for (final Thread thread : workers) {
            while (true) {
                try {
                    thread.join();
                    break;
                } catch (final InterruptedException e) {
                    interrupted = true;
                    stopRequested.set(true);
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        final Throwable thrown = failure.get();
        if (thrown instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
        if (thrown != null) {
            throw new IllegalStateException(thrown);
        }
        progress.finished(done.get(), count, stopRequested.get() && done.get() < count);
        return results;
    }
}
