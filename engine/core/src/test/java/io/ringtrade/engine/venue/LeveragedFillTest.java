package io.ringtrade.engine.venue;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrade.engine.api.event.EffectKind;
import io.ringtrade.engine.api.event.ExecutionReport;
import io.ringtrade.engine.api.event.OrderEffect;
import io.ringtrade.engine.api.event.OrderType;
import io.ringtrade.engine.api.event.ReportKind;
import io.ringtrade.engine.api.event.VenueReason;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.venue.ExecutionReportListener;
import io.ringtrade.engine.book.Book;
import io.ringtrade.engine.book.FillSettlement;
import io.ringtrade.engine.risk.RiskLimits;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The simulated venue's fill-time clamp with leverage L: a buy of a quantity fills at most what the book's cash plus
 * (L − 1) × its equity at the fill pays for, the rest cancelled with {@code INSUFFICIENT_FUNDS}; a notional buy still
 * spends cash only. One book with 1000 cash and leverage 2, 10 bps commission, no slippage; ACME trades in lots of
 * 1e-8.
 */
final class LeveragedFillTest {
    private static final int ACME = 0;

    private final InstrumentRegistry instruments = new InstrumentRegistry();
    private final Book book = new Book(0, "levered", fp("1000"), 1, (b, i, o, c, p) -> { });
    private final List<String> events = new ArrayList<>();
    private final SimulatedVenue venue;

    LeveragedFillTest() {
        instruments.register("ACME", "USD", 1, 1);
        final FillSettlement settlement = new FillSettlement(new Book[] {book}, (t, b, i, s, q, p, f, o, r) -> { });
        venue = new SimulatedVenue(instruments, new Book[] {book},
            new SimulatedFillModel[] {new SimulatedFillModel(0, 10, false, 0)}, new RiskLimits[] {new RiskLimits(false, 0, 0, 0, 0, 0, 0, 0, fp("2"))});
        venue.connect(new ExecutionReportListener() {
            @Override
            public void onReport(final ExecutionReport r) {
                if (r.kind == ReportKind.FILL || r.kind == ReportKind.PARTIAL_FILL) {
                    settlement.settle(r.timeNanos, 0, ACME, 1, r.lastQuantity, r.lastPrice, r.lastFee, r.clientOrderId);
                    events.add((r.kind == ReportKind.FILL ? "fill " : "partial ") + FixedPoint.toString(r.lastQuantity)
                        + " @ " + FixedPoint.toString(r.lastPrice) + " fee " + FixedPoint.toString(r.lastFee));
                } else if (r.kind != ReportKind.ACK) {
                    events.add(ReportKind.name(r.kind).toLowerCase() + " " + VenueReason.name(r.reason));
                }
            }
        });
    }

    private static long fp(final String decimal) {
        return FixedPoint.parse(decimal);
    }

    private void buy(final long id, final String quantity, final String notional) {
        final OrderEffect order = new OrderEffect().clear();
        order.kind = EffectKind.SUBMIT;
        order.clientOrderId = id;
        order.bookIndex = 0;
        order.instrumentId = ACME;
        order.side = 1;
        order.orderType = OrderType.MARKET;
        order.quantity = quantity == null ? 0 : fp(quantity);
        order.notional = notional == null ? 0 : fp(notional);
        order.timeNanos = 1;
        venue.submit(order);
    }

    private void bar(final long time, final String price) {
        venue.onBar(ACME, time, fp(price), fp(price), fp(price), fp("1000"));
    }

    @Test
    void shouldFillABuyUpToCashPlusTheAllowanceAndCancelTheRest() {
        // 30 @ 100 would cost 3003; cash 1000 + (2 − 1) × equity 1000 = 2000; a unit costs 100.1, so 2000 affords
        // 19.98001998: notional 1998.001998, fee 1.998001998 → 1.998002, together exactly 2000
        buy(1, "30", null);
        bar(5, "100");

        assertThat(events).containsExactly("partial 19.98001998 @ 100 fee 1.998002", "cancel_ack INSUFFICIENT_FUNDS");
        assertThat(book.cash()).isEqualTo(fp("-1000"));
        assertThat(book.equity()).isEqualTo(fp("998.001998")); // −1000 + 19.98001998 × 100
    }

    @Test
    void shouldFillAnAffordableLeveragedBuyInFull() {
        // 15 @ 100: notional 1500, fee 1.5, within 2000; cash 1000 − 1501.5
        buy(1, "15", null);
        bar(5, "100");

        assertThat(events).containsExactly("fill 15 @ 100 fee 1.5");
        assertThat(book.cash()).isEqualTo(fp("-501.5"));
        assertThat(book.equity()).isEqualTo(fp("998.5"));
    }

    @Test
    void shouldLendOnTheEquityAtTheFill() {
        buy(1, "15", null);
        bar(5, "100");
        book.mark(ACME, fp("110"));
        // equity −501.5 + 15 × 110 = 1148.5; spendable −501.5 + 1148.5 = 647; a unit costs 110.11:
        // 647 / 110.11 → 5.87594223, notional 646.3536453, fee 0.64635365, together 646.99999895
        buy(2, "10", null);
        bar(6, "110");

        assertThat(events).containsExactly("fill 15 @ 100 fee 1.5", "partial 5.87594223 @ 110 fee 0.64635365",
            "cancel_ack INSUFFICIENT_FUNDS");
        // cash −1148.49999895, not below −(2 − 1) × 1148.5
        assertThat(book.cash()).isEqualTo(fp("-1148.49999895"));
    }

    @Test
    void shouldSpendANotionalBuysMoneyFromCashOnly() {
        // a notional of 1500 fills what the 1000 of cash pays for: 9.99000999, notional 999.000999, fee 0.999001
        buy(1, null, "1500");
        bar(5, "100");

        assertThat(events).containsExactly("partial 9.99000999 @ 100 fee 0.999001", "cancel_ack INSUFFICIENT_FUNDS");
        assertThat(book.cash()).isZero();
    }
}
