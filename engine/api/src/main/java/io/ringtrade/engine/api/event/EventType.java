package io.ringtrade.engine.api.event;

/**
 * Codes of the input event types carried by {@link EngineEvent#type}. Codes are part of the journal layout:
 * never renumber one, only add.
 */
public final class EventType {
    /** An unused slot. */
    public static final int NONE = 0;
    /** A trade tick, quote or closed bar from a feed. */
    public static final int MARKET_DATA = 1;
    /** A signal from outside (TradingView webhook and other senders). */
    public static final int EXTERNAL_SIGNAL = 2;
    /** An operator command (kill switch, pause, force-close, parameter change, stop). */
    public static final int COMMAND = 3;
    /** An execution report from a live venue. */
    public static final int EXECUTION_REPORT = 4;
    /** A time advance from the engine clock. */
    public static final int TIMER = 5;

    private EventType() {
    }

    /** A short upper-case name for dumps and logs. */
    public static String name(final int type) {
        return switch (type) {
            case NONE -> "NONE";
            case MARKET_DATA -> "MARKET_DATA";
            case EXTERNAL_SIGNAL -> "EXTERNAL_SIGNAL";
            case COMMAND -> "COMMAND";
            case EXECUTION_REPORT -> "EXECUTION_REPORT";
            case TIMER -> "TIMER";
            default -> "UNKNOWN(" + type + ")";
        };
    }
}
