package io.ringtrade.engine.logic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringtrade.engine.api.event.CommandCode;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.OrderType;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.engine.api.strategy.IterationContext;
import io.ringtrade.engine.api.strategy.IterationSchedule;
import io.ringtrade.engine.api.strategy.IterationStrategy;
import io.ringtrade.engine.api.strategy.PositionRules;
import io.ringtrade.engine.order.OrderReason;
import io.ringtrade.engine.output.RecordingSink;
import io.ringtrade.engine.risk.RiskLimits;
import io.ringtrade.engine.strategy.StrategyStateStore;
import io.ringtrade.engine.venue.SimulatedFillModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Business logic end to end on four hand-made daily bars of one instrument (whole-share lots) and a scripted
 * decision function. Unless a test says otherwise, the book starts with 1000 and pays 10 bps slippage and
 * 10 bps commission.
 *
 * <pre>
 *   bar  day  open  high  low  close
 *    0    0   100   102   99   100
 *    1    1   110   112  108   111
 *    2    2   120   125  118   122
 *    3    3   121   123  119   120
 * </pre>
 *
 * Bar i is input sequence i + 1, so an order decided on bar i has id (i + 1) × 1000; it is decided at the bar's close,
 * which is day i + 1. End of data is sequence 5.
 */
final class BusinessLogicTest {
    private static final long DAY = Interval.D1.nanos();
    private static final int BUY = DecisionStrategy.BUY;
    private static final int SELL = DecisionStrategy.SELL;
    private static final int HOLD = DecisionStrategy.HOLD;
    private static final String[][] BARS = {
        {"100", "102", "99", "100"},
        {"110", "112", "108", "111"},
        {"120", "125", "118", "122"},
        {"121", "123", "119", "120"},
    };
    private static final Rules NEXT_OPEN = new Rules(new SimulatedFillModel(10, 10, false, 0),
        RiskLimits.longOnly(FixedPoint.of(10)));
    private static final Rules AT_CLOSE = new Rules(new SimulatedFillModel(10, 10, true, 0),
        RiskLimits.longOnly(FixedPoint.of(10)));

    /** A book's fill model and limits. */
    private record Rules(SimulatedFillModel fills, RiskLimits limits) {
    }

    private final InstrumentRegistry instruments = new InstrumentRegistry();
    private final List<EngineEvent> inputs = new ArrayList<>();
    private final List<String> seen = new ArrayList<>();
    private final RecordingSink sink = new RecordingSink();
    private long sequence;

    BusinessLogicTest() {
        instruments.register("ACME", "USD", FixedPoint.parse("0.01"), FixedPoint.of(1));
    }

    private static long fp(final String decimal) {
        return FixedPoint.parse(decimal);
    }

    /** A decision function answering script[barIndex] and noting what it saw. */
    private DecisionStrategy scripted(final int... script) {
        return row -> {
            seen.add(row.barIndex() + ":" + row.close() + (row.inPosition() ? " in" : " flat"));
            return script[row.barIndex()];
        };
    }

    private BusinessLogic logic(final Rules rules, final DecisionStrategy strategy) {
        return logic(new BookSpec("scripted", strategy, new int[] {0}, Interval.D1, FixedPoint.of(1000), rules.fills(),
            rules.limits()));
    }

    private BusinessLogic logic(final BookSpec spec) {
        return new BusinessLogic(instruments, List.of(spec), LogicSettings.DEFAULT.withOutputs(sink));
    }

    private void feed(final BusinessLogic logic, final EngineEvent event) {
        event.sequence = ++sequence;
        inputs.add(event);
        logic.onEvent(event);
    }

    /** Feeds the four bars and the end of data. */
    private BusinessLogic run(final Rules rules, final int... script) {
        final BusinessLogic logic = logic(rules, scripted(script));
        for (int i = 0; i < BARS.length; i++) {
            final String[] b = BARS[i];
            feed(logic, new EngineEvent().setBar(0, i * DAY, fp(b[0]), fp(b[1]), fp(b[2]), fp(b[3]), FixedPoint.of(1)));
        }
        feed(logic, new EngineEvent().setCommand(4 * DAY, CommandCode.END_OF_DATA, -1, 0));
        return logic;
    }

