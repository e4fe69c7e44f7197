package io.ringtrade.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrade.engine.api.event.CommandCode;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.OrderType;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.engine.api.strategy.PositionRules;
import io.ringtrade.engine.logic.BookSpec;
import io.ringtrade.engine.logic.BusinessLogic;
import io.ringtrade.engine.logic.LogicSettings;
import io.ringtrade.engine.order.OrderTransition;
import io.ringtrade.engine.output.RecordingSink;
import io.ringtrade.engine.risk.RiskLimits;
import io.ringtrade.engine.venue.SimulatedFillModel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

/**
 * Managed positions through business logic and the simulated venue, on hand-made daily bars whose expected fills are
 * worked out by hand in each test (no costs unless a test says so; tick 0.01, lot 1).
 */
class ManagedPositionsTest {
    private static final long DAY = Interval.D1.nanos();
    private static final int ACME = 0;
    private static final int B = DecisionStrategy.BUY;
    private static final int S = DecisionStrategy.SELL;
    private static final int H = DecisionStrategy.HOLD;

    private final InstrumentRegistry instruments = new InstrumentRegistry();
    private final RecordingSink sink = new RecordingSink();
    private long sequence;

    ManagedPositionsTest() {
        instruments.register("ACME", "USD", FixedPoint.parse("0.01"), FixedPoint.of(1));
    }

    private static long fp(final String decimal) {
        return FixedPoint.parse(decimal);
    }

    /** A book deciding {@code script[barIndex]} (hold past its end) under {@code rules}. */
    private BusinessLogic logic(final PositionRules rules, final boolean allowShort, final long slippageBps,
                                final int... script) {
        return logic(rules, allowShort, slippageBps, false, false, script);
    }

    /** As above without costs, with {@code on-opposite = reverse} when {@code reverse}, filling at closes when asked. */
    private BusinessLogic logic(final PositionRules rules, final boolean allowShort, final boolean reverse,
                                final boolean fillAtClose, final int... script) {
        return logic(rules, allowShort, 0, reverse, fillAtClose, script);
    }

    private BusinessLogic logic(final PositionRules rules, final boolean allowShort, final long slippageBps,
                                final boolean reverse, final boolean fillAtClose, final int... script) {
        final DecisionStrategy strategy = row -> row.barIndex() < script.length ? script[row.barIndex()] : H;
        final StrategyStateStore state = new StrategyStateStore("book");
        state.close();
        return new BusinessLogic(instruments, List.of(new BookSpec("book", strategy, new int[] {ACME}, Interval.D1,
            FixedPoint.of(10_000), new SimulatedFillModel(slippageBps, 0, fillAtClose, 0), new RiskLimits(allowShort, 0, 0),
            state, rules, reverse)), LogicSettings.DEFAULT.withOutputs(sink));
    }

    private void bar(final BusinessLogic logic, final int day, final String open, final String high, final String low,
                     final String close) {
        final EngineEvent event = new EngineEvent().setBar(ACME, day * DAY, fp(open), fp(high), fp(low), fp(close),
            FixedPoint.of(1_000_000));
        event.sequence = sequence++;
        logic.onEvent(event);
    }

    /** Fills as "SIDE quantity@price reason". */
    private List<String> fills() {
        final List<String> out = new ArrayList<>();
        for (int i = 0; i < sink.fills.size(); i++) {
            final RecordingSink.Fill fill = sink.fills.get(i);
            out.add((fill.side() > 0 ? "BUY " : "SELL ") + FixedPoint.toString(fill.quantity()) + "@"
                + FixedPoint.toString(fill.price()) + " " + sink.fillReasons.get(i) + " day " + fill.time() / DAY);
        }
        return out;
    }

    /** Prices of the protective orders released, as "TYPE price". */
    private List<String> released() {
        final List<String> out = new ArrayList<>();
        for (final RecordingSink.OrderEvent event : sink.orderEvents) {
            if (event.transition() == OrderTransition.RELEASE && event.type() != OrderType.MARKET) {
                out.add(OrderType.name(event.type()) + " " + FixedPoint.toString(event.price()) + " x"
                    + FixedPoint.toString(event.quantity()));
            }
        }
        return out;
    }

    private static final PositionRules SL2_TP4 = PositionRules.DEFAULT.tradeNotional(1_000).stopLoss(0.02)
        .takeProfit(0.04);

    @Test
    void shouldStopOutInTheEntryBarWhenItsRangeReachesTheStop() {
        final BusinessLogic logic = logic(SL2_TP4, false, 0, B);
        bar(logic, 0, "100", "100", "100", "100");
        // entry 1000 / 100 = 10 at day 1's open 100; stop 98, take-profit 104 live at once; the low 97.5 stops it
        bar(logic, 1, "100", "101", "97.5", "99");
        assertThat(fills()).containsExactly("BUY 10@100 entry day 1", "SELL 10@98 stop_loss day 1");
        assertThat(released()).containsExactly("STOP 98 x10", "LIMIT 104 x10");
        assertThat(logic.workingOrders()).isZero();
    }

