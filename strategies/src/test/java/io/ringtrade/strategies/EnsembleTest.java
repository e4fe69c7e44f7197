package io.ringtrade.strategies;

import static io.ringtrade.strategies.LibraryBacktest.ema;
import static io.ringtrade.strategies.LibraryBacktest.run;
import static io.ringtrade.strategies.LibraryBacktest.runWithRestart;
import static io.ringtrade.strategies.LibraryBacktest.trades;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.engine.api.strategy.Parameters;
import io.ringtrade.engine.api.strategy.StrategyParameters;
import io.ringtrade.engine.api.strategy.WeightLog;
import io.ringtrade.engine.output.RecordingSink;
import io.ringtrade.strategies.LibraryBacktest.Trade;
import io.ringtrade.strategies.ReferenceBars.Market;

import io.ringtrade.adapters.marketdata.BarSeriesSource;
import io.ringtrade.engine.api.journal.EventJournal;
import io.ringtrade.engine.backtest.BacktestDriver;
import io.ringtrade.engine.logic.BusinessLogic;
import io.ringtrade.engine.output.CsvOutputWriter;
import io.ringtrade.engine.output.OutputRows;
import io.ringtrade.engine.output.OutputSink;
import io.ringtrade.engine.pipeline.EffectSink;

import io.ringtrade.adapters.marketdata.BarSeriesData;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code ensemble} against a plain re-statement of its rules written here: the five members' decisions from
 * {@code ta}'s own columns (and an EMA and swing scan written out), their virtual trades, the learning (the decayed
 * mean return computed as an explicit sum over each member's trade list, not recursively), the vote and the trades
 * it makes; and the rows of {@code weights.csv}, one per change, as the engine records them. Real data only.
 */
class EnsembleTest {
    private static final String[] SYMBOL = {"BTC/USD"};
    private static final String[] BOOK = {"ensemble"};
    private static final String[] REASONS = {"start", "learn", "learn_capped", "normalise", "floor"};

    /** One row of weights.csv as compared here. */
    private record WeightRow(long time, String member, double oldWeight, double newWeight, String reason,
                             double reward, long trades) {
    }

    /** A member's decision at bar t given whether its own virtual position is open. */
    @FunctionalInterface
    private interface MemberRule {
        int decide(int t, boolean open);
    }

    @ParameterizedTest(name = "{0} min_trades={1} lr={2} decay={3}")
    @CsvSource({"BITSTAMP_5M, 20, 0.1, 0.95", "BITSTAMP_5M, 3, 0.3, 0.9", "ETH_5M, 4, 0.5, 1", "APPLE_DAILY, 2, 0.2, 0"})
    void shouldVoteByWeightAndLearnAsItsRulesSay(final Market market, final int minTrades, final double lr,
                                                 final double decay) {
        final ReferenceBars data = ReferenceBars.of(market);
        final Map<String, String> given = Map.of("min_trades", Integer.toString(minTrades), "lr", Double.toString(lr),
            "decay", Double.toString(decay));
        final Expected expected = expected(data, minTrades, lr, decay);

        final RecordingSink sink = run(new Ensemble(), given, market, data.bars, false);

        assertThat(expected.trades).as("the vote trades on this data").hasSizeGreaterThanOrEqualTo(4);
        assertThat(expected.weights.stream().filter(row -> row.reason().startsWith("learn")).count())
            .as("learning steps on this data").isGreaterThanOrEqualTo(2);
        assertThat(trades(sink)).containsExactlyElementsOf(expected.trades);
        assertThat(sink.weightMembers).containsEntry(0, Ensemble.memberNames());
        final List<RecordingSink.Weight> actual = sink.weights;
        assertThat(actual).hasSameSizeAs(expected.weights);
        for (int i = 0; i < actual.size(); i++) {
            final RecordingSink.Weight row = actual.get(i);
            final WeightRow want = expected.weights.get(i);
            assertThat(List.of(row.time(), row.member(), REASONS[row.reason()], row.trades()))
                .as("weights.csv row %d", i).containsExactly(want.time(), want.member(), want.reason(), want.trades());
            assertThat(row.oldWeight()).as("old weight, row %d", i).isCloseTo(want.oldWeight(), within(1e-12));
            assertThat(row.newWeight()).as("new weight, row %d", i).isCloseTo(want.newWeight(), within(1e-12));
            if (Double.isNaN(want.reward())) {
                assertThat(row.reward()).as("reward, row %d", i).isNaN();
            } else {
                assertThat(row.reward()).as("reward, row %d", i).isCloseTo(want.reward(), within(1e-12));
            }
        }
    }