    private List<String> fills() {
        return sink.fills.stream().map(f -> "day " + f.time() / DAY + " order " + f.orderId()
            + (f.side() > 0 ? " buy " : " sell ") + FixedPoint.toString(f.quantity()) + " @ "
            + FixedPoint.toString(f.price()) + " fee " + FixedPoint.toString(f.fee()) + " pnl "
            + FixedPoint.toString(f.realizedPnl())).toList();
    }

    private List<String> orders() {
        return sink.finalOrders().stream()
            .map(o -> RecordingSink.describe(o, sink.decidedAt(o.orderId()) / DAY).replaceFirst("^t", "day ")).toList();
    }

    private List<String> equity() {
        return sink.equity.stream().map(e -> "day " + e.time() / DAY + " equity " + FixedPoint.toString(e.equity())
            + " cash " + FixedPoint.toString(e.cash()) + " positions " + FixedPoint.toString(e.positionsValue())
            + " benchmark " + FixedPoint.toString(e.benchmark()) + (e.inPosition() ? " in" : " flat")).toList();
    }

    private List<Long> equities() {
        return sink.equity.stream().map(RecordingSink.Equity::equity).toList();
    }

    private List<Long> roundTrips() {
        return sink.roundTrips.stream().map(RecordingSink.RoundTrip::pnl).toList();
    }

    // ---- next-open fills ------------------------------------------------------------------------------

    @Test
    void shouldFillMarketOrdersAtTheNextOpenWithSlippageAndCommission() {
        // bar 0 BUY (order 1000): fills at bar 1's open 110 × 1.001 = 110.11.
        //   unit cost 110.11 × 1.001 = 110.22011; 1000 / 110.22011 = 9.07 → 9 shares
        //   notional 990.99, fee 0.99099, cash 1000 − 990.99 − 0.99099 = 8.01901
        // bar 2 SELL (order 3000): fills at bar 3's open 121 × 0.999 = 120.879
        //   notional 1087.911, fee 1.087911, realized (120.879 − 110.11) × 9 − 1.087911 = 96.921 − 1.087911 = 95.833089
        final BusinessLogic logic = run(NEXT_OPEN, BUY, HOLD, SELL, HOLD);

        assertThat(fills()).containsExactly(
            "day 1 order 1000 buy 9 @ 110.11 fee 0.99099 pnl 0",
            "day 3 order 3000 sell 9 @ 120.879 fee 1.087911 pnl 95.833089");
        assertThat(logic.fills()).isEqualTo(2);
    }

    @Test
    void shouldRecordOneEquityRowPerBarWithTheBuyAndHoldBenchmark() {
        // day 0: flat, 1000; benchmark 1000 bought at the first open 100
        // day 1: cash 8.01901 + 9 × 111 = 999 → 1007.01901; benchmark 1000 × 111 / 100 = 1110
        // day 2: 8.01901 + 9 × 122 = 1098 → 1106.01901; benchmark 1220
        // day 3: cash 8.01901 + 1087.911 − 1.087911 = 1094.842099; benchmark 1200
        final BusinessLogic logic = run(NEXT_OPEN, BUY, HOLD, SELL, HOLD);

        assertThat(equity()).containsExactly(
            "day 0 equity 1000 cash 1000 positions 0 benchmark 1000 flat",
            "day 1 equity 1007.01901 cash 8.01901 positions 999 benchmark 1110 in",
            "day 2 equity 1106.01901 cash 8.01901 positions 1098 benchmark 1220 in",
            "day 3 equity 1094.842099 cash 1094.842099 positions 0 benchmark 1200 flat");
    }

