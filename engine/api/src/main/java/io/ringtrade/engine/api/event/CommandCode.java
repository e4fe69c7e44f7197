package io.ringtrade.engine.api.event;

/** Codes for {@link EngineEvent#commandCode}. Part of the journal layout: only add. */
public final class CommandCode {
    /**
     * End of the input stream now: close open bars, record final equity. Drivers normally end a run by calling
     * business logic's {@code finish} instead, which is not an input and so leaves a journal continuable.
     */
    public static final int END_OF_DATA = 1;
    /** Cancel every open order (the clean-stop path). */
    public static final int CANCEL_ALL_ORDERS = 2;

    private CommandCode() {
    }

    /** A short name for dumps. */
    public static String name(final int code) {
        return switch (code) {
            case END_OF_DATA -> "END_OF_DATA";
            case CANCEL_ALL_ORDERS -> "CANCEL_ALL_ORDERS";
            default -> "UNKNOWN(" + code + ")";
        };
    }
}
