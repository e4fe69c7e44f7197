package io.ringtrade.engine.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrade.engine.api.event.OrderType;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.WeightLog;
import io.ringtrade.engine.order.FillReason;
import io.ringtrade.engine.order.OrderReason;
import io.ringtrade.engine.order.OrderState;
import io.ringtrade.engine.order.OrderTransition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streamed output files: their exact text, the sync marker a snapshot waits for, the cut back to a snapshot's
 * rows on recovery, and orders.csv derived from order_events.csv in decision order, whatever order the orders ended
 * in.
 */
final class CsvOutputWriterTest {
    private static final long SECOND = 1_000_000_000L;
    private static final String[] SYMBOLS = {"ACME"};
    private static final String[] BOOKS = {"b"};

    @TempDir
    Path dir;

    private static long fp(final String decimal) {
        return FixedPoint.parse(decimal);
    }

    private static void event(final OutputSink sink, final long second, final long id, final OrderTransition t,
                              final OrderState state, final OrderReason reason, final String lastQuantity,
                              final String lastPrice, final String filled) {
        sink.orderEvent(second * SECOND, id, 0, 0, 1, OrderType.LIMIT, fp("2"), 0, fp("99.5"), t.ordinal(),
            state.ordinal(), reason.ordinal(), fp(lastQuantity), fp(lastPrice), fp(filled));
    }

    @Test
    void shouldWriteEachStreamsRowsAsTheyComeAndDeriveOrdersInDecisionOrder() throws Exception {
        final CsvOutputWriter writer = CsvOutputWriter.open(dir, OutputRows.NONE, SYMBOLS, BOOKS);
        writer.fill(SECOND, 0, 0, 1, fp("2"), fp("99.5"), fp("0.199"), 1000, 0, FillReason.ENTRY.ordinal());
        writer.entry(SECOND, 0, 0, 1, 1, fp("2"), fp("99.5"), fp("99.5"), fp("2"), 1000);
        writer.equity(0, fp("10000"), fp("9800"), fp("199"), fp("10000"), true);
        writer.roundTrip(0, 0, SECOND, 5 * SECOND, fp("-1.25"));
        // order 1000 is decided first but ends last; order 2000 ends at once; 3000 is still working at the end
        event(writer, 1, 1000, OrderTransition.DECIDE, OrderState.DECIDED, OrderReason.STRATEGY, "0", "0", "0");
        event(writer, 1, 1000, OrderTransition.RELEASE, OrderState.RELEASED, OrderReason.NONE, "0", "0", "0");
        event(writer, 2, 2000, OrderTransition.DECIDE, OrderState.DECIDED, OrderReason.SIGNAL, "0", "0", "0");
        event(writer, 2, 2000, OrderTransition.RISK_REJECT, OrderState.REJECTED, OrderReason.MIN_NOTIONAL, "0", "0",
            "0");
        event(writer, 3, 3000, OrderTransition.DECIDE, OrderState.DECIDED, OrderReason.STRATEGY, "0", "0", "0");
        event(writer, 3, 3000, OrderTransition.RELEASE, OrderState.RELEASED, OrderReason.NONE, "0", "0", "0");
        event(writer, 4, 1000, OrderTransition.PARTIAL_FILL, OrderState.PARTIALLY_FILLED, OrderReason.NONE, "1", "99",
            "1");
        event(writer, 5, 1000, OrderTransition.FILL, OrderState.FILLED, OrderReason.NONE, "1", "99.5", "2");
        writer.close();

        assertThat(Files.readAllLines(dir.resolve("trades.csv"))).containsExactly(OutputFiles.TRADES_HEADER,
            "1970-01-01T00:00:01Z,ACME,BUY,2,99.5,0.199,b,1000,0,entry");
        assertThat(Files.readAllLines(dir.resolve("entries.csv"))).containsExactly(OutputFiles.ENTRIES_HEADER,
            "1970-01-01T00:00:01Z,b,ACME,BUY,1,2,99.5,99.5,2,1000");
        assertThat(Files.readAllLines(dir.resolve("equity.csv"))).containsExactly(OutputFiles.EQUITY_HEADER,
            "1970-01-01T00:00:00Z,10000,9800,199,10000");
        assertThat(Files.readAllLines(dir.resolve("round_trips.csv"))).containsExactly(OutputFiles.ROUND_TRIPS_HEADER,
            "1970-01-01T00:00:01Z,1970-01-01T00:00:05Z,b,ACME,-1.25");
        assertThat(Files.readAllLines(dir.resolve("order_events.csv"))).hasSize(9)
            .contains("1970-01-01T00:00:04Z,1000,b,ACME,BUY,LIMIT,2,0,99.5,PARTIAL_FILL,PARTIALLY_FILLED,,1,99,1");
        // average price (1 × 99 + 1 × 99.5) / 2 = 99.25
        assertThat(Files.readAllLines(dir.resolve("orders.csv"))).containsExactly(OutputFiles.ORDERS_HEADER,
            "1970-01-01T00:00:01Z,1000,b,ACME,BUY,LIMIT,2,99.5,FILLED,,0,2,99.25,1970-01-01T00:00:05Z",
            "1970-01-01T00:00:02Z,2000,b,ACME,BUY,LIMIT,2,99.5,REJECTED,MIN_NOTIONAL,0,0,0,1970-01-01T00:00:02Z",
            "1970-01-01T00:00:03Z,3000,b,ACME,BUY,LIMIT,2,99.5,RELEASED,,0,0,0,1970-01-01T00:00:03Z");
    }

