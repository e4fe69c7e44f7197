package io.ringtrade.bench;

import com.google.gson.JsonObject;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The conditions a benchmark ran under (CPU, cores, JDK, heap, collectors, JVM flags, load average), read from inside
 * the JVM that measures, so that every result carries them next to its numbers: printed as a block (JMH trials, the
 * harnesses) and returned as JSON for the results file. Called from setup code, never timed.
 */
final class RunConditions {
    private RunConditions() {
    }

    /** Prints one block naming {@code benchmark}, the machine and JVM, and {@code details} (one per line). */
    static void print(final String benchmark, final String... details) {
        final StringBuilder out = new StringBuilder(512);
        out.append("\n# conditions: ").append(benchmark).append('\n');
        out.append("#   cpu:   ").append(cpuModel()).append(", ").append(cores()).append(" available processors\n");
        out.append("#   jdk:   ").append(jdk()).append('\n');
        out.append("#   heap:  max ").append(heapMiB()).append(" MiB; gc: ").append(collectors()).append('\n');
        out.append("#   flags: ").append(flags()).append('\n');
        out.append("#   load:  ").append(loadAverage()).append('\n');
        for (final String detail : details) {
            out.append("#   ").append(detail).append('\n');
        }
        System.out.print(out);
        System.out.flush();
    }

    /** The same facts as {@link #print} as JSON: cpu, cores, jdk, heapMiB, gc, flags, load. */
    static JsonObject json() {
        final JsonObject out = new JsonObject();
        out.addProperty("cpu", cpuModel());
        out.addProperty("cores", cores());
        out.addProperty("jdk", jdk());
        out.addProperty("heapMiB", heapMiB());
        out.addProperty("gc", collectors());
        out.addProperty("flags", flags());
        out.addProperty("load", loadAverage());
        return out;
    }

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    static String jdk() {
        return System.getProperty("java.vm.name") + " " + Runtime.version() + " (" + System.getProperty("java.vendor")
            + ")";
    }

    static long heapMiB() {
        return Runtime.getRuntime().maxMemory() >> 20;
    }

    /** The collector in use: "G1", "ZGC", "Parallel", "Serial", or the JVM's bean names when it is another. */
    static String collectors() {
        final String names = ManagementFactory.getGarbageCollectorMXBeans().stream()
            .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(", "));
        if (names.startsWith("G1 ")) {
            return "G1";
        }
        if (names.startsWith("ZGC")) {
            return "ZGC";
        }
        if (names.startsWith("PS ")) {
            return "Parallel";
        }
        if (names.equals("Copy, MarkSweepCompact")) {
            return "Serial";
        }
        return names;
    }

    static String flags() {
        return String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    /** The 1-, 5- and 15-minute load averages from {@code /proc/loadavg}, e.g. "0.52 0.31 0.20". */
    static String loadAverage() {
        try {
            final String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (final IOException | RuntimeException e) {
            return String.format("%.2f (1-minute, from the JVM)",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /**
     * The first processor's model name, and its family, model and stepping numbers: a virtual machine may mask the
     * name (this project's hosts report only "AMD EPYC"), and the numbers still tell one generation from another,
     * which moves the arithmetic-heavy results (section 6 of BENCHMARKS.md) by more than half.
     */
    static String cpuModel() {
        try {
            final List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            final String name = field(lines, "model name");
            if (name != null) {
                final String family = field(lines, "cpu family");
                final String model = field(lines, "model");
                final String stepping = field(lines, "stepping");
                return family == null ? name
                    : name + " (family " + family + ", model " + model + ", stepping " + stepping + ")";
            }
        } catch (final IOException | RuntimeException e) {
            // not Linux, or not readable: say so below
        }
        return "unknown CPU (" + System.getProperty("os.arch") + ")";
    }

    /** The value of {@code /proc/cpuinfo}'s first line named exactly {@code key}, or null. */
    private static String field(final List<String> lines, final String key) {
        for (final String line : lines) {
            final int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equals(key)) {
                return line.substring(colon + 1).strip();
            }
        }
        return null;
    }
}
