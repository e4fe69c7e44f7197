package io.ringtrade.bench;

import io.ringtrade.adapters.marketdata.BarSeriesData;
import io.ringtrade.adapters.marketdata.BarSeriesSource;
import io.ringtrade.engine.api.journal.EventJournal;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.Parameters;
import io.ringtrade.engine.api.strategy.StrategyDefinition;
import io.ringtrade.engine.api.strategy.StrategyParameters;
import io.ringtrade.engine.backtest.BacktestDriver;
import io.ringtrade.engine.logic.BookSpec;
import io.ringtrade.engine.logic.BusinessLogic;
import io.ringtrade.engine.pipeline.EffectSink;
import io.ringtrade.engine.risk.RiskLimits;
import io.ringtrade.engine.strategy.StrategyStateStore;
import io.ringtrade.engine.venue.SimulatedFillModel;
import io.ringtrade.strategies.Alpha;
import io.ringtrade.strategies.Ensemble;
import io.ringtrade.strategies.MeanReversion;
import io.ringtrade.strategies.Momentum;
import io.ringtrade.strategies.SmaCrossover;
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
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Indicator;
import org.ta4j.core.Rule;
import org.ta4j.core.Strategy;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnNextOpenModel;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.Num;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;
import org.ta4j.core.rules.OpenedPositionMinimumBarCountRule;
import org.ta4j.core.rules.OverIndicatorRule;
import org.ta4j.core.rules.OverOrEqualIndicatorRule;
import org.ta4j.core.rules.StopGainRule;
import org.ta4j.core.rules.StopLossRule;
import org.ta4j.core.rules.UnderIndicatorRule;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Backtest throughput of the strategy library: one whole backtest over {@value MinuteBars#BARS} one-minute BTC/USD
 * bars per invocation, scored in bars per second, for {@code alpha}, {@code momentum} and {@code mean_reversion} with
 * their default managed exits (fixed notional, stop-loss, take-profit or time stop; shorts allowed), the
 * {@code ensemble} (five members voting, learning, writing its weight rows to a sink that keeps nothing) and
 * {@code sma_crossover} (50/200), beside ta4j running equivalent rules, in the same run:
 * <pre>
 *   ours (the CLI's backtest path, one thread), per strategy:
 *
 *     BarSeriesSource ──► BacktestDriver ──► BusinessLogic.onEvent
 *                                             market state → venue (stops, limits) → bars + the strategy's columns
 *                                             → decision → managed positions (OCO stop/target, time stop)
 *                                             → pre-trade risk → orders → books → equity/order/fill rows (no sink)
 *
 *   BASELINE, ta4j 0.22.2 (one thread): BarSeriesManager.run(strategy), TradeOnNextOpenModel, over a BaseBarSeries
 *   (DoubleNum) of the same bars built in setup. Long only, with the nearest rules ta4j has:
 *     sma_crossover   CrossedUp / CrossedDown(SMA 50, SMA 200)
 *     alpha           CrossedUp(EMA 9, EMA 21) ∧ RSI(14) &lt; 70  /  CrossedDown(EMA 9, EMA 21) ∨ StopLoss 2 % ∨ StopGain 4 %
 *     momentum        CrossedUp(MACD histogram, 0) ∧ close &gt; EMA 50  /  close &lt; EMA 50 ∨ StopLoss 1.5 % ∨ StopGain 3 %
 *     mean_reversion  close &lt; lower BB(20, 2) ∧ RSI(14) &lt; 40  /  close ≥ middle ∨ StopLoss 1.5 % ∨ 30 bars held
 * </pre>
 * The rules are not identical: ta4j's stop rules judge the close (ours fill intrabar at the stop), its RSI and EMA are
 * seeded differently from {@code ta}'s, and the ta4j side does not trade shorts. Ours does more per bar (fixed-point
 * books, OCO orders in the simulated venue, risk checks, equity rows). Fresh business logic / a fresh ta4j strategy
 * per invocation, built outside the timed region.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(MinuteBars.BARS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {
    "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
    "--enable-native-access=ALL-UNNAMED", "-Dchronicle.analytics.disable=true",
    "-Xms3g", "-Xmx3g"})
public class StrategyLibraryBenchmark {
    private static final Map<String, StrategyDefinition> DEFINITIONS = Map.of("sma_crossover", new SmaCrossover(),
        "alpha", new Alpha(), "momentum", new Momentum(), "mean_reversion", new MeanReversion(),
        "ensemble", new Ensemble());

    /** The million bars, loaded once per trial. */
    @State(Scope.Benchmark)
    public static class Bars {
        BarSeriesData bars;

        @Setup(Level.Trial)
        public void load() {
            bars = MinuteBars.repeated(MinuteBars.original(), MinuteBars.BARS);
        }
    }

    /** Our engine, driven directly: fresh business logic per invocation. */
    @State(Scope.Thread)
    public static class Ours {
        @Param({"sma_crossover", "alpha", "momentum", "mean_reversion", "ensemble"})
        String strategy;
        InstrumentRegistry instruments;
        BarSeriesSource source;
        BusinessLogic logic;

        @Setup(Level.Trial)
        public void trial(final Bars bars) {
            instruments = BenchEngine.instruments();
            source = new BarSeriesSource(bars.bars, instruments.find(MinuteBars.SYMBOL).id());
            final BusinessLogic check = newLogic();
            BacktestDriver.run(check, source, EventJournal.none(), EffectSink.NONE);
            RunConditions.print("StrategyLibraryBenchmark.ours " + strategy,
                "input: " + bars.bars.size() + " 1m bars from " + MinuteBars.FILE + ", repeated with shifted times",
                "strategy: " + strategy + " with its defaults, cash 10000, slippage 5 bps, commission 0, shorts "
                    + (strategy.equals("sma_crossover") || strategy.equals("ensemble") ? "off" : "on"),
                "one run: " + check.ordersAccepted() + " orders accepted, " + check.fills() + " fills, "
                    + check.summary().trades() + " round trips, " + check.outputRows().weights() + " weight rows");
        }

        @Setup(Level.Invocation)
        public void invocation() {
            source.rewind();
            logic = newLogic();
        }

        private BusinessLogic newLogic() {
            final StrategyDefinition definition = DEFINITIONS.get(strategy);
            final Parameters parameters = strategy.equals("sma_crossover")
                ? StrategyParameters.resolve(definition, Map.of("fast", "50", "slow", "200"))
                : StrategyParameters.resolve(definition, Map.of());
            final StrategyStateStore state = new StrategyStateStore(strategy);
            final var instance = definition.create(parameters, state);
            state.close();
            final boolean shorts = !strategy.equals("sma_crossover") && !strategy.equals("ensemble");
            final RiskLimits limits = shorts ? new RiskLimits(true, FixedPoint.of(10), 0)
                : RiskLimits.longOnly(FixedPoint.of(10));
            return new BusinessLogic(instruments, List.of(new BookSpec(strategy, instance,
                new int[] {instruments.find(MinuteBars.SYMBOL).id()}, Interval.M1, FixedPoint.of(10_000),
                new SimulatedFillModel(5, 0, false, 0), limits, state, parameters.positionRules())));
        }
    }

    /** ta4j's series over the same bars (DoubleNum), built once per trial; a fresh strategy per invocation. */
    @State(Scope.Thread)
    public static class Ta4j {
        @Param({"sma_crossover", "alpha", "momentum", "mean_reversion"})
        String strategy;
        BarSeries series;
        BarSeriesManager manager;
        Strategy rules;

        @Setup(Level.Trial)
        public void trial(final Bars bars) {
            series = MinuteBars.ta4jSeries(bars.bars);
            manager = new BarSeriesManager(series, new TradeOnNextOpenModel());
            final TradingRecord check = manager.run(newStrategy(strategy, series));
            RunConditions.print("StrategyLibraryBenchmark.ta4j " + strategy + " (baseline)",
                "input: " + series.getBarCount() + " 1m bars as a BaseBarSeries (DoubleNum), TradeOnNextOpenModel",
                "one run: " + check.getPositionCount() + " closed positions, " + check.getTrades().size() + " trades");
        }

        @Setup(Level.Invocation)
        public void invocation() {
            rules = newStrategy(strategy, series);
        }

        static Strategy newStrategy(final String name, final BarSeries series) {
            final ClosePriceIndicator close = new ClosePriceIndicator(series);
            return switch (name) {
                case "sma_crossover" -> {
                    final SMAIndicator fast = new SMAIndicator(close, 50);
                    final SMAIndicator slow = new SMAIndicator(close, 200);
                    yield new BaseStrategy(name, new CrossedUpIndicatorRule(fast, slow),
                        new CrossedDownIndicatorRule(fast, slow), 200);
                }
                case "alpha" -> {
                    final EMAIndicator fast = new EMAIndicator(close, 9);
                    final EMAIndicator slow = new EMAIndicator(close, 21);
                    final Rule entry = new CrossedUpIndicatorRule(fast, slow)
                        .and(new UnderIndicatorRule(new RSIIndicator(close, 14), 70));
                    yield new BaseStrategy(name, entry, new CrossedDownIndicatorRule(fast, slow)
                        .or(new StopLossRule(close, 2)).or(new StopGainRule(close, 4)), 22);
                }
                case "momentum" -> {
                    final MACDIndicator macd = new MACDIndicator(close, 12, 26);
                    final Indicator<Num> histogram = macd.getHistogram(9);
                    final EMAIndicator trend = new EMAIndicator(close, 50);
                    yield new BaseStrategy(name, new CrossedUpIndicatorRule(histogram, 0)
                        .and(new OverIndicatorRule(close, trend)), new UnderIndicatorRule(close, trend)
                        .or(new StopLossRule(close, 1.5)).or(new StopGainRule(close, 3)), 50);
                }
                default -> {
                    final SMAIndicator mean = new SMAIndicator(close, 20);
                    final BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(mean);
                    final BollingerBandsLowerIndicator lower = new BollingerBandsLowerIndicator(middle,
                        new StandardDeviationIndicator(close, 20));
                    yield new BaseStrategy(name, new UnderIndicatorRule(close, lower)
                        .and(new UnderIndicatorRule(new RSIIndicator(close, 14), 40)),
                        new OverOrEqualIndicatorRule(close, middle).or(new StopLossRule(close, 1.5))
                            .or(new OpenedPositionMinimumBarCountRule(30)), 20);
                }
            };
        }
    }

    /** Ours: the CLI backtest path, one thread. */
    @Benchmark
    public long ours(final Ours run) {
        return BacktestDriver.run(run.logic, run.source, EventJournal.none(), EffectSink.NONE) + run.logic.fills();
    }

    /** BASELINE: ta4j's backtest loop over the same bars with the nearest equivalent rules. */
    @Benchmark
    public int ta4j(final Ta4j run) {
        return run.manager.run(run.rules).getPositionCount();
    }
}
