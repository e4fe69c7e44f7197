package io.ringtrade.adapters.ops;

import io.ringtrade.engine.api.event.EventType;
import io.ringtrade.engine.api.event.OrderType;
import io.ringtrade.engine.order.OrderReason;
import io.ringtrade.engine.view.EngineView;

import java.util.List;

/**
 * The JSON shapes of the ops API's reads, from a published {@link EngineView} (never from business logic itself).
 * The shapes are documented in the README and stable: fields are only added. Stateless; any Netty thread.
 */
final class ViewJson {
    private static final int[] INPUT_TYPES = {EventType.MARKET_DATA, EventType.EXTERNAL_SIGNAL, EventType.COMMAND,
        EventType.EXECUTION_REPORT, EventType.TIMER};

    private ViewJson() {
    }

    /** {@code {"global":..,"global_cause":..,"books":{name:{"state","effective","cause","paused"}}}}. */
    static void tradingState(final JsonWriter json, final EngineView view) {
        json.beginObject().field("global", view.globalState().name()).field("global_cause", view.globalCause())
            .key("books").beginObject();
        for (final EngineView.BookView book : view.books()) {
            json.key(book.name()).beginObject().field("state", book.state().name())
                .field("effective", book.effective().name()).field("cause", book.cause())
                .field("paused", book.paused()).endObject();
        }
        json.endObject().endObject();
    }

    static String status(final EngineView view, final OpsSettings settings, final OpsEngine engine) {
        final JsonWriter json = new JsonWriter().beginObject().field("mode", settings.mode()).key("trading_state");
        tradingState(json, view);
        json.field("pipeline", engine.failure() == null ? "running" : "failed")
            .field("uptime_seconds", (settings.monotonicNanos().getAsLong() - settings.startedNanos()) / 1_000_000_000L)
            .key("journal").beginObject().field("entries", engine.journaled()).field("last_applied", view.sequence())
            .endObject()
            .field("ring_lag", engine.backlog())
            .timeField("data_time", view.lastEventTime())
            .key("events").beginObject().field("processed", view.eventsProcessed()).key("by_type").beginObject();
        for (final int type : INPUT_TYPES) {
            json.field(EventType.name(type), view.events(type));
        }
        json.endObject().field("late_bar_inputs", view.lateBarInputs()).endObject()
            .field("orders", view.ordersReleased()).field("fills", view.fills())
            .field("open_orders", view.openOrders().size());
        caps(json.key("risk_caps").beginObject(), view.caps()).endObject().key("rejections").beginObject();
        long total = 0;
        for (final OrderReason reason : OrderReason.values()) {
            total += view.rejections(reason);
        }
        json.field("total", total).key("by_reason").beginObject();
        for (final OrderReason reason : OrderReason.values()) {
            if (reason.isRiskRejection()) {
                json.field(reason.label(), view.rejections(reason));
            }
        }
        json.endObject().endObject().key("equity").beginObject();
        for (final EngineView.BookView book : view.books()) {
            json.moneyField(book.name(), book.equity());
        }
        json.endObject().key("latency_us").beginObject();
        final String[] names = {"journal", "logic", "gateway", "tick_to_order"};
        for (int stage = 0; stage < names.length; stage++) {
            final long[] latency = engine.status().stagePercentiles(stage, 50, 99);
            json.key(names[stage]).beginObject().field("count", latency[0])
                .numberField("p50", latency[1] / 1000.0).numberField("p99", latency[2] / 1000.0).endObject();
        }
        return json.endObject().endObject().toString();
    }

    static String books(final EngineView view, final OpsSettings settings) {
        final JsonWriter json = new JsonWriter().beginObject().key("books").beginArray();
        for (final EngineView.BookView book : view.books()) {
            json.beginObject().field("name", book.name()).field("strategy", settings.strategies().get(book.name()))
                .field("state", book.state().name()).field("effective_state", book.effective().name())
                .field("cause", book.cause()).field("paused", book.paused())
                .moneyField("initial_cash", book.initialCash()).moneyField("cash", book.cash())
                .moneyField("equity", book.equity()).moneyField("realized_pnl", book.realizedPnl())
                .moneyField("unrealized_pnl", book.unrealizedPnl()).moneyField("fees", book.fees())
                .moneyField("daily_loss", book.dailyLoss()).moneyField("daily_loss_limit", book.dailyLossLimit())
                .moneyField("max_order_notional", book.maxOrderNotional())
                .moneyField("max_position_pct", book.maxPositionPct()).moneyField("price_band_pct", book.priceBandPct())
                .field("max_orders_per_second", book.maxOrdersPerSecond())
                .moneyField("maintenance_margin_pct", book.maintenanceMarginPct())
                .moneyField("gross_exposure", book.grossExposure())
                .moneyField("borrow_rate_pct", book.borrowRatePct()).moneyField("interest_paid", book.interestPaid())
                .moneyField("short_fee_pct", book.shortFeePct()).moneyField("short_fees_paid", book.shortFeesPaid())
                .moneyField("max_leverage", book.maxLeverage()).field("allow_short", book.allowShort())
                .moneyField("min_notional", book.minNotional())
                .moneyField("max_short_notional", book.maxShortNotional()).endObject();
        }
        return json.endArray().endObject().toString();
    }

    static String positions(final EngineView view) {
        final JsonWriter json = new JsonWriter().beginObject().key("positions").beginArray();
        for (final EngineView.PositionView position : view.positions()) {
            position(json, position);
        }
        return json.endArray().endObject().toString();
    }

