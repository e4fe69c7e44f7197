package io.ringtrade.engine.api.event;

/** Codes for {@link EngineEvent#marketDataKind}. Part of the journal layout: only add. */
public final class MarketDataKind {
    /** A single trade: {@code price}, {@code quantity}. */
    public static final int TRADE = 1;
    /** A closed bar: {@code open}, {@code high}, {@code low}, {@code close}, {@code volume}; time is the bar's start. */
    public static final int BAR = 2;
    /** A top-of-book quote: {@code bidPrice}, {@code bidQuantity}, {@code askPrice}, {@code askQuantity}. */
    public static final int QUOTE = 3;

    private MarketDataKind() {
    }

    /** A short name for dumps. */
    public static String name(final int kind) {
        return switch (kind) {
            case TRADE -> "TRADE";
            case BAR -> "BAR";
            case QUOTE -> "QUOTE";
            default -> "UNKNOWN(" + kind + ")";
        };
    }
}
