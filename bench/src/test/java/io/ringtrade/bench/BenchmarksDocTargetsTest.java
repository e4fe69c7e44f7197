package io.ringtrade.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * The targets table reads the latency cases whose producer yields, the comparison the numbers were made with,
 * even where a sleeping producer's case of the same pipeline comes first in the results; and results written before
 * the sleeping producer existed (no {@code producer} field) still count as yielding.
 */
class BenchmarksDocTargetsTest {

    @Test
    void shouldReadTheYieldingProducersCasesOnly() {
        final JsonArray cases = new JsonArray();
        cases.add(latencyCase("chronicle", "sleeping", 100, 500, 900));
        cases.add(latencyCase("chronicle", "yielding", 300, 2_000, 4_000));
        cases.add(latencyCase("none", "sleeping", 50, 400, 800));
        cases.add(latencyCase("none", null, 200, 1_500, 3_000));

        final String table = BenchmarksDoc.targets(sections(cases));

        assertThat(table).contains("| yielding, fused layout, 100,000 ticks/s: tick-to-order p99 with the journal ≤ 3×"
            + " without it | 300.0 µs vs 200.0 µs = 1.5× | yes |");
        assertThat(table).contains("| yielding, fused layout, 100,000 ticks/s, journal on: p99.9 < 1 ms | 2,000 µs |"
            + " **no** |");
        assertThat(table).contains("| yielding, fused layout, 100,000 ticks/s, journal on: max < 5 ms | 4,000 µs |"
            + " yes |");
    }

    private static JsonObject sections(final JsonArray cases) {
        final JsonObject latency = new JsonObject();
        latency.add("cases", cases);
        final JsonObject sections = new JsonObject();
        sections.add("latency", latency);
        return sections;
    }

    private static JsonObject latencyCase(final String journal, final String producer, final double p99,
                                          final double p999, final double max) {
        final JsonObject histogram = new JsonObject();
        histogram.addProperty("p99", p99);
        histogram.addProperty("p99_9", p999);
        histogram.addProperty("max", max);
        final JsonObject c = new JsonObject();
        c.addProperty("kind", "fused");
        c.addProperty("journal", journal);
        c.addProperty("wait", "yielding");
        c.addProperty("rate", 100_000);
        if (producer != null) {
            c.addProperty("producer", producer);
        }
        c.add("latency", histogram);
        return c;
    }
}
