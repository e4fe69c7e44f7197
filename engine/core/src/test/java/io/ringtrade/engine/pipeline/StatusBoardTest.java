package io.ringtrade.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.engine.logic.BookSpec;
import io.ringtrade.engine.logic.BusinessLogic;
import io.ringtrade.engine.risk.RiskLimits;
import io.ringtrade.engine.venue.SimulatedFillModel;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * {@link StatusBoard}'s stage latency as {@code GET /status} reads it (percentiles, reused for a short while so that a
 * fast-polling dashboard does not fold and walk the histograms on every request) and as the metrics read it (always
 * the latest).
 */
class StatusBoardTest {
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final StatusBoard board = new StatusBoard(logic(), clock::get);

    private static BusinessLogic logic() {
        final InstrumentRegistry instruments = new InstrumentRegistry();
        final int btc = instruments.register("BTC/USD", "USD", FixedPoint.parse("0.01"), FixedPoint.parse("0.00000001"))
            .id();
        final DecisionStrategy hold = row -> DecisionStrategy.HOLD;
        return new BusinessLogic(instruments, List.of(new BookSpec("board", hold, new int[] {btc}, Interval.M1,
            FixedPoint.of(10_000), new SimulatedFillModel(0, 0, false, 0), RiskLimits.longOnly(0))));
    }

    @Test
    void shouldGiveTheCountAndPercentilesOfWhatWasRecorded() {
        for (long micros = 1; micros <= 100; micros++) {
            board.recordStage(StatusBoard.STAGE_LOGIC, micros * 1_000);
        }
        final long[] reading = board.stagePercentiles(StatusBoard.STAGE_LOGIC, 50, 99);
        assertThat(reading[0]).isEqualTo(100);
        // HdrHistogram with 3 significant digits: the 50th of 1..100 µs is 50 µs, the 99th 99 µs, within 0.1 %
        assertThat(reading[1]).isBetween(49_950L, 50_050L);
        assertThat(reading[2]).isBetween(98_900L, 99_100L);
        assertThat(board.stagePercentiles(StatusBoard.STAGE_JOURNAL, 50, 99)).containsExactly(0, 0, 0);
    }

    @Test
    void shouldReuseAReadingForAShortWhileAndThenTakeANewOne() {
        board.recordStage(StatusBoard.STAGE_GATEWAY, 10_000);
        assertThat(board.stagePercentiles(StatusBoard.STAGE_GATEWAY, 50)[0]).isEqualTo(1);
        board.recordStage(StatusBoard.STAGE_GATEWAY, 20_000);
        board.recordStage(StatusBoard.STAGE_GATEWAY, 30_000);

        clock.addAndGet(StatusBoard.PERCENTILES_REUSED_NANOS - 1);
        assertThat(board.stagePercentiles(StatusBoard.STAGE_GATEWAY, 50)[0]).isEqualTo(1);
        // other percentiles are a new reading
        assertThat(board.stagePercentiles(StatusBoard.STAGE_GATEWAY, 50, 99)[0]).isEqualTo(3);
        // the metrics always read the latest
        board.recordStage(StatusBoard.STAGE_GATEWAY, 40_000);
        assertThat(board.stageLatencySoFar(StatusBoard.STAGE_GATEWAY).getTotalCount()).isEqualTo(4);

        clock.addAndGet(StatusBoard.PERCENTILES_REUSED_NANOS);
        final long[] fresh = board.stagePercentiles(StatusBoard.STAGE_GATEWAY, 50, 99);
        assertThat(fresh[0]).isEqualTo(4);
        assertThat(fresh[2]).isBetween(39_960L, 40_040L);
        // a caller changing its copy changes nothing kept
        fresh[0] = -1;
        assertThat(board.stagePercentiles(StatusBoard.STAGE_GATEWAY, 50, 99)[0]).isEqualTo(4);
    }
}
