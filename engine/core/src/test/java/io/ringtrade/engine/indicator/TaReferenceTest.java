package io.ringtrade.engine.indicator;

import static io.ringtrade.engine.indicator.Values.AAPL;
import static io.ringtrade.engine.indicator.Values.FLAT;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrade.engine.api.strategy.Column;
import io.ringtrade.engine.api.strategy.Indicators;
import io.ringtrade.engine.api.strategy.Row;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every one of the 86 columns against the real {@code ta} 0.11.0 on the reference data sets, every cell, NaN positions
 * included: where {@code ta} gives a number the row gives the same number within 1e-9 of the column's largest
 * magnitude; where {@code ta} gives NaN the row gives NaN. Prints the worst difference per column.
 *
 * <p>Skipped, and only these: cells where {@code ta} looks ahead. {@code ta} fills the rows before KST's longest
 * lookback with the mean of the <em>whole</em> close column, so {@code trend_kst} before bar 44 (30-bar rate of
 * change plus its 15-bar mean) and {@code trend_kst_sig}/{@code trend_kst_diff} before bar 52 (whose 9-bar signal
 * averages those cells) depend on future closes; and it fills the first 26 rows of
 * {@code trend_visual_ichimoku_a/_b} with the mean of the whole column. There the row must not (and does not) know
 * the future: it gives NaN for {@code trend_kst} before bar 44 and for the visual spans before bar 26, which the test
 * checks instead.
 */
class TaReferenceTest {
    private static final double TOLERANCE = 1e-9;

    @ParameterizedTest
    @ValueSource(strings = {"apple_daily", "eth_5m", "bitstamp_5m"})
    void shouldGiveTaNumbersInEveryColumn(final String dataSet) {
        final TaReference reference = TaReference.load(dataSet);
        final List<String> names = Indicators.columnNames();
        assertThat(List.copyOf(reference.columns.keySet())).as("ta's columns, in ta's order").isEqualTo(names);
        final double[][] ours = compute(reference, names);
        final List<String> failures = new ArrayList<>();
        final StringBuilder report = new StringBuilder("worst difference per column, " + dataSet + " ("
            + reference.size() + " bars): column, max |ours - ta|, as a fraction of the column's largest magnitude\n");
        for (int c = 0; c < names.size(); c++) {
            final String name = names.get(c);
            final double[] expected = reference.columns.get(name);
            double scale = 0;
            for (final double value : expected) {
                if (Double.isFinite(value)) {
                    scale = Math.max(scale, Math.abs(value));
                }
            }
            final double allowed = TOLERANCE * Math.max(scale, 1e-300);
            double worst = 0;
            String firstFailure = null;
            for (int row = 0; row < reference.size(); row++) {
                final double want = expected[row];
                final double got = ours[c][row];
                if (lookAhead(name, row)) {
                    if ((name.equals("trend_kst") || name.startsWith("trend_visual")) && !Double.isNaN(got)) {
                        firstFailure = firstFailure != null ? firstFailure
                            : "row " + row + ": look-ahead cell should be NaN, is " + got;
                    }
                    continue;
                }
                final boolean same;
                if (Double.isNaN(want) || Double.isInfinite(want)) {
                    same = Double.compare(want, got) == 0;
                } else {
                    final double difference = Math.abs(got - want);
                    worst = Double.isNaN(difference) ? Double.POSITIVE_INFINITY : Math.max(worst, difference);
                    same = difference <= allowed;
                }
                if (!same && firstFailure == null) {
                    firstFailure = "row " + row + " (" + reference.dates.get(row) + "): ta " + want + ", ours " + got;
                }
            }
            report.append(String.format("  %-28s %.3e  %.3e%n", name, worst, scale == 0 ? 0 : worst / scale));
            if (firstFailure != null) {
                failures.add(name + ": " + firstFailure);
            }
        }
        System.out.print(report);
        assertThat(failures).as(dataSet).isEmpty();
    }

    /** The cells where ta's value depends on future rows (see the class comment). */
    static boolean lookAhead(final String column, final int row) {
        return switch (column) {
            case "trend_kst" -> row >= 14 && row < 44;
            case "trend_kst_sig", "trend_kst_diff" -> row >= 14 && row < 52;
            case "trend_visual_ichimoku_a", "trend_visual_ichimoku_b" -> row < 26;
            default -> false;
        };
    }

    static double[][] compute(final TaReference reference, final List<String> names) {
        final Indicators indicators = new Indicators();
        final Column[] columns = new Column[names.size()];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = indicators.column(names.get(c));
        }
        final InstrumentBars bars = new InstrumentBars(AAPL, FLAT, indicators);
        final double[][] values = new double[names.size()][reference.size()];
        for (int row = 0; row < reference.size(); row++) {
            reference.feed(bars, row);
            final Row current = bars.row();
            for (int c = 0; c < columns.length; c++) {
                values[c][row] = current.get(columns[c]);
            }
        }
        return values;
    }
}
