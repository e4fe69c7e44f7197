package io.ringtrade.strategies;

import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.engine.api.strategy.DoubleCell;
import io.ringtrade.engine.api.strategy.Indicators;
import io.ringtrade.engine.api.strategy.LongArrayCell;
import io.ringtrade.engine.api.strategy.LongCell;
import io.ringtrade.engine.api.strategy.ParameterSpec;
import io.ringtrade.engine.api.strategy.Parameters;
import io.ringtrade.engine.api.strategy.Row;
import io.ringtrade.engine.api.strategy.StrategyState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseTradingRecord;
import org.ta4j.core.Rule;
import org.ta4j.core.Trade.TradeType;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.NumFactory;

/**
 * The bridge for users of ta4j: a strategy written as an entry {@link Rule} and an exit {@link Rule} over ta4j
 * indicators, run by the engine like any decision function. Subclass it, name it, declare the rules' parameters and
 * build the rules over the series you are given; list the subclass in {@code META-INF/services} like any strategy
 * ({@link Ta4jRules} is the shipped example).
 *
 * <p><b>Evaluation.</b> At each bar close the bridge builds a fresh ta4j {@link BarSeries} (doubles) of the last
 * {@code bars} closed bars of the instrument, ending with this one, asks the subclass for its rules over that series
 * and evaluates them at the series' last index: while the book is flat, a satisfied entry rule enters; while it
 * holds a position, a satisfied exit rule exits. {@link #tradeType} says which way, as ta4j's
 * {@code BaseStrategy#getStartingType} does: {@code BUY} (the default) enters with a buy and exits with a sell,
 * {@code SELL} enters with a short sale and exits with a buy to cover (in a book that may short; where the book may not,
 * its entries place nothing, like every short decision there). No decision until more than {@link #unstableBars} bars
 * exist (ta4j's unstable period). Orders fill at the next bar's open, as ta4j's {@code TradeOnNextOpenModel}
 * assumes.
 *
 * <p><b>State and the snapshot rule.</b> The series is never kept between bars: it is rebuilt each bar from the
 * engine's own bar history (which the engine snapshots), so a restore from a snapshot evaluates the same series as an
 * uninterrupted run. What the bridge remembers lives in state cells: the bar start times of the last {@code bars} bars
 * (ta4j bars carry times), whether it asked to enter, and the entry's bar time and fill price (the open of the bar
 * after the entry decision), which it passes to the rules in a {@link TradingRecord} so that rules such as
 * {@code StopLossRule} see the open position. An entry older than the series is recorded at its first index. Because
 * the series is bounded, a recursive indicator (an EMA, Wilder's RSI) starts afresh from the series' first bar every
 * bar: choose {@code bars} long enough for the rules' indicators to settle, or use windowed ones.
 *
 * <p>Cost: a ta4j series and indicators per bar, O(bars) with allocation; for bar strategies, not for ticks.
 * Business-logic thread.
 */
public abstract class Ta4jRuleStrategy extends LibraryStrategy {
    private static final NumFactory NUMBERS = DoubleNumFactory.getInstance();

    /** The entry and exit rule of a position. */
    public record Rules(Rule entry, Rule exit) {
    }

    /** For subclasses. */
    protected Ta4jRuleStrategy() {
    }

    /** The rules' own parameters; the bridge adds {@code bars}. */
    protected abstract List<ParameterSpec> ruleParameters();

    /** The entry and exit rules over {@code series} for {@code parameters}. Called once per bar. */
    protected abstract Rules rules(BarSeries series, Parameters parameters);

    /** Bars at the start of the data on which no decision is made (ta4j's unstable bars); 0 by default. */
    protected int unstableBars(final Parameters parameters) {
        return 0;
    }

    /**
     * Which way the rules trade: {@link TradeType#BUY} (long: enter with a buy) by default, {@link TradeType#SELL}
     * (short: enter with a sale). The trading record the rules see starts with this type, so a {@code StopLossRule}
     * judges a short's loss on a rise.
     */
    protected TradeType tradeType(final Parameters parameters) {
        return TradeType.BUY;
    }