    @Test
    void shouldLogEachOrderWithItsIdDecisionTimeAndFate() {
        // the buy is all the cash, 1000, decided at bar 0's close (day 1) and converted at the fill: 9 shares.
        // The sell is the whole position, 9, decided at bar 2's close (day 3).
        final BusinessLogic logic = run(NEXT_OPEN, BUY, HOLD, SELL, HOLD);

        assertThat(orders()).containsExactly(
            "day 1 order 1000 buy MARKET 9 notional 1000 FILLED",
            "day 3 order 3000 sell MARKET 9 FILLED");
        assertThat(sink.history(1000)).containsExactly("DECIDED strategy", "RELEASED", "ACCEPTED", "FILLED 9 @ 110.11");
        assertThat(logic.ordersAccepted()).isEqualTo(2);
        assertThat(logic.workingOrders()).isZero();
    }

    @Test
    void shouldAttachEachOrderToTheInputThatCausedIt() {
        run(NEXT_OPEN, BUY, HOLD, SELL, HOLD);

        assertThat(inputs.get(0).effects.size()).isEqualTo(1);
        assertThat(inputs.get(0).effects.get(0).clientOrderId).isEqualTo(1000);
        assertThat(inputs.get(0).effects.get(0).side).isEqualTo(1);
        assertThat(inputs.get(0).effects.get(0).notional).isEqualTo(FixedPoint.of(1000)); // sized when decided
        assertThat(inputs.get(0).effects.get(0).quantity).isZero();
        assertThat(inputs.get(1).effects.size()).isZero();
        assertThat(inputs.get(2).effects.get(0).clientOrderId).isEqualTo(3000);
        assertThat(inputs.get(2).effects.get(0).side).isEqualTo(-1);
        assertThat(inputs.get(2).effects.get(0).quantity).isEqualTo(FixedPoint.of(9));
        assertThat(inputs.get(3).effects.size()).isZero();
    }

    @Test
    void shouldReportTheRoundTripAndTheBookAtTheEnd() {
        // round trip = exit realized 95.833089 − entry fee 0.99099 = 94.842099 = final cash − 1000
        final BusinessLogic logic = run(NEXT_OPEN, BUY, HOLD, SELL, HOLD);

        assertThat(roundTrips()).containsExactly(fp("94.842099"));
        assertThat(logic.books()[0].cash()).isEqualTo(fp("1094.842099"));
        assertThat(logic.books()[0].realizedPnl()).isEqualTo(fp("95.833089"));
        assertThat(logic.books()[0].feesPaid()).isEqualTo(fp("2.078901")); // 0.99099 + 1.087911
        assertThat(logic.eventsProcessed()).isEqualTo(5);
        assertThat(logic.initialCash()).isEqualTo(FixedPoint.of(1000));
    }

    @Test
    void shouldShowTheStrategyThePositionAfterTheFillsAtTheBarsOpen() {
        run(NEXT_OPEN, BUY, HOLD, SELL, HOLD);

        assertThat(seen).containsExactly("0:100.0 flat", "1:111.0 in", "2:122.0 in", "3:120.0 flat");
    }

    @Test
    void shouldIgnoreABuyWhileLongAndASellWhileFlatWithoutShorting() {
        // bar 0 SELL while flat: nothing; bar 1 BUY (order 2000) fills at bar 2's open 120 × 1.001 = 120.12;
        // bar 2 BUY while long: nothing; bar 3 HOLD
        final BusinessLogic logic = run(NEXT_OPEN, SELL, BUY, BUY, HOLD);

        assertThat(orders()).containsExactly("day 2 order 2000 buy MARKET 8 notional 1000 FILLED");
        // unit cost 120.12 × 1.001 = 120.24012; 1000 / 120.24012 = 8.3 → 8; notional 960.96, fee 0.96096
        assertThat(fills()).containsExactly("day 2 order 2000 buy 8 @ 120.12 fee 0.96096 pnl 0");
    }

    @Test
    void shouldLeaveAnOrderDecidedOnTheLastBarOpen() {
        // a notional of all the cash, accepted and waiting for a next open that never comes
        final BusinessLogic logic = run(NEXT_OPEN, HOLD, HOLD, HOLD, BUY);

        assertThat(orders()).containsExactly("day 4 order 4000 buy MARKET 0 notional 1000 ACCEPTED");
        assertThat(logic.fills()).isZero();
        assertThat(logic.workingOrders()).isEqualTo(1);
        assertThat(equities()).containsOnly(FixedPoint.of(1000));
    }

