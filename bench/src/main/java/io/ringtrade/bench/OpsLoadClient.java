package io.ringtrade.bench;

import org.HdrHistogram.Histogram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The load client of {@link OpsLoad}, run in its own JVM so that its threads and garbage are not the engine's:
 * {@code threads} closed-loop clients (each sends its next request when the previous answer arrived, keep-alive) for
 * {@code seconds}, then prints one line: requests, requests per second, p50/p99/max latency in microseconds, errors.
 * With a {@code rate}, the clients are paced instead: together they send {@code rate} requests per second, each
 * thread parked until its next request is due (a dashboard or a Prometheus scraper, not a flood); a request that
 * comes due while the previous answer is awaited is sent when it arrives.
 * <pre>
 *   GET  mode: GET  URL                                       (e.g. /status)
 *   POST mode: POST URL {"action":"engage"|"release"} alternately, Authorization: Bearer $RINGTRADE_ADMIN_TOKEN
 * </pre>
 * Arguments: {@code GET|POST URL seconds threads [rate]}.
 */
public final class OpsLoadClient {
    private OpsLoadClient() {
    }

    /** Runs the load and prints the result line. */
    public static void main(final String[] args) throws Exception {
        final boolean post = args[0].equals("POST");
        final URI uri = URI.create(args[1]);
        final long seconds = Long.parseLong(args[2]);
        final int threads = Integer.parseInt(args[3]);
        final long rate = args.length > 4 ? Long.parseLong(args[4]) : 0;
        // each thread's interval between requests when paced
        final long interval = rate > 0 ? TimeUnit.SECONDS.toNanos(1) * threads / rate : 0;
        final String token = System.getenv("RINGTRADE_ADMIN_TOKEN");
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
        final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        final List<Thread> workers = new ArrayList<>();
        final List<Histogram> histograms = new ArrayList<>();
        final long[] errors = new long[threads];
        for (int t = 0; t < threads; t++) {
            final Histogram histogram = LatencyReport.newHistogram();
            histograms.add(histogram);
            final int index = t;
            final Thread worker = new Thread(() -> {
                long n = 0;
                long due = System.nanoTime() + interval * index / threads;
                while (System.nanoTime() < end) {
                    if (interval > 0) {
                        final long wait = due - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        due += interval;
                    }
                    final HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
                    if (post) {
                        request.header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(
                            n++ % 2 == 0 ? "{\"action\":\"engage\"}" : "{\"action\":\"release\"}"));
                    } else {
                        request.GET();
                    }
                    final long start = System.nanoTime();
                    try {
                        final HttpResponse<String> response = http.send(request.build(),
                            HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200) {
                            errors[index]++;
                        }
                    } catch (final Exception e) {
                        errors[index]++;
                    }
                    histogram.recordValue(System.nanoTime() - start);
                }
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
