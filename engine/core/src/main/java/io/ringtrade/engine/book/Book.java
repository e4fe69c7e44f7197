package io.ringtrade.engine.book;

import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

import java.math.RoundingMode;

/**
 * The trading book of one strategy instance: cash, a position per instrument with its average entry price,
 * realized P&amp;L and marks. All amounts are fixed-point longs at 1e-8 ({@link FixedPoint}).
 *
 * <p>Accounting rules (the README documents them):
 * <ul>
 *   <li>a fill that adds to a position (or opens one) moves the average entry price to the quantity-weighted
 *       average of the old average and the fill price; fees are cash, not part of the average;</li>
 *   <li>a fill that reduces a position realizes {@code (exit − average) × quantity − fee} for a long and
 *       {@code (average − exit) × quantity − fee} for a short; the average of what remains is unchanged;</li>
 *   <li>a fill that crosses through zero is split into a close of the old position and an open of the new;</li>
 *   <li>a round trip (flat → position → flat) is one trade; its P&amp;L is the sum of its exits' realized
 *       P&amp;L minus the fees paid on its entries;</li>
 *   <li>interest on borrowed cash ({@link #chargeInterest}) and the fee on shorts' borrowed shares
 *       ({@link #chargeShortFee}) are cash, like a fee, but belong to no fill and no round trip: they lower the equity
 *       and are counted in {@link #interestPaid} and {@link #shortFeesPaid}.</li>
 * </ul>
 *
 * <p>Owned by the business-logic thread. Allocation-free after construction.
 */
public final class Book {
    private final int index;
    private final String name;
    private final long initialCash;
    private long cash;
    private long realizedPnl;
    private long feesPaid;
    private long interestPaid;
    private long shortFeesPaid;
    private final long[] quantity;
    private final long[] averagePrice;
    private final long[] markPrice;
    private final long[] roundTripPnl;
    private final long[] openedNanos;
    private final RoundTripListener roundTrips;

    /** Receives each completed round trip, on the business-logic thread. */
    @FunctionalInterface
    public interface RoundTripListener {
        /**
         * A position in {@code instrumentId} opened at {@code openedNanos} went back to flat at {@code closedNanos};
         * {@code pnl} includes all its fees.
         */
        void onRoundTrip(int bookIndex, int instrumentId, long openedNanos, long closedNanos, long pnl);
    }

    /**
     * A book holding {@code initialCash} and no positions, for instruments with ids 0..instrumentCount-1.
     */
    public Book(final int index, final String name, final long initialCash, final int instrumentCount,
                final RoundTripListener roundTrips) {
        this.index = index;
        this.name = name;
        this.initialCash = initialCash;
        this.cash = initialCash;
        this.quantity = new long[instrumentCount];
        this.averagePrice = new long[instrumentCount];
        this.markPrice = new long[instrumentCount];
        this.roundTripPnl = new long[instrumentCount];
        this.openedNanos = new long[instrumentCount];
        this.roundTrips = roundTrips;
    }