    // ---- fill at close ------------------------------------------------------------------------------

    @Test
    void shouldFillAtTheSignalBarsCloseWhenAskedTo() {
        // bar 0 BUY fills at once at 100 × 1.001 = 100.1: unit cost 100.2001 → 9 shares,
        //   notional 900.9, fee 0.9009, cash 1000 − 900.9 − 0.9009 = 98.1991
        // bar 2 SELL fills at 122 × 0.999 = 121.878: notional 1096.902, fee 1.096902,
        //   realized (121.878 − 100.1) × 9 − 1.096902 = 196.002 − 1.096902 = 194.905098
        //   cash 98.1991 + 1096.902 − 1.096902 = 1194.004198
        final BusinessLogic logic = run(AT_CLOSE, BUY, HOLD, SELL, HOLD);

        // fills at the close carry the bar's end: day 1 for bar 0
        assertThat(fills()).containsExactly(
            "day 1 order 1000 buy 9 @ 100.1 fee 0.9009 pnl 0",
            "day 3 order 3000 sell 9 @ 121.878 fee 1.096902 pnl 194.905098");
        assertThat(orders()).containsExactly(
            "day 1 order 1000 buy MARKET 9 notional 1000 FILLED",
            "day 3 order 3000 sell MARKET 9 FILLED");
        assertThat(roundTrips()).containsExactly(fp("194.004198")); // 194.905098 − 0.9009
    }

    @Test
    void shouldIncludeAFillAtCloseInThatBarsEquityRowValuedAtTheClose() {
        // day 0: 98.1991 + 9 × 100 (the close, not the slipped fill price 100.1) = 998.1991; day 1: + 9 × 111 = 1097.1991; days 2 and 3: 1194.004198 cash
        final BusinessLogic logic = run(AT_CLOSE, BUY, HOLD, SELL, HOLD);

        assertThat(equity()).containsExactly(
            "day 0 equity 998.1991 cash 98.1991 positions 900 benchmark 1000 in",
            "day 1 equity 1097.1991 cash 98.1991 positions 999 benchmark 1110 in",
            "day 2 equity 1194.004198 cash 1194.004198 positions 0 benchmark 1220 flat",
            "day 3 equity 1194.004198 cash 1194.004198 positions 0 benchmark 1200 flat");
    }

    // ---- risk, shorting ----------------------------------------------------------------------------

    @Test
    void shouldRejectAnOrderBelowTheMinimumNotionalAndSayWhy() {
        // the notional 1000 buys an estimated 9 at the close 100 with 10 bps slippage and commission:
        // 9 × 100 = 900 < 10 000
        final BusinessLogic logic = run(new Rules(new SimulatedFillModel(10, 10, false, 0),
            RiskLimits.longOnly(FixedPoint.of(10_000))), BUY, HOLD, HOLD, HOLD);

        assertThat(orders()).containsExactly("day 1 order 1000 buy MARKET 0 notional 1000 REJECTED MIN_NOTIONAL");
        assertThat(inputs.get(0).effects.size()).isZero();
        assertThat(logic.risk().rejections(OrderReason.MIN_NOTIONAL)).isEqualTo(1);
        assertThat(logic.ordersAccepted()).isZero();
        assertThat(logic.fills()).isZero();
    }

    @Test
    void shouldOpenAShortOnASellWhileFlatAndCoverItOnABuy() {
        // no costs, shorting allowed
        // bar 0 SELL while flat: a short as large as a buy, 1000 / 100 = 10 (order 1000), fills at bar 1's open 110
        //   cash 1000 + 1100 = 2100; day 1 equity 2100 − 10 × 111 = 990
        // bar 2 BUY while short: cover all 10 (order 3000), fills at bar 3's open 121
        //   realized (110 − 121) × 10 = −110; cash 2100 − 1210 = 890
        final BusinessLogic logic = run(new Rules(new SimulatedFillModel(0, 0, false, 0),
            new RiskLimits(true, FixedPoint.of(10), 0)), SELL, HOLD, BUY, HOLD);

        assertThat(fills()).containsExactly(
            "day 1 order 1000 sell 10 @ 110 fee 0 pnl 0",
            "day 3 order 3000 buy 10 @ 121 fee 0 pnl -110");
        assertThat(equities())
            .containsExactly(FixedPoint.of(1000), FixedPoint.of(990), FixedPoint.of(880), FixedPoint.of(890));
        assertThat(roundTrips()).containsExactly(FixedPoint.of(-110));
    }

