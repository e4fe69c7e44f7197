package io.ringtrade.engine.risk;

import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.book.Book;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

import java.math.RoundingMode;

/**
 * Pre-trade checks run before an order exists (DESIGN.md §6): lot size, minimum notional, shorting policy and
 * cash (no leverage). Each refusal is counted per reason. Owned by the business-logic thread; allocation-free.
 */
public final class PreTradeRisk {
    private static final long BPS = 10_000L;
    private final long[] rejections = new long[RejectReason.values().length];

    /**
     * Checks an intent to trade {@code quantity} (already rounded to the lot) of an instrument at about
     * {@code referencePrice}. Returns null when accepted, else the reason.
     *
     * @param sizedAtFill true for buys that spend all cash at the fill price: the cash check is done there
     */
    public RejectReason check(final Book book, final BookRules rules, final int instrumentId, final int side,
                              final long quantity, final long referencePrice, final boolean sizedAtFill) {
        final RejectReason reason = firstFailure(book, rules, instrumentId, side, quantity, referencePrice, sizedAtFill);
        if (reason != null) {
            rejections[reason.ordinal()]++;
        }
        return reason;
    }

    private static RejectReason firstFailure(final Book book, final BookRules rules, final int instrumentId,
                                             final int side, final long quantity, final long referencePrice,
                                             final boolean sizedAtFill) {
        if (quantity <= 0) {
            return RejectReason.ZERO_QUANTITY;
        }
        final long notional = FixedPoint.multiply(referencePrice, quantity);
        if (notional < rules.minNotional()) {
            return RejectReason.MIN_NOTIONAL;
        }
        final long held = book.position(instrumentId);
        if (side < 0 && !rules.allowShort() && quantity > held) {
            return RejectReason.SHORT_NOT_ALLOWED;
        }
        if (side > 0 && held >= 0 && !sizedAtFill) {
            final long fee = FixedPoint.mulDiv(notional, rules.commissionBps(), BPS, RoundingMode.HALF_UP);
            if (Math.addExact(notional, fee) > book.cash()) {
                return RejectReason.INSUFFICIENT_CASH;
            }
        }
        return null;
    }

    /** Writes the counters for a snapshot. */
    public void writeState(final StateWriter out) {
        out.section("risk").writeLongs(rejections);
    }

    /** Restores the counters from a snapshot. */
    public void readState(final StateReader in) {
        in.section("risk").readLongsInto(rejections, "rejection counters");
    }

    /** Refusals so far for one reason. */
    public long rejections(final RejectReason reason) {
        return rejections[reason.ordinal()];
    }

    /** Refusals so far for all reasons. */
    public long totalRejections() {
        long total = 0;
        for (final long count : rejections) {
            total += count;
        }
        return total;
    }
}