    /**
     * Applies a fill at event time {@code timeNanos}: {@code side} +1 buy, -1 sell, {@code fillQuantity} &gt; 0.
     * Returns the realized P&amp;L of the fill (0 for a pure entry).
     *
     * @throws ArithmeticException when cash or P&amp;L would leave the fixed-point range; the book is unchanged then
     */
    public long applyFill(final int instrumentId, final int side, final long fillQuantity, final long price,
                          final long fee, final long timeNanos) {
        if (fillQuantity <= 0) {
            throw new IllegalArgumentException("fill quantity must be positive: " + fillQuantity);
        }
        // Everything that can overflow is computed before anything changes, so a refused fill leaves the book whole.
        final long notional = FixedPoint.multiply(price, fillQuantity);
        final long newCash = Math.subtractExact(cash, side > 0 ? Math.addExact(notional, fee)
            : Math.subtractExact(fee, notional));
        final long newFees = Math.addExact(feesPaid, fee);
        final long held = quantity[instrumentId];
        if (held == 0 || Long.signum(held) == side) {
            final long total = Math.addExact(held, side > 0 ? fillQuantity : -fillQuantity);
            final long average = held == 0 ? price : weightedAverage(averagePrice[instrumentId], held, price,
                fillQuantity, total);
            final long tripPnl = Math.subtractExact(roundTripPnl[instrumentId], fee);
            cash = newCash;
            feesPaid = newFees;
            markPrice[instrumentId] = price;
            if (held == 0) {
                openedNanos[instrumentId] = timeNanos;
            }
            averagePrice[instrumentId] = average;
            quantity[instrumentId] = total;
            roundTripPnl[instrumentId] = tripPnl;
            return 0;
        }
        final long closing = Math.min(fillQuantity, Math.abs(held));
        final long closingFee = closing == fillQuantity ? fee
            : FixedPoint.mulDiv(fee, closing, fillQuantity, RoundingMode.HALF_UP);
        final long perUnit = held > 0 ? Math.subtractExact(price, averagePrice[instrumentId])
            : Math.subtractExact(averagePrice[instrumentId], price);
        final long realized = Math.subtractExact(FixedPoint.multiply(perUnit, closing), closingFee);
        final long newRealized = Math.addExact(realizedPnl, realized);
        final long tripPnl = Math.addExact(roundTripPnl[instrumentId], realized);
        final long remaining = held + (held > 0 ? -closing : closing);
        cash = newCash;
        feesPaid = newFees;
        markPrice[instrumentId] = price;
        realizedPnl = newRealized;
        quantity[instrumentId] = remaining;
        if (remaining != 0) {
            roundTripPnl[instrumentId] = tripPnl;
            return realized;
        }
        averagePrice[instrumentId] = 0;
        roundTripPnl[instrumentId] = 0;
        roundTrips.onRoundTrip(index, instrumentId, openedNanos[instrumentId], timeNanos, tripPnl);
        final long opening = fillQuantity - closing;
        if (opening > 0) {
            // the fill crosses through zero: the rest opens a new position, paying the rest of the fee
            openedNanos[instrumentId] = timeNanos;
            averagePrice[instrumentId] = price;
            quantity[instrumentId] = side > 0 ? opening : -opening;
            roundTripPnl[instrumentId] = -(fee - closingFee);
        }
        return realized;
    }

    /** (avg·|held| + price·|add|) / |total| in 128-bit-safe steps, half up. */
    private static long weightedAverage(final long average, final long held, final long price, final long added,
                                        final long total) {
        final long oldCost = FixedPoint.multiply(average, Math.abs(held));
        final long addCost = FixedPoint.multiply(price, added);
        return FixedPoint.mulDiv(Math.addExact(oldCost, addCost), FixedPoint.SCALE, Math.abs(total),
            RoundingMode.HALF_UP);
    }

    /**
     * Takes {@code interest} (fixed-point, not negative) out of the cash: the simulated venue's charge on borrowed cash.
     *
     * @throws ArithmeticException when the cash or the interest paid would leave the fixed-point range; the book is
     *                             unchanged then
     */
    public void chargeInterest(final long interest) {
        interestPaid = charge(interest, interestPaid, "interest");
    }

    /**
     * Takes {@code fee} (fixed-point, not negative) out of the cash: the simulated venue's charge for the shares the
     * book's shorts borrow. Like interest, it belongs to no fill and no round trip.
     *
     * @throws ArithmeticException when the cash or the fees paid would leave the fixed-point range; the book is
     *                             unchanged then
     */
    public void chargeShortFee(final long fee) {
        shortFeesPaid = charge(fee, shortFeesPaid, "a short fee");
    }

    /** Takes {@code amount} out of the cash and returns {@code paid} + amount, changing nothing when either overflows. */
    private long charge(final long amount, final long paid, final String what) {
        if (amount < 0) {
            throw new IllegalArgumentException(what + " must not be negative: " + amount);
        }
        final long newCash = Math.subtractExact(cash, amount);
        final long newPaid = Math.addExact(paid, amount);
        cash = newCash;
        return newPaid;
    }

