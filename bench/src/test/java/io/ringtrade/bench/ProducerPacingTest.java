package io.ringtrade.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The latency harness's producer pacing: how a case names it, what the sleeping producer does to its thread's timer
 * slack (read back from {@code /proc/<tid>/timerslack_ns}), and that neither pacing returns before the due time.
 * No duration is checked.
 */
class ProducerPacingTest {

    @Test
    void shouldYieldUnlessTheCaseAsksForASleepingProducer() {
        final TickToOrderLatency.Case yielding = TickToOrderLatency.Case.parse("fused:chronicle:yielding:100000");
        final TickToOrderLatency.Case sleeping =
            TickToOrderLatency.Case.parse("fused:chronicle:yielding:100000:sleeping");

        assertThat(yielding.pacing()).isEqualTo(ProducerPacing.YIELDING);
        assertThat(yielding.name()).isEqualTo("ring fused, journal chronicle, yielding, 100,000/s");
        assertThat(sleeping.pacing()).isEqualTo(ProducerPacing.SLEEPING);
        assertThat(sleeping.name()).isEqualTo("ring fused, journal chronicle, yielding, sleeping producer, 100,000/s");
        assertThat(TickToOrderLatency.Case.parse("hop:-:yielding:10000:yielding").pacing())
            .isEqualTo(ProducerPacing.YIELDING);
    }

    @Test
    void shouldRefuseAPacingItDoesNotHave() {
        assertThatThrownBy(() -> TickToOrderLatency.Case.parse("fused:none:yielding:1000:spinning"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("case 'fused:none:yielding:1000:spinning': producer pacing 'spinning': expected one of "
                + "[yielding, sleeping]");
        assertThatThrownBy(() -> TickToOrderLatency.Case.parse("fused:none:yielding:1000:sleeping:x"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("case 'fused:none:yielding:1000:sleeping:x': expected KIND:JOURNAL:WAIT:RATE[:PACING]");
    }

    @Test
    void shouldCutTheSleepingProducersTimerSlackToOneMicrosecond() throws Exception {
        final AtomicReference<String> said = new AtomicReference<>();
        final AtomicReference<String> slack = new AtomicReference<>();
        final AtomicReference<Throwable> failed = new AtomicReference<>();
        // a thread of its own, so that the test runner's thread keeps the kernel's default slack
        final Thread producer = new Thread(() -> {
            try {
                said.set(ProducerPacing.SLEEPING.prepareCurrentThread());
                // /proc/thread-self is <pid>/task/<tid>, which has no timerslack_ns; /proc/<tid> has it
                final Path self = Files.readSymbolicLink(Path.of("/proc/thread-self"));
                final String threadId = self.getFileName().toString();
                slack.set(Files.readString(Path.of("/proc", threadId, "timerslack_ns")).strip());
            } catch (final Throwable e) {
                failed.set(e);
            }
        });
        producer.start();
        producer.join();

        assertThat(failed.get()).isNull();
        assertThat(said.get()).isEqualTo("parks while early (timer slack 1 us)");
        assertThat(slack.get()).isEqualTo("1000");
        assertThat(ProducerPacing.YIELDING.prepareCurrentThread()).isEqualTo("yields while early");
    }

    @Test
    void shouldNotReturnBeforeTheDueTime() {
        for (final ProducerPacing pacing : ProducerPacing.values()) {
            final long due = System.nanoTime() + 2_000_000L;
            final long seen = pacing.awaitDue(due);
            assertThat(seen).as(pacing.label()).isGreaterThanOrEqualTo(due);
            assertThat(System.nanoTime()).as(pacing.label()).isGreaterThanOrEqualTo(due);
        }
    }
}
