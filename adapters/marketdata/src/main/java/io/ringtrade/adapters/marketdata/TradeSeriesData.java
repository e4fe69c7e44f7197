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
public final class TradeSeriesData {
    private final String symbol;
    private final long[] timeNanos;
    private final long[] price;
    private final long[] quantity;

    /** Takes ownership of already validated, equally long arrays. */
    TradeSeriesData(final String symbol, final long[] timeNanos, final long[] price, final long[] quantity) {
        this.symbol = symbol;
        this.timeNanos = timeNanos;
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

    /** The symbol the trades are for, as given at load. */
    public String symbol() {
        return symbol;
    }

    /** Number of trades. */
    public int size() {
        return timeNanos.length;
    }

    /** True when there are no trades. */
    public boolean isEmpty() {
        return timeNanos.length == 0;
    }

    /** Time of trade {@code i}, epoch nanoseconds UTC. */
    public long timeNanos(final int i) {
        return timeNanos[i];
    }

    /** Price of trade {@code i}, fixed-point. */
    public long price(final int i) {
        return price[i];
    }

    /** Quantity of trade {@code i}, fixed-point. */
    public long quantity(final int i) {
        return quantity[i];
    }

    /**
     * How far a looping replay ({@code feed.loop}) shifts each pass: last time − first time + the smallest positive
     * gap between consecutive times (1 ns when all trades share one time). So the first trade of a pass comes one
     * smallest gap after the last trade of the pass before, and times never go backwards. 0 when there are no trades.
     */
    public long loopSpanNanos() {
        return TradeSeriesData.loopSpan(timeNanos);
    }

    static long loopSpan(final long[] times) {
        if (times.length == 0) {
            return 0;
        }
        long smallestGap = Long.MAX_VALUE;
        for (int i = 1; i < times.length; i++) {
            final long gap = times[i] - times[i - 1];
            if (gap > 0 && gap < smallestGap) {
                smallestGap = gap;
            }
        }
        return times[times.length - 1] - times[0] + (smallestGap == Long.MAX_VALUE ? 1 : smallestGap);
    }

    /** The trades whose time is inside {@code range}; this instance when all of them are. */
    public TradeSeriesData slice(final TimeRange range) {
        final int from = BarSeriesData.firstIndexAtOrAfter(timeNanos, range.fromNanos());
        final int to = BarSeriesData.firstIndexAtOrAfter(timeNanos, range.untilNanos());
        if (from == 0 && to == timeNanos.length) {
            return this;
        }
        return new TradeSeriesData(symbol, Arrays.copyOfRange(timeNanos, from, to), Arrays.copyOfRange(price, from, to),
            Arrays.copyOfRange(quantity, from, to));
    }

    @Override
    public String toString() {
        return "TradeSeriesData[" + symbol + ", " + size() + " trades"
            + (isEmpty() ? "" : ", " + TimeText.format(timeNanos[0]) + " .. " + TimeText.format(timeNanos[size() - 1]))
            + "]";
    }
}