    @Test
    void shouldHaveEveryRowBeforeASyncMarkerOnDiskOnceItIsSynced() throws Exception {
        final CsvOutputWriter writer = CsvOutputWriter.open(dir, OutputRows.NONE, SYMBOLS, BOOKS);
        for (int i = 0; i < 5_000; i++) {
            writer.equity(i * SECOND, fp("10000"), fp("10000"), 0, fp("10000"), false);
        }
        final long token = writer.sync();

        assertThat(writer.awaitSynced(token, 30, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readAllLines(dir.resolve("equity.csv"))).hasSizeGreaterThanOrEqualTo(5_001);
        writer.close();
    }

    @Test
    void shouldCutFilesBackToTheRowsASnapshotCoversAndContinueAfterThem() throws Exception {
        final CsvOutputWriter first = CsvOutputWriter.open(dir, OutputRows.NONE, SYMBOLS, BOOKS);
        for (int i = 0; i < 4; i++) {
            first.equity(i * SECOND, fp("10000") + i, fp("10000"), 0, fp("10000"), false);
        }
        first.close();

        final CsvOutputWriter second = CsvOutputWriter.open(dir, new OutputRows(0, 2, 0, 0), SYMBOLS, BOOKS);
        second.equity(9 * SECOND, fp("1"), fp("1"), 0, fp("1"), false);
        second.close();

        assertThat(Files.readAllLines(dir.resolve("equity.csv"))).containsExactly(OutputFiles.EQUITY_HEADER,
            "1970-01-01T00:00:00Z,10000,10000,0,10000", "1970-01-01T00:00:01Z,10000.00000001,10000,0,10000",
            "1970-01-01T00:00:09Z,1,1,0,1");
    }

    @Test
    void shouldRefuseToCutFilesThatHoldFewerRowsAndLeaveThemAlone() throws Exception {
        final CsvOutputWriter first = CsvOutputWriter.open(dir, OutputRows.NONE, SYMBOLS, BOOKS);
        first.equity(0, fp("1"), fp("1"), 0, fp("1"), false);
        first.close();
        final List<String> before = Files.readAllLines(dir.resolve("equity.csv"));

        assertThat(CsvOutputWriter.open(dir, new OutputRows(0, 2, 0, 0), SYMBOLS, BOOKS)).isNull();
        assertThat(Files.readAllLines(dir.resolve("equity.csv"))).isEqualTo(before);
        assertThat(CsvOutputWriter.open(dir.resolve("elsewhere"), new OutputRows(0, 1, 0, 0), SYMBOLS, BOOKS)).isNull();
    }

    @Test
    void shouldWriteWeightRowsOnlyForBooksWithMembersAndCutThemBackOnRecovery() throws Exception {
        final CsvOutputWriter plain = CsvOutputWriter.open(dir, OutputRows.NONE, SYMBOLS, BOOKS);
        plain.close();
        assertThat(dir.resolve(OutputFiles.WEIGHTS)).doesNotExist();

        final CsvOutputWriter first = CsvOutputWriter.open(dir, OutputRows.NONE, SYMBOLS, BOOKS);
        first.weightMembers(0, new String[] {"rsi", "macd"});
        first.weight(SECOND, 0, 0, 0.5, 0.5, WeightLog.Reason.START.ordinal(), Double.NaN, 0);
        first.weight(2 * SECOND, 0, 1, 0.5, 0.52, WeightLog.Reason.LEARN_CAPPED.ordinal(), 0.75, 20);
        first.weight(2 * SECOND, 0, 0, 0.5, 0.48, WeightLog.Reason.NORMALISE.ordinal(), 0.25, 3);
        first.close();

        assertThat(Files.readAllLines(dir.resolve(OutputFiles.WEIGHTS))).containsExactly(OutputFiles.WEIGHTS_HEADER,
            "1970-01-01T00:00:01Z,b,rsi,0.5,0.5,start,,0", "1970-01-01T00:00:02Z,b,macd,0.5,0.52,learn_capped,0.75,20",
            "1970-01-01T00:00:02Z,b,rsi,0.5,0.48,normalise,0.25,3");

        final CsvOutputWriter second = CsvOutputWriter.open(dir, new OutputRows(0, 0, 0, 0, 0, 0, 1), SYMBOLS, BOOKS);
        second.weightMembers(0, new String[] {"rsi", "macd"});
        second.weight(3 * SECOND, 0, 1, 0.5, 0.4, WeightLog.Reason.FLOOR.ordinal(), 0, 21);
        second.close();

        assertThat(Files.readAllLines(dir.resolve(OutputFiles.WEIGHTS))).containsExactly(OutputFiles.WEIGHTS_HEADER,
            "1970-01-01T00:00:01Z,b,rsi,0.5,0.5,start,,0", "1970-01-01T00:00:03Z,b,macd,0.5,0.4,floor,0.0,21");
        assertThat(CsvOutputWriter.open(dir, new OutputRows(0, 0, 0, 0, 0, 0, 5), SYMBOLS, BOOKS)).isNull();
    }
}
