package io.ringtrade.engine.pipeline;

/**
 * What the edges hang on the pipeline besides the venue sink: where notifications go, who learns that a command input
 * has passed every stage (the ops API answers a control request then, matching it by the input's sequence), and how
 * often business logic publishes its state view ({@link io.ringtrade.engine.view.EngineView}). Immutable.
 *
 * @param notifier          where NOTIFY effects go
 * @param commands          told, on the gateway thread, the sequence of every command input once it has been
 *                          journaled, applied by business logic and its effects released
 * @param viewIntervalNanos the state view is published after every command, when the ring runs empty, and otherwise
 *                          at most once per this many nanoseconds of the monotonic clock; negative = never
 */
public record GatewayHooks(Notifier notifier, CommandListener commands, long viewIntervalNanos) {
    /** No notifier, no listener, no state view. */
    public static final GatewayHooks NONE = new GatewayHooks(Notifier.NONE, sequence -> {
    }, -1);

    /** Told when a command input has been released. */
    @FunctionalInterface
    public interface CommandListener {
        /** The command input with this sequence passed every stage. Gateway thread; must not block. */
        void onCommandReleased(long sequence);
    }
}