    @Test
    void shouldAllocateNothingPerBarWhileItVotesAndLearns() {
        // Bitstamp's 5-minute bars twelve times over (times shifted, so the clock moves on): six to warm up, six
        // measured with the thread's allocation counter. Before, each member's row view and each learning step's
        // copies of the weights were new objects: 126 bytes a bar, megabytes here.
        final BarSeriesData once = ReferenceBars.of(Market.BITSTAMP_5M).bars;
        final BarSeriesData bars = repeated(once, 12);
        final CountingSink sink = new CountingSink();
        final BusinessLogic logic = LibraryBacktest.logic(new Ensemble(), Map.of("min_trades", "2", "floor", "0.15"),
            Market.BITSTAMP_5M, sink);
        final int warm = 6 * once.size();
        final long next = BacktestDriver.feed(logic, new BarSeriesSource(LibraryBacktest.part(bars, 0, warm), 0),
            EventJournal.none(), EffectSink.NONE, 0);
        final BarSeriesSource measured = new BarSeriesSource(LibraryBacktest.part(bars, warm, bars.size()), 0);
        final long weightsBefore = sink.weights;
        final long fillsBefore = sink.fills;
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        final long before = threads.getCurrentThreadAllocatedBytes();
        BacktestDriver.feed(logic, measured, EventJournal.none(), EffectSink.NONE, next);
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(sink.weights - weightsBefore).as("weight changes while measured").isGreaterThan(200);
        assertThat(sink.fills - fillsBefore).as("fills while measured").isGreaterThan(50);
        assertThat(allocated).as("bytes allocated over %d bars", bars.size() - warm).isLessThan(16_384);
    }

    private static BarSeriesData repeated(final BarSeriesData bars, final int times) {
        final int n = bars.size();
        final long span = bars.timeNanos(n - 1) - bars.timeNanos(0) + Market.BITSTAMP_5M.interval.nanos();
        final long[][] columns = new long[6][n * times];
        for (int k = 0; k < times; k++) {
            for (int i = 0; i < n; i++) {
                final int at = k * n + i;
                columns[0][at] = bars.timeNanos(i) + k * span;
                columns[1][at] = bars.open(i);
                columns[2][at] = bars.high(i);
                columns[3][at] = bars.low(i);
                columns[4][at] = bars.close(i);
                columns[5][at] = bars.volume(i);
            }
        }
        return BarSeriesData.of(bars.symbol(), columns[0], columns[1], columns[2], columns[3], columns[4], columns[5]);
    }

    /** Keeps nothing, counts the fills and the weight changes. */
    private static final class CountingSink extends OutputSink.KeepsNothing {
        private long fills;
        private long weights;

        @Override
        public void fill(final long timeNanos, final int bookIndex, final int instrumentId, final int side,
                         final long quantity, final long price, final long fee, final long orderId,
                         final long realizedPnl) {
            fills++;
        }

        @Override
        public void weight(final long timeNanos, final int bookIndex, final int member, final double oldWeight,
                           final double newWeight, final int reason, final double reward, final long trades) {
            weights++;
        }
    }

    @Test
    void shouldKeepWeightsAboveTheFloorSummingToOne() {
        final ReferenceBars data = ReferenceBars.of(Market.BITSTAMP_5M);
        final RecordingSink sink = run(new Ensemble(), Map.of("min_trades", "1", "lr", "1", "max_step", "1",
            "floor", "0.1", "reward_scale", "0.001"), Market.BITSTAMP_5M, data.bars, false);
        final double[] weights = {0.2, 0.2, 0.2, 0.2, 0.2};
        final List<String> members = Ensemble.memberNames();

        assertThat(sink.weights.stream().filter(row -> row.reason() == WeightLog.Reason.FLOOR.ordinal()).count())
            .as("the floor is reached on this data").isPositive();
        for (final RecordingSink.Weight row : sink.weights) {
            weights[members.indexOf(row.member())] = row.newWeight();
            assertThat(row.newWeight()).isGreaterThanOrEqualTo(0.1 - 1e-15);
        }
        assertThat(weights[0] + weights[1] + weights[2] + weights[3] + weights[4]).isCloseTo(1, within(1e-12));
    }

