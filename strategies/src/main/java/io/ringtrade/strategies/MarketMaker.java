package io.ringtrade.strategies;

import io.ringtrade.engine.api.strategy.Column;
import io.ringtrade.engine.api.strategy.DoubleCell;
import io.ringtrade.engine.api.strategy.EventContext;
import io.ringtrade.engine.api.strategy.EventStrategy;
import io.ringtrade.engine.api.strategy.Indicators;
import io.ringtrade.engine.api.strategy.LongCell;
import io.ringtrade.engine.api.strategy.OrderStatus;
import io.ringtrade.engine.api.strategy.ParameterSpec;
import io.ringtrade.engine.api.strategy.Parameters;
import io.ringtrade.engine.api.strategy.Row;
import io.ringtrade.engine.api.strategy.Strategy;
import io.ringtrade.engine.api.strategy.StrategyDefinition;
import io.ringtrade.engine.api.strategy.StrategyState;
import io.ringtrade.engine.api.strategy.Tick;

import java.util.List;

/**
 * {@code market_maker} (event handlers, tick-driven): two-sided limit quotes around the mid, cancelled and replaced
 * every {@code requote_ms} of event time. The rules (the README states them):
 * <ul>
 *   <li>mid = the last trade price (the mid of the last quote when the feed has quotes);</li>
 *   <li>half-spread = {@code half_spread} × mid × m, where m = 1 + max(0, (w − 0.01) / 0.01) × 0.5, capped at 3, and w
 *       is the Bollinger(20, 2) width (upper − lower) / middle of the book's own bars (run it with 1-minute bars);
 *       m = 1 until 20 bars exist;</li>
 *   <li>skew = position / {@code max_inventory} clamped to [−1, 1]; bid = mid − hs × (1 + 0.5 × skew), ask = mid + hs ×
 *       (1 − 0.5 × skew) (the engine rounds a bid down and an ask up to the tick);</li>
 *   <li>each side quotes {@code quote_usd} of notional at its price, in whole lots; the bid at most what takes the
 *       position to {@code max_inventory} and what the cash above a reserve of {@code cash_reserve} × cash pays for;
 *       the ask at most what takes the position to −{@code max_inventory}, and without shorting at most the
 *       position;</li>
 *   <li>every requote first cancels all the book's orders (so orders left from before a restart go at the first one);
 *       at the end of the run all orders are cancelled. With {@code requote = replace} each side's open quote is
 *       amended in place instead ({@link EventContext#replace}: same id, one request instead of two), and a new one is
 *       placed only where there is none or the venue cannot amend it; the bid's cash is then what the other orders
 *       leave, the quotes' own reservations set aside as the cancels would free them, so both modes quote the same
 *       sizes and prices.</li>
 * </ul>
 * State: the mid, the Bollinger width and the instrument in {@link StrategyState} cells (with {@code replace}, each
 * side's order id and what it filled too). Allocates nothing per tick.
 */
public final class MarketMaker implements StrategyDefinition {
    private static final int REQUOTE = 0;
    private static final int[] SIDES = {1, -1};

    @Override
    public String name() {
        return "market_maker";
    }