    @Test
    void shouldReverseOnAnOppositeAnswerWhenAskedAndShortsAreAllowed() {
        // no costs, shorting allowed, on-opposite = reverse
        // bar 0 BUY while flat: all cash, 1000 / 110 at bar 1's open = 9 (order 1000); cash 10
        // bar 1 SELL while long 9 (close 111): close the 9 and open a short as large as an entry from flat:
        //   equity 10 + 9 × 111 = 1009, 1009 / 111 = 9.09 → 9; sell 18 (order 2000) at bar 2's open 120
        //   realized (120 − 110) × 9 = 90; cash 10 + 18 × 120 = 2170
        // bar 2 BUY while short 9 (close 122): cover and go long: equity 2170 − 9 × 122 = 1072, 1072 / 122 = 8.79 → 8;
        //   buy 17 (order 3000) at bar 3's open 121: realized (120 − 121) × 9 = −9; cash 2170 − 17 × 121 = 113
        // end: long 8 marked at 120: equity 113 + 960 = 1073, unrealized (120 − 121) × 8 = −8
        final BusinessLogic logic = runReversing(null);

        assertThat(fills()).containsExactly(
            "day 1 order 1000 buy 9 @ 110 fee 0 pnl 0",
            "day 2 order 2000 sell 18 @ 120 fee 0 pnl 90",
            "day 3 order 3000 buy 17 @ 121 fee 0 pnl -9");
        assertThat(equities())
            .containsExactly(FixedPoint.of(1000), FixedPoint.of(1009), FixedPoint.of(1072), FixedPoint.of(1073));
        assertThat(roundTrips()).containsExactly(FixedPoint.of(90), FixedPoint.of(-9));
        assertThat(logic.summary().openPositions()).isEqualTo(1);
        assertThat(logic.summary().unrealizedPnl()).isEqualTo(FixedPoint.of(-8));
    }

    @Test
    void shouldOnlyCloseOnAnOppositeAnswerOnceAnOperatorStopsShortsOfAReversingBook() {
        // the reversing book above, shorts stopped by an operator before bar 1 closes: bar 1 SELL only sells the 9
        // (pnl 90, cash 1090) and bar 2 BUY while flat spends all the cash at bar 3's open 121: 1090 / 121 = 9.0 → 9,
        // the fills of a book that only closes (the test below), one input later
        final BusinessLogic logic = runReversing(new EngineEvent().setCommand(DAY - 1, CommandCode.SET_ALLOW_SHORT, 0,
            0));

        assertThat(fills()).containsExactly(
            "day 1 order 1000 buy 9 @ 110 fee 0 pnl 0",
            "day 2 order 3000 sell 9 @ 120 fee 0 pnl 90",
            "day 3 order 4000 buy 9 @ 121 fee 0 pnl 0");
        assertThat(logic.limits(0).allowShort()).isFalse();
    }

    /**
     * Feeds the four bars and the end of data to a book that answers BUY, SELL, BUY, HOLD with shorts allowed and
     * {@code on-opposite = reverse}, no costs, 1,000 of cash; {@code beforeBar1} (null: none) just before bar 1.
     */
    private BusinessLogic runReversing(final EngineEvent beforeBar1) {
        final BusinessLogic logic = logic(new BookSpec("scripted", scripted(BUY, SELL, BUY, HOLD), new int[] {0},
            Interval.D1, FixedPoint.of(1000), new SimulatedFillModel(0, 0, false, 0),
            new RiskLimits(true, FixedPoint.of(10), 0), closedState(), PositionRules.DEFAULT, true));
        for (int i = 0; i < BARS.length; i++) {
            if (i == 1 && beforeBar1 != null) {
                feed(logic, beforeBar1);
            }
            final String[] b = BARS[i];
            feed(logic, new EngineEvent().setBar(0, i * DAY, fp(b[0]), fp(b[1]), fp(b[2]), fp(b[3]), FixedPoint.of(1)));
        }
        feed(logic, new EngineEvent().setCommand(4 * DAY, CommandCode.END_OF_DATA, -1, 0));
        return logic;
    }

