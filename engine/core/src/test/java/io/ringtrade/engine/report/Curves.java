package io.ringtrade.engine.report;

import io.ringtrade.engine.api.money.FixedPoint;

/** Test fixtures: small equity curves written in whole money units. Test thread only. */
final class Curves {
    /** 2024-01-01T00:00Z in epoch nanos; bars are one day apart. */
    static final long FIRST_BAR_NANOS = 1_704_067_200L * 1_000_000_000L;
    static final long DAY_NANOS = 86_400L * 1_000_000_000L;

    private Curves() {
    }

    /** Fixed-point values of decimal strings, e.g. {@code money("10000", "9876.54")}. */
    static long[] money(final String... decimals) {
        final long[] fixed = new long[decimals.length];
        for (int i = 0; i < decimals.length; i++) {
            fixed[i] = FixedPoint.parse(decimals[i]);
        }
        return fixed;
    }

    /** Fixed-point values of whole units. */
    static long[] whole(final long... units) {
        final long[] fixed = new long[units.length];
        for (int i = 0; i < units.length; i++) {
            fixed[i] = FixedPoint.of(units[i]);
        }
        return fixed;
    }

    /**
     * A builder with the given cash and curve, the benchmark equal to the curve, never in position, daily
     * bar times and no trades; tests override what they are about.
     */
    static PerformanceInput.Builder curve(final long initialCash, final double periodsPerYear, final long[] equity) {
        final long[] times = new long[equity.length];
        for (int t = 0; t < equity.length; t++) {
            times[t] = FIRST_BAR_NANOS + t * DAY_NANOS;
        }
        return PerformanceInput.builder()
            .initialCash(initialCash)
            .equity(equity)
            .benchmarkEquity(equity.clone())
            .inPosition(new boolean[equity.length])
            .barTimeNanos(times)
            .periodsPerYear(periodsPerYear);
    }

    /** {@link #curve} in whole units. */
    static PerformanceInput.Builder wholeCurve(final long initialCash, final double periodsPerYear, final long... equity) {
        return curve(FixedPoint.of(initialCash), periodsPerYear, whole(equity));
    }

    static PerformanceSummary compute(final PerformanceInput.Builder builder) {
        return PerformanceMetrics.compute(builder.build());
    }
}
