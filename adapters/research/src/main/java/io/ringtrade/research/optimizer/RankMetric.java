package io.ringtrade.research.optimizer;

import io.ringtrade.engine.report.PerformanceSummary;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The metric an optimization ranks by ({@code --rank}); higher is better for each. A profit factor with winning and
 * no losing trades is +∞ and ranks first. Immutable.
 */
public enum RankMetric {
    /** Annualised Sharpe ratio. */
    SHARPE("sharpe", PerformanceSummary::sharpe),
    /** Total return. */
    TOTAL_RETURN("total_return", PerformanceSummary::totalReturn),
    /** CAGR over max drawdown. */
    CALMAR("calmar", PerformanceSummary::calmar),
    /** Annualised Sortino ratio. */
    SORTINO("sortino", PerformanceSummary::sortino),
    /** Gross profit over gross loss. */
    PROFIT_FACTOR("profit_factor", PerformanceSummary::profitFactor);

    private final String key;
    private final ToDoubleFunction<PerformanceSummary> value;

    RankMetric(final String key, final ToDoubleFunction<PerformanceSummary> value) {
        this.key = key;
        this.value = value;
    }

    /** The summary.json key, also the results.csv column. */
    public String key() {
        return key;
    }

    /** The metric of {@code summary}. */
    public double of(final PerformanceSummary summary) {
        return value.applyAsDouble(summary);
    }

    /** The metric named {@code text} ({@code sharpe}, {@code total_return}, ...). */
    public static RankMetric parse(final String text) {
        for (final RankMetric metric : values()) {
            if (metric.key.equals(text.toLowerCase(Locale.ROOT))) {
                return metric;
            }
        }
        throw new OptimizerException("--rank " + text + ": expected one of "
            + String.join(", ", Arrays.stream(values()).map(RankMetric::key).toList()));
    }
}