    @Test
    void shouldTakeTheAdverseExitFirstWhenOneBarReachesBoth() {
        final BusinessLogic logic = logic(SL2_TP4, false, 0, B);
        bar(logic, 0, "100", "100", "100", "100");
        bar(logic, 1, "100", "105", "97", "104");
        assertThat(fills()).containsExactly("BUY 10@100 entry day 1", "SELL 10@98 stop_loss day 1");
    }

    @Test
    void shouldTakeProfitAtTheLimitOrAtAGappedOpenWithoutSlippage() {
        final BusinessLogic through = logic(SL2_TP4, false, 0, B);
        bar(through, 0, "100", "100", "100", "100");
        bar(through, 1, "100", "103", "99", "102");
        bar(through, 2, "103", "104.5", "102", "104");
        assertThat(fills()).containsExactly("BUY 10@100 entry day 1", "SELL 10@104 take_profit day 2");
        sink.fills.clear();
        sink.fillReasons.clear();
        // 10 bps slippage: the entry pays 100.10, so stop 98.098 → 98.09 (down), take-profit 104.104 → 104.11 (up);
        // a gap to 106 fills the take-profit at the open, unslipped
        final BusinessLogic gap = logic(SL2_TP4, false, 10, B);
        bar(gap, 0, "100", "100", "100", "100");
        bar(gap, 1, "100", "103", "99", "102");
        bar(gap, 2, "106", "107", "105", "106");
        assertThat(fills()).containsExactly("BUY 10@100.1 entry day 1", "SELL 10@106 take_profit day 2");
        assertThat(released()).endsWith("STOP 98.09 x10", "LIMIT 104.11 x10");
    }

    @Test
    void shouldFillAStopAtAGappedOpenWithSlippage() {
        final BusinessLogic logic = logic(SL2_TP4, false, 10, B);
        bar(logic, 0, "100", "100", "100", "100");
        bar(logic, 1, "100", "103", "99", "102");
        // opens at 95 below the 98.09 stop: fills at 95 less 10 bps = 94.905
        bar(logic, 2, "95", "96", "94", "95");
        assertThat(fills()).containsExactly("BUY 10@100.1 entry day 1", "SELL 10@94.905 stop_loss day 2");
    }

    @Test
    void shouldExitAtTheNextOpenAfterTheNthBarCountingTheEntryBar() {
        final BusinessLogic logic = logic(PositionRules.DEFAULT.tradeNotional(1_000).timeStopBars(2), false, 0, B);
        bar(logic, 0, "100", "100", "100", "100");
        bar(logic, 1, "100", "101", "99", "100");   // entry bar: bar 1 of 2
        bar(logic, 2, "101", "102", "100", "101");  // bar 2 of 2: exit decided at its close
        bar(logic, 3, "103", "104", "102", "103");
        assertThat(fills()).containsExactly("BUY 10@100 entry day 1", "SELL 10@103 time_stop day 3");
    }

    @Test
    void shouldTrailFromTheHighestHighLiveFromTheNextBar() {
        final BusinessLogic logic = logic(PositionRules.DEFAULT.tradeNotional(1_000).trailingStop(0.05), false, 0, B);
        bar(logic, 0, "100", "100", "100", "100");
        // entry at 100; the high 110 sets the trail to 104.50 at the close; the low 103 of this bar does not trigger
        bar(logic, 1, "100", "110", "103", "108");
        bar(logic, 2, "108", "109", "104", "105");
        assertThat(fills()).containsExactly("BUY 10@100 entry day 1", "SELL 10@104.5 trailing_stop day 2");
    }

    @Test
    void shouldAddUpToMaxAddsAndMoveTheStopToTheNewAverage() {
        final BusinessLogic logic = logic(PositionRules.DEFAULT.tradeNotional(1_000).stopLoss(0.1).maxAdds(1), false, 0,
            B, B, B, B);
        bar(logic, 0, "100", "100", "100", "100");
        bar(logic, 1, "100", "100", "100", "125");   // entry 10 @ 100; add decided at 125: 1000 / 125 = 8
        bar(logic, 2, "125", "125", "125", "125");   // add fills: average (1000 + 1000) / 18 = 111.11111111
        bar(logic, 3, "125", "125", "125", "125");   // a second add is not taken (max_adds 1)
        assertThat(fills()).containsExactly("BUY 10@100 entry day 1", "BUY 8@125 add day 2");
        // stop 100 × 0.9 = 90, then 111.11111111 × 0.9 = 99.99999999 → 99.99
        assertThat(released()).containsExactly("STOP 90 x10", "STOP 99.99 x18");
        assertThat(sink.entries).hasSize(2);
        assertThat(sink.entries.get(1)[4]).isEqualTo(2);
        assertThat(sink.entries.get(1)[7]).isEqualTo(fp("111.11111111"));
    }

