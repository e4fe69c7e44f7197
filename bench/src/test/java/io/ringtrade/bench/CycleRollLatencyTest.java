package io.ringtrade.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CycleRollLatency} end to end on a tiny configuration: all three cases run, each measures exactly the rolls asked
 * for, and every measured append is counted once (after a roll or not). No number is checked against a time.
 */
class CycleRollLatencyTest {
    @TempDir
    Path tmp;

    @AfterEach
    void clearProperty() {
        System.clearProperty("ringtrade.bench.dir");
    }

    @Test
    void shouldRefuseACaseItDoesNotHave() {
        assertThatThrownBy(() -> CycleRollLatency.main(new String[] {"--case", "prepard"}))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("--case must be prepared, appender or off, not 'prepard'");
    }

    @Test
    void shouldTimeEachRollAndCountEveryMeasuredAppendOnce() throws Exception {
        System.setProperty("ringtrade.bench.dir", Files.createDirectories(tmp.resolve("journals")).toString());
        final Path json = tmp.resolve("roll.json");

        CycleRollLatency.main(new String[] {"--json", json.toString(), "--rolls", "3", "--entries-per-cycle", "2000",
            "--rate", "200000"});

        final JsonObject results = ResultFile.read(json);
        assertThat(results.get("rolls").getAsInt()).isEqualTo(3);
        assertThat(results.getAsJsonArray("cases")).hasSize(3);
        for (final JsonElement element : results.getAsJsonArray("cases")) {
            final JsonObject measured = element.getAsJsonObject();
            final String name = measured.get("name").getAsString();
            assertThat(measured.getAsJsonArray("rollNanos")).as(name).hasSize(3)
                .allSatisfy(nanos -> assertThat(nanos.getAsLong()).isPositive());
            assertThat(measured.getAsJsonObject("rollAppend").get("count").getAsLong()).as(name).isEqualTo(3);
            assertThat(measured.getAsJsonObject("rollAppendCpu").get("count").getAsLong()).as(name).isEqualTo(3);
            // three measured cycles of 2,000 appends, each either within 10 ms of a roll or not
            assertThat(measured.getAsJsonObject("afterRoll").get("count").getAsLong()
                + measured.getAsJsonObject("others").get("count").getAsLong()).as(name).isEqualTo(6_000);
        }
        assertThat(results.getAsJsonArray("cases")).extracting(c -> c.getAsJsonObject().get("name").getAsString())
            .containsExactly("pretoucher on, next cycle's file prepared",
                "pretoucher on, next cycle's file left to the appender", "pretoucher off");
        // only the first case prepares files; how many rolls found theirs ready depends on timing, so is not checked
        final List<Integer> preparedRolls = new ArrayList<>();
        results.getAsJsonArray("cases").forEach(c -> preparedRolls.add(c.getAsJsonObject().get("preparedRolls").getAsInt()));
        assertThat(preparedRolls.get(0)).isBetween(0, 3);
        assertThat(preparedRolls.subList(1, 3)).containsExactly(0, 0);
        // the journals were deleted
        try (var left = Files.list(tmp.resolve("journals"))) {
            assertThat(left).isEmpty();
        }
    }
}
