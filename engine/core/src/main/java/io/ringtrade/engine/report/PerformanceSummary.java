package io.ringtrade.engine.report;

import io.ringtrade.engine.api.money.FixedPoint;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SequencedMap;

/**
 * The performance metrics of one backtest, as computed by {@link PerformanceMetrics}, and their two
 * renderings: {@code summary.json} ({@link #toJson()}) and a console table ({@link #toTable()}).
 *
 * <p>Notation: n bars, equity<sub>t</sub> after bar t (t = 0 … n−1), equity<sub>−1</sub> = initial cash,
 * per-bar return r<sub>t</sub> = equity<sub>t</sub> / equity<sub>t−1</sub> − 1 (0 when
 * equity<sub>t−1</sub> ≤ 0), P = periods (bars) per year, rf<sub>p</sub> = (1 + rf)<sup>1/P</sup> − 1 the
 * per-bar risk-free rate, x<sub>t</sub> = r<sub>t</sub> − rf<sub>p</sub>. Fractions are plain
 * (0.1 is 10 %); money is fixed-point at 10<sup>-8</sup>.
 *
 * <p>Immutable; safe on any thread. Rendering is deterministic: byte-identical on every run and JVM.
 *
 * @param totalReturn final equity / initial cash − 1
 * @param cagr (final / initial)<sup>P/n</sup> − 1, i.e. years = n / P; 0 when n &lt; 2; −1 when final equity ≤ 0
 * @param volatility sample standard deviation (divisor n − 1) of r<sub>t</sub> × √P; 0 when n &lt; 2
 * @param sharpe mean(x) / sample std dev(x) × √P; 0 when n &lt; 2 or the std dev is 0
 * @param sortino mean(x) / sqrt(Σ min(0, x<sub>t</sub>)² / n) × √P; 0 when n &lt; 2 or no x<sub>t</sub> &lt; 0
 * @param calmar cagr / maxDrawdown; 0 when maxDrawdown is 0
 * @param maxDrawdown max over t of (peak<sub>t</sub> − equity<sub>t</sub>) / peak<sub>t</sub>, peak<sub>t</sub> =
 *     max(initial cash, equity<sub>0…t</sub>); a positive fraction, 0 when equity never falls below a peak
 * @param maxDrawdownDurationBars longest run of consecutive bars with equity strictly below the running
 *     peak; a bar at or above the peak ends the run
 * @param winRate round trips with P&amp;L &gt; 0 / trades; 0 when there are no trades
 * @param profitFactor gross profit / |gross loss|; {@link Double#POSITIVE_INFINITY} when there is no
 *     losing trade but a winning one (JSON {@code null}); 0 when there is neither
 * @param avgWin gross profit / winning round trips, fixed-point rounded half away from zero; 0 when none
 * @param avgLoss gross loss / losing round trips (negative), fixed-point rounded half away from zero; 0 when none
 * @param trades closed round trips
 * @param exposure bars in position / n; 0 when n = 0
 * @param buyAndHoldReturn benchmark final equity / initial cash − 1; 0 when n = 0
 * @param finalEquity equity after the last bar (initial cash when n = 0), fixed-point
 * @param openPositions positions still open at the end, over all books and instruments
 * @param unrealizedPnl their unrealized P&amp;L at the last marks, fixed-point: (mark − average entry) × quantity
 *     summed (the entry fees are already out of the cash)
 * @param signalsRejected external signals that placed no order: for an instrument their book does not trade, or a
 *     close while flat (each has a REJECTED row in orders.csv)
 * @param signalsDuplicate external signals whose idempotency key was seen before (a DUPLICATE row each)
 * @param interestPaid interest paid on borrowed cash over all books, fixed-point (in the JSON and the table only when
 *     not 0)
 * @param shortFeesPaid fees paid on shorts' borrowed shares over all books, fixed-point (likewise)
 * @param days data time the equity rows cover, in days (first bar's start to last bar's end); NaN when unknown.
 *     Below {@value #MIN_ANNUALISED_DAYS} days, CAGR and Calmar are withheld (NaN): compounding hours into a year
 *     gives numbers that mean nothing
 * @param notes sentences that explain the numbers, e.g. why there are no trades; empty when there is nothing to say
 */
