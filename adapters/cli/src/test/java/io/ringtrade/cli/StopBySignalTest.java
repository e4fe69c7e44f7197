package io.ringtrade.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A run the user stops says so: its last status line names the signal and the data time it stopped at, and does not
 * claim the feed finished. One child JVM (a paper run at 600 × real time over 3,000 Bitstamp trades, about 50 s of
 * feed), stopped with SIGINT once it runs; bounded in time. A process started in the background by a non-interactive
 * shell inherits SIGINT ignored, and a child JVM then cannot handle it; where this test's JVM runs so, it sends
 * SIGTERM, which takes the same path and is named the same way.
 */
class StopBySignalTest {
    private static final long TIMEOUT_SECONDS = 90;

    @TempDir
    Path temp;

    @Test
    void shouldSayItWasStoppedBySigintAtWhichDataTimeNotThatTheFeedFinished() throws Exception {
        final String signal = sigintIgnored() ? "TERM" : "INT";
        final Path config = JournalFixtures.runConfig(temp.resolve("run.conf"),
            JournalFixtures.bitstampHead(temp.resolve("btc.csv"), 3_000), JournalFixtures.smaBook("btc-sma", 5, 20));
        final List<String> command = ChildJvm.ringtrade("256m");
        command.addAll(List.of("run", "--config", config.toString(), "--journal", temp.resolve("journal").toString(),
            "--out", temp.resolve("out").toString(), "--speed", "600"));
        final Path stdout = temp.resolve("run.out");
        final Process run = new ProcessBuilder(command).redirectOutput(stdout.toFile())
            .redirectError(temp.resolve("run.err").toFile()).start();
        try {
            awaitStarted(run, stdout);
            // a moment of data time after the start line, so the run has published some inputs
            Thread.sleep(2_000);
            final Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(run.pid())).start();
            assertThat(kill.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
            if (!run.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                fail("the run did not stop within " + TIMEOUT_SECONDS + " s of SIGINT");
            }
        } finally {
            run.destroyForcibly();
        }

        final String out = Files.readString(stdout, StandardCharsets.UTF_8);
        assertThat(run.exitValue()).as(out).isZero();
        final String last = out.lines().filter(line -> line.startsWith("[")).reduce((a, b) -> b).orElseThrow();
        assertThat(last)
            .containsPattern(" \\| stopped by SIG" + signal + " at data time 2013-11-25T\\d\\d:\\d\\d:\\d\\dZ$")
            .doesNotContain("feed finished");
        assertThat(out).contains("stopped cleanly: open orders cancelled");
    }

    /** Whether SIGINT is ignored in this process (bit 2 of SigIgn in /proc/self/status), so children inherit it. */
    private static boolean sigintIgnored() throws IOException {
        final Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return false;
        }
        return Files.readAllLines(status).stream().filter(line -> line.startsWith("SigIgn:"))
            .map(line -> Long.parseLong(line.substring("SigIgn:".length()).trim(), 16))
            .anyMatch(mask -> (mask & 0x2L) != 0);
    }

    private static void awaitStarted(final Process run, final Path stdout) throws IOException, InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            if (Files.readString(stdout, StandardCharsets.UTF_8).contains("ringtrade run:")) {
                return;
            }
            if (!run.isAlive()) {
                fail("the run ended before it started: " + Files.readString(stdout, StandardCharsets.UTF_8));
            }
            Thread.sleep(100);
        }
        fail("the run did not start within " + TIMEOUT_SECONDS + " s");
    }
}
