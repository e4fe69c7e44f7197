package io.ringtrade.bench;

import io.ringtrade.adapters.marketdata.BarSeriesData;
import io.ringtrade.adapters.marketdata.MarketDataFiles;
import io.ringtrade.adapters.marketdata.TradeBarAggregation;
import io.ringtrade.adapters.marketdata.TradeSeriesData;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.money.FixedPoint;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNumFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The backtest benchmark's input: real Bitstamp BTC/USD trades (ta4j-examples'
 * {@code bitstamp_trades_from_20131125_usd.csv}, unpacked by the build into {@code bench/target/data})
 * aggregated to 1-minute bars with the engine's own rule, then repeated back to back, each copy shifted by the
 * span of the original, until there are exactly {@link #BARS} bars. Prices are real; the time axis is
 * synthetic after the first copy. Built once per trial on the benchmark thread, never timed.
 */
final class MinuteBars {
    /** Bars in one backtest run: the unit of the throughput scores. */
    static final int BARS = 1_000_000;
    /** Where the data file is looked for unless {@code -Dringtrade.data.dir} says otherwise. */
    private static final String[] DATA_DIRS = {"bench/target/data", "target/data"};
    static final String FILE = "bitstamp_trades_from_20131125_usd.csv";
    static final String SYMBOL = "BTC/USD";

    private MinuteBars() {
    }

    /** The trade file, or a clear failure naming where it was looked for. */
    static Path tradeFile() {
        final String configured = System.getProperty("ringtrade.data.dir");
        if (configured != null) {
            return existing(Path.of(configured).resolve(FILE));
        }
        for (final String dir : DATA_DIRS) {
            final Path candidate = Path.of(dir).resolve(FILE);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(FILE + " not found under " + String.join(" or ", DATA_DIRS)
            + " (relative to " + Path.of("").toAbsolutePath() + "); build with "
            + "'./mvnw -q -pl bench -am package -DskipTests' and run from the repository root, "
            + "or pass -Dringtrade.data.dir=DIR");
    }

    private static Path existing(final Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " not found (-Dringtrade.data.dir)");
        }
        return file;
    }

    /** The real 1-minute bars of the trade file, once. */
    static BarSeriesData original() {
        final TradeSeriesData trades = MarketDataFiles.loadTrades(tradeFile(), SYMBOL);
        return TradeBarAggregation.aggregate(trades, Interval.M1);
    }

    /** {@code count} bars: the original bars repeated with shifted start times. */
    static BarSeriesData repeated(final BarSeriesData original, final int count) {
        final int n = original.size();
        final long span = original.timeNanos(n - 1) - original.timeNanos(0) + Interval.M1.nanos();
        final long[] time = new long[count];
        final long[] open = new long[count];
        final long[] high = new long[count];
        final long[] low = new long[count];
        final long[] close = new long[count];
        final long[] volume = new long[count];
        for (int i = 0; i < count; i++) {
            final int from = i % n;
            time[i] = original.timeNanos(from) + (long) (i / n) * span;
            open[i] = original.open(from);
            high[i] = original.high(from);
            low[i] = original.low(from);
            close[i] = original.close(from);
            volume[i] = original.volume(from);
        }
        return BarSeriesData.of(SYMBOL, time, open, high, low, close, volume);
    }

    /**
     * ta4j's series of the same bars (DoubleNum, 1-minute periods), for the ta4j baselines; built in set-up, never
     * timed.
     */
    static BarSeries ta4jSeries(final BarSeriesData bars) {
        final BarSeries series = new BaseBarSeriesBuilder().withName(SYMBOL)
            .withNumFactory(DoubleNumFactory.getInstance()).build();
        final Duration minute = Duration.ofMinutes(1);
        for (int i = 0; i < bars.size(); i++) {
            final Instant begin = Instant.EPOCH.plusNanos(bars.timeNanos(i));
            series.barBuilder().timePeriod(minute).beginTime(begin).endTime(begin.plus(minute))
                .openPrice(FixedPoint.toDouble(bars.open(i))).highPrice(FixedPoint.toDouble(bars.high(i)))
                .lowPrice(FixedPoint.toDouble(bars.low(i))).closePrice(FixedPoint.toDouble(bars.close(i)))
                .volume(FixedPoint.toDouble(bars.volume(i))).add();
        }
        return series;
    }
}
