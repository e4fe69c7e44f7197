package io.ringtrade.engine.report;

import java.util.Objects;

/**
 * Everything {@link PerformanceMetrics} needs from a finished backtest: the per-bar equity curve, the
 * buy-and-hold benchmark over the same bars, per-bar exposure, bar times, the starting cash and the
 * realized P&amp;L of each closed round trip. Money is fixed-point at 10<sup>-8</sup>
 * ({@link io.ringtrade.engine.api.money.FixedPoint}).
 *
 * <p>Built once at the end of a run with {@link #builder()}; the arrays are copied on the way in, so the
 * instance is immutable and safe to share between threads.
 */
public final class PerformanceInput {
    final long initialCash;
    final long[] equity;
    final long[] benchmarkEquity;
    final boolean[] inPosition;
    final long[] barTimeNanos;
    final long[] roundTripPnl;
    final double periodsPerYear;
    final double riskFreeRatePerYear;

    private PerformanceInput(final Builder b) {
        this.initialCash = b.initialCash;
        this.equity = Objects.requireNonNull(b.equity, "equity").clone();
        this.benchmarkEquity = Objects.requireNonNull(b.benchmarkEquity, "benchmarkEquity").clone();
        this.inPosition = Objects.requireNonNull(b.inPosition, "inPosition").clone();
        this.barTimeNanos = Objects.requireNonNull(b.barTimeNanos, "barTimeNanos").clone();
        this.roundTripPnl = Objects.requireNonNull(b.roundTripPnl, "roundTripPnl").clone();
        this.periodsPerYear = b.periodsPerYear;
        this.riskFreeRatePerYear = b.riskFreeRatePerYear;
        validate();
    }

    private void validate() {
        if (initialCash <= 0) {
            throw new IllegalArgumentException("initialCash must be positive, was " + initialCash);
        }
        final int bars = equity.length;
        if (benchmarkEquity.length != bars || inPosition.length != bars || barTimeNanos.length != bars) {
            throw new IllegalArgumentException("per-bar arrays differ in length: equity " + bars
                + ", benchmarkEquity " + benchmarkEquity.length + ", inPosition " + inPosition.length
                + ", barTimeNanos " + barTimeNanos.length);
        }
        for (int t = 1; t < bars; t++) {
            if (barTimeNanos[t] <= barTimeNanos[t - 1]) {
                throw new IllegalArgumentException("barTimeNanos must increase strictly; bar " + t + " at "
                    + barTimeNanos[t] + " does not follow " + barTimeNanos[t - 1]);
            }
        }
        if (!(periodsPerYear > 0) || Double.isInfinite(periodsPerYear)) {
            throw new IllegalArgumentException("periodsPerYear must be positive and finite, was " + periodsPerYear);
        }
        if (!(riskFreeRatePerYear > -1) || Double.isInfinite(riskFreeRatePerYear)) {
            throw new IllegalArgumentException("riskFreeRatePerYear must be finite and above -1, was "
                + riskFreeRatePerYear);
        }
    }

    /** A builder; every field is required except the risk-free rate (default 0) and the round trips (default none). */
    public static Builder builder() {
        return new Builder();
    }

    /** Cash before the first bar (fixed-point). */
    public long initialCash() {
        return initialCash;
    }

    /** Number of bars. */
    public int bars() {
        return equity.length;
    }

    /** A copy of the equity curve (fixed-point, one value per bar, after that bar). */
    public long[] equity() {
        return equity.clone();
    }

    /** A copy of the buy-and-hold benchmark curve (fixed-point, same bars). */
    public long[] benchmarkEquity() {
        return benchmarkEquity.clone();
    }

    /** A copy of the per-bar exposure flags. */
    public boolean[] inPosition() {
        return inPosition.clone();
    }

    /** A copy of the bar start times (epoch nanos, UTC). */
    public long[] barTimeNanos() {
        return barTimeNanos.clone();
    }

    /** A copy of the closed round trips' realized P&amp;L (fixed-point, fees included). */
    public long[] roundTripPnl() {
        return roundTripPnl.clone();
    }

    /** Bars per year used for annualising. */
    public double periodsPerYear() {
        return periodsPerYear;
    }

    /** Annual risk-free rate as a fraction (0.03 is 3 %). */
    public double riskFreeRatePerYear() {
        return riskFreeRatePerYear;
    }

    @Override
    public String toString() {
        return "PerformanceInput[bars=" + equity.length + ", trades=" + roundTripPnl.length
            + ", initialCash=" + initialCash + ", periodsPerYear=" + periodsPerYear
            + ", riskFreeRatePerYear=" + riskFreeRatePerYear + "]";
    }

    /**
     * Collects the fields of a {@link PerformanceInput} by name, because four of them are {@code long[]}
     * and a positional constructor would let them be swapped silently. Not thread-safe; use on one thread.
     */
    public static final class Builder {
        private long initialCash;
        private long[] equity;
        private long[] benchmarkEquity;
        private boolean[] inPosition;
        private long[] barTimeNanos;
        private long[] roundTripPnl = new long[0];
        private double periodsPerYear = Double.NaN;
        private double riskFreeRatePerYear;

        private Builder() {
        }

        /** Cash before the first bar (fixed-point, positive). */
        public Builder initialCash(final long fixed) {
            this.initialCash = fixed;
            return this;
        }

        /** Equity after each bar (fixed-point). */
        public Builder equity(final long[] fixedPerBar) {
            this.equity = fixedPerBar;
            return this;
        }

        /** Buy-and-hold equity after each bar, starting from the same initial cash (fixed-point). */
        public Builder benchmarkEquity(final long[] fixedPerBar) {
            this.benchmarkEquity = fixedPerBar;
            return this;
        }

        /** Whether a position was held during each bar. */
        public Builder inPosition(final boolean[] perBar) {
            this.inPosition = perBar;
            return this;
        }

        /** Start of each bar, epoch nanos UTC, strictly increasing. */
        public Builder barTimeNanos(final long[] perBar) {
            this.barTimeNanos = perBar;
            return this;
        }

        /** Realized P&amp;L of each closed round trip, fees included (fixed-point). */
        public Builder roundTripPnl(final long[] fixedPerTrade) {
            this.roundTripPnl = fixedPerTrade;
            return this;
        }

        /** Bars per year, e.g. 252 for daily bars or {@code Interval.periodsPerYear()}. */
        public Builder periodsPerYear(final double value) {
            this.periodsPerYear = value;
            return this;
        }

        /** Annual risk-free rate as a fraction; 0 when not set. */
        public Builder riskFreeRatePerYear(final double value) {
            this.riskFreeRatePerYear = value;
            return this;
        }

        /**
         * Validates and copies.
         *
         * @throws NullPointerException naming a missing per-bar array
         * @throws IllegalArgumentException naming the field that is out of range or of the wrong length
         */
        public PerformanceInput build() {
            return new PerformanceInput(this);
        }
    }
}
