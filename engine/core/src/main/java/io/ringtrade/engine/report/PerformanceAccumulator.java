package io.ringtrade.engine.report;

import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

import java.math.RoundingMode;
import java.util.List;

/**
 * The performance metrics of a run computed as it goes, one equity row and one round trip at a time, in constant
 * memory: a process that runs for months keeps a few dozen numbers, not its equity curve. Every definition is
 * {@link PerformanceSummary}'s. Means and sample variances use Welford's update in row order; powers and roots come
 * from {@link StrictMath}; so the same rows always give the same bits. The state is part of business logic's
 * snapshot.
 *
 * <p>Owned by the business-logic thread (or the thread summarising a finished run); allocation-free per row.
 */
public final class PerformanceAccumulator {
    private static final double NANOS_PER_DAY = 86_400e9;

    private final long initialCash;
    private final double periodsPerYear;
    private final double riskFreePerBar;
    private final long barNanos;

    private long bars;
    private long previousEquity;
    private long lastEquity;
    private long lastBenchmark;
    private double meanReturn;
    private double squaredDeviations;
    private double downsideSquares;
    private long peak;
    private double maxDrawdown;
    private int drawdownRun;
    private int longestDrawdownRun;
    private long barsInPosition;
    private int trades;
    private int wins;
    private int losses;
    private long grossProfit;
    private long grossLoss;
    private long firstBarNanos = Long.MIN_VALUE;
    private long lastBarNanos = Long.MIN_VALUE;
    // the lowest equity whose drawdown was measured, and the peak it was measured against: a cache that only saves
    // divisions (not in the snapshot; after a restore the first bar below the peak measures again)
    private long troughPeak = Long.MIN_VALUE;
    private long trough;
    // rows recorded without their benchmark (nobody keeps the rows): the last one's comes from here when read
    private DeferredBenchmark deferredBenchmark;
    private boolean benchmarkDeferred;

    /**
     * The buy-and-hold value of the last row, for rows recorded with {@link #onBarWithoutBenchmark}: computed only when
     * the summary or a snapshot reads it. Called on the thread that owns the accumulator.
     */
    @FunctionalInterface
    public interface DeferredBenchmark {
        /** The benchmark of the last row recorded, as it would have been passed with that row. */
        long benchmarkOfLastRow();
    }

    /**
     * An empty accumulator for a run starting with {@code initialCash}, annualised with {@code periodsPerYear} bars
     * per year at annual risk-free rate {@code riskFreeRatePerYear}.
     */
    public PerformanceAccumulator(final long initialCash, final double periodsPerYear, final double riskFreeRatePerYear) {
        this(initialCash, periodsPerYear, riskFreeRatePerYear, 0);
    }

    /**
     * As {@link #PerformanceAccumulator(long, double, double)}, for bars {@code barNanos} long, so that a run's length
     * in days ({@link PerformanceSummary#days()}) runs from the first bar's start to the last bar's end.
     */
    public PerformanceAccumulator(final long initialCash, final double periodsPerYear, final double riskFreeRatePerYear,
                                  final long barNanos) {
        if (initialCash <= 0) {
            throw new IllegalArgumentException("initialCash must be positive, was " + initialCash);
        }
        if (!(periodsPerYear > 0) || Double.isInfinite(periodsPerYear)) {
            throw new IllegalArgumentException("periodsPerYear must be positive and finite, was " + periodsPerYear);
        }
        if (!(riskFreeRatePerYear > -1) || Double.isInfinite(riskFreeRatePerYear)) {
            throw new IllegalArgumentException("riskFreeRatePerYear must be finite and above -1, was "
                + riskFreeRatePerYear);
        }
        if (barNanos < 0) {
            throw new IllegalArgumentException("barNanos must not be negative, was " + barNanos);
        }
        this.initialCash = initialCash;
        this.barNanos = barNanos;
        this.periodsPerYear = periodsPerYear;
        // geometric, so that compounding the per-bar rate over a year gives exactly the annual rate
        this.riskFreePerBar = StrictMath.pow(1.0 + riskFreeRatePerYear, 1.0 / periodsPerYear) - 1.0;
        this.previousEquity = initialCash;
        this.lastEquity = initialCash;
        this.peak = initialCash;
    }

    /**
     * One bar's row at bar start {@code barTimeNanos}: equity and the buy-and-hold benchmark after the bar, and whether
     * a position was held. Rows with times measure the run's length in days.
     */
    public void onBar(final long barTimeNanos, final long equity, final long benchmark, final boolean inPosition) {
        onBarTime(barTimeNanos);
        onBar(equity, benchmark, inPosition);
    }

