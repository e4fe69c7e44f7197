package io.ringtrade.engine.api.event;

/** Codes for {@link EngineEvent#signalSizeKind}. Part of the journal layout: only add. */
public final class SignalSizeKind {
    /** {@code signalSize} is a quantity of the instrument. */
    public static final int QUANTITY = 1;
    /** {@code signalSize} is money: the quantity is size / latest price, rounded down to the lot. */
    public static final int NOTIONAL = 2;

    private SignalSizeKind() {
    }

    /** Name for input files and dumps. */
    public static String name(final int kind) {
        return switch (kind) {
            case QUANTITY -> "QUANTITY";
            case NOTIONAL -> "NOTIONAL";
            default -> "UNKNOWN(" + kind + ")";
        };
    }
}
