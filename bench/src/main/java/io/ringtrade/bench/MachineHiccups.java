package io.ringtrade.bench;

import org.HdrHistogram.Histogram;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's own floor under the tick-to-order tail (a jHiccup-style baseline): N threads, each alone with nothing
 * to do but read {@code System.nanoTime()} in a loop, stand in for a pipeline that costs nothing. Each one serves a
 * virtual input stream of {@code rate} inputs per second: input i is due at {@code start + i / rate} and is "served"
 * at the first clock reading at or after its due time, so its latency is that reading minus its due time (coordinated
 * omission corrected, exactly as {@link TickToOrderLatency} records). Whatever the threads see — the kernel taking the
 * CPU away, the hypervisor descheduling the vCPU, a safepoint — any engine on this machine sees too, so a target
 * below these numbers cannot be met here by software. Runs with 1, 2 and 4 threads (the pipeline's layout has four
 * busy threads), 1 s warm-up then the measured seconds. Main thread starts and reads; each spinner owns its histogram.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar io.ringtrade.bench.MachineHiccups [seconds [rate]]}.
 */
public final class MachineHiccups {
    private static final long WARM_UP_NANOS = 1_000_000_000L;

    private MachineHiccups() {
    }

    /** {@code [seconds, default 10] [rate per second, default 100000]}. */
    public static void main(final String[] args) throws Exception {
        final int seconds = args.length >= 1 ? Integer.parseInt(args[0]) : 10;
        final long rate = args.length >= 2 ? Long.parseLong(args[1]) : 100_000;
        RunConditions.print("MachineHiccups", "threads that only read System.nanoTime(), each serving a virtual "
            + rate + "/s input stream (coordinated-omission corrected); 1 s warm-up, " + seconds + " s measured");
        System.out.println(LatencyReport.header() + "  gaps>1ms  stalled>1ms ms");
        for (final int threads : new int[] {1, 2, 4}) {
            final Spinner[] spinners = new Spinner[threads];
            final Thread[] running = new Thread[threads];
            final long start = System.nanoTime() + 100_000_000L;
            for (int i = 0; i < threads; i++) {
                spinners[i] = new Spinner(start, 1_000_000_000L / rate, seconds * 1_000_000_000L);
                running[i] = new Thread(spinners[i], "spinner-" + i);
                running[i].start();
            }
            for (final Thread thread : running) {
                thread.join();
            }
            for (int i = 0; i < threads; i++) {
                System.out.printf("%s %9d %14.1f%n", LatencyReport.line(threads + " thread(s), spinner " + i,
                    spinners[i].latency), spinners[i].gapsOverMillisecond, spinners[i].stalledNanos / 1e6);
            }
            System.out.println("  load average after: " + Files.readString(Path.of("/proc/loadavg")).trim());
        }
    }

    /** One spinning thread and what it saw. */
    private static final class Spinner implements Runnable {
        private final long start;
        private final long interval;
        private final long measured;
        private final Histogram latency = LatencyReport.newHistogram();
        private long gapsOverMillisecond;
        private long stalledNanos;

        Spinner(final long start, final long interval, final long measured) {
            this.start = start;
            this.interval = interval;
            this.measured = measured;
        }

        @Override
        public void run() {
            while (System.nanoTime() < start) {
                Thread.onSpinWait();
            }
            final long recordFrom = start + WARM_UP_NANOS;
            final long end = recordFrom + measured;
            long due = start;
            long last = System.nanoTime();
            while (true) {
                final long now = System.nanoTime();
                final long gap = now - last;
                last = now;
                if (now >= recordFrom && gap > 1_000_000L) {
                    gapsOverMillisecond++;
                    stalledNanos += gap;
                }
                while (due <= now) {
                    if (due >= recordFrom && due < end) {
                        LatencyReport.record(latency, now - due);
                    }
                    due += interval;
                }
                if (now >= end) {
                    return;
                }
            }
        }
    }
}