    @Test
    void shouldExitOnTheOppositeSignalAtTheNextOpenWithoutEnteringOnTheExitBar() {
        final BusinessLogic logic = logic(PositionRules.DEFAULT.tradeNotional(1_000).stopLoss(0.5), true, 0, B, H, S, H);
        bar(logic, 0, "100", "100", "100", "100");
        bar(logic, 1, "100", "100", "100", "100");
        bar(logic, 2, "100", "100", "100", "110");   // SELL while long: an exit, not also a short
        bar(logic, 3, "110", "110", "110", "110");
        assertThat(fills()).containsExactly("BUY 10@100 entry day 1", "SELL 10@110 signal day 3");
        assertThat(logic.books()[0].position(ACME)).isZero();
        assertThat(logic.workingOrders()).isZero();
    }

    @Test
    void shouldReverseOnTheOppositeSignalWithAnEntryThatFillsRightAfterTheExit() {
        final BusinessLogic logic = logic(SL2_TP4, true, true, false, B, S, B, H);
        bar(logic, 0, "100", "100", "100", "100");
        // long 1000 / 100 = 10 at day 1's open: stop 98, take-profit 104, neither reached; SELL at the close 100
        // places the exit of the 10 and a short entry of 1000 / 100 = 10
        bar(logic, 1, "100", "101", "99", "100");
        // both fill at day 2's open 102, exit first; the short's stop 102 × 1.02 = 104.04, take-profit
        // 102 × 0.96 = 97.92, neither reached; BUY at the close 102: exit the short, enter long 1000 / 102 = 9.8 → 9
        bar(logic, 2, "102", "103", "101", "102");
        // both fill at day 3's open 101: the long's stop 101 × 0.98 = 98.98, take-profit 101 × 1.04 = 105.04
        bar(logic, 3, "101", "101", "100", "100.5");
        assertThat(fills()).containsExactly("BUY 10@100 entry day 1", "SELL 10@102 signal day 2",
            "SELL 10@102 entry day 2", "BUY 10@101 signal day 3", "BUY 9@101 entry day 3");
        assertThat(released()).containsExactly("STOP 98 x10", "LIMIT 104 x10", "STOP 104.04 x10", "LIMIT 97.92 x10",
            "STOP 98.98 x9", "LIMIT 105.04 x9");
        assertThat(logic.books()[0].position(ACME)).isEqualTo(FixedPoint.of(9));
        // 10000 − 1000 + 1020 + 1020 − 1010 − 909
        assertThat(logic.books()[0].cash()).isEqualTo(FixedPoint.of(9_121));
        assertThat(logic.workingOrders()).isEqualTo(2);
        assertThat(logic.risk().totalRejections()).isZero();
    }

    @Test
    void shouldReverseFromAllCashAsTheOneCrossingOrderOfAnUnmanagedBookDoesFillingAtTheClose() {
        // all-cash sizing with a stop too far to be reached, filling at the deciding bar's close (its end, the next
        // day's start):
        // day 0 BUY at 100: all 10,000 of cash buys 100; day 1 SELL at 101: exit the 100 and short what the equity
        // 10,100 pays for at 101 = 100 (cash 20,200); day 2 BUY at 104: equity 20,200 − 10,400 = 9,800 buys
        // 9,800 / 104 = 94.2 → 94 (cash 20,200 − 10,400 − 9,776 = 24); day 3 at 101: 24 + 94 × 101 = 9,518
        final int[] script = {B, S, B, H};
        final BusinessLogic managed = logic(PositionRules.DEFAULT.stopLoss(0.5), true, true, true, script);
        feedReversalBars(managed);
        assertThat(fills()).containsExactly("BUY 100@100 entry day 1", "SELL 100@101 signal day 2",
            "SELL 100@101 entry day 2", "BUY 100@104 signal day 3", "BUY 94@104 entry day 3");
        final List<Long> managedEquity = sink.equity.stream().map(RecordingSink.Equity::equity).toList();
        assertThat(managedEquity).containsExactly(FixedPoint.of(10_000), FixedPoint.of(10_100), FixedPoint.of(9_800),
            FixedPoint.of(9_518));

        // the same book without managed exits reverses in one order that crosses zero: the same equity at every bar
        sink.fills.clear();
        sink.fillReasons.clear();
        sink.equity.clear();
        final BusinessLogic unmanaged = logic(PositionRules.DEFAULT, true, true, true, script);
        feedReversalBars(unmanaged);
        assertThat(fills()).containsExactly("BUY 100@100 entry day 1", "SELL 200@101 signal day 2",
            "BUY 194@104 signal day 3");
        assertThat(sink.equity.stream().map(RecordingSink.Equity::equity).toList()).isEqualTo(managedEquity);
    }

