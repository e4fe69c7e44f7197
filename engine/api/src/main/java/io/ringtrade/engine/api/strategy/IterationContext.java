package io.ringtrade.engine.api.strategy;

import java.util.List;
import java.util.Map;

/**
 * What an {@link IterationStrategy} trades and reads through during one {@link IterationStrategy#onIteration} call.
 * Orders are market orders decided at this bar's close and filled at the next open (or at the close with the
 * fill-at-close model); money is in the book's currency, quantities in the instrument's units. Owned by the
 * business-logic thread; valid only during the call.
 */
public interface IterationContext {
    /** The notional meaning "all": all the cash not reserved (buy) or the whole position (sell). */
    double ALL = -1;

    /** Event time of this iteration (the closing bar's end), epoch nanoseconds UTC. */
    long timeNanos();

    /** The book's instruments, in configuration order. */
    List<String> symbols();

    /** The book's cash currency (the instruments' currency), e.g. {@code USD}: the cash weight's key. */
    String currency();

    /**
     * Buys {@code notional} of {@code symbol} ({@link #ALL} = all cash not reserved): a notional market order the venue
     * converts at the fill price. Returns false when no order was placed (nothing to spend, refused by risk).
     */
    boolean buy(String symbol, double notional);

    /**
     * Sells {@code notional} of {@code symbol} at the latest price, in whole lots up to the position ({@link #ALL} =
     * the whole position). Returns false when no order was placed.
     */
    boolean sell(String symbol, double notional);

    /** {@link #rebalance(Map, double)} without a drift threshold. */
    void rebalance(Map<String, Double> weights);

    /**
     * Moves the book to target weights of its equity: one weight per symbol of the book and optionally the cash
     * weight under {@link #currency()}, each in [0, 1], summing to 1 (within 1e-9); an instrument left out targets 0.
     * Sells go first (market, at the next open); once the venue has confirmed them, the buys are sized from the cash
     * the book then has, at the latest prices, and scaled down together when short (the rebalance cash clamp). An
     * instrument whose weight differs from its target by less than {@code driftThreshold} (a fraction of equity) is
     * not traded.
     *
     * @throws IllegalArgumentException naming the problem (unknown symbol, negative weight, sum not 1)
     */
    void rebalance(Map<String, Double> weights, double driftThreshold);

    /** The latest price of {@code symbol} (NaN before any). */
    double latestPrice(String symbol);

    /** The book's signed position in {@code symbol} (negative = short). */
    double position(String symbol);

    /** The book's cash. */
    double cash();

    /** The book's equity: cash plus positions at their latest prices. */
    double equity();

    /** The latest closed bar of {@code symbol}, with the strategy's declared indicators. */
    Row row(String symbol);
}