    /**
     * As {@link #onBar(long, long, long, boolean)}, the benchmark left to {@code benchmark}, which gives the last row's
     * when the summary or a snapshot reads it: the same metrics and the same snapshot, without valuing the buy-and-hold
     * column on every bar when nobody keeps the rows (optimizer runs, benchmarks).
     */
    public void onBarWithoutBenchmark(final long barTimeNanos, final long equity, final boolean inPosition,
                                      final DeferredBenchmark benchmark) {
        onBarTime(barTimeNanos);
        onEquity(equity, inPosition);
        deferredBenchmark = benchmark;
        benchmarkDeferred = true;
    }

    private void onBarTime(final long barTimeNanos) {
        if (firstBarNanos == Long.MIN_VALUE) {
            firstBarNanos = barTimeNanos;
        }
        lastBarNanos = barTimeNanos;
    }

    /** One bar's row without its time (the run's length stays unknown): equity, benchmark, whether in position. */
    public void onBar(final long equity, final long benchmark, final boolean inPosition) {
        onEquity(equity, inPosition);
        lastBenchmark = benchmark;
        benchmarkDeferred = false;
    }

    private void onEquity(final long equity, final boolean inPosition) {
        // a bar that starts with no equity has return 0: there is no capital left for a ratio to describe
        // an unchanged equity (every bar spent flat) returns exactly 0.0, the division's own result, without dividing
        final double r = previousEquity <= 0 || equity == previousEquity ? 0.0 : simpleReturn(previousEquity, equity);
        bars++;
        final double delta = r - meanReturn;
        meanReturn += delta / bars;
        squaredDeviations += delta * (r - meanReturn);
        // without a branch (the sign of a bar's return is a coin toss the predictor loses); a bar at or above the
        // risk-free rate adds exactly 0.0, which leaves the non-negative sum's bits as they are
        final double shortfall = Math.min(r - riskFreePerBar, 0.0);
        downsideSquares += shortfall * shortfall;
        if (equity >= peak) {
            peak = equity;
            drawdownRun = 0;
        } else {
            // Against one peak the drawdown only grows as equity falls, so an equity at or above the lowest one
            // already measured against this peak cannot set a new maximum: the division is skipped, same bits.
            if (peak != troughPeak || equity < trough) {
                troughPeak = peak;
                trough = equity;
                final double drawdown = (double) Math.subtractExact(peak, equity) / (double) peak;
                if (drawdown > maxDrawdown) {
                    maxDrawdown = drawdown;
                }
            }
            drawdownRun++;
            if (drawdownRun > longestDrawdownRun) {
                longestDrawdownRun = drawdownRun;
            }
        }
        if (inPosition) {
            barsInPosition++;
        }
        previousEquity = equity;
        lastEquity = equity;
    }

    /** The last row's benchmark, valued now if it was deferred (and kept, so it is valued once). */
    private long lastBenchmark() {
        if (benchmarkDeferred) {
            lastBenchmark = deferredBenchmark.benchmarkOfLastRow();
            benchmarkDeferred = false;
        }
        return lastBenchmark;
    }

    /** One closed round trip's P&amp;L, fees included. */
    public void onRoundTrip(final long pnl) {
        trades++;
        if (pnl > 0) {
            wins++;
            grossProfit = Math.addExact(grossProfit, pnl);
        } else if (pnl < 0) {
            losses++;
            grossLoss = Math.addExact(grossLoss, pnl);
        }
    }

