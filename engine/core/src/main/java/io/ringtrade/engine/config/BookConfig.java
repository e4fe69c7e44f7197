package io.ringtrade.engine.config;

import io.ringtrade.engine.api.market.Interval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One book ({@code ringtrade.books[i]}): a strategy instance with its own cash, positions and P&amp;L, and the
 * trading costs and rules its simulated fills follow. Money is fixed-point in units of 10<sup>-8</sup>
 * ({@link io.ringtrade.engine.api.money.FixedPoint}); basis points are fixed-point too, so {@code 5} bps is
 * {@code 500_000_000L} and {@code 2.5} bps is {@code 250_000_000L} (a rate of bps / 10,000).
 *
 * <p>Immutable; built and read on the start-up (main) thread. Values are validated by {@link EngineConfigLoader};
 * the constructor only rejects nulls and copies the collections.
 *
 * @param name          unique book name, used in output file names: letters, digits, {@code . _ -}
 * @param strategy      the strategy's registered name, e.g. {@code sma_crossover} (checked against the
 *                      strategies found at start, not here)
 * @param params        strategy parameters as text, ordered by name (HOCON objects do not keep file order); checked
 *                      against the strategy's declared parameters elsewhere
 * @param symbols       instruments the book trades, each listed in {@code ringtrade.instruments}
 * @param interval      bar interval the strategy decides on
 * @param cash          starting cash, fixed-point, &gt; 0
 * @param slippageBps   slippage charged against each fill, fixed-point basis points, 0 to 10,000
 * @param commissionBps commission on each fill's notional, fixed-point basis points, 0 to 10,000
 * @param allowShort    whether a sell may take the position below zero
 * @param minNotional   smallest order notional accepted, fixed-point, &gt;= 0
 * @param fill          the price market orders fill at
 * @param maxShortNotional largest short per instrument, open short sells included, fixed-point; 0 = the book's equity
 * @param participation largest share of a bar's or trade's volume one fill may take, a fixed-point fraction; 0 = no
 *                      limit
 */
public record BookConfig(String name, String strategy, Map<String, String> params, List<String> symbols,
                         Interval interval, long cash, long slippageBps, long commissionBps, boolean allowShort,
                         long minNotional, FillModel fill, long maxShortNotional, long participation) {
    /** Default bar interval. */
    public static final Interval INTERVAL_DEFAULT = Interval.M1;
    /** Default starting cash: 10,000. */
    public static final String CASH_DEFAULT = "10000";
    /** Default slippage: 5 bps. */
    public static final String SLIPPAGE_BPS_DEFAULT = "5";
    /** Default commission: 10 bps. */
    public static final String COMMISSION_BPS_DEFAULT = "10";
    /** Default short-selling policy: long only. */
    public static final boolean ALLOW_SHORT_DEFAULT = false;
    /** Default minimum order notional: 10, so that rounding dust never becomes an order. */
    public static final String MIN_NOTIONAL_DEFAULT = "10";
    /** Default fill model. */
    public static final FillModel FILL_DEFAULT = FillModel.NEXT_OPEN;
    /** Largest accepted slippage or commission: 10,000 bps is 100 %. */
    public static final String MAX_BPS = "10000";
    /** Default short cap: 0, meaning the book's equity. */
    public static final String MAX_SHORT_NOTIONAL_DEFAULT = "0";
    /** Default participation limit: none. */
    public static final String PARTICIPATION_DEFAULT = "0";
    /**
     * Largest starting cash of one book: 10,000,000,000. Money is fixed-point at 1e-8 in a 64-bit long, which holds
     * ±92,233,720,368 units ({@link io.ringtrade.engine.api.money.FixedPoint#MAX_WHOLE_UNITS}); the cap leaves the
     * book's equity room to grow ninefold before arithmetic would refuse.
     */
    public static final String MAX_CASH = "10000000000";
    /** Largest total starting cash of all books together: half the fixed-point range. */
    public static final String MAX_TOTAL_CASH = "46000000000";

    /** A book with the default short cap (its equity) and no participation limit. */
    public BookConfig(final String name, final String strategy, final Map<String, String> params,
                      final List<String> symbols, final Interval interval, final long cash, final long slippageBps,
                      final long commissionBps, final boolean allowShort, final long minNotional, final FillModel fill) {
        this(name, strategy, params, symbols, interval, cash, slippageBps, commissionBps, allowShort, minNotional, fill,
            0, 0);
    }

    /** Rejects nulls and copies the collections (keeping the parameters' order). */
    public BookConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(fill, "fill");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        symbols = List.copyOf(symbols);
    }
}