    @Override
    public String description() {
        return "two-sided limit quotes around the mid, volatility-adaptive spread, inventory skew, requoted on a timer";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
            ParameterSpec.ofDouble("half_spread", 0.0015, 0.00001, 0.1, List.of(0.001, 0.0015, 0.002),
                "half the quoted spread as a fraction of the mid"),
            ParameterSpec.ofDouble("max_inventory", 1.0, 0.00000001, 1e9, List.of(0.5, 1.0, 2.0),
                "largest position either way, in the instrument's units"),
            ParameterSpec.ofDouble("quote_usd", 500, 0.01, 1e9, List.of(250.0, 500.0, 1000.0),
                "notional quoted on each side"),
            ParameterSpec.ofDouble("cash_reserve", 0.10, 0, 0.99, List.of(0.1), "fraction of cash never bid"),
            ParameterSpec.ofInt("requote_ms", 500, 1, 3_600_000, List.of(250, 500, 1000),
                "event-time milliseconds between requotes"),
            ParameterSpec.ofText("requote", "cancel", "cancel (cancel every order and place new quotes) or replace "
                + "(amend each side's open quote in place)"));
    }

    @Override
    public Strategy create(final Parameters parameters) {
        throw new IllegalStateException("market_maker keeps state: created with create(parameters, state)");
    }

    @Override
    public Strategy create(final Parameters parameters, final StrategyState state) {
        final Indicators indicators = new Indicators().maxBarsAgo(0);
        final Indicators.Bollinger bands = indicators.bollinger(20, 2.0);
        indicators.specs();
        final String requote = parameters.getText("requote").strip();
        if (!requote.equals("cancel") && !requote.equals("replace")) {
            throw new IllegalArgumentException("strategy market_maker: requote must be cancel or replace, got '"
                + requote + "'");
        }
        // the amending mode's cells only where it runs, so a cancelling book's state is what it always was
        final QuoteOrders quotes = requote.equals("replace") ? new AmendInPlace(state.longCell("bid_order", 0),
            state.doubleCell("bid_filled", 0), state.longCell("ask_order", 0), state.doubleCell("ask_filled", 0))
            : new CancelAndPlace();
        return new Quoting(indicators, bands.width(), parameters.get("half_spread"), parameters.get("max_inventory"),
            parameters.get("quote_usd"), parameters.get("cash_reserve"), parameters.getInt("requote_ms") * 1_000_000L,
            state.doubleCell("mid", Double.NaN), state.doubleCell("bb_width", Double.NaN),
            state.longCell("instrument", -1), quotes);
    }

    /**
     * How a requote turns the new prices into orders ({@code requote}): every order cancelled and new ones placed, or
     * each side's open quote amended in place. The spread, skew and sizes are {@link Quoting}'s, the same for both.
     * Runs on the business-logic thread, inside the strategy's handlers.
     */
    private interface QuoteOrders {
        /** At start: orders left from before a restart are cancelled by the caller; forget any that were tracked. */
        void onStart();

        /** A fill of {@code orderId} on {@code side}. */
        void onFill(long orderId, int side, double quantity);

        /** {@code orderId} reached {@code status}. */
        void onOrderUpdate(long orderId, int status);

        /** Before the new quotes of a requote are worked out. */
        void beforeRequote(EventContext ctx);

        /** A requote with no price to quote around: nothing may stay in the market. */
        void withoutMarket(EventContext ctx);

        /** The cash other orders hold, which a new bid may not spend. */
        double reservedElsewhere(EventContext ctx);

        /** One side's quote of {@code quantity} (none when not above 0) at {@code price}. */
        void quote(EventContext ctx, int instrumentId, int side, double quantity, double price);
    }

    /** {@code requote = cancel}: every requote cancels all the book's orders and places new quotes. */
    private static final class CancelAndPlace implements QuoteOrders {
        @Override
        public void onStart() {
        }

        @Override
        public void onFill(final long orderId, final int side, final double quantity) {
        }

        @Override
        public void onOrderUpdate(final long orderId, final int status) {
        }

        @Override
        public void beforeRequote(final EventContext ctx) {
            ctx.cancelAll();
        }

        @Override
        public void withoutMarket(final EventContext ctx) {
            // beforeRequote already cancelled everything
        }

        @Override
        public double reservedElsewhere(final EventContext ctx) {
            return ctx.reservedCash();
        }

        @Override
        public void quote(final EventContext ctx, final int instrumentId, final int side, final double quantity,
                          final double price) {
            if (quantity > 0) {
                ctx.submitLimit(instrumentId, side, quantity, price);
            }
        }
    }

    /**
     * {@code requote = replace}: each side's open quote (its order id, 0 for none, and what it filled, in state cells)
     * is amended in place; a new order goes out only where none is open or the amendment is refused.
     */
    private record AmendInPlace(LongCell bidOrder, DoubleCell bidFilled, LongCell askOrder, DoubleCell askFilled)
        implements QuoteOrders {
        private LongCell order(final int side) {
            return side > 0 ? bidOrder : askOrder;
        }

        private DoubleCell filled(final int side) {
            return side > 0 ? bidFilled : askFilled;
        }

        @Override
        public void onStart() {
            bidOrder.set(0);
            askOrder.set(0);
        }

        @Override
        public void onFill(final long orderId, final int side, final double quantity) {
            if (order(side).get() == orderId) {
                filled(side).set(filled(side).get() + quantity);
            }
        }

        @Override
        public void onOrderUpdate(final long orderId, final int status) {
            if (OrderStatus.isTerminal(status)) {
                for (final int side : SIDES) {
                    if (order(side).get() == orderId) {
                        order(side).set(0);
                    }
                }
            }
        }

        @Override
        public void beforeRequote(final EventContext ctx) {
        }

        @Override
        public void withoutMarket(final EventContext ctx) {
            ctx.cancelAll();
            onStart();
        }

        @Override
        public double reservedElsewhere(final EventContext ctx) {
            // the quotes' own reservations are set aside, as cancelling them would free them
            return ctx.reservedCash() - ctx.reservedCash(bidOrder.get()) - ctx.reservedCash(askOrder.get());
        }

        /** The open quote changed to {@code quantity} more than it filled, else cancelled and placed new. */
        @Override
        public void quote(final EventContext ctx, final int instrumentId, final int side, final double quantity,
                          final double price) {
            final LongCell order = order(side);
            final long open = order.get();
            if (open != 0 && quantity > 0 && ctx.replace(open, filled(side).get() + quantity, price)) {
                return;
            }
            if (open != 0) {
                ctx.cancel(open);
                order.set(0);
            }
            if (quantity > 0) {
                order.set(ctx.submitLimit(instrumentId, side, quantity, price));
                filled(side).set(0);
            }
        }
    }

    /** One market maker instance: immutable settings and its state cells. */
    private static final class Quoting implements EventStrategy {
        private final Indicators indicators;
        private final Column width;
        private final double halfSpread;
        private final double maxInventory;
        private final double quoteNotional;
        private final double cashReserve;
        private final long requoteNanos;
        private final DoubleCell mid;
        private final DoubleCell bandWidth;
        private final LongCell instrument;
        /** How new quotes become orders: cancel and place, or amend in place. */
        private final QuoteOrders quotes;

        Quoting(final Indicators indicators, final Column width, final double halfSpread, final double maxInventory,
                final double quoteNotional, final double cashReserve, final long requoteNanos, final DoubleCell mid,
                final DoubleCell bandWidth, final LongCell instrument, final QuoteOrders quotes) {
            this.indicators = indicators;
            this.width = width;
            this.halfSpread = halfSpread;
            this.maxInventory = maxInventory;
            this.quoteNotional = quoteNotional;
            this.cashReserve = cashReserve;
            this.requoteNanos = requoteNanos;
            this.mid = mid;
            this.bandWidth = bandWidth;
            this.instrument = instrument;
            this.quotes = quotes;
        }

        @Override
        public Indicators indicators() {
            return indicators;
        }

        @Override
        public void onStart(final EventContext ctx) {
            ctx.cancelAll();
            quotes.onStart();
            ctx.setTimer(REQUOTE, requoteNanos);
        }

        @Override
        public void onFill(final EventContext ctx, final long orderId, final int instrumentId, final int side,
                           final double quantity, final double price) {
            quotes.onFill(orderId, side, quantity);
        }

        @Override
        public void onOrderUpdate(final EventContext ctx, final long orderId, final int status) {
            quotes.onOrderUpdate(orderId, status);
        }

        @Override
        public void onTick(final EventContext ctx, final Tick tick) {
            instrument.set(tick.instrument());
            mid.set(tick.isTrade() ? tick.price() : (tick.bid() + tick.ask()) / 2);
        }

        @Override
        public void onBar(final EventContext ctx, final Row row) {
            // the engine's width is ta's, in percent
            bandWidth.set(row.get(width) / 100);
        }

        @Override
        public void onTimer(final EventContext ctx, final int timerId) {
            ctx.setTimer(REQUOTE, requoteNanos);
            requote(ctx);
        }

        @Override
        public void onStop(final EventContext ctx) {
            ctx.cancelAll();
        }

        private void requote(final EventContext ctx) {
            quotes.beforeRequote(ctx);
            final double m = mid.get();
            final int id = (int) instrument.get();
            if (id < 0 || !(m > 0)) {
                quotes.withoutMarket(ctx);
                return;
            }
            final double w = bandWidth.get();
            final double multiplier = Double.isNaN(w) ? 1 : Math.min(3, 1 + Math.max(0, (w - 0.01) / 0.01) * 0.5);
            final double spread = halfSpread * m * multiplier;
            final double position = ctx.position(id);
            final double skew = Math.max(-1, Math.min(1, position / maxInventory));
            final double bid = m - spread * (1 + 0.5 * skew);
            final double ask = m + spread * (1 - 0.5 * skew);
            double bidQuantity = 0;
            if (bid > 0 && position < maxInventory) {
                final double spendable = ctx.cash() * (1 - cashReserve) - quotes.reservedElsewhere(ctx);
                bidQuantity = Math.min(Math.min(quoteNotional / bid, maxInventory - position), spendable / bid);
            }
            quotes.quote(ctx, id, 1, bidQuantity, bid);
            double askQuantity = 0;
            if (position > -maxInventory) {
                askQuantity = Math.min(quoteNotional / ask, position + maxInventory);
                if (!ctx.shortAllowed()) {
                    askQuantity = Math.min(askQuantity, position);
                }
            }
            quotes.quote(ctx, id, -1, askQuantity, ask);
        }
    }
}
