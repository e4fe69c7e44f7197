package io.ringtrade.research.optimizer;

import io.ringtrade.engine.report.PerformanceSummary;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Ranks: enough trades first, then the metric (highest first), ties in grid order. */
class RankingTest {
    @Test
    void shouldBreakTiesByGridOrderAndRankTooFewTradesLast() {
        final List<ResultRow> rows = List.of(
            row(0, 0.5, 3), row(1, 0.9, 1), row(2, 0.5, 3), row(3, 1.2, 3), row(4, Double.NaN, 3), row(5, 2.0, 0));
        // min 2 trades: rows 1 and 5 rank last (among them, by sharpe); 0 and 2 tie and keep grid order; NaN after
        assertThat(Ranking.ranks(rows, RankMetric.SHARPE, 2)).containsExactly(2, 6, 3, 1, 4, 5);
        assertThat(Ranking.ranks(rows, RankMetric.SHARPE, 0)).containsExactly(4, 3, 5, 2, 6, 1);
    }

    @Test
    void shouldRankAnInfiniteProfitFactorFirst() {
        final List<ResultRow> rows = List.of(profitFactor(0, 3.0), profitFactor(1, Double.POSITIVE_INFINITY));
        assertThat(Ranking.ranks(rows, RankMetric.PROFIT_FACTOR, 0)).containsExactly(2, 1);
    }

    private static ResultRow row(final long index, final double sharpe, final int trades) {
        return new ResultRow(0, index, new LinkedHashMap<>(), summary(sharpe, 1, trades), new LinkedHashMap<>());
    }

    private static ResultRow profitFactor(final long index, final double factor) {
        return new ResultRow(0, index, new LinkedHashMap<>(), summary(0, factor, 5), new LinkedHashMap<>());
    }

    private static PerformanceSummary summary(final double sharpe, final double profitFactor, final int trades) {
        return new PerformanceSummary(0, 0, 0, sharpe, 0, 0, 0, 0, 0, profitFactor, 0, 0, trades, 0, 0, 1);
    }
}