    @Test
    void shouldTradeAndLearnTheSameAfterARestoreFromASnapshot() {
        final ReferenceBars data = ReferenceBars.of(Market.BITSTAMP_5M);
        final Map<String, String> given = Map.of("min_trades", "3");
        final List<Trade> whole = trades(run(new Ensemble(), given, Market.BITSTAMP_5M, data.bars, false));

        assertThat(runWithRestart(new Ensemble(), given, Market.BITSTAMP_5M, data.bars, false, 777)).isEqualTo(whole);
    }

    @Test
    void shouldWriteTheSameWeightsCsvByteForByteAfterRecoveringFromASnapshot(@TempDir final Path temp)
        throws Exception {
        final ReferenceBars data = ReferenceBars.of(Market.BITSTAMP_5M);
        final Map<String, String> given = Map.of("min_trades", "3");
        final Path fullDir = temp.resolve("full");
        final CsvOutputWriter fullFiles = CsvOutputWriter.open(fullDir, OutputRows.NONE, SYMBOL, BOOK);
        final BusinessLogic full = LibraryBacktest.logic(new Ensemble(), given, Market.BITSTAMP_5M, fullFiles);
        BacktestDriver.run(full, new BarSeriesSource(data.bars, 0), EventJournal.none(), EffectSink.NONE);
        fullFiles.close();
        assertThat(Files.readAllLines(fullDir.resolve("weights.csv"))).hasSizeGreaterThan(100)
            .startsWith("time,strategy,member,old,new,reason,reward,trades",
                "2013-11-25T00:00:00Z,ensemble,rsi_mean_reversion,0.2,0.2,start,,0");

        final int cut = 1_000;
        final Path dir = temp.resolve("recovered");
        final CsvOutputWriter beforeFiles = CsvOutputWriter.open(dir, OutputRows.NONE, SYMBOL, BOOK);
        final BusinessLogic before = LibraryBacktest.logic(new Ensemble(), given, Market.BITSTAMP_5M, beforeFiles);
        final long next = BacktestDriver.feed(before, new BarSeriesSource(LibraryBacktest.part(data.bars, 0, cut), 0),
            EventJournal.none(), EffectSink.NONE, 0);
        final byte[] snapshot = before.snapshot();
        // it went on after the snapshot before it stopped: rows the snapshot does not cover, which recovery cuts
        BacktestDriver.feed(before, new BarSeriesSource(LibraryBacktest.part(data.bars, cut, cut + 300), 0),
            EventJournal.none(), EffectSink.NONE, next);
        beforeFiles.close();

        final BusinessLogic probe = LibraryBacktest.logic(new Ensemble(), given, Market.BITSTAMP_5M, OutputSink.NONE);
        probe.restore(snapshot);
        assertThat(probe.outputRows().weights()).isPositive();
        final CsvOutputWriter recoveredFiles = CsvOutputWriter.open(dir, probe.outputRows(), SYMBOL, BOOK);
        final BusinessLogic recovered = LibraryBacktest.logic(new Ensemble(), given, Market.BITSTAMP_5M,
            recoveredFiles);
        recovered.restore(snapshot);
        BacktestDriver.feed(recovered, new BarSeriesSource(LibraryBacktest.part(data.bars, cut, data.size()), 0),
            EventJournal.none(), EffectSink.NONE, next);
        recovered.finish();
        recoveredFiles.close();

        for (final String file : List.of("weights.csv", "trades.csv", "equity.csv")) {
            assertThat(Files.readAllBytes(dir.resolve(file))).as(file)
                .isEqualTo(Files.readAllBytes(fullDir.resolve(file)));
        }
    }

