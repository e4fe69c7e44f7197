package io.ringtrade.bench;

import org.HdrHistogram.Histogram;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The load client of {@link OpsLoad}, run in its own JVM so that its threads and garbage are not the engine's:
 * {@code threads} closed-loop clients (each sends its next request when the previous answer arrived, on one keep-alive
 * connection of its own, {@link LoopbackHttpConnection}) for
 * {@code seconds}, then prints one line: requests, requests per second, p50/p99/max latency in microseconds, errors.
 * With a {@code rate}, the clients are paced instead: together they send {@code rate} requests per second, each
 * thread parked until its next request is due (a dashboard or a Prometheus scraper, not a flood); a request that
 * comes due while the previous answer is awaited is sent when it arrives.
 * <pre>
 *   GET  mode: GET  URL                                       (e.g. /status)
 *   POST mode: POST URL {"action":"engage"|"release"} alternately, Authorization: Bearer $RINGTRADE_ADMIN_TOKEN
 * </pre>
 * Arguments: {@code GET|POST URL seconds threads [rate [toggled]]}. With {@code toggled} the clients start idle and
 * the harness switches them with lines on standard input, {@code on} and {@code off} (so one warm client JVM serves
 * many loaded runs, each beside an unloaded one); the end of the input ends the load.
 */
public final class OpsLoadClient {
    private OpsLoadClient() {
    }

    /**
     * Whether the clients are switched off, and the monitor they wait on while they are: an idle client sleeps until
     * it is switched on (no polling), so the pipeline's runs without load have no client thread waking beside them.
     */
    private static final class Switch {
        private boolean idle;
        private boolean stopped;

        Switch(final boolean idle) {
            this.idle = idle;
        }

        synchronized void set(final boolean toIdle) {
            idle = toIdle;
            notifyAll();
        }

        synchronized void stop() {
            stopped = true;
            notifyAll();
        }

        synchronized boolean stopped() {
            return stopped;
        }

        /** Waits while switched off; returns true if the client was idle (its pacing starts afresh). */
        synchronized boolean awaitOn() throws InterruptedException {
            final boolean wasIdle = idle;
            while (idle && !stopped) {
                wait();
            }
            return wasIdle;
        }
    }

    /** Reads {@code on} and {@code off} lines from standard input until its end, which stops the load. */
    private static void followSwitches(final Switch load) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                load.set(!line.trim().equals("on"));
            }
        } catch (final IOException e) {
            // the harness went away: stop as at the end of the input
        }
        load.stop();
    }

    /** Closes {@code connection} if there is one, ignoring a failure to; returns null. */
    private static LoopbackHttpConnection close(final LoopbackHttpConnection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (final IOException ignored) {
                // the connection is dropped either way
            }
        }
        return null;
    }

    /** Runs the load and prints the result line. */
    public static void main(final String[] args) throws Exception {
        final boolean post = args[0].equals("POST");
        final URI uri = URI.create(args[1]);
        final long seconds = Long.parseLong(args[2]);
        final int threads = Integer.parseInt(args[3]);
        final long rate = args.length > 4 ? Long.parseLong(args[4]) : 0;
        final boolean toggled = args.length > 5 && args[5].equals("toggled");
        final Switch load = new Switch(toggled);
        if (toggled) {
            final Thread switches = new Thread(() -> followSwitches(load), "load-switches");
            switches.setDaemon(true);
            switches.start();
        }
        // each thread's interval between requests when paced
        final long interval = rate > 0 ? TimeUnit.SECONDS.toNanos(1) * threads / rate : 0;
        final String token = System.getenv("RINGTRADE_ADMIN_TOKEN");
        final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        final List<Thread> workers = new ArrayList<>();
        final List<Histogram> histograms = new ArrayList<>();
        final long[] errors = new long[threads];
        for (int t = 0; t < threads; t++) {
            final Histogram histogram = LatencyReport.newHistogram();
            histograms.add(histogram);
            final int index = t;
            final Thread worker = new Thread(() -> {
                LoopbackHttpConnection connection = null;
                long n = 0;
                long due = System.nanoTime() + interval * index / threads;
                while (System.nanoTime() < end && !load.stopped()) {
                    try {
                        if (load.awaitOn()) {
                            due = System.nanoTime() + interval * index / threads; // paced afresh after a pause
                            continue;
                        }
                    } catch (final InterruptedException e) {
                        break;
                    }
                    if (interval > 0) {
                        final long wait = due - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        due += interval;
                    }
                    final long start = System.nanoTime();
                    try {
                        if (connection == null) {
                            connection = new LoopbackHttpConnection(uri, token);
                        }
                        final int status = post ? connection.post(n++ % 2 == 0 ? "{\"action\":\"engage\"}"
                            : "{\"action\":\"release\"}") : connection.get();
                        if (status != 200) {
                            errors[index]++;
                        }
                    } catch (final IOException e) {
                        errors[index]++;
                        connection = close(connection); // a fresh connection for the next request
                    }
                    histogram.recordValue(System.nanoTime() - start);
                }
                close(connection);
            }, "load-" + t);
            workers.add(worker);
        }
        final long started = System.nanoTime();
        workers.forEach(Thread::start);
        for (final Thread worker : workers) {
            worker.join();
        }
        final double elapsed = (System.nanoTime() - started) / 1e9;
        final Histogram all = LatencyReport.newHistogram();
        histograms.forEach(all::add);
        long failed = 0;
        for (final long e : errors) {
            failed += e;
        }
        System.out.printf("%s %s: %d requests in %.1f s = %.0f req/s, %d connections; latency p50 %.1f us, p99 %.1f us,"
                + " max %.1f us; errors %d%n", args[0], uri.getPath(), all.getTotalCount(), elapsed,
            all.getTotalCount() / elapsed, threads, all.getValueAtPercentile(50) / 1000.0,
            all.getValueAtPercentile(99) / 1000.0, all.getMaxValue() / 1000.0, failed);
    }
}