    private void feedReversalBars(final BusinessLogic logic) {
        bar(logic, 0, "100", "100", "100", "100");
        bar(logic, 1, "100", "101", "100", "101");
        bar(logic, 2, "103", "104", "102", "104");
        bar(logic, 3, "102", "102", "101", "101");
        final EngineEvent end = new EngineEvent().setCommand(4 * DAY, CommandCode.END_OF_DATA, -1, 0);
        end.sequence = sequence++;
        logic.onEvent(end);
    }

    @Test
    void shouldExitWithoutReversingOnATimeStop() {
        final BusinessLogic logic = logic(PositionRules.DEFAULT.tradeNotional(1_000).timeStopBars(1), true, true,
            false, B, H, H);
        bar(logic, 0, "100", "100", "100", "100");
        bar(logic, 1, "100", "100", "100", "100");
        bar(logic, 2, "100", "100", "100", "100");
        assertThat(fills()).containsExactly("BUY 10@100 entry day 1", "SELL 10@100 time_stop day 2");
        assertThat(logic.books()[0].position(ACME)).isZero();
    }

    @Test
    void shouldMirrorStopsForAShortWhereTheBookAllowsIt() {
        final BusinessLogic logic = logic(SL2_TP4, true, 0, S);
        bar(logic, 0, "100", "100", "100", "100");
        // short 10 at 100: stop 102 (buy stop above), take-profit 96 (buy limit below); the high 102.5 stops it
        bar(logic, 1, "100", "102.5", "99", "101");
        assertThat(fills()).containsExactly("SELL 10@100 entry day 1", "BUY 10@102 stop_loss day 1");
        assertThat(released()).containsExactly("STOP 102 x10", "LIMIT 96 x10");
        sink.fills.clear();
        sink.fillReasons.clear();
        final BusinessLogic noShorts = logic(SL2_TP4, false, 0, S);
        bar(noShorts, 0, "100", "100", "100", "100");
        bar(noShorts, 1, "100", "102.5", "99", "101");
        assertThat(fills()).isEmpty();
    }

    @Test
    void shouldActOnlyWhenTheLastNDecisionsAgree() {
        final BusinessLogic logic = logic(PositionRules.DEFAULT.tradeNotional(1_000).averageLast(3), false, 0,
            B, B, H, B, B, B, H);
        for (int day = 0; day < 8; day++) {
            bar(logic, day, "100", "100", "100", "100");
        }
        // means: 1/3, 2/3, 2/3, 2/3, 2/3, 1 (day 5 → buy, fills day 6)
        assertThat(fills()).containsExactly("BUY 10@100 entry day 6");
    }

    @Test
    void shouldGiveTheSameFillsAfterASnapshotMidPositionAsWithout() {
        final String[][] bars = {{"100", "100", "100", "100"}, {"100", "110", "103", "108"},
            {"108", "112", "107", "111"}, {"111", "111", "105", "106"}, {"106", "107", "100", "101"}};
        final PositionRules rules = PositionRules.DEFAULT.tradeNotional(1_000).stopLoss(0.1).takeProfit(0.5)
            .trailingStop(0.05);
        final BusinessLogic whole = logic(rules, false, 0, B);
        for (int day = 0; day < bars.length; day++) {
            bar(whole, day, bars[day][0], bars[day][1], bars[day][2], bars[day][3]);
        }
        final List<String> expected = fills();
        // trail after day 1: 104.50; after day 2 (high 112): 106.40, live day 3 whose low 105 takes it at 106.40
        assertThat(expected).containsExactly("BUY 10@100 entry day 1", "SELL 10@106.4 trailing_stop day 3");
        sink.fills.clear();
        sink.fillReasons.clear();
        sequence = 0;
        final BusinessLogic first = logic(rules, false, 0, B);
        for (int day = 0; day < 3; day++) {
            bar(first, day, bars[day][0], bars[day][1], bars[day][2], bars[day][3]);
        }
        final byte[] snapshot = first.snapshot();
        final BusinessLogic restored = logic(rules, false, 0, B);
        restored.restore(snapshot);
        for (int day = 3; day < bars.length; day++) {
            bar(restored, day, bars[day][0], bars[day][1], bars[day][2], bars[day][3]);
        }
        assertThat(fills()).isEqualTo(expected);
    }
}