    private static StrategyStateStore closedState() {
        final StrategyStateStore state = new StrategyStateStore("scripted");
        state.close();
        return state;
    }

    /** An iteration strategy that buys with all its cash at the first iteration when {@code buys}, else does nothing. */
    private record FirstBarBuyer(boolean buys) implements IterationStrategy {
        @Override
        public IterationSchedule schedule() {
            return IterationSchedule.EVERY_BAR;
        }

        @Override
        public void onIteration(final IterationContext ctx) {
            if (buys && ctx.position("ACME") == 0) {
                ctx.buy("ACME", IterationContext.ALL);
            }
        }
    }

    @Test
    void shouldSayWhyAnIterationBookHasNoTradeWithoutCountingDecisions() {
        for (final boolean buys : new boolean[] {true, false}) {
            final BusinessLogic logic = logic(new BookSpec("iterating", new FirstBarBuyer(buys), new int[] {0},
                Interval.D1, FixedPoint.of(1000), new SimulatedFillModel(0, 0, false, 0),
                new RiskLimits(false, FixedPoint.of(10), 0), closedState()));
            for (int i = 0; i < BARS.length; i++) {
                final String[] b = BARS[i];
                feed(logic, new EngineEvent().setBar(0, i * DAY, fp(b[0]), fp(b[1]), fp(b[2]), fp(b[3]),
                    FixedPoint.of(1)));
            }
            feed(logic, new EngineEvent().setCommand(4 * DAY, CommandCode.END_OF_DATA, -1, 0));

            assertThat(logic.summary().notes()).containsExactly(buys
                ? "0 trades: iterating opened a position that is still open at the end (no round trip closed)"
                : "0 trades: iterating closed no round trip (orders.csv shows what it placed)");
        }
    }

    @Test
    void shouldOnlyCloseOnAnOppositeAnswerByDefaultEvenWithShortsAllowed() {
        // as above without reverse: bar 1 SELL sells the 9 (pnl 90, cash 1090); bar 2 BUY while flat spends all
        // the cash at bar 3's open 121: 1090 / 121 = 9.0 → 9
        final BusinessLogic logic = run(new Rules(new SimulatedFillModel(0, 0, false, 0),
            new RiskLimits(true, FixedPoint.of(10), 0)), BUY, SELL, BUY, HOLD);

        assertThat(fills()).containsExactly(
            "day 1 order 1000 buy 9 @ 110 fee 0 pnl 0",
            "day 2 order 2000 sell 9 @ 120 fee 0 pnl 90",
            "day 3 order 3000 buy 9 @ 121 fee 0 pnl 0");
        assertThat(logic.summary().unrealizedPnl()).isEqualTo(FixedPoint.of(-9));
    }

