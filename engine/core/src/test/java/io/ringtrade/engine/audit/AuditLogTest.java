package io.ringtrade.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrade.engine.api.event.CommandCode;
import io.ringtrade.engine.api.event.TradingCommand;
import io.ringtrade.engine.api.money.FixedPoint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit log continues across restarts without writing an engine line twice: recovery regenerates business
 * logic's lines from the journal, and those the file already holds are passed over; a torn last line is cut off; edge
 * lines are always appended; the formats are exact.
 */
final class AuditLogTest {
    @TempDir
    Path dir;

    private static String engine(final long entry, final int n) {
        return AuditFormat.engineLine(new StringBuilder(), 60_000_000_000L * (entry + 1), entry, n,
            AuditKind.STRATEGY_PAUSE, 0, -1, 1, 0, 0, 1, 0, 0, new String[] {"ACME"}, new String[] {"alpha"})
            .toString();
    }

    @Test
    void shouldFormatEngineAndEdgeLinesExactly() {
        assertThat(engine(4, 1)).isEqualTo("{\"time\":\"1970-01-01T00:05:00Z\",\"by\":\"engine\",\"entry\":4,\"n\":1,"
            + "\"event\":\"strategy_paused\",\"book\":\"alpha\",\"source\":\"http\"}\n");
        assertThat(AuditFormat.engineLine(new StringBuilder(), 0, 7, 1, AuditKind.LIMIT_CHANGED, 0, -1,
            CommandCode.SET_MAX_POSITION_PCT, FixedPoint.of(25), FixedPoint.of(20), TradingCommand.SOURCE_HTTP,
            FixedPoint.parse("20"), 0, new String[] {"ACME"}, new String[] {"alpha"}).toString())
            .isEqualTo("{\"time\":\"1970-01-01T00:00:00Z\",\"by\":\"engine\",\"entry\":7,\"n\":1,"
                + "\"event\":\"limit_changed\",\"scope\":\"book\",\"book\":\"alpha\",\"limit\":\"max_position_pct\",\"from\":\"25\","
                + "\"to\":\"20\",\"asked\":\"20\",\"source\":\"http\"}\n");
        assertThat(AuditFormat.engineLine(new StringBuilder(), 0, 9, 2, AuditKind.MARGIN_CALL, 0, -1,
            FixedPoint.of(1600), FixedPoint.of(1650), FixedPoint.of(6600), 0, 1, 1, new String[] {"ACME"},
            new String[] {"alpha"}).toString())
            .isEqualTo("{\"time\":\"1970-01-01T00:00:00Z\",\"by\":\"engine\",\"entry\":9,\"n\":2,"
                + "\"event\":\"margin_call\",\"book\":\"alpha\",\"equity\":\"1600\",\"required\":\"1650\","
                + "\"exposure\":\"6600\",\"orders_cancelled\":1,\"liquidation_orders\":1}\n");
        // day 19,723 is 2024-01-01; charged at the first input of the next day
        assertThat(AuditFormat.engineLine(new StringBuilder(), 19_724 * 86_400_000_000_000L + 5, 12, 1,
            AuditKind.INTEREST, 0, -1, FixedPoint.parse("1.36986302"), FixedPoint.of(-5000), 19_723 * 86_400_000_000_000L,
            FixedPoint.of(10), 0, 0, new String[] {"ACME"}, new String[] {"alpha"}).toString())
            .isEqualTo("{\"time\":\"2024-01-02T00:00:00.000000005Z\",\"by\":\"engine\",\"entry\":12,\"n\":1,"
                + "\"event\":\"interest\",\"book\":\"alpha\",\"day\":\"2024-01-01\",\"cash\":\"-5000\","
                + "\"rate_pct\":\"10\",\"interest\":\"1.36986302\"}\n");
        assertThat(AuditFormat.engineLine(new StringBuilder(), 19_724 * 86_400_000_000_000L, 13, 2,
            AuditKind.SHORT_FEE, 0, -1, FixedPoint.parse("0.30136987"), FixedPoint.of(2200), 19_723 * 86_400_000_000_000L,
            FixedPoint.of(5), 0, 0, new String[] {"ACME"}, new String[] {"alpha"}).toString())
            .isEqualTo("{\"time\":\"2024-01-02T00:00:00Z\",\"by\":\"engine\",\"entry\":13,\"n\":2,"
                + "\"event\":\"short_fee\",\"book\":\"alpha\",\"day\":\"2024-01-01\",\"short_value\":\"2200\","
                + "\"fee_pct\":\"5\",\"fee\":\"0.30136987\"}\n");
        assertThat(AuditFormat.edgeLine(1_700_000_000_123L, "request", "\"from\":\"127.0.0.1\""))
            .isEqualTo("{\"time\":\"2023-11-14T22:13:20.123Z\",\"by\":\"edge\",\"event\":\"request\","
                + "\"from\":\"127.0.0.1\"}\n");
        assertThat(AuditFormat.string(new StringBuilder(), "a\"b\\c\nd\u0001").toString())
            .isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\"");
    }

    @Test
    void shouldPassOverTheEngineLinesAFileAlreadyHoldsAfterARestart() throws Exception {
        final Path file = dir.resolve(AuditLog.FILE);
        try (AuditLog first = AuditLog.continueFile(file)) {
            first.edge(AuditFormat.edgeLine(0, "start", ""));
            first.engine(3, 0, engine(3, 0));
            first.engine(3, 1, engine(3, 1));
            first.edge(AuditFormat.edgeLine(1, "request", "\"status\":200"));
            first.engine(7, 0, engine(7, 0));
        }
        // a crash cut the next line in the middle
        Files.writeString(file, "{\"time\":\"1970", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        try (AuditLog second = AuditLog.continueFile(file)) {
            second.edge(AuditFormat.edgeLine(2, "start", ""));
            // recovery replays the journal from a snapshot before entry 3: its lines come again
            second.engine(3, 1, engine(3, 1));
            second.engine(7, 0, engine(7, 0));
            second.engine(7, 1, engine(7, 1));
            second.engine(9, 0, engine(9, 0));
            assertThat(second.recent(2)).containsExactly(engine(7, 1).strip(), engine(9, 0).strip());
        }

        final List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).containsExactly(
            AuditFormat.edgeLine(0, "start", "").strip(), engine(3, 0).strip(), engine(3, 1).strip(),
            AuditFormat.edgeLine(1, "request", "\"status\":200").strip(), engine(7, 0).strip(),
            AuditFormat.edgeLine(2, "start", "").strip(), engine(7, 1).strip(), engine(9, 0).strip());
    }

    @Test
    void shouldStartANewFileForAReplay() throws Exception {
        final Path file = dir.resolve(AuditLog.FILE);
        Files.writeString(file, engine(5, 0));
        try (AuditLog replay = AuditLog.create(file)) {
            replay.engine(1, 0, engine(1, 0));
        }
        assertThat(Files.readString(file)).isEqualTo(engine(1, 0));
    }
}