    @Test
    void shouldVoteWithTheMembersItIsGiven() {
        final ReferenceBars data = ReferenceBars.of(Market.ETH_5M);
        final RecordingSink sink = run(new Ensemble(), Map.of("members", "sma_crossover, ta_regime,swing",
            "min_trades", "2"), Market.ETH_5M, data.bars, false);

        assertThat(sink.weightMembers).containsEntry(0, List.of("sma_crossover", "ta_regime", "swing"));
        assertThat(sink.weights.subList(0, 3)).extracting(RecordingSink.Weight::newWeight)
            .containsOnly(1.0 / 3);
        assertThat(sink.fills).isNotEmpty();
    }

    @Test
    void shouldRunMembersWithTheParametersTheyAreGiven() {
        // vwap with a band of 2 % and swing with k = 3: the plain re-statement with the same two changes
        final ReferenceBars data = ReferenceBars.of(Market.BITSTAMP_5M);
        final List<String> names = List.of("rsi_mean_reversion", "macd_crossover", "vwap(band=0.02)",
            "stochastic_oscillator", "swing(k=3)");
        final Expected expected = expected(data, names, memberRules(data, 0.02, 3), 3, 0.1, 0.95);
        final Expected defaults = expected(data, 3, 0.1, 0.95);

        final RecordingSink sink = run(new Ensemble(), Map.of("members", String.join(", ", names), "min_trades", "3"),
            Market.BITSTAMP_5M, data.bars, false);

        assertThat(expected.trades).as("the two changes change the trades on this data")
            .isNotEqualTo(defaults.trades).hasSizeGreaterThanOrEqualTo(4);
        assertThat(trades(sink)).containsExactlyElementsOf(expected.trades);
        assertThat(sink.weightMembers).containsEntry(0, names);
        assertThat(sink.weights).extracting(RecordingSink.Weight::member, RecordingSink.Weight::trades)
            .containsExactlyElementsOf(expected.weights.stream()
                .map(row -> tuple(row.member(), row.trades())).toList());
    }

    @Test
    void shouldRunOneStrategyTwiceWithOtherParameters() {
        final ReferenceBars data = ReferenceBars.of(Market.ETH_5M);
        final RecordingSink sink = run(new Ensemble(), Map.of("members",
            "sma_crossover(fast=5;slow=20),sma_crossover(fast=10;slow=40)", "min_trades", "2"), Market.ETH_5M,
            data.bars, false);

        assertThat(sink.weightMembers).containsEntry(0, List.of("sma_crossover(fast=5;slow=20)",
            "sma_crossover(fast=10;slow=40)"));
        assertThat(sink.fills).isNotEmpty();
    }

    @Test
    void shouldRefuseAMemberParameterItsStrategyRefusesOrWritesWrongly() {
        final Ensemble definition = new Ensemble();

        assertThatThrownBy(() -> definition.create(StrategyParameters.resolve(definition, Map.of("members",
            "swing(k=3),vwap(width=2)")))).hasMessage("strategy ensemble: members: strategy vwap has no parameter"
                + " 'width' (parameters: n, band)");
        assertThatThrownBy(() -> definition.create(StrategyParameters.resolve(definition, Map.of("members",
            "swing(k=0),vwap")))).hasMessage("strategy ensemble: members: strategy swing parameter k=0 is out of range"
                + " (expected 1 to 500)");
        assertThatThrownBy(() -> definition.create(StrategyParameters.resolve(definition, Map.of("members",
            "swing(k=3,vwap")))).hasMessage("strategy ensemble: members: 'swing(k=3' opens a parameter list it does"
                + " not close: write swing(key=value;key=value)");
        assertThatThrownBy(() -> definition.create(StrategyParameters.resolve(definition, Map.of("members",
            "swing(k=3;k=4),vwap")))).hasMessage("strategy ensemble: members: 'swing(k=3;k=4)': 'k=4' is not one"
                + " key=value of its own (write swing(key=value;key=value))");
        assertThatThrownBy(() -> definition.create(StrategyParameters.resolve(definition, Map.of("members",
            "swing(k=3),swing( k = 3 )")))).hasMessage("strategy ensemble: members: swing(k=3) is named twice");
    }

