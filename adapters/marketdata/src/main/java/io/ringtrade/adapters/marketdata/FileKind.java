package io.ringtrade.adapters.marketdata;

/** What a market-data file holds, as {@link MarketDataFiles#detectKind} reads it from the header. Immutable. */
public enum FileKind {
    /** OHLCV bars: {@link MarketDataFiles#loadBars}. */
    BARS,
    /** Individual trades: {@link MarketDataFiles#loadTrades}. */
    TRADES
}