    private static void position(final JsonWriter json, final EngineView.PositionView position) {
        json.beginObject().field("book", position.book()).field("symbol", position.symbol())
            .moneyField("quantity", position.quantity()).moneyField("average_price", position.averagePrice())
            .moneyField("last_price", position.lastPrice()).moneyField("unrealized_pnl", position.unrealizedPnl())
            .moneyField("value", position.value()).field("currency", position.currency()).endObject();
    }

    static String openOrders(final EngineView view) {
        final JsonWriter json = new JsonWriter().beginObject().key("orders").beginArray();
        for (final EngineView.OrderView order : view.openOrders()) {
            json.beginObject().field("order_id", order.id()).field("book", order.book()).field("symbol", order.symbol())
                .field("side", order.side() > 0 ? "BUY" : "SELL").field("type", OrderType.name(order.type()))
                .moneyField("quantity", order.quantity()).moneyField("notional", order.notional())
                .moneyField("price", order.price()).field("state", order.state())
                .moneyField("filled_quantity", order.filledQuantity()).timeField("decided", order.decidedTime())
                .field("origin", order.origin()).endObject();
        }
        return json.endArray().endObject().toString();
    }

    static String trades(final EngineView view, final int limit) {
        final JsonWriter json = new JsonWriter().beginObject().key("trades").beginArray();
        final List<EngineView.FillView> fills = view.recentFills();
        for (int i = 0; i < Math.min(limit, fills.size()); i++) {
            final EngineView.FillView fill = fills.get(i);
            json.beginObject().timeField("time", fill.time()).field("book", fill.book()).field("symbol", fill.symbol())
                .field("side", fill.side() > 0 ? "BUY" : "SELL").moneyField("quantity", fill.quantity())
                .moneyField("price", fill.price()).moneyField("fee", fill.fee()).field("order_id", fill.orderId())
                .moneyField("realized_pnl", fill.realizedPnl()).endObject();
        }
        return json.endArray().endObject().toString();
    }

    static String strategies(final EngineView view, final OpsSettings settings) {
        final JsonWriter json = new JsonWriter().beginObject().key("strategies").beginArray();
        for (final EngineView.BookView book : view.books()) {
            json.beginObject().field("book", book.name()).field("strategy", settings.strategies().get(book.name()))
                .field("paused", book.paused()).field("state", book.effective().name())
                .moneyField("cash", book.cash()).key("positions").beginArray();
            for (final EngineView.PositionView position : view.positions()) {
                if (position.book().equals(book.name())) {
                    position(json, position);
                }
            }
            json.endArray().moneyField("unrealized_pnl", book.unrealizedPnl())
                .moneyField("realized_pnl", book.realizedPnl()).moneyField("total_value", book.equity())
                .field("trades", book.trades()).field("wins", book.wins()).field("losses", book.losses())
                .numberField("win_rate", book.winRate()).numberField("sharpe", book.sharpe())
                .numberField("max_drawdown", book.maxDrawdown()).numberField("current_drawdown", book.currentDrawdown())
                .endObject();
        }
        return json.endArray().endObject().toString();
    }

    /** A limit change's answer: as {@link #controlResult}, with the book's limits in force after it. */
    static String limitResult(final EngineView view, final long entry, final String action, final int book) {
        final JsonWriter json = controlHead(view, entry, action).key("limits").beginObject();
        if (book < 0) {
            caps(json.field("scope", "global"), view.caps());
        }
        for (final EngineView.BookView each : view.books()) {
            if (each.index() == book) {
                json.field("book", each.name()).moneyField("max_order_notional", each.maxOrderNotional())
                    .moneyField("max_position_pct", each.maxPositionPct())
                    .moneyField("max_daily_loss", each.dailyLossLimit())
                    .moneyField("price_band_pct", each.priceBandPct())
                    .field("max_orders_per_second", each.maxOrdersPerSecond())
                    .moneyField("maintenance_margin_pct", each.maintenanceMarginPct())
                    .moneyField("borrow_rate_pct", each.borrowRatePct())
                    .moneyField("short_fee_pct", each.shortFeePct())
                    .moneyField("max_leverage", each.maxLeverage()).field("allow_short", each.allowShort())
                    .moneyField("min_notional", each.minNotional())
                    .moneyField("max_short_notional", each.maxShortNotional());
            }
        }
        return controlTail(json.endObject(), view);
    }

    private static JsonWriter caps(final JsonWriter json, final EngineView.Caps caps) {
        return json.moneyField("max_order_notional", caps.maxOrderNotional())
            .moneyField("max_position_pct", caps.maxPositionPct()).moneyField("max_daily_loss", caps.maxDailyLoss())
            .moneyField("price_band_pct", caps.priceBandPct())
            .field("max_orders_per_second", caps.maxOrdersPerSecond())
            .moneyField("max_leverage", caps.maxLeverage()).field("allow_short", caps.allowShort());
    }

    /** The answer to a control request: the entry it was journaled as and the states after it. */
    static String controlResult(final EngineView view, final long entry, final String action) {
        return controlTail(controlHead(view, entry, action), view);
    }

    private static JsonWriter controlHead(final EngineView view, final long entry, final String action) {
        return new JsonWriter().beginObject().field("entry", entry).field("action", action)
            .field("applied", view.sequence() >= entry);
    }

    private static String controlTail(final JsonWriter json, final EngineView view) {
        tradingState(json.key("trading_state"), view);
        return json.field("open_orders", view.openOrders().size()).endObject().toString();
    }
}
