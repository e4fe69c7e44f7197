package io.ringtrade.engine.api.strategy;

/**
 * The event-handler way to write a strategy (DESIGN.md §5), for tick strategies such as a market maker: the engine
 * calls these handlers on the business-logic thread and the strategy places and cancels its own orders through the
 * {@link EventContext}. Every handler has a default that does nothing.
 *
 * <p>{@link #onTick}, {@link #onFill}, {@link #onOrderUpdate} and {@link #onTimer} run on the tick path: they must not
 * allocate (a JMH {@code -prof gc} benchmark checks the shipped market maker). Timers are in event time
 * ({@link EventContext#setTimer}): a timer due at T fires at the first input whose event time is at or after T (market
 * data, or the {@code TIMER} time advance a live engine journals), before that input is processed, so replay fires it
 * at the same place. What the strategy remembers lives in {@link StrategyState} cells. An event strategy needs ticks:
 * the engine refuses it at start on a feed of bars only. The managed exits ({@code stop_loss}, {@code take_profit},
 * {@code trailing_stop}, {@code time_stop_bars}) protect the positions its fills open: their orders are the engine's
 * ({@link EventContext#cancelAll} and {@link EventContext#openOrders} leave them out), and their fills reach
 * {@link #onFill} like its own; the sizing parameters, {@code max_adds} and {@code average_last} are refused at start.
 */
public non-sealed interface EventStrategy extends Strategy {
    /**
     * The indicators its {@link #onBar} rows carry ({@link Indicators}, sealed by the engine), or null for none.
     * Declared once in {@code create}, kept in a final field.
     */
    default Indicators indicators() {
        return null;
    }

    /** Before the first input the book sees (event time of that input). */
    default void onStart(final EventContext ctx) {
    }

    /** A trade or quote of one of the book's instruments, after the venue matched it against working orders. */
    default void onTick(final EventContext ctx, final Tick tick) {
    }

    /** A closed bar of the book's interval, with the declared indicators. */
    default void onBar(final EventContext ctx, final Row row) {
    }

    /** A fill of one of its orders: {@code side} +1 buy, −1 sell. */
    default void onFill(final EventContext ctx, final long orderId, final int instrument, final int side,
                        final double quantity, final double price) {
    }

    /** One of its orders moved to {@code status} ({@link OrderStatus}). */
    default void onOrderUpdate(final EventContext ctx, final long orderId, final int status) {
    }

    /** Timer {@code timerId} ({@link EventContext#setTimer}) is due. */
    default void onTimer(final EventContext ctx, final int timerId) {
    }

    /**
     * An external signal for the book ({@code side} +1 buy, −1 sell, 0 flat/close; {@code size} as the sender gave
     * it, NaN when none). The engine places no order for it: the strategy decides.
     */
    default void onSignal(final EventContext ctx, final int instrument, final int side, final double size) {
    }

    /** The end of the run (end of data or a clean stop); orders placed here are not released. */
    default void onStop(final EventContext ctx) {
    }
}