    /** The metrics of the rows so far. */
    public PerformanceSummary summary() {
        final long n = bars;
        final double annualiser = StrictMath.sqrt(periodsPerYear);
        final double std = n < 2 ? 0.0 : StrictMath.sqrt(squaredDeviations / (n - 1));
        final double meanExcess = meanReturn - riskFreePerBar;
        final double volatility = std * annualiser;
        final double sharpe = std == 0.0 ? 0.0 : meanExcess / std * annualiser;
        final double downside = n == 0 ? 0.0 : StrictMath.sqrt(downsideSquares / n);
        final double sortino = n < 2 || downside == 0.0 ? 0.0 : meanExcess / downside * annualiser;
        final double days = days();
        // compounding a few hours or days into a year gives numbers with hundreds of digits: withheld
        final boolean tooShort = days < PerformanceSummary.MIN_ANNUALISED_DAYS;
        final double cagr = tooShort ? Double.NaN : cagr(n);
        final double calmar = tooShort ? Double.NaN : maxDrawdown == 0.0 ? 0.0 : cagr / maxDrawdown;
        final double winRate = trades == 0 ? 0.0 : wins / (double) trades;
        final double profitFactor;
        if (grossLoss == 0) {
            // no losing trade: the ratio is unbounded when something was won, and meaningless otherwise
            profitFactor = grossProfit > 0 ? Double.POSITIVE_INFINITY : 0.0;
        } else {
            profitFactor = grossProfit / (double) -grossLoss;
        }
        final long avgWin = wins == 0 ? 0 : FixedPoint.mulDiv(grossProfit, 1, wins, RoundingMode.HALF_UP);
        final long avgLoss = losses == 0 ? 0 : FixedPoint.mulDiv(grossLoss, 1, losses, RoundingMode.HALF_UP);
        final double exposure = n == 0 ? 0.0 : barsInPosition / (double) n;
        final double buyAndHold = n == 0 ? 0.0 : simpleReturn(initialCash, lastBenchmark());
        return new PerformanceSummary(simpleReturn(initialCash, lastEquity), cagr, volatility, sharpe, sortino, calmar,
            maxDrawdown, longestDrawdownRun, winRate, profitFactor, avgWin, avgLoss, trades, exposure, buyAndHold,
            lastEquity, 0, 0, 0, 0, 0, 0, days, List.of());
    }

    /** Data time the timed rows cover, from the first bar's start to the last bar's end, in days; NaN without times. */
    private double days() {
        if (firstBarNanos == Long.MIN_VALUE) {
            return Double.NaN;
        }
        return ((double) (lastBarNanos - firstBarNanos) + barNanos) / NANOS_PER_DAY;
    }

    private double cagr(final long n) {
        if (n < 2) {
            return 0.0;
        }
        if (lastEquity <= 0) {
            return -1.0;
        }
        return StrictMath.pow((double) lastEquity / (double) initialCash, periodsPerYear / n) - 1.0;
    }

    /**
     * to / from − 1, computed as (to − from) / from: the difference is exact in long arithmetic, so the only rounding
     * is the division (to / from − 1 would cancel digits for small moves).
     */
    static double simpleReturn(final long from, final long to) {
        return (double) Math.subtractExact(to, from) / (double) from;
    }

    /** Bars seen. */
    public long bars() {
        return bars;
    }

    /** Round trips seen. */
    public int trades() {
        return trades;
    }

    /** Round trips with a positive P&amp;L. */
    public int wins() {
        return wins;
    }

    /** Round trips with a negative P&amp;L. */
    public int losses() {
        return losses;
    }

    /** How far the last equity is below the peak so far, as a positive fraction of the peak (0 at a peak). */
    public double currentDrawdown() {
        return peak <= 0 || lastEquity >= peak ? 0.0 : (double) (peak - lastEquity) / (double) peak;
    }

    /** Writes the running sums for a snapshot. */
    public void writeState(final StateWriter out) {
        out.section("performance").writeLong(bars).writeLong(previousEquity).writeLong(lastEquity)
            .writeLong(lastBenchmark()).writeDouble(meanReturn).writeDouble(squaredDeviations)
            .writeDouble(downsideSquares).writeLong(peak).writeDouble(maxDrawdown).writeInt(drawdownRun)
            .writeInt(longestDrawdownRun).writeLong(barsInPosition).writeInt(trades).writeInt(wins).writeInt(losses)
            .writeLong(grossProfit).writeLong(grossLoss).writeLong(firstBarNanos).writeLong(lastBarNanos);
    }

    /** Restores the running sums from a snapshot. */
    public void readState(final StateReader in) {
        in.section("performance");
        bars = in.readLong();
        previousEquity = in.readLong();
        lastEquity = in.readLong();
        lastBenchmark = in.readLong();
        benchmarkDeferred = false;
        meanReturn = in.readDouble();
        squaredDeviations = in.readDouble();
        downsideSquares = in.readDouble();
        peak = in.readLong();
        maxDrawdown = in.readDouble();
        drawdownRun = in.readInt();
        longestDrawdownRun = in.readInt();
        barsInPosition = in.readLong();
        trades = in.readInt();
        wins = in.readInt();
        losses = in.readInt();
        grossProfit = in.readLong();
        grossLoss = in.readLong();
        firstBarNanos = in.readLong();
        lastBarNanos = in.readLong();
        troughPeak = Long.MIN_VALUE; // the cache described the state before this one
    }
}
