package io.ringtrade.engine.api.event;

/**
 * What an {@link OrderEffect} asks a venue to do. A cancel leaves the process the way an order does: as an effect
 * released by the gateway after the journal has passed the input that caused it. Codes are stable: only add.
 */
public final class EffectKind {
    /** Place a new order ({@link OrderEffect#clientOrderId} is new). */
    public static final int SUBMIT = 1;
    /** Cancel one working order ({@link OrderEffect#clientOrderId} names it). */
    public static final int CANCEL = 2;
    /** Cancel/replace one working order with a new quantity and price, keeping its client order id. */
    public static final int REPLACE = 3;
    /** Cancel every working order of a book, or of one instrument of a book ({@code instrumentId} ≥ 0). */
    public static final int CANCEL_ALL = 4;

    private EffectKind() {
    }

    /** Name for logs and dumps. */
    public static String name(final int kind) {
        return switch (kind) {
            case SUBMIT -> "SUBMIT";
            case CANCEL -> "CANCEL";
            case REPLACE -> "REPLACE";
            case CANCEL_ALL -> "CANCEL_ALL";
            default -> "UNKNOWN(" + kind + ")";
        };
    }
}
