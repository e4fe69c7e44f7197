package io.ringtrade.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a {@code ringtrade} child JVM for the tests that run the engine in a process of its own (crash,
 * kill-switch, soak and README tests): this JDK's java, the JVM flags Chronicle needs on Java 25 (the root pom's
 * {@code chronicle.jvm.flags}), a heap, the test class path and {@link Main}. Test threads only.
 */
final class ChildJvm {
    /** The root pom's {@code chronicle.jvm.flags}, as the launcher passes them. */
    static final List<String> CHRONICLE_FLAGS = List.of(
        "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
        "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
        "--sun-misc-unsafe-memory-access=allow",
        "--enable-native-access=ALL-UNNAMED",
        "-Dchronicle.analytics.disable=true");

    private ChildJvm() {
    }

    /** A new, mutable command that runs {@code ringtrade} with a {@code maxHeap} heap; append its arguments. */
    static List<String> ringtrade(final String maxHeap) {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(CHRONICLE_FLAGS);
        command.add("-Xmx" + maxHeap);
        command.add("-cp");
        // Surefire's manifest-only booter jar names the test class path in its manifest; a child JVM follows it.
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        return command;
    }
}
