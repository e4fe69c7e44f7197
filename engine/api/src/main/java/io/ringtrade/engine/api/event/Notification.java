package io.ringtrade.engine.api.event;

/**
 * What a {@link EffectKind#NOTIFY} effect tells the operator. {@link OrderEffect#bookIndex} is the book (-1 for the
 * whole engine) and {@link OrderEffect#notificationValue} the trading state it moved to. Codes are stable: only add.
 */
public final class Notification {
    /** The trading state of a book, or the global one (the kill switch), changed by an operator's command. */
    public static final int TRADING_STATE_CHANGED = 1;
    /** A book (or all books together) lost more than its maximum daily loss and was halted. */
    public static final int DAILY_LOSS_BREACH = 2;
    /** A book's equity fell below its maintenance margin: its positions are being closed and it was halted. */
    public static final int MARGIN_CALL = 3;

    private Notification() {
    }

    /** A short name for logs. */
    public static String name(final int code) {
        return switch (code) {
            case TRADING_STATE_CHANGED -> "TRADING_STATE_CHANGED";
            case DAILY_LOSS_BREACH -> "DAILY_LOSS_BREACH";
            case MARGIN_CALL -> "MARGIN_CALL";
            default -> "UNKNOWN(" + code + ")";
        };
    }
}
