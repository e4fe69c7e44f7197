package io.ringtrade.research.optimizer;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks finished combinations: those with at least {@code minTrades} trades first, then by the metric, highest
 * first (NaN after every number), ties in grid order. Stateless.
 */
public final class Ranking {
    private Ranking() {
    }

    /** {@code ranks[i]} is the 1-based rank of {@code rows.get(i)}. */
    public static int[] ranks(final List<ResultRow> rows, final RankMetric metric, final int minTrades) {
        final Integer[] order = new Integer[rows.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.<Integer>comparingInt(i -> rows.get(i).summary().trades() >= minTrades ? 0 : 1)
            .thenComparing(i -> metric.of(rows.get(i).summary()), Ranking::descendingNaNLast)
            .thenComparingLong(i -> rows.get(i).index()));
        final int[] ranks = new int[rows.size()];
        for (int position = 0; position < order.length; position++) {
            ranks[order[position]] = position + 1;
        }
        return ranks;
    }

    /** The rows in rank order. */
    public static List<ResultRow> inRankOrder(final List<ResultRow> rows, final int[] ranks) {
        final ResultRow[] out = new ResultRow[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            out[ranks[i] - 1] = rows.get(i);
        }
        return List.of(out);
    }

    private static int descendingNaNLast(final double a, final double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Boolean.compare(Double.isNaN(a), Double.isNaN(b));
        }
        return a == b ? 0 : (a > b ? -1 : 1);
    }
}
