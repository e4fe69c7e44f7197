package io.ringtrade.journal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A second JVM that opens a journal, appends one entry, says "ready" and holds the journal until its stdin closes:
 * stands in for a running engine in the lock test.
 */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(final String[] args) throws IOException {
        try (ChronicleEventJournal journal = ChronicleEventJournal.open(Path.of(args[0]))) {
            journal.append(JournalFixtures.trade(0));
            journal.flush();
            System.out.println("ready");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the lock until the parent closes our stdin
            }
        }
    }

    static Process start(final Path dir) throws IOException, InterruptedException {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (final String arg : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-") || arg.startsWith("--sun-misc") || arg.startsWith("--enable-native") || arg.startsWith("-Dchronicle")) {
                command.add(arg);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(LockHolder.class.getName());
        command.add(dir.toString());
        final Process process = new ProcessBuilder(command).redirectErrorStream(false)
            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        final BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.equals("ready")) {
                return process;
            }
        }
        throw new IllegalStateException("lock holder exited with " + process.waitFor());
    }

    static void stop(final Process process) throws InterruptedException, IOException {
        process.getOutputStream().close();
        process.waitFor();
    }
}
