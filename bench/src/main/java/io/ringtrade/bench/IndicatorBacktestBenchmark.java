package io.ringtrade.bench;

import io.ringtrade.adapters.marketdata.BarSeriesData;
import io.ringtrade.adapters.marketdata.BarSeriesSource;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.strategy.Column;
import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.engine.api.strategy.Indicators;
import io.ringtrade.engine.logic.BusinessLogic;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Backtest throughput of a strategy that reads three {@code ta} columns against {@code sma_crossover}, in the same
 * run: one whole direct backtest (the CLI's path) over the {@value MinuteBars#BARS} one-minute BTC/USD bars per
 * invocation, in bars per second, as {@code BacktestThroughputBenchmark.ringtradeDirect} measures it.
 * <pre>
 *   BarSeriesSource ──► BacktestDriver ──► BusinessLogic.onEvent ──► bars ──► row ──► decide ──► risk, orders, books
 *
 *   strategy = smaCrossover   sma_crossover fast=50 slow=200 (two SMAs, read now and one bar back)
 *            = threeColumns   momentum_rsi, trend_macd_diff, volatility_bbh: buy when RSI &lt; 35 and the MACD
 *                             histogram turns up, sell when RSI &gt; 65 or the close is above the upper band
 * </pre>
 * Both books: cash 10,000, slippage 5 bps, commission 0, minimum notional 10, next-open fills. Fresh business
 * logic per invocation, outside the timed region.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(MinuteBars.BARS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class IndicatorBacktestBenchmark {
    @Param({"smaCrossover", "threeColumns"})
    public String strategy;

    private InstrumentRegistry instruments;
    private BarSeriesSource source;
    private BusinessLogic logic;

    @Setup(Level.Trial)
    public void trial() {
        final BarSeriesData original = MinuteBars.original();
        final BarSeriesData bars = MinuteBars.repeated(original, MinuteBars.BARS);
        instruments = BenchEngine.instruments();
        source = new BarSeriesSource(bars, instruments.find(MinuteBars.SYMBOL).id());
        final BusinessLogic check = newLogic();
        BenchEngine.backtest(check, source);
        RunConditions.print("IndicatorBacktestBenchmark." + strategy,
            "input: " + bars.size() + " 1m bars = " + original.size() + " real bars from " + MinuteBars.FILE
                + ", repeated with shifted times",
            "one run: " + check.ordersAccepted() + " orders accepted, " + check.fills() + " fills, "
                + check.summary().trades() + " round trips");
    }

    @Setup(Level.Invocation)
    public void invocation() {
        source.rewind();
        logic = newLogic();
    }

    private BusinessLogic newLogic() {
        if (strategy.equals("smaCrossover")) {
            return BenchEngine.backtestLogic(instruments, Interval.M1, 5);
        }
        return BenchEngine.singleBookLogic(instruments, "three_columns", threeColumns(), Interval.M1, 5);
    }

    /** The three-column strategy (see the class comment); also timed by {@link IndicatorBacktestCpuTime}. */
    static DecisionStrategy threeColumns() {
        final Indicators indicators = new Indicators().maxBarsAgo(1);
        final Column rsi = indicators.column("momentum_rsi");
        final Column histogram = indicators.column("trend_macd_diff");
        final Column upper = indicators.column("volatility_bbh");
        return indicators.strategy(row -> {
            final double strength = row.get(rsi);
            if (strength < 35 && row.get(histogram) > row.get(histogram, 1)) {
                return DecisionStrategy.BUY;
            }
            if (strength > 65 || row.close() > row.get(upper)) {
                return DecisionStrategy.SELL;
            }
            return DecisionStrategy.HOLD;
        });
    }

    @Benchmark
    public BusinessLogic backtest() {
        BenchEngine.backtest(logic, source);
        return logic;
    }
}