    @Test
    void shouldCloseTheBarsOfSeveralBooksInTheOrderOfTheirEndsSoOrdersAreInDecisionTimeOrder() {
        // a 5-minute book listed before a 1-minute book, both buying on every bar at a price their cash buys no lot of
        // (so every decision is a ZERO_QUANTITY row and both stay flat); trades at 00:00:30 and 00:04:30 (the 1-minute
        // bar [00:00, 00:01) closes: 00:01), then one at 00:07:10 closes the 1-minute bar [00:04, 00:05) and the
        // 5-minute bar [00:00, 00:05) in the same input: a tie at 00:05, in book order; at 00:12 the 1-minute bar
        // [00:07, 00:08) ends at 00:08 and the 5-minute bar [00:05, 00:10) at 00:10: the earlier end is decided first
        final long minute = 60_000_000_000L;
        final BookSpec coarse = new BookSpec("coarse", row -> BUY, new int[] {0}, Interval.M5, FixedPoint.of(1000),
            new SimulatedFillModel(0, 0, false, 0), RiskLimits.longOnly(FixedPoint.of(10)));
        final BookSpec fine = new BookSpec("fine", row -> BUY, new int[] {0}, Interval.M1, FixedPoint.of(1000),
            new SimulatedFillModel(0, 0, false, 0), RiskLimits.longOnly(FixedPoint.of(10)));
        final BusinessLogic logic = new BusinessLogic(instruments, List.of(coarse, fine),
            LogicSettings.DEFAULT.withOutputs(sink));
        feed(logic, new EngineEvent().setTrade(0, minute / 2, fp("5000"), FixedPoint.of(1)));
        feed(logic, new EngineEvent().setTrade(0, 4 * minute + minute / 2, fp("5000"), FixedPoint.of(1)));
        feed(logic, new EngineEvent().setTrade(0, 7 * minute + minute / 6, fp("5000"), FixedPoint.of(1)));
        feed(logic, new EngineEvent().setTrade(0, 12 * minute, fp("5000"), FixedPoint.of(1)));

        final List<Long> decided = sink.finalOrders().stream().map(o -> sink.decidedAt(o.orderId()) / minute).toList();
        assertThat(decided).containsExactly(1L, 5L, 5L, 8L, 10L);
        assertThat(sink.finalOrders().stream().map(RecordingSink.OrderEvent::book).toList())
            .containsExactly(1, 0, 1, 1, 0);
        assertThat(sink.finalOrders().stream().map(o -> o.reason().label()).distinct().toList())
            .containsExactly("ZERO_QUANTITY");
    }

    // ---- several instruments, ticks, commands ------------------------------------------------------

    @Test
    void shouldGiveEachOfSeveralInstrumentsAnEqualShareOfEquity() {
        // instruments A and B, no costs; both BUY on bar 0 while equity is 1000: 500 each
        // A: 500 / 100 = 5 (order 1000); B: 500 / 50 = 10 (order 2000); fills at the next opens 100 and 50
        // day 1 marks A 110, B 40: positions 550 + 400 = 950, cash 0
        // benchmark: 500 × 110 / 100 + 500 × 40 / 50 = 550 + 400 = 950
        instruments.register("BETA", "USD", 1, FixedPoint.of(1));
        final BusinessLogic logic = logic(new BookSpec("pair", row -> row.barIndex() == 0 ? BUY : HOLD,
            new int[] {0, 1}, Interval.D1, FixedPoint.of(1000), new SimulatedFillModel(0, 0, false, 0),
            RiskLimits.longOnly(FixedPoint.of(10))));

        feed(logic, new EngineEvent().setBar(0, 0, fp("100"), fp("100"), fp("100"), fp("100"), 1));
        feed(logic, new EngineEvent().setBar(1, 0, fp("50"), fp("50"), fp("50"), fp("50"), 1));
        feed(logic, new EngineEvent().setBar(0, DAY, fp("100"), fp("110"), fp("100"), fp("110"), 1));
        feed(logic, new EngineEvent().setBar(1, DAY, fp("50"), fp("50"), fp("40"), fp("40"), 1));
        feed(logic, new EngineEvent().setCommand(2 * DAY, CommandCode.END_OF_DATA, -1, 0));

        assertThat(fills()).containsExactly(
            "day 1 order 1000 buy 5 @ 100 fee 0 pnl 0",
            "day 1 order 2000 buy 10 @ 50 fee 0 pnl 0");
        assertThat(equity()).containsExactly(
            "day 0 equity 1000 cash 1000 positions 0 benchmark 1000 flat",
            "day 1 equity 950 cash 0 positions 950 benchmark 950 in");
    }

