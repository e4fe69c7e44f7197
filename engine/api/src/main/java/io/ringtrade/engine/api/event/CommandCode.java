package io.ringtrade.engine.api.event;

/** Codes for {@link EngineEvent#commandCode}. Part of the journal layout: only add. */
public final class CommandCode {
    /**
     * End of the input stream now: close open bars, record final equity. Drivers normally end a run by calling
     * business logic's {@code finish} instead, which is not an input and so leaves a journal continuable.
     */
    public static final int END_OF_DATA = 1;
    /** Cancel every open order of {@code bookIndex} (-1 = every book): the clean-stop path. */
    public static final int CANCEL_ALL_ORDERS = 2;
    /**
     * Pass over the journal entry numbered {@code commandArgument} (it made business logic fail): written by
     * {@code ringtrade journal skip} while no engine runs; replay and recovery find these commands first
     * ({@code JournalSkips.scan}) and then leave the named entry out, identically every time. {@code bookIndex} holds
     * the {@link EventType} of the entry passed over: a passed-over feed input (market data or a signal) still counts
     * towards the feed's position, which is all the command changes. Its reason is kept beside the journal, since
     * commands carry no strings.
     */
    public static final int SKIP_ENTRY = 3;

    private CommandCode() {
    }

    /** Whether {@code code} is one this version knows; the edges refuse any other, and business logic fails on it. */
    public static boolean isKnown(final int code) {
        return code >= END_OF_DATA && code <= SKIP_ENTRY;
    }

    /** A short name for dumps. */
    public static String name(final int code) {
        return switch (code) {
            case END_OF_DATA -> "END_OF_DATA";
            case CANCEL_ALL_ORDERS -> "CANCEL_ALL_ORDERS";
            case SKIP_ENTRY -> "SKIP_ENTRY";
            default -> "UNKNOWN(" + code + ")";
        };
    }
}