    @Test
    void shouldRefuseAnUnknownRepeatedOrLonelyMember() {
        final Ensemble definition = new Ensemble();

        assertThatThrownBy(() -> definition.create(StrategyParameters.resolve(definition, Map.of("members",
            "swing,alpha")))).hasMessage("strategy ensemble: members: 'alpha' is not a strategy that can be a member"
                + " (members can be: sma_crossover, rsi_mean_reversion, macd_crossover, vwap, stochastic_oscillator,"
                + " ta_regime, swing)");
        assertThatThrownBy(() -> definition.create(StrategyParameters.resolve(definition, Map.of("members",
            "swing,vwap,swing")))).hasMessage("strategy ensemble: members: swing is named twice");
        assertThatThrownBy(() -> definition.create(StrategyParameters.resolve(definition, Map.of("members",
            "swing")))).hasMessage("strategy ensemble: members: give at least two (got 'swing')");
    }

    @Test
    void shouldRefuseAFloorThatFiveMembersCannotAllHold() {
        final Ensemble definition = new Ensemble();

        assertThatThrownBy(() -> Parameters.resolve(definition.name(), definition.parameters(), Map.of("floor", "0.3")))
            .hasMessage("strategy ensemble parameter floor=0.3 is out of range (expected 0.001 to 0.2)");
        assertThatThrownBy(() -> definition.create(StrategyParameters.resolve(definition, Map.of("floor", "0.2",
            "members", "sma_crossover,rsi_mean_reversion,macd_crossover,vwap,stochastic_oscillator,ta_regime,swing"))))
            .hasMessage("strategy ensemble: floor (0.2) times 7 members exceeds 1");
    }

    private record Expected(List<Trade> trades, List<WeightRow> weights) {
    }

    private static Expected expected(final ReferenceBars data, final int minTrades, final double lr,
                                     final double decay) {
        return expected(data, Ensemble.memberNames(), memberRules(data, 0.01, 5), minTrades, lr, decay);
    }

    private static Expected expected(final ReferenceBars data, final List<String> names, final MemberRule[] rules,
                                     final int minTrades, final double lr, final double decay) {
        final int n = rules.length;
        final double maxStep = 0.10;
        final double floor = 0.05;
        final double rewardScale = 0.01;
        final double threshold = 0.5;
        final double[] weights = {0.2, 0.2, 0.2, 0.2, 0.2};
        final double[] rewards = {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        final boolean[] open = new boolean[n];
        final int[] pending = new int[n];
        final double[] entry = new double[n];
        final List<List<Double>> returns = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            returns.add(new ArrayList<>());
        }
        final List<WeightRow> rows = new ArrayList<>();
        final List<Trade> trades = new ArrayList<>();
        int position = 0;
        int order = 0;
        for (int t = 0; t < data.size(); t++) {
            final long time = data.bars.timeNanos(t);
            if (order != 0) {
                trades.add(new Trade(order, time, data.bars.open(t)));
                position = order > 0 ? 1 : 0;
                order = 0;
            }
            if (t == 0) {
                for (int i = 0; i < n; i++) {
                    rows.add(new WeightRow(time, names.get(i), 0.2, 0.2, "start", Double.NaN, 0));
                }
            }
            for (int i = 0; i < n; i++) {
                if (pending[i] > 0) {
                    open[i] = true;
                    entry[i] = data.open(t);
                } else if (pending[i] < 0) {
                    open[i] = false;
                    final List<Double> list = returns.get(i);
                    list.add(data.open(t) / entry[i] - 1);
                    double numerator = 0;
                    double denominator = 0;
                    for (int k = 0; k < list.size(); k++) {
                        final double factor = Math.pow(decay, list.size() - 1 - k);
                        numerator += factor * list.get(k);
                        denominator += factor;
                    }
                    rewards[i] = Math.max(0, Math.min(1, 0.5 + numerator / denominator / (2 * rewardScale)));
                    if (list.size() >= minTrades) {
                        learn(i, time, weights, rewards, returns, names, lr, maxStep, floor, rows);
                    }
                }
                pending[i] = 0;
            }
            double score = 0;
            for (int i = 0; i < n; i++) {
                final int decision = rules[i].decide(t, open[i]);
                if (decision == DecisionStrategy.BUY && !open[i]) {
                    pending[i] = 1;
                } else if (decision == DecisionStrategy.SELL && open[i]) {
                    pending[i] = -1;
                }
                if (pending[i] > 0 || (open[i] && pending[i] == 0)) {
                    score += weights[i];
                }
            }
            if (t + 1 < data.size()) {
                if (score >= threshold && position == 0) {
                    order = 1;
                } else if (score < threshold && position > 0) {
                    order = -1;
                }
            }
        }
        return new Expected(trades, rows);
    }

