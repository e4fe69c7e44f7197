package io.ringtrade.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints the conditions a benchmark ran under (CPU, cores, JDK, heap, collectors, JVM flags) from inside the
 * forked JVM, so that every result file carries them next to the numbers. Called once per trial from a
 * {@code @Setup(Level.Trial)} method on the benchmark thread.
 */
final class RunConditions {
    private RunConditions() {
    }

    /** Prints one block naming {@code benchmark}, the machine and JVM, and {@code details} (one per line). */
    static void print(final String benchmark, final String... details) {
        final Runtime runtime = Runtime.getRuntime();
        final StringBuilder out = new StringBuilder(512);
        out.append("\n# conditions: ").append(benchmark).append('\n');
        out.append("#   cpu:   ").append(cpuModel()).append(", ").append(runtime.availableProcessors())
            .append(" available processors\n");
        out.append("#   jdk:   ").append(System.getProperty("java.vm.name")).append(' ')
            .append(Runtime.version()).append(" (").append(System.getProperty("java.vendor")).append(")\n");
        out.append("#   heap:  max ").append(runtime.maxMemory() >> 20).append(" MiB; gc: ")
            .append(ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(", "))).append('\n');
        out.append("#   flags: ").append(String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()))
            .append('\n');
        for (final String detail : details) {
            out.append("#   ").append(detail).append('\n');
        }
        System.out.print(out);
        System.out.flush();
    }

    private static String cpuModel() {
        try {
            final List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            for (final String line : lines) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (final IOException | RuntimeException e) {
            // not Linux, or not readable: say so below
        }
        return "unknown CPU (" + System.getProperty("os.arch") + ")";
    }
}
