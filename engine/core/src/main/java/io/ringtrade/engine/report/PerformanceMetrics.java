package io.ringtrade.engine.report;

import io.ringtrade.engine.api.money.FixedPoint;
import java.math.RoundingMode;

/**
 * Computes the performance metrics of a finished backtest from its equity curve and closed round trips.
 * The definitions (per-bar returns, annualisation, conventions for empty and degenerate cases) are
 * written out on each component of {@link PerformanceSummary} and in the README.
 *
 * <p>Pure and deterministic: sums run in bar order, transcendental functions come from
 * {@link StrictMath}, so the same input gives the same bits on every JVM. Stateless; safe on any
 * thread. Runs once per backtest, off the tick path, so it allocates freely.
 */
public final class PerformanceMetrics {
    private PerformanceMetrics() {
    }

    /** The metrics of {@code in}; see {@link PerformanceSummary} for each definition. */
    public static PerformanceSummary compute(final PerformanceInput in) {
        final int bars = in.equity.length;
        final long initial = in.initialCash;
        final long finalEquity = bars == 0 ? initial : in.equity[bars - 1];
        final double ppy = in.periodsPerYear;

        final double[] returns = perBarReturns(initial, in.equity);
        // Geometric, so that compounding the per-bar rate over a year gives exactly the annual rate,
        // as CAGR compounds the per-bar growth.
        final double riskFreePerBar = StrictMath.pow(1.0 + in.riskFreeRatePerYear, 1.0 / ppy) - 1.0;
        final double[] excess = new double[bars];
        for (int t = 0; t < bars; t++) {
            excess[t] = returns[t] - riskFreePerBar;
        }
        final double annualiser = StrictMath.sqrt(ppy);

        final double volatility = sampleStdDev(returns) * annualiser;
        final double excessStd = sampleStdDev(excess);
        final double sharpe = excessStd == 0.0 ? 0.0 : mean(excess) / excessStd * annualiser;
        final double downside = downsideDeviation(excess);
        final double sortino = bars < 2 || downside == 0.0 ? 0.0 : mean(excess) / downside * annualiser;

        final double cagr = cagr(initial, finalEquity, bars, ppy);
        final double maxDrawdown = maxDrawdown(initial, in.equity);
        final double calmar = maxDrawdown == 0.0 ? 0.0 : cagr / maxDrawdown;

        final long[] pnl = in.roundTripPnl;
        int wins = 0;
        int losses = 0;
        long grossProfit = 0;
        long grossLoss = 0;
        for (final long p : pnl) {
            if (p > 0) {
                wins++;
                grossProfit = Math.addExact(grossProfit, p);
            } else if (p < 0) {
                losses++;
                grossLoss = Math.addExact(grossLoss, p);
            }
        }
        final double winRate = pnl.length == 0 ? 0.0 : wins / (double) pnl.length;
        final double profitFactor;
        if (grossLoss == 0) {
            // No losing trade: the ratio is unbounded when something was won, and meaningless otherwise.
            profitFactor = grossProfit > 0 ? Double.POSITIVE_INFINITY : 0.0;
        } else {
            profitFactor = grossProfit / (double) -grossLoss;
        }
        final long avgWin = wins == 0 ? 0 : FixedPoint.mulDiv(grossProfit, 1, wins, RoundingMode.HALF_UP);
        final long avgLoss = losses == 0 ? 0 : FixedPoint.mulDiv(grossLoss, 1, losses, RoundingMode.HALF_UP);

        int barsInPosition = 0;
        for (final boolean held : in.inPosition) {
            if (held) {
                barsInPosition++;
            }
        }
        final double exposure = bars == 0 ? 0.0 : barsInPosition / (double) bars;
        final double buyAndHold = bars == 0 ? 0.0 : simpleReturn(initial, in.benchmarkEquity[bars - 1]);

        return new PerformanceSummary(
            simpleReturn(initial, finalEquity), cagr, volatility, sharpe, sortino, calmar, maxDrawdown,
            maxDrawdownDurationBars(initial, in.equity), winRate, profitFactor, avgWin, avgLoss, pnl.length,
            exposure, buyAndHold, finalEquity);
    }

    /**
     * r<sub>t</sub> = equity<sub>t</sub> / equity<sub>t−1</sub> − 1 with equity<sub>−1</sub> = initial cash,
     * so the first bar's move counts. A bar that starts with no equity (≤ 0) has return 0: there is no
     * capital left for a ratio to describe.
     */
    static double[] perBarReturns(final long initialCash, final long[] equity) {
        final double[] returns = new double[equity.length];
        long previous = initialCash;
        for (int t = 0; t < equity.length; t++) {
            returns[t] = previous <= 0 ? 0.0 : simpleReturn(previous, equity[t]);
            previous = equity[t];
        }
        return returns;
    }

    /**
     * to / from − 1, computed as (to − from) / from: the difference is exact in long arithmetic, so the
     * only rounding is the division (to / from − 1 would cancel digits for small moves).
     */
    static double simpleReturn(final long from, final long to) {
        return (double) Math.subtractExact(to, from) / (double) from;
    }

    private static double cagr(final long initial, final long finalEquity, final int bars, final double ppy) {
        if (bars < 2) {
            return 0.0;
        }
        if (finalEquity <= 0) {
            return -1.0;
        }
        final double growth = (double) finalEquity / (double) initial;
        return StrictMath.pow(growth, ppy / bars) - 1.0;
    }

    static double mean(final double[] values) {
        double sum = 0.0;
        for (final double v : values) {
            sum += v;
        }
        return values.length == 0 ? 0.0 : sum / values.length;
    }

    /** Two-pass sample standard deviation (divisor n − 1); 0 for fewer than two values. */
    static double sampleStdDev(final double[] values) {
        final int n = values.length;
        if (n < 2) {
            return 0.0;
        }
        final double mean = mean(values);
        double squares = 0.0;
        for (final double v : values) {
            final double d = v - mean;
            squares += d * d;
        }
        return StrictMath.sqrt(squares / (n - 1));
    }

    /** sqrt(Σ min(0, x)² / n) over all n values (target 0 for excess returns); 0 for no values. */
    static double downsideDeviation(final double[] excess) {
        if (excess.length == 0) {
            return 0.0;
        }
        double squares = 0.0;
        for (final double x : excess) {
            if (x < 0.0) {
                squares += x * x;
            }
        }
        return StrictMath.sqrt(squares / excess.length);
    }

    private static double maxDrawdown(final long initialCash, final long[] equity) {
        long peak = initialCash;
        double worst = 0.0;
        for (final long e : equity) {
            if (e > peak) {
                peak = e;
            } else {
                final double drawdown = (double) Math.subtractExact(peak, e) / (double) peak;
                if (drawdown > worst) {
                    worst = drawdown;
                }
            }
        }
        return worst;
    }

    /** Longest run of consecutive bars whose equity is strictly below the running peak (initial cash included). */
    private static int maxDrawdownDurationBars(final long initialCash, final long[] equity) {
        long peak = initialCash;
        int run = 0;
        int longest = 0;
        for (final long e : equity) {
            if (e >= peak) {
                peak = e;
                run = 0;
            } else {
                run++;
                if (run > longest) {
                    longest = run;
                }
            }
        }
        return longest;
    }
}
