package io.ringtrade.strategies;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrade.adapters.marketdata.BarSeriesData;
import io.ringtrade.adapters.marketdata.BarSeriesSource;
import io.ringtrade.engine.api.journal.EventJournal;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.engine.api.strategy.Parameters;
import io.ringtrade.engine.api.strategy.Strategy;
import io.ringtrade.engine.api.strategy.StrategyDefinition;
import io.ringtrade.engine.api.strategy.StrategyParameters;
import io.ringtrade.engine.backtest.BacktestDriver;
import io.ringtrade.engine.logic.BookSpec;
import io.ringtrade.engine.logic.BusinessLogic;
import io.ringtrade.engine.logic.LogicSettings;
import io.ringtrade.engine.output.OutputSink;
import io.ringtrade.engine.output.RecordingSink;
import io.ringtrade.engine.pipeline.EffectSink;
import io.ringtrade.engine.risk.RiskLimits;
import io.ringtrade.engine.strategy.StrategyStatePolicy;
import io.ringtrade.engine.strategy.StrategyStateStore;
import io.ringtrade.engine.venue.SimulatedFillModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a library strategy through the engine the way {@code ringtrade backtest} builds a book (parameters resolved
 * against the declaration, state cells from the engine's store, the snapshot rule checked, next-open fills without
 * costs), and works out what a rule should trade from a per-bar decision function written in the test.
 */
final class LibraryBacktest {
    static final long CASH = FixedPoint.of(10_000);
    private static final SimulatedFillModel NO_COSTS = new SimulatedFillModel(0, 0, false, 0);

    /** One fill as the tests compare it: side (1 buy, −1 sell), bar start time of the fill, price (fixed-point). */
    record Trade(int side, long time, long price) {
        @Override
        public String toString() {
            return (side > 0 ? "BUY " : "SELL ") + java.time.Instant.ofEpochSecond(0, time) + " @ "
                + FixedPoint.toString(price);
        }
    }

    /** The decision at bar t given the position held at its close (1 long, −1 short, 0 flat). */
    @FunctionalInterface
    interface Rule {
        int decide(int t, int position);
    }

    private LibraryBacktest() {
    }

    /** The engine's fills for {@code definition} with {@code given} parameters on {@code bars}. */
    static RecordingSink run(final StrategyDefinition definition, final Map<String, String> given,
                             final ReferenceBars.Market market, final BarSeriesData bars, final boolean allowShort) {
        final Book book = book(definition, given, market, allowShort);
        BacktestDriver.run(book.logic, new BarSeriesSource(bars, book.id), EventJournal.none(), EffectSink.NONE);
        return book.sink;
    }

    /**
     * The engine's fills for the same run, stopped after bar {@code stopAfter}, snapshotted, and continued from the
     * snapshot by business logic and a strategy instance built afresh (what recovery does), both halves' fills together.
     */
    static List<Trade> runWithRestart(final StrategyDefinition definition, final Map<String, String> given,
                                      final ReferenceBars.Market market, final BarSeriesData bars,
                                      final boolean allowShort, final int stopAfter) {
        final Book first = book(definition, given, market, allowShort);
        final long next = BacktestDriver.feed(first.logic, new BarSeriesSource(part(bars, 0, stopAfter + 1), first.id),
            EventJournal.none(), EffectSink.NONE, 0);
        final byte[] snapshot = first.logic.snapshot();
        final Book second = book(definition, given, market, allowShort);
        second.logic.restore(snapshot);
        BacktestDriver.feed(second.logic, new BarSeriesSource(part(bars, stopAfter + 1, bars.size()), second.id),
            EventJournal.none(), EffectSink.NONE, next);
        second.logic.finish();
        final List<Trade> trades = new ArrayList<>(trades(first.sink));
        trades.addAll(trades(second.sink));
        return trades;
    }

    private record Book(BusinessLogic logic, RecordingSink sink, int id) {
    }

    /** Business logic of one book of {@code definition} writing to {@code sink} (the instrument's id is 0). */
    static BusinessLogic logic(final StrategyDefinition definition, final Map<String, String> given,
                               final ReferenceBars.Market market, final OutputSink sink) {
        final InstrumentRegistry instruments = new InstrumentRegistry();
        final int id = instruments.register(market.symbol, "USD", market.tick, market.lot).id();
        final Parameters parameters = StrategyParameters.resolve(definition, given);
        final StrategyStateStore state = new StrategyStateStore(definition.name());
        final Strategy strategy = definition.create(parameters, state);
        state.close();
        return new BusinessLogic(instruments, List.of(new BookSpec(definition.name(), strategy, new int[] {id},
            market.interval, CASH, NO_COSTS, RiskLimits.longOnly(FixedPoint.of(10)), state, parameters.positionRules())),
            LogicSettings.DEFAULT.withOutputs(sink));
    }

