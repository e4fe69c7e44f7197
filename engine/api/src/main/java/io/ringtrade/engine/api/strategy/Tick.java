package io.ringtrade.engine.api.strategy;

/**
 * One tick an {@link EventStrategy} sees: a trade (price and size) or a quote (best bid and ask with sizes). A
 * flyweight the engine fills and reuses for every tick: read it during {@link EventStrategy#onTick}, never keep it.
 * Reads allocate nothing. Business-logic thread.
 */
public interface Tick {
    /** Event time, epoch nanoseconds UTC. */
    long timeNanos();

    /** Interned instrument id (the one {@link EventContext} methods take). */
    int instrument();

    /** True for a trade, false for a quote. */
    boolean isTrade();

    /** A trade's price (NaN for a quote). */
    double price();

    /** A trade's size (NaN for a quote). */
    double size();

    /** A quote's best bid (NaN for a trade). */
    double bid();

    /** A quote's best ask (NaN for a trade). */
    double ask();

    /** A quote's bid size (NaN for a trade). */
    double bidSize();

    /** A quote's ask size (NaN for a trade). */
    double askSize();
}
