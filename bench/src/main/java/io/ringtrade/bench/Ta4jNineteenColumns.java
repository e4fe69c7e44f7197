package io.ringtrade.bench;

import io.ringtrade.engine.api.money.FixedPoint;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.CCIIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.ROCIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.StochasticOscillatorDIndicator;
import org.ta4j.core.indicators.StochasticOscillatorKIndicator;
import org.ta4j.core.indicators.WilliamsRIndicator;
import org.ta4j.core.indicators.adx.ADXIndicator;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.indicators.volume.OnBalanceVolumeIndicator;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.Num;

/**
 * The baseline: the 19 named columns the engine computed with ta4j 0.22.2 before the native row (the same
 * indicator definitions as its former {@code NamedColumns}), the way its former {@code Ta4jColumns} ran them: a
 * {@code DoubleNum} series bounded to 1,024 bars, one ta4j bar added per closed bar, every column evaluated at each
 * bar close. Benchmark thread only.
 */
final class Ta4jNineteenColumns {
    private static final Duration NOMINAL_PERIOD = Duration.ofNanos(1);

    private final BarSeries series;
    private final List<Indicator<Num>> columns;

    Ta4jNineteenColumns() {
        series = new BaseBarSeriesBuilder().withName("bench").withNumFactory(DoubleNumFactory.getInstance()).build();
        series.setMaximumBarCount(1024);
        final ClosePriceIndicator close = new ClosePriceIndicator(series);
        final BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(new SMAIndicator(close, 20));
        final StandardDeviationIndicator deviation = new StandardDeviationIndicator(close, 20);
        final MACDIndicator macd = new MACDIndicator(close, 12, 26);
        columns = List.of(
            new RSIIndicator(close, 14),
            new ROCIndicator(close, 12),
            new StochasticOscillatorKIndicator(series, 14),
            new StochasticOscillatorDIndicator(new StochasticOscillatorKIndicator(series, 14)),
            new WilliamsRIndicator(series, 14),
            new SMAIndicator(close, 12),
            new SMAIndicator(close, 26),
            new EMAIndicator(close, 12),
            new EMAIndicator(close, 26),
            macd,
            macd.getSignalLine(9),
            macd.getHistogram(9),
            new ADXIndicator(series, 14),
            new CCIIndicator(series, 20),
            middle,
            new BollingerBandsUpperIndicator(middle, deviation),
            new BollingerBandsLowerIndicator(middle, deviation),
            new ATRIndicator(series, 14),
            new OnBalanceVolumeIndicator(series));
    }

    /** Adds a bar and evaluates the 19 columns at it; returns their sum (for the blackhole). */
    double onBar(final long startNanos, final long open, final long high, final long low, final long close,
                 final long volume) {
        final Instant begin = Instant.EPOCH.plusNanos(startNanos);
        series.barBuilder()
            .timePeriod(NOMINAL_PERIOD)
            .beginTime(begin)
            .endTime(begin.plus(NOMINAL_PERIOD))
            .openPrice(FixedPoint.toDouble(open))
            .highPrice(FixedPoint.toDouble(high))
            .lowPrice(FixedPoint.toDouble(low))
            .closePrice(FixedPoint.toDouble(close))
            .volume(FixedPoint.toDouble(volume))
            .add();
        final int index = series.getEndIndex();
        double sum = 0;
        for (final Indicator<Num> column : columns) {
            sum += column.getValue(index).doubleValue();
        }
        return sum;
    }

    int columnCount() {
        return columns.size();
    }
}