    private static Book book(final StrategyDefinition definition, final Map<String, String> given,
                             final ReferenceBars.Market market, final boolean allowShort) {
        final InstrumentRegistry instruments = new InstrumentRegistry();
        final int id = instruments.register(market.symbol, "USD", market.tick, market.lot).id();
        final Parameters parameters = StrategyParameters.resolve(definition, given);
        final StrategyStateStore state = new StrategyStateStore(definition.name());
        final Strategy strategy = definition.create(parameters, state);
        state.close();
        StrategyStatePolicy.check(strategy, definition.name(), state);
        final RiskLimits limits = allowShort ? new RiskLimits(true, FixedPoint.of(10), 0)
            : RiskLimits.longOnly(FixedPoint.of(10));
        final RecordingSink sink = new RecordingSink();
        final BusinessLogic logic = new BusinessLogic(instruments, List.of(new BookSpec(definition.name(), strategy,
            new int[] {id}, market.interval, CASH, NO_COSTS, limits, state, parameters.positionRules())),
            LogicSettings.DEFAULT.withOutputs(sink));
        return new Book(logic, sink, id);
    }

    static BarSeriesData part(final BarSeriesData bars, final int from, final int to) {
        final int n = to - from;
        final long[][] columns = new long[6][n];
        for (int i = 0; i < n; i++) {
            columns[0][i] = bars.timeNanos(from + i);
            columns[1][i] = bars.open(from + i);
            columns[2][i] = bars.high(from + i);
            columns[3][i] = bars.low(from + i);
            columns[4][i] = bars.close(from + i);
            columns[5][i] = bars.volume(from + i);
        }
        return BarSeriesData.of(bars.symbol(), columns[0], columns[1], columns[2], columns[3], columns[4], columns[5]);
    }

    /** The engine's fills as trades. */
    static List<Trade> trades(final RecordingSink sink) {
        return sink.fills.stream().map(fill -> new Trade(fill.side(), fill.time(), fill.price())).toList();
    }

    /**
     * The trades {@code rule} implies under the engine's decision-function sizing: a buy while flat opens a long, a
     * buy while short covers, a sell while long exits, a sell while flat opens a short only where allowed; each at the
     * next bar's open. A decision at the last bar has no next open.
     */
    static List<Trade> expected(final BarSeriesData bars, final boolean allowShort, final Rule rule) {
        final List<Trade> trades = new ArrayList<>();
        int position = 0;
        for (int t = 0; t + 1 < bars.size(); t++) {
            final int decision = rule.decide(t, position);
            final long time = bars.timeNanos(t + 1);
            final long price = bars.open(t + 1);
            if (decision == DecisionStrategy.BUY && position <= 0) {
                trades.add(new Trade(1, time, price));
                position = position < 0 ? 0 : 1;
            } else if (decision == DecisionStrategy.SELL && (position > 0 || (position == 0 && allowShort))) {
                trades.add(new Trade(-1, time, price));
                position = position > 0 ? 0 : -1;
            }
        }
        return trades;
    }

    /** Asserts that the engine traded exactly {@code expected}, and that there was something to compare. */
    static void assertTrades(final List<Trade> actual, final List<Trade> expected, final int atLeast) {
        assertThat(expected).as("trades the rule implies on this data (the comparison must not be vacuous)")
            .hasSizeGreaterThanOrEqualTo(atLeast);
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    /** {@code ta}'s EMA of {@code x}: α = 2/(n+1) from the first value, no seed, NaN before n values. */
    static double[] ema(final double[] x, final int n) {
        final double alpha = 2.0 / (n + 1);
        final double[] out = new double[x.length];
        double value = Double.NaN;
        for (int t = 0; t < x.length; t++) {
            value = t == 0 ? x[0] : (1 - alpha) * value + alpha * x[t];
            out[t] = t < n - 1 ? Double.NaN : value;
        }
        return out;
    }

    /** Plain mean of the last n values, recomputed at every bar; NaN before n values. */
    static double[] sma(final double[] x, final int n) {
        final double[] out = new double[x.length];
        for (int t = 0; t < x.length; t++) {
            if (t < n - 1) {
                out[t] = Double.NaN;
                continue;
            }
            double sum = 0;
            for (int i = t - n + 1; i <= t; i++) {
                sum += x[i];
            }
            out[t] = sum / n;
        }
        return out;
    }
}
