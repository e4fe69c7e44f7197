package io.ringtrade.engine.indicator;

import io.ringtrade.engine.api.money.FixedPoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNumFactory;

/**
 * Apple's 2013 daily bars (ta4j-examples' {@code appleinc_bars_from_20130101_usd.csv}, 252 rows, unpacked by the
 * build into {@code ringtrade.data.dir}) as fixed-point arrays, with the two ways the tests feed them: into an
 * {@link InstrumentBars} and into an unbounded ta4j series. The market-data loader lives elsewhere; this parser
 * knows only this file's simple layout.
 */
final class AppleBars {
    static final String FILE = "appleinc_bars_from_20130101_usd.csv";
    private static final long DAY_NANOS = Duration.ofDays(1).toNanos();

    final long[] start;
    final long[] open;
    final long[] high;
    final long[] low;
    final long[] close;
    final long[] volume;

    private AppleBars(final int size) {
        start = new long[size];
        open = new long[size];
        high = new long[size];
        low = new long[size];
        close = new long[size];
        volume = new long[size];
    }

    static AppleBars load() {
        final Path file = Path.of(System.getProperty("ringtrade.data.dir", "target/data"), FILE);
        final List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (!lines.get(0).equals("date,open,high,low,close,volume")) {
            throw new IllegalStateException("unexpected header in " + file + ": " + lines.get(0));
        }
        final AppleBars bars = new AppleBars(lines.size() - 1);
        for (int i = 1; i < lines.size(); i++) {
            final String[] fields = lines.get(i).split(",");
            final Instant day = LocalDate.parse(fields[0]).atStartOfDay(ZoneOffset.UTC).toInstant();
            bars.start[i - 1] = day.getEpochSecond() * 1_000_000_000L;
            bars.open[i - 1] = FixedPoint.parse(fields[1]);
            bars.high[i - 1] = FixedPoint.parse(fields[2]);
            bars.low[i - 1] = FixedPoint.parse(fields[3]);
            bars.close[i - 1] = FixedPoint.parse(fields[4]);
            bars.volume[i - 1] = FixedPoint.parse(fields[5]);
        }
        return bars;
    }

    /**
     * A longer series made of real moves: the year played forward, then backward, {@code laps} times in all
     * (the turning bars repeat, so the path stays continuous). One day per bar.
     */
    AppleBars forwardAndBack(final int laps) {
        final int n = size();
        final AppleBars longer = new AppleBars(n * laps);
        for (int i = 0; i < longer.size(); i++) {
            final int lap = i / n;
            final int within = i % n;
            final int from = lap % 2 == 0 ? within : n - 1 - within;
            longer.start[i] = start[0] + i * DAY_NANOS;
            longer.open[i] = open[from];
            longer.high[i] = high[from];
            longer.low[i] = low[from];
            longer.close[i] = close[from];
            longer.volume[i] = volume[from];
        }
        return longer;
    }

    int size() {
        return close.length;
    }

    void feed(final InstrumentBars bars, final int bar) {
        bars.onBar(start[bar], open[bar], high[bar], low[bar], close[bar], volume[bar]);
    }

    void feed(final InstrumentBars bars, final int fromBar, final int toBarExclusive) {
        for (int bar = fromBar; bar < toBarExclusive; bar++) {
            feed(bars, bar);
        }
    }

    double[] closes() {
        final double[] closes = new double[size()];
        for (int i = 0; i < closes.length; i++) {
            closes[i] = FixedPoint.toDouble(close[i]);
        }
        return closes;
    }

    /** All bars in an unbounded ta4j series of doubles, as a ta4j user would build it. */
    BarSeries ta4jSeries() {
        final BarSeries series = new BaseBarSeriesBuilder().withNumFactory(DoubleNumFactory.getInstance()).build();
        for (int i = 0; i < size(); i++) {
            final Instant begin = Instant.EPOCH.plusNanos(start[i]);
            series.barBuilder()
                .timePeriod(Duration.ofDays(1))
                .beginTime(begin)
                .endTime(begin.plus(Duration.ofDays(1)))
                .openPrice(FixedPoint.toDouble(open[i]))
                .highPrice(FixedPoint.toDouble(high[i]))
                .lowPrice(FixedPoint.toDouble(low[i]))
                .closePrice(FixedPoint.toDouble(close[i]))
                .volume(FixedPoint.toDouble(volume[i]))
                .add();
        }
        return series;
    }
}