    /** The smallest series length the rules need; {@code bars} below it is refused. 2 by default. */
    protected int minimumBars(final Parameters parameters) {
        return 2;
    }

    /** The bars of the evaluated series by default. */
    protected int defaultBars() {
        return 200;
    }

    @Override
    public final List<ParameterSpec> parameters() {
        final List<ParameterSpec> all = new ArrayList<>(ruleParameters());
        all.add(ParameterSpec.ofInt("bars", defaultBars(), 2, 10_000, List.of(defaultBars()),
            "closed bars in the ta4j series the rules are evaluated over"));
        return List.copyOf(all);
    }

    @Override
    protected final DecisionStrategy rule(final Parameters parameters, final Indicators indicators,
                                          final StrategyState state) {
        final int bars = parameters.getInt("bars");
        final int minimum = minimumBars(parameters);
        if (bars < minimum) {
            throw new IllegalArgumentException("strategy " + name() + ": bars (" + bars + ") must be at least "
                + minimum + " for these rules");
        }
        final int unstable = unstableBars(parameters);
        final TradeType type = tradeType(parameters);
        final int enter = type == TradeType.BUY ? DecisionStrategy.BUY : DecisionStrategy.SELL;
        reach(indicators, bars - 1);
        final LongArrayCell times = state.longArray("bar_times", bars, 0);
        final LongCell pending = state.longCell("entry_pending", 0);
        final LongCell entryTime = state.longCell("entry_time", -1);
        final DoubleCell entryPrice = state.doubleCell("entry_price", Double.NaN);
        return row -> {
            final int index = row.barIndex();
            times.set(index % bars, row.timeNanos());
            if (pending.get() == 1) {
                pending.set(0);
                if (row.inPosition()) {
                    entryTime.set(row.timeNanos());
                    entryPrice.set(row.open());
                }
            }
            if (!row.inPosition()) {
                entryTime.set(-1);
            }
            if (index < unstable) {
                return DecisionStrategy.HOLD;
            }
            final int length = Math.min(index + 1, bars);
            final BarSeries series = series(row, times, length, bars);
            final Rules rules = rules(series, parameters);
            final int last = length - 1;
            final TradingRecord record = new BaseTradingRecord(type);
            if (row.inPosition()) {
                if (entryTime.get() >= 0) {
                    record.enter(entryIndex(row, times, length, bars, entryTime.get()),
                        NUMBERS.numOf(entryPrice.get()), NUMBERS.one());
                }
                return rules.exit().isSatisfied(last, record) ? -enter : DecisionStrategy.HOLD;
            }
            if (rules.entry().isSatisfied(last, record)) {
                pending.set(1);
                return enter;
            }
            return DecisionStrategy.HOLD;
        };
    }

    /** The last {@code length} bars as a ta4j series, oldest first; each bar ends where the next begins. */
    private static BarSeries series(final Row row, final LongArrayCell times, final int length, final int bars) {
        final BarSeries series = new BaseBarSeriesBuilder().withName(row.symbol()).withNumFactory(NUMBERS).build();
        final int index = row.barIndex();
        for (int ago = length - 1; ago >= 0; ago--) {
            final long begin = times.get((index - ago) % bars);
            final long end = ago > 0 ? times.get((index - ago + 1) % bars)
                : begin + (length > 1 ? begin - times.get((index - 1) % bars) : 1);
            series.barBuilder()
                .timePeriod(Duration.ofNanos(end - begin))
                .beginTime(instant(begin))
                .endTime(instant(end))
                .openPrice(row.open(ago))
                .highPrice(row.high(ago))
                .lowPrice(row.low(ago))
                .closePrice(row.close(ago))
                .volume(row.volume(ago))
                .add();
        }
        return series;
    }

    /** The series index of the bar that started at {@code time}, or 0 when it is older than the series. */
    private static int entryIndex(final Row row, final LongArrayCell times, final int length, final int bars,
                                  final long time) {
        final int index = row.barIndex();
        for (int ago = 0; ago < length; ago++) {
            if (times.get((index - ago) % bars) == time) {
                return length - 1 - ago;
            }
        }
        return 0;
    }

    private static Instant instant(final long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L),
            Math.floorMod(epochNanos, 1_000_000_000L));
    }
}
