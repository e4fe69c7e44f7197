package io.ringtrade.adapters.marketdata;

import io.ringtrade.engine.api.money.FixedPoint;

import java.util.Arrays;
import java.util.Objects;

/**
 * The trades of one instrument held in memory as columns of primitive {@code long}s, in file order: what a trade
 * file loads into and what {@link TradeSeriesSource} replays. Times are epoch nanoseconds UTC and never decrease;
 * several trades may share a time (a sweep through the book prints many trades at once). Price and quantity are
 * fixed-point at 1e-8 ({@link FixedPoint}); prices are positive, quantities not negative (zero is allowed).
 *
 * <p>Immutable (the arrays are never handed out), so any thread may read it once it is published; loading
 * happens on the start-up thread.
 */
public final class TradeSeriesData extends TimedSeries {
    private final long[] price;
    private final long[] quantity;

    /** Takes ownership of already validated, equally long arrays. */
    TradeSeriesData(final String symbol, final long[] timeNanos, final long[] price, final long[] quantity) {
        super(symbol, timeNanos);
        this.price = price;
        this.quantity = quantity;
    }

    /**
     * Trades built in code (tests, other adapters): the arrays are copied and checked like a file's rows.
     *
     * @throws IllegalArgumentException naming the first bad row
     */
    public static TradeSeriesData of(final String symbol, final long[] timeNanos, final long[] price,
                                     final long[] quantity) {
        Objects.requireNonNull(symbol, "symbol");
        final int n = timeNanos.length;
        if (price.length != n || quantity.length != n) {
            throw new IllegalArgumentException("trade columns have different lengths");
        }
        for (int i = 0; i < n; i++) {
            if (i > 0 && timeNanos[i] < timeNanos[i - 1]) {
                throw new IllegalArgumentException("trade " + i + ": time " + TimeText.format(timeNanos[i])
                    + " is before the previous trade's " + TimeText.format(timeNanos[i - 1]));
            }
            final String problem = BarRules.tradeProblem(price[i], quantity[i], "quantity");
            if (problem != null) {
                throw new IllegalArgumentException("trade " + i + ": " + problem);
            }
        }
        return new TradeSeriesData(symbol, timeNanos.clone(), price.clone(), quantity.clone());
    }

    /** Price of trade {@code i}, fixed-point. */
    public long price(final int i) {
        return price[i];
    }

    /** Quantity of trade {@code i}, fixed-point. */
    public long quantity(final int i) {
        return quantity[i];
    }

    /** The trades whose time is inside {@code range}; this instance when all of them are. */
    public TradeSeriesData slice(final TimeRange range) {
        final int from = firstIndexAtOrAfter(range.fromNanos());
        final int to = firstIndexAtOrAfter(range.untilNanos());
        if (from == 0 && to == timeNanos.length) {
            return this;
        }
        return new TradeSeriesData(symbol(), Arrays.copyOfRange(timeNanos, from, to), Arrays.copyOfRange(price, from, to),
            Arrays.copyOfRange(quantity, from, to));
    }

    @Override
    public String toString() {
        return describe("TradeSeriesData", "trades");
    }
}