public record PerformanceSummary(
    double totalReturn,
    double cagr,
    double volatility,
    double sharpe,
    double sortino,
    double calmar,
    double maxDrawdown,
    int maxDrawdownDurationBars,
    double winRate,
    double profitFactor,
    long avgWin,
    long avgLoss,
    int trades,
    double exposure,
    double buyAndHoldReturn,
    long finalEquity,
    int openPositions,
    long unrealizedPnl,
    long signalsRejected,
    long signalsDuplicate,
    long interestPaid,
    long shortFeesPaid,
    double days,
    List<String> notes) {

    /** Significant digits kept when a double is written to JSON. */
    public static final int JSON_SIGNIFICANT_DIGITS = 10;
    /** Runs shorter than this many days of data have no CAGR or Calmar. */
    public static final int MIN_ANNUALISED_DAYS = 30;

    /** Copies the notes. */
    public PerformanceSummary {
        notes = List.copyOf(notes);
    }

    /** The metrics of the equity curve and round trips alone: nothing open, no signals, length unknown, no notes. */
    public PerformanceSummary(final double totalReturn, final double cagr, final double volatility, final double sharpe,
                              final double sortino, final double calmar, final double maxDrawdown,
                              final int maxDrawdownDurationBars, final double winRate, final double profitFactor,
                              final long avgWin, final long avgLoss, final int trades, final double exposure,
                              final double buyAndHoldReturn, final long finalEquity) {
        this(totalReturn, cagr, volatility, sharpe, sortino, calmar, maxDrawdown, maxDrawdownDurationBars, winRate,
            profitFactor, avgWin, avgLoss, trades, exposure, buyAndHoldReturn, finalEquity, 0, 0, 0, 0, 0, 0,
            Double.NaN, List.of());
    }

    /**
     * These metrics with what business logic knows at the end: open positions, signal counters, what borrowing cost
     * and notes.
     */
    public PerformanceSummary withEnd(final int open, final long unrealized, final long rejected, final long duplicate,
                                      final long interest, final long shortFees, final List<String> explanations) {
        return new PerformanceSummary(totalReturn, cagr, volatility, sharpe, sortino, calmar, maxDrawdown,
            maxDrawdownDurationBars, winRate, profitFactor, avgWin, avgLoss, trades, exposure, buyAndHoldReturn,
            finalEquity, open, unrealized, rejected, duplicate, interest, shortFees, days, explanations);
    }

    /** Whether the run is too short for CAGR and Calmar to mean anything. */
    public boolean tooShortToAnnualise() {
        return days < MIN_ANNUALISED_DAYS;
    }

    private static final MathContext JSON_ROUNDING = new MathContext(JSON_SIGNIFICANT_DIGITS, RoundingMode.HALF_EVEN);

    /** {@code summary.json}: the metrics only; see {@link #toJson(SequencedMap)}. */
    public String toJson() {
        return toJson(null);
    }

    /**
     * {@code summary.json}: one flat JSON object whose keys are, in this order, {@code total_return, cagr,
     * volatility, sharpe, sortino, calmar, max_drawdown, max_drawdown_duration_bars, win_rate,
     * profit_factor, avg_win, avg_loss, trades, exposure, buy_and_hold_return, final_equity, open_positions,
     * unrealized_pnl, signals_rejected, signals_duplicate, days}, then {@code notes} (an array of strings) when there
     * are notes, and, when {@code run} is non-empty, {@code "run"}: an object of its string fields in the map's order
     * (strategy, parameters, symbol, interval, from/to, as the caller chooses).
     *
     * <p>Doubles are rounded to {@value #JSON_SIGNIFICANT_DIGITS} significant digits (half even, from the
     * exact binary value) and written in plain notation without trailing zeros ({@code 0.1979},
     * {@code 15.87450787}, {@code 0}); a non-finite value is {@code null}. Counts are integers; money is a
     * plain decimal ({@link FixedPoint#toString(long)}). Two-space indent, one key per line, {@code \n}
     * line ends, trailing newline.
     *
     * @param run extra string fields in output order, or {@code null}
     */
    public String toJson(final SequencedMap<String, String> run) {
        final StringBuilder out = new StringBuilder(640);
        out.append("{\n");
        number(out, "total_return", totalReturn);
        number(out, "cagr", cagr);
        number(out, "volatility", volatility);
        number(out, "sharpe", sharpe);
        number(out, "sortino", sortino);
        number(out, "calmar", calmar);
        number(out, "max_drawdown", maxDrawdown);
        key(out, "max_drawdown_duration_bars").append(maxDrawdownDurationBars).append(",\n");
        number(out, "win_rate", winRate);
        number(out, "profit_factor", profitFactor);
        FixedPoint.appendTo(key(out, "avg_win"), avgWin).append(",\n");
        FixedPoint.appendTo(key(out, "avg_loss"), avgLoss).append(",\n");
        key(out, "trades").append(trades).append(",\n");
        number(out, "exposure", exposure);
        number(out, "buy_and_hold_return", buyAndHoldReturn);
        FixedPoint.appendTo(key(out, "final_equity"), finalEquity).append(",\n");
        key(out, "open_positions").append(openPositions).append(",\n");
        FixedPoint.appendTo(key(out, "unrealized_pnl"), unrealizedPnl).append(",\n");
        key(out, "signals_rejected").append(signalsRejected).append(",\n");
        key(out, "signals_duplicate").append(signalsDuplicate).append(",\n");
        // only where something was borrowed, so that the summaries of runs without it read as they always did
        if (interestPaid != 0) {
            FixedPoint.appendTo(key(out, "interest_paid"), interestPaid).append(",\n");
        }
        if (shortFeesPaid != 0) {
            FixedPoint.appendTo(key(out, "short_fees_paid"), shortFeesPaid).append(",\n");
        }
        key(out, "days").append(formatDouble(days));
        if (!notes.isEmpty()) {
            out.append(",\n");
            key(out, "notes").append('[');
            for (int i = 0; i < notes.size(); i++) {
                out.append(i == 0 ? "" : ", ");
                string(out, notes.get(i));
            }
            out.append(']');
        }
        if (run != null && !run.isEmpty()) {
            out.append(",\n");
            key(out, "run").append("{\n");
            boolean first = true;
            for (final Map.Entry<String, String> field : run.entrySet()) {
                if (!first) {
                    out.append(",\n");
                }
                first = false;
                out.append("  ");
                key(out, field.getKey());
                string(out, field.getValue());
            }
            out.append("\n  }");
        }
        out.append("\n}\n");
        return out.toString();
    }

    /**
     * The metrics as an aligned two-column table for the console: fractions as percentages with two
     * decimals ({@code 12.34 %}), ratios with two decimals, money as plain decimals, {@code \n} line ends.
     */
    public String toTable() {
        final StringBuilder out = new StringBuilder(800);
        final boolean shortRun = tooShortToAnnualise();
        row(out, "Total return", percent(totalReturn));
        row(out, "CAGR", shortRun ? WITHHELD : percent(cagr));
        row(out, "Volatility (annual)", percent(volatility));
        row(out, "Sharpe ratio", ratio(sharpe));
        row(out, "Sortino ratio", ratio(sortino));
        row(out, "Calmar ratio", shortRun ? WITHHELD : ratio(calmar));
        row(out, "Max drawdown", percent(maxDrawdown));
        row(out, "Max drawdown duration", maxDrawdownDurationBars + " bars");
        row(out, "Win rate", percent(winRate));
        row(out, "Profit factor", ratio(profitFactor));
        row(out, "Average win", FixedPoint.toString(avgWin));
        row(out, "Average loss", FixedPoint.toString(avgLoss));
        row(out, "Trades", Integer.toString(trades));
        row(out, "Exposure", percent(exposure));
        row(out, "Buy & hold return", percent(buyAndHoldReturn));
        row(out, "Final equity", FixedPoint.toString(finalEquity));
        row(out, "Open at the end", openPositions == 0 ? "none" : openPositions + " (unrealized "
            + FixedPoint.toString(unrealizedPnl) + ")");
        if (signalsRejected != 0 || signalsDuplicate != 0) {
            row(out, "Signals ignored", signalsRejected + " rejected, " + signalsDuplicate + " duplicate");
        }
        if (interestPaid != 0) {
            row(out, "Interest paid", FixedPoint.toString(interestPaid));
        }
        if (shortFeesPaid != 0) {
            row(out, "Short fees paid", FixedPoint.toString(shortFeesPaid));
        }
        for (final String note : notes) {
            out.append("note: ").append(note).append('\n');
        }
        return out.toString();
    }

    /** Shown for CAGR and Calmar on runs shorter than {@value #MIN_ANNUALISED_DAYS} days. */
    private static final String WITHHELD = "n/a (< " + MIN_ANNUALISED_DAYS + " days)";

    /** The JSON text of a double: see {@link #toJson(SequencedMap)}. */
    static String formatDouble(final double value) {
        if (!Double.isFinite(value)) {
            return "null";
        }
        // new BigDecimal(double) is the exact binary value, so the rounding below does not depend on
        // Double.toString's shortest-repr algorithm, which changed between JDK releases.
        return new BigDecimal(value).round(JSON_ROUNDING).stripTrailingZeros().toPlainString();
    }

    private static void number(final StringBuilder out, final String name, final double value) {
        key(out, name).append(formatDouble(value)).append(",\n");
    }

    private static StringBuilder key(final StringBuilder out, final String name) {
        out.append("  ");
        string(out, name);
        return out.append(": ");
    }

    private static void string(final StringBuilder out, final String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void row(final StringBuilder out, final String label, final String value) {
        out.append(String.format(Locale.ROOT, "%-24s%16s", label, value)).append('\n');
    }

    private static String percent(final double fraction) {
        return Double.isFinite(fraction) ? fixed2(fraction * 100.0) + " %" : nonFinite(fraction);
    }

    private static String ratio(final double value) {
        return Double.isFinite(value) ? fixed2(value) : nonFinite(value);
    }

    private static String nonFinite(final double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return value > 0 ? "inf" : "-inf";
    }

    private static String fixed2(final double value) {
        final String text = String.format(Locale.ROOT, "%.2f", value);
        // A tiny negative value rounds to "-0.00"; a sign on zero only confuses a reader.
        return "-0.00".equals(text) ? "0.00" : text;
    }
}
