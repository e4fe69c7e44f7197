package io.ringtrade.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.journal.ChronicleEventJournal;
import io.ringtrade.journal.DurabilityPolicy;
import io.ringtrade.journal.JournalRollCycle;
import net.openhft.chronicle.core.time.SetTimeProvider;
import org.HdrHistogram.Histogram;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the roll to a new cycle file costs the journal thread: the first append of a cycle creates the cycle's file
 * (and its index, its first chunk's mapping and the directory listing's entry) on the appending thread. With the
 * pretoucher on, it prepares that file under another name a little before the cycle begins ({@code NextCycleFile}), and
 * the appender renames it into place; this harness measures the roll with that, without it, and without the pretoucher.
 * <pre>
 *   main thread (stands in for the journal stage J), paced: entry i due at start + i / rate
 *     ChronicleEventJournal, roll cycle minutely, Chronicle's clock a SetTimeProvider that this thread moves to one
 *     second before the next minute halfway through each cycle (so the pretoucher sees the roll coming, as it sees
 *     midnight coming in a running engine) and onto the minute just before every {@code --entries-per-cycle}-th append,
 *     so that append is the first of a new cycle file (a roll every 1 to 2 s of appending instead of once a day)
 *       t0 = nanoTime, cpu0 = thread CPU time (roll appends only) ──► append ──► t1, cpu1
 *       roll appends: (t1 - t0) and (cpu1 - cpu0) each, and whether the prepared file was there before it;
 *       every append: t1 - due time (coordinated-omission corrected), split into the appends of the 10 ms after a roll
 *       and all the others
 * </pre>
 * Three cases, each in a fresh directory under {@code bench/target} (deleted at the end): the pretoucher with the next
 * cycle's file prepared (as the engine runs), the pretoucher leaving that file to the appender, and no pretoucher. The
 * first cycle of each case is warm-up. Arguments: {@code --json FILE}, {@code --rate N} (appends per second, default
 * 100,000), {@code --rolls N} (measured rolls per case, default 10), {@code --entries-per-cycle N} (default 150,000),
 * {@code --case prepared|appender|off} (that case alone: on this VM the read-around grows slower once a process reaches
 * memory its host has not backed yet, so comparisons run each case in its own JVM).
 */
public final class CycleRollLatency {
    private static final long PRICE = 80_000_000_000L;
    private static final long AFTER_ROLL_NANOS = 10_000_000L;
    /** How long before a roll Chronicle's clock is moved near it: inside the pretoucher's lead of two seconds. */
    private static final long LEAD_MILLIS = 1_000;

    private CycleRollLatency() {
    }

    /** What one case measured. */
    private record Measured(String name, Histogram rollAppend, Histogram rollAppendCpu, Histogram afterRoll,
                            Histogram others, long[] rollNanos, int preparedRolls) {
    }

    /** Runs the cases, prints one line per histogram and each roll's own time, and writes the results. */
    public static void main(final String[] args) {
        int rate = 100_000;
        int rolls = 10;
        int perCycle = 150_000;
        String only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--json" -> i++;
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                case "--rolls" -> rolls = Integer.parseInt(args[++i]);
                case "--entries-per-cycle" -> perCycle = Integer.parseInt(args[++i]);
                case "--case" -> only = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (only != null && !List.of("prepared", "appender", "off").contains(only)) {
            // an unknown case would otherwise run nothing and write an empty result
            throw new IllegalArgumentException("--case must be prepared, appender or off, not '" + only + "'");
        }
        final Path probe = JournalFixtures.newDirectory("roll-probe-");
        final String disk = JournalFixtures.disk(probe);
        JournalFixtures.delete(probe);
        RunConditions.print("CycleRollLatency", "disk: " + disk,
            "roll cycle minutely, Chronicle's clock moved to a second before the next minute halfway through each cycle"
                + " of " + perCycle + " appends, and onto it at the cycle's end; " + rate
                + " appends/s paced; " + rolls + " measured rolls per case after one warm-up cycle",
            "latency: append end − due time (coordinated-omission corrected); roll append: its own wall and CPU time");
        final JsonObject conditions = RunConditions.json();
        final List<Path> dirs = new ArrayList<>();
        final List<Measured> cases = new ArrayList<>();
        try {
            if (only == null || only.equals("prepared")) {
                cases.add(measure("pretoucher on, next cycle's file prepared", true, true, rate, rolls, perCycle, dirs));
            }
            if (only == null || only.equals("appender")) {
                cases.add(measure("pretoucher on, next cycle's file left to the appender", true, false, rate, rolls,
                    perCycle, dirs));
            }
            if (only == null || only.equals("off")) {
                cases.add(measure("pretoucher off", false, false, rate, rolls, perCycle, dirs));
            }
        } finally {
            dirs.forEach(JournalFixtures::delete);
        }
        System.out.println();
        System.out.println(LatencyReport.header());
        final JsonArray results = new JsonArray();
        for (final Measured measured : cases) {
            final JsonObject result = new JsonObject();
            result.addProperty("name", measured.name());
            line(result, "rollAppend", measured.name() + ": roll append, its own time", measured.rollAppend());
            line(result, "rollAppendCpu", measured.name() + ": roll append, its CPU time", measured.rollAppendCpu());
            line(result, "afterRoll", measured.name() + ": appends in the 10 ms after a roll, from due time",
                measured.afterRoll());
            line(result, "others", measured.name() + ": all other appends, from due time", measured.others());
            final JsonArray each = new JsonArray();
            final StringBuilder text = new StringBuilder("  each roll append, µs:");
            for (final long nanos : measured.rollNanos()) {
                each.add(nanos);
                text.append(String.format(Locale.ROOT, " %.1f", nanos / 1_000.0));
            }
            System.out.println(text);
            System.out.println("  rolls into a prepared file: " + measured.preparedRolls() + " of " + rolls);
            result.add("rollNanos", each);
            result.addProperty("preparedRolls", measured.preparedRolls());
            results.add(result);
        }
        final JsonObject out = new JsonObject();
        out.add("conditions", conditions);
        out.addProperty("disk", disk);
        out.addProperty("rate", rate);
        out.addProperty("rolls", rolls);
        out.addProperty("entriesPerCycle", perCycle);
        out.addProperty("loadAfter", RunConditions.loadAverage());
        out.add("cases", results);
        final Path json = ResultFile.jsonArgument(args);
        if (json != null) {
            ResultFile.write(json, out);
        }
    }