    private static void learn(final int member, final long time, final double[] weights, final double[] rewards,
                              final List<List<Double>> returns, final List<String> names, final double lr,
                              final double maxStep, final double floor, final List<WeightRow> rows) {
        final double[] old = weights.clone();
        final double target = (1 - lr) * old[member] + lr * rewards[member];
        final double capped = Math.max(old[member] * (1 - maxStep), Math.min(old[member] * (1 + maxStep), target));
        weights[member] = capped;
        final double sum = weights[0] + weights[1] + weights[2] + weights[3] + weights[4];
        for (int i = 0; i < weights.length; i++) {
            weights[i] /= sum;
        }
        double deficit = 0;
        double surplus = 0;
        for (final double weight : weights) {
            deficit += Math.max(0, floor - weight);
            surplus += Math.max(0, weight - floor);
        }
        final boolean floored = deficit > 0;
        if (floored) {
            for (int i = 0; i < weights.length; i++) {
                weights[i] = weights[i] < floor ? floor : floor + (weights[i] - floor) * (1 - deficit / surplus);
            }
        }
        for (int i = 0; i < weights.length; i++) {
            if (i == member) {
                rows.add(new WeightRow(time, names.get(i), old[i], weights[i], capped != target ? "learn_capped"
                    : "learn", rewards[i], returns.get(i).size()));
            } else if (weights[i] != old[i]) {
                rows.add(new WeightRow(time, names.get(i), old[i], weights[i], floored ? "floor" : "normalise",
                    rewards[i], returns.get(i).size()));
            }
        }
    }

    /**
     * The five default members, from ta's columns and plain calculations: at their defaults but for vwap's band and
     * swing's k.
     */
    private static MemberRule[] memberRules(final ReferenceBars data, final double band, final int swingK) {
        final double[] rsi = data.column("momentum_rsi");
        final double[] macd = data.column("trend_macd");
        final double[] signal = data.column("trend_macd_signal");
        final double[] trend = ema(data.closes(), 50);
        final double[] vwap = data.column("volume_vwap");
        final double[] k = data.column("momentum_stoch");
        final double[] d = data.column("momentum_stoch_signal");
        final double[] close = data.closes();
        return new MemberRule[] {
            (t, open) -> Double.isNaN(rsi[t]) ? 0 : rsi[t] < 30 ? 1 : rsi[t] > 70 ? -1 : 0,
            (t, open) -> {
                if (t < 1 || Double.isNaN(signal[t - 1]) || Double.isNaN(trend[t])) {
                    return 0;
                }
                if (macd[t] > signal[t] && macd[t - 1] <= signal[t - 1] && (close[t] > trend[t] || open)) {
                    return 1;
                }
                return macd[t] < signal[t] && macd[t - 1] >= signal[t - 1] && (close[t] < trend[t] || open) ? -1 : 0;
            },
            (t, open) -> Double.isNaN(vwap[t]) ? 0 : close[t] < vwap[t] * (1 - band) ? 1
                : close[t] > vwap[t] * (1 + band) ? -1 : 0,
            (t, open) -> {
                if (t < 1 || Double.isNaN(d[t - 1])) {
                    return 0;
                }
                if (k[t] > d[t] && k[t - 1] <= d[t - 1] && k[t] < 20 && d[t] < 20) {
                    return 1;
                }
                return k[t] < d[t] && k[t - 1] >= d[t - 1] && k[t] > 80 && d[t] > 80 ? -1 : 0;
            },
            (t, open) -> {
                if (t < 2 * swingK) {
                    return 0;
                }
                final int c = t - swingK;
                boolean low = true;
                boolean high = true;
                for (int j = c - swingK; j <= c + swingK; j++) {
                    if (j != c) {
                        low &= close[c] < close[j];
                        high &= close[c] > close[j];
                    }
                }
                return low ? 1 : high ? -1 : 0;
            }};
    }
}
