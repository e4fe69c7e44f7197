package io.ringtrade.engine.indicator;

import io.ringtrade.engine.api.money.FixedPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.Num;

/**
 * The named columns of one instrument, computed with ta4j at bar close. The ta4j series is built only when a
 * column is first asked for, from the last {@link #WINDOW} kept bars, and bounded to {@link #WINDOW} bars with
 * {@code setMaximumBarCount} (ta4j's indicator caches are bounded by it too). Every column asked for so far is
 * evaluated at every later bar close, which keeps ta4j's recursive caches warm, and its value is stored in a
 * {@link ValueRing} so that reads (and {@code barsAgo}) cost an array load.
 *
 * <p>A column created when the instrument has fewer than {@link #WINDOW} bars sees the whole history and equals
 * ta4j on the full series. One created later starts at the oldest bar of the window: it is NaN for its
 * unstable bars from there, window columns (SMA, Bollinger, stochastic, ...) are exact after that, recursive
 * ones (EMA, MACD, RSI, ATR, ADX) converge geometrically, and OBV counts from that bar.
 *
 * <p>ta4j allocates per operation ({@code DoubleNum}); this runs at bar close, never per tick. Business-logic
 * thread only.
 */
final class Ta4jColumns {
    /** Bars the ta4j series keeps: many times the longest window in {@link NamedColumns} (35 bars for MACD). */
    static final int WINDOW = 1024;

    // ta4j bars need an end time after the previous one; no column here uses bar durations.
    private static final Duration NOMINAL_PERIOD = Duration.ofNanos(1);

    private final String symbol;
    private final Map<String, Column> byName = new HashMap<>();
    private final List<Column> columns = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private BarSeries series;
    /** Instrument bar index of the series' bar 0. */
    private int firstSeriesBar;

    Ta4jColumns(final String symbol) {
        this.symbol = symbol;
    }

    /** The column {@code name}, created (and computed over the kept window) on first use. */
    Column column(final String name, final BarHistory history) {
        final Column existing = byName.get(name);
        if (existing != null) {
            return existing;
        }
        if (!NamedColumns.isKnown(name)) {
            throw NamedColumns.unknown(name);
        }
        if (series == null) {
            createSeries(name, history);
        } else {
            final Column column = register(name, history.capacity(), series.getBeginIndex());
            for (int index = series.getBeginIndex(); index <= series.getEndIndex(); index++) {
                column.evaluate(index, firstSeriesBar + index);
            }
        }
        return byName.get(name);
    }

    private void createSeries(final String name, final BarHistory history) {
        series = new BaseBarSeriesBuilder().withName(symbol).withNumFactory(DoubleNumFactory.getInstance()).build();
        // Before any indicator exists: ta4j sizes each indicator's cache from the series' maximum.
        series.setMaximumBarCount(WINDOW);
        firstSeriesBar = Math.max(history.firstKept(), history.count() - WINDOW);
        register(name, history.capacity(), 0);
        for (int bar = firstSeriesBar; bar < history.count(); bar++) {
            onBar(history, bar);
        }
    }

    private Column register(final String name, final int capacity, final int startIndex) {
        final Column column = new Column(NamedColumns.create(name, series), capacity, startIndex);
        byName.put(name, column);
        columns.add(column);
        names.add(name);
        return column;
    }

    /** Names of the columns requested so far, in the order they were first requested. */
    List<String> names() {
        return List.copyOf(names);
    }

    /** Adds {@code bar} to the series (if one exists) and evaluates every column at it. */
    void onBar(final BarHistory history, final int bar) {
        if (series == null) {
            return;
        }
        final Instant begin = Instant.EPOCH.plusNanos(history.startNanos(bar));
        series.barBuilder()
            .timePeriod(NOMINAL_PERIOD)
            .beginTime(begin)
            .endTime(begin.plus(NOMINAL_PERIOD))
            .openPrice(FixedPoint.toDouble(history.open(bar)))
            .highPrice(FixedPoint.toDouble(history.high(bar)))
            .lowPrice(FixedPoint.toDouble(history.low(bar)))
            .closePrice(FixedPoint.toDouble(history.close(bar)))
            .volume(FixedPoint.toDouble(history.volume(bar)))
            .add();
        final int index = series.getEndIndex();
        for (int i = 0; i < columns.size(); i++) {
            columns.get(i).evaluate(index, bar);
        }
    }

    void grow(final int newCapacity, final int firstBar, final int endBar) {
        for (int i = 0; i < columns.size(); i++) {
            columns.get(i).values.grow(newCapacity, firstBar, endBar);
        }
    }

    /** One named column: its ta4j indicator and its value per kept bar. */
    static final class Column {
        private final Indicator<Num> indicator;
        private final ValueRing values;
        /** Series index this column was first evaluated at; its unstable bars count from here. */
        private final int startIndex;

        Column(final Indicator<Num> indicator, final int capacity, final int startIndex) {
            this.indicator = indicator;
            this.values = new ValueRing(capacity);
            this.startIndex = startIndex;
        }

        void evaluate(final int index, final int bar) {
            double value = Double.NaN;
            if (index - startIndex >= indicator.getCountOfUnstableBars()) {
                final Num num = indicator.getValue(index);
                value = num.isNaN() ? Double.NaN : num.doubleValue();
            }
            values.set(bar, value);
        }

        double valueAt(final int bar) {
            return values.get(bar);
        }
    }
}