    private static void line(final JsonObject result, final String key, final String name, final Histogram histogram) {
        System.out.println(LatencyReport.line(name, histogram));
        result.add(key, LatencyReport.json(histogram));
    }

    private static Measured measure(final String name, final boolean pretouch, final boolean prepareNextCycle,
                                    final int rate, final int rolls, final int perCycle, final List<Path> dirs) {
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        final Histogram rollAppend = LatencyReport.newHistogram();
        final Histogram rollAppendCpu = LatencyReport.newHistogram();
        final Histogram afterRoll = LatencyReport.newHistogram();
        final Histogram others = LatencyReport.newHistogram();
        final long[] rollNanos = new long[rolls];
        final Path dir = JournalFixtures.newDirectory("roll-");
        dirs.add(dir);
        final SetTimeProvider clock = new SetTimeProvider(Instant.parse("2024-01-02T10:00:00Z"));
        final EngineEvent event = new EngineEvent().setTrade(0, 1_385_337_600_000_000_000L, PRICE, 1_000_000L);
        final ChronicleEventJournal opened = BenchEngine.openJournal(pretouch, prepareNextCycle,
            () -> ChronicleEventJournal.open(dir, DurabilityPolicy.OS_CACHE, JournalRollCycle.MINUTELY, clock));
        final long total = (long) perCycle * (rolls + 1);
        final double intervalNanos = 1e9 / rate;
        int preparedRolls = 0;
        try (ChronicleEventJournal journal = opened) {
            final long start = System.nanoTime();
            long lastRollEnd = start - 2 * AFTER_ROLL_NANOS;
            for (long i = 0; i < total; i++) {
                final long due = start + (long) (i * intervalNanos);
                while (System.nanoTime() < due) {
                    Thread.onSpinWait();
                }
                event.sequence = i;
                event.price = PRICE + (i & 1023);
                final boolean roll = i > 0 && i % perCycle == 0;
                if (i % perCycle == perCycle / 2) {
                    clock.advanceMillis(60_000 - LEAD_MILLIS); // the next minute begins in a second
                } else if (roll) {
                    clock.advanceMillis(LEAD_MILLIS);
                }
                final boolean prepared = roll && Files.exists(dir.resolve(JournalRollCycle.MINUTELY.preparedFileName(
                    JournalRollCycle.MINUTELY.cycleAt(clock.currentTimeMillis()))));
                final long cpu0 = roll ? threads.getCurrentThreadCpuTime() : 0;
                final long t0 = System.nanoTime();
                journal.append(event);
                final long t1 = System.nanoTime();
                final boolean measured = i >= perCycle;
                if (roll && measured) {
                    final long cpu1 = threads.getCurrentThreadCpuTime();
                    final int index = (int) (i / perCycle) - 1;
                    rollNanos[index] = t1 - t0;
                    LatencyReport.record(rollAppend, t1 - t0);
                    LatencyReport.record(rollAppendCpu, cpu1 - cpu0);
                    lastRollEnd = t1;
                    if (prepared) {
                        preparedRolls++;
                    }
                }
                if (measured) {
                    LatencyReport.record(t1 - lastRollEnd <= AFTER_ROLL_NANOS ? afterRoll : others, t1 - due);
                }
            }
        }
        return new Measured(name, rollAppend, rollAppendCpu, afterRoll, others, rollNanos, preparedRolls);
    }
}