    /** Writes the account for a snapshot. */
    public void writeState(final StateWriter out) {
        out.section("book " + name).writeLong(cash).writeLong(realizedPnl).writeLong(feesPaid).writeLong(interestPaid)
            .writeLong(shortFeesPaid).writeLongs(quantity).writeLongs(averagePrice).writeLongs(markPrice)
            .writeLongs(roundTripPnl).writeLongs(openedNanos);
    }

    /** Restores the account from a snapshot. */
    public void readState(final StateReader in) {
        in.section("book " + name);
        cash = in.readLong();
        realizedPnl = in.readLong();
        feesPaid = in.readLong();
        interestPaid = in.readLong();
        shortFeesPaid = in.readLong();
        in.readLongsInto(quantity, "positions");
        in.readLongsInto(averagePrice, "average prices");
        in.readLongsInto(markPrice, "marks");
        in.readLongsInto(roundTripPnl, "round trip P&L");
        in.readLongsInto(openedNanos, "round trip open times");
    }

    /** Records the latest price of an instrument, for unrealized P&amp;L and equity. */
    public void mark(final int instrumentId, final long price) {
        markPrice[instrumentId] = price;
    }

    /** Book index (its place in the engine's book list). */
    public int index() {
        return index;
    }

    /** Book name from configuration. */
    public String name() {
        return name;
    }

    /** Cash at start. */
    public long initialCash() {
        return initialCash;
    }

    /** Cash now. */
    public long cash() {
        return cash;
    }

    /** Signed position (negative = short). */
    public long position(final int instrumentId) {
        return quantity[instrumentId];
    }

    /** Average entry price of the open position, 0 when flat. */
    public long averagePrice(final int instrumentId) {
        return averagePrice[instrumentId];
    }

    /** Latest mark of an instrument. */
    public long markPrice(final int instrumentId) {
        return markPrice[instrumentId];
    }

    /** Realized P&amp;L of all exits so far (exit fees included, entry fees not). */
    public long realizedPnl() {
        return realizedPnl;
    }

    /** Fees paid so far. */
    public long feesPaid() {
        return feesPaid;
    }

    /** Interest paid on borrowed cash so far ({@link #chargeInterest}). */
    public long interestPaid() {
        return interestPaid;
    }

    /** Fees paid so far for the shares shorts borrow ({@link #chargeShortFee}). */
    public long shortFeesPaid() {
        return shortFeesPaid;
    }

    /**
     * What the short positions are worth at their marks, as a positive amount: Σ |quantity| × mark over the shorts.
     *
     * @throws ArithmeticException when it leaves the fixed-point range
     */
    public long shortValue() {
        long value = 0;
        for (int i = 0; i < quantity.length; i++) {
            if (quantity[i] < 0) {
                value = Math.addExact(value, FixedPoint.multiply(markPrice[i], -quantity[i]));
            }
        }
        return value;
    }

    /** Unrealized P&amp;L of one position at its mark. */
    public long unrealizedPnl(final int instrumentId) {
        final long held = quantity[instrumentId];
        if (held == 0) {
            return 0;
        }
        return FixedPoint.multiply(markPrice[instrumentId] - averagePrice[instrumentId], held);
    }

    /** Market value of all positions at their marks (shorts count negative). */
    public long positionsValue() {
        long value = 0;
        for (int i = 0; i < quantity.length; i++) {
            if (quantity[i] != 0) {
                value = Math.addExact(value, FixedPoint.multiply(markPrice[i], quantity[i]));
            }
        }
        return value;
    }

    /** Cash plus the market value of positions. */
    public long equity() {
        return Math.addExact(cash, positionsValue());
    }

    /** True when any position is open. */
    public boolean hasAnyPosition() {
        for (final long held : quantity) {
            if (held != 0) {
                return true;
            }
        }
        return false;
    }

    /** Number of instruments this book can hold. */
    public int instrumentCount() {
        return quantity.length;
    }
}
