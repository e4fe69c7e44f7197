package io.ringtrade.engine.api.event;

/**
 * How the argument of a {@link CommandCode#TRADING_STATE} or {@link CommandCode#CLOSE_POSITION} command is packed.
 * Commands carry no strings (a reason text goes to the audit log beside the journal), only these numbers:
 * <pre>
 *   bits  0-7   the new trading state: 0 ACTIVE, 1 REDUCE_ONLY, 2 HALTED
 *   bit   8     flatten: close every position with reduce-only market orders after cancelling open orders
 *   bits 16-23  source: 0 unknown, 1 the ops HTTP API, 2 the offline kill switch, 3 the command line
 *   bits 32-63  for the offline kill switch, the command's number in its command queue (1, 2, ...), so that a
 *               command is applied once even when the engine stops between publishing it and recording the queue
 *               position; 0 otherwise
 * </pre>
 * Part of the journal layout: only add. Stateless.
 */
public final class TradingCommand {
    /** Trading state ACTIVE. */
    public static final int ACTIVE = 0;
    /** Trading state REDUCE_ONLY. */
    public static final int REDUCE_ONLY = 1;
    /** Trading state HALTED. */
    public static final int HALTED = 2;

    /** The command came from an unknown source. */
    public static final int SOURCE_UNKNOWN = 0;
    /** The command came from the ops HTTP API (or the kill-switch script, which calls it). */
    public static final int SOURCE_HTTP = 1;
    /** The command came from the offline kill switch's command queue. */
    public static final int SOURCE_OFFLINE = 2;
    /** The command came from the command line. */
    public static final int SOURCE_CLI = 3;

    private static final long FLATTEN_BIT = 1L << 8;

    private TradingCommand() {
    }

    /** Packs an argument. */
    public static long pack(final int state, final boolean flatten, final int source, final long queueNumber) {
        if (state < ACTIVE || state > HALTED || source < 0 || source > 0xFF || queueNumber < 0
            || queueNumber > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("bad trading command: state " + state + ", source " + source
                + ", number " + queueNumber);
        }
        return state | (flatten ? FLATTEN_BIT : 0) | ((long) source << 16) | (queueNumber << 32);
    }

    /** The new state (0 ACTIVE, 1 REDUCE_ONLY, 2 HALTED; anything else is invalid). */
    public static int state(final long argument) {
        return (int) (argument & 0xFF);
    }

    /** Whether to flatten positions. */
    public static boolean flatten(final long argument) {
        return (argument & FLATTEN_BIT) != 0;
    }

    /** The source code. */
    public static int source(final long argument) {
        return (int) ((argument >>> 16) & 0xFF);
    }

    /** The offline command's number, or 0. */
    public static long queueNumber(final long argument) {
        return argument >>> 32;
    }

    /** A state's name. */
    public static String stateName(final int state) {
        return switch (state) {
            case ACTIVE -> "ACTIVE";
            case REDUCE_ONLY -> "REDUCE_ONLY";
            case HALTED -> "HALTED";
            default -> "UNKNOWN(" + state + ")";
        };
    }

    /** A source's name, as the audit log writes it. */
    public static String sourceName(final int source) {
        return switch (source) {
            case SOURCE_HTTP -> "http";
            case SOURCE_OFFLINE -> "offline";
            case SOURCE_CLI -> "cli";
            default -> "unknown";
        };
    }
}