    @Test
    void shouldBuildBarsFromTradesAndFillAtTheTradeThatClosesTheBar() {
        // 1-minute bars, no costs. Trades 100 @ 0 s, 101 @ 30 s: the trade 102 @ 60 s closes bar [0, 60 s)
        // (O 100 H 101 L 100 C 101); BUY on it is order 3000 (the closing trade is input 3), decided at the bar's
        // end (60 s) for all the cash, and fills at that same trade: 1000 / 102 = 9.8 → 9 @ 102, cash 82.
        // Trade 103 @ 90 s; end of data closes bar [60 s, 120 s) (HOLD): 82 + 9 × 103 = 1009.
        // Benchmark (first trade 100): bar 0 closes at 101 → 1010; bar 1 at 103 → 1030.
        final long second = 1_000_000_000L;
        final BusinessLogic logic = logic(new BookSpec("ticks", scripted(BUY, HOLD), new int[] {0}, Interval.M1,
            FixedPoint.of(1000), new SimulatedFillModel(0, 0, false, 0), RiskLimits.longOnly(FixedPoint.of(10))));

        feed(logic, new EngineEvent().setTrade(0, 0, fp("100"), 1));
        feed(logic, new EngineEvent().setTrade(0, 30 * second, fp("101"), 1));
        feed(logic, new EngineEvent().setTrade(0, 60 * second, fp("102"), 1));
        feed(logic, new EngineEvent().setTrade(0, 90 * second, fp("103"), 1));
        feed(logic, new EngineEvent().setCommand(120 * second, CommandCode.END_OF_DATA, -1, 0));

        assertThat(seen).containsExactly("0:101.0 flat", "1:103.0 in");
        assertThat(sink.finalOrders().get(0).orderId()).isEqualTo(3000);
        assertThat(sink.decidedAt(3000)).isEqualTo(60 * second); // decided when the bar [0, 60 s) ended
        assertThat(sink.fills.get(0).time()).isEqualTo(60 * second);
        assertThat(sink.fills.get(0).price()).isEqualTo(fp("102"));
        assertThat(sink.fills.get(0).quantity()).isEqualTo(FixedPoint.of(9));
        assertThat(sink.equity).extracting(RecordingSink.Equity::time).containsExactly(0L, 60 * second);
        assertThat(equities()).containsExactly(FixedPoint.of(1000), FixedPoint.of(1009));
        assertThat(sink.equity).extracting(RecordingSink.Equity::benchmark)
            .containsExactly(FixedPoint.of(1010), FixedPoint.of(1030));
        assertThat(inputs.get(2).effects.get(0).clientOrderId).isEqualTo(3000);
    }

    @Test
    void shouldCancelWorkingOrdersOnCommand() {
        final BusinessLogic logic = logic(NEXT_OPEN, scripted(BUY));
        feed(logic, new EngineEvent().setBar(0, 0, fp("100"), fp("100"), fp("100"), fp("100"), 1));

        feed(logic, new EngineEvent().setCommand(1, CommandCode.CANCEL_ALL_ORDERS, -1, 0));

        assertThat(logic.workingOrders()).isZero();
        assertThat(orders()).containsExactly("day 1 order 1000 buy MARKET 0 notional 1000 CANCELLED STOP");
    }

    @Test
    void shouldRefuseInputAfterTheEndOfData() {
        final BusinessLogic logic = run(NEXT_OPEN, HOLD, HOLD, HOLD, HOLD);

        assertThatThrownBy(() -> feed(logic, new EngineEvent().setBar(0, 5 * DAY, 1, 1, 1, 1, 1)))
            .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRefuseAnAnswerThatIsNotBuySellOrHold() {
        final BusinessLogic logic = logic(NEXT_OPEN, row -> 2);

        assertThatThrownBy(() -> feed(logic, new EngineEvent().setBar(0, 0, fp("100"), fp("100"), fp("100"), fp("100"), 1)))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("returned 2");
    }

    @Test
    void shouldRefuseDuplicateBookNamesAndNoBooks() {
        final BookSpec spec = new BookSpec("same", row -> HOLD, new int[] {0}, Interval.D1, FixedPoint.of(1),
            NEXT_OPEN.fills(), NEXT_OPEN.limits());

        assertThatThrownBy(() -> new BusinessLogic(instruments, List.of(spec, spec)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("duplicate book name same");
        assertThatThrownBy(() -> new BusinessLogic(instruments, List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
