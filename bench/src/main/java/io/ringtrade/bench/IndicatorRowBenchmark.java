package io.ringtrade.bench;

import io.ringtrade.adapters.marketdata.BarSeriesData;
import io.ringtrade.engine.api.market.Instrument;
import io.ringtrade.engine.api.strategy.Column;
import io.ringtrade.engine.api.strategy.Indicators;
import io.ringtrade.engine.api.strategy.Row;
import io.ringtrade.engine.indicator.InstrumentBars;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The indicator row at bar close, in nanoseconds per bar (one bar per operation; run with {@code -prof gc} for bytes
 * per bar). The bars are the backtest benchmark's {@value MinuteBars#BARS} one-minute BTC/USD bars (real Bitstamp
 * trades aggregated by the engine's own rule and repeated with shifted times); each operation takes the next one,
 * cycling, with a strictly increasing time.
 * <pre>
 *   fullRow        InstrumentBars.onBar ──► all 86 ta columns (44 incremental nodes) ──► Row.get × 86
 *   threeColumns   InstrumentBars.onBar ──► momentum_rsi, trend_macd_diff, volatility_bbh ──► Row.get × 3
 *   barsOnly       InstrumentBars.onBar with nothing declared ──► Row.close            (the row's own cost)
 *
 *   BASELINE ta4jNineteenColumns   ta4j 0.22.2, DoubleNum series bounded to 1,024 bars: add a bar, evaluate the
 *                                  19 columns the engine used to compute with ta4j (see Ta4jNineteenColumns)
 * </pre>
 * The instance keeps running across iterations (its state stays bounded), as an instrument's row does in a run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class IndicatorRowBenchmark {
    private static final Instrument INSTRUMENT = new Instrument(0, MinuteBars.SYMBOL, "USD", 1_000_000L, 1L);

    private long[] open;
    private long[] high;
    private long[] low;
    private long[] close;
    private long[] volume;
    private int next;
    private long time;

    private InstrumentBars full;
    private Column[] allColumns;
    private InstrumentBars three;
    private Column rsi;
    private Column macdDiff;
    private Column upperBand;
    private InstrumentBars nothing;
    private Ta4jNineteenColumns ta4j;

    @Setup
    public void setUp() {
        final BarSeriesData bars = MinuteBars.repeated(MinuteBars.original(), MinuteBars.BARS);
        final int n = bars.size();
        open = new long[n];
        high = new long[n];
        low = new long[n];
        close = new long[n];
        volume = new long[n];
        for (int i = 0; i < n; i++) {
            open[i] = bars.open(i);
            high[i] = bars.high(i);
            low[i] = bars.low(i);
            close[i] = bars.close(i);
            volume[i] = bars.volume(i);
        }
        final Indicators everything = new Indicators();
        final List<String> names = Indicators.columnNames();
        allColumns = names.stream().map(everything::column).toArray(Column[]::new);
        full = new InstrumentBars(INSTRUMENT, id -> false, everything);
        final Indicators some = new Indicators();
        rsi = some.column("momentum_rsi");
        macdDiff = some.column("trend_macd_diff");
        upperBand = some.column("volatility_bbh");
        three = new InstrumentBars(INSTRUMENT, id -> false, some);
        nothing = new InstrumentBars(INSTRUMENT, id -> false, new Indicators());
        ta4j = new Ta4jNineteenColumns();
        RunConditions.print("IndicatorRowBenchmark", "input: " + n + " one-minute BTC/USD bars (" + MinuteBars.FILE
            + ", aggregated and repeated), cycled", "fullRow: " + names.size() + " columns, "
            + full.indicators().size() + " indicators; threeColumns: momentum_rsi, trend_macd_diff, volatility_bbh",
            "baseline: ta4j 0.22.2 DoubleNum, " + ta4j.columnCount() + " columns, series bounded to 1024 bars");
    }

    private int advance() {
        final int i = next;
        next = i + 1 == close.length ? 0 : i + 1;
        time += 60_000_000_000L;
        return i;
    }

    @Benchmark
    public double fullRow() {
        final int i = advance();
        full.onBar(time, open[i], high[i], low[i], close[i], volume[i]);
        final Row row = full.row();
        double sum = 0;
        for (final Column column : allColumns) {
            sum += row.get(column);
        }
        return sum;
    }

    @Benchmark
    public double threeColumns() {
        final int i = advance();
        three.onBar(time, open[i], high[i], low[i], close[i], volume[i]);
        final Row row = three.row();
        return row.get(rsi) + row.get(macdDiff) + row.get(upperBand);
    }

    @Benchmark
    public double barsOnly() {
        final int i = advance();
        nothing.onBar(time, open[i], high[i], low[i], close[i], volume[i]);
        return nothing.row().close();
    }

    @Benchmark
    public double ta4jNineteenColumns() {
        final int i = advance();
        return ta4j.onBar(time, open[i], high[i], low[i], close[i], volume[i]);
    }
}
