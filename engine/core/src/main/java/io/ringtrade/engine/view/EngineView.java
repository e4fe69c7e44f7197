package io.ringtrade.engine.view;

import io.ringtrade.engine.api.event.EventType;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.book.Book;
import io.ringtrade.engine.logic.BusinessLogic;
import io.ringtrade.engine.order.Order;
import io.ringtrade.engine.order.OrderReason;
import io.ringtrade.engine.output.RecentFills;
import io.ringtrade.engine.report.PerformanceAccumulator;
import io.ringtrade.engine.report.PerformanceSummary;
import io.ringtrade.engine.risk.TradingState;
import io.ringtrade.engine.risk.TradingStates;

import java.util.ArrayList;
import java.util.List;

/**
 * What other threads may know of business logic (DESIGN.md §3): an immutable copy of its state after one input,
 * built on the business-logic thread ({@link #capture}) and handed over with a volatile write
 * ({@link io.ringtrade.engine.pipeline.StatusBoard#publishView}). The ops API answers every read from the latest
 * one; nothing here refers back to business logic's mutable objects. Money, prices and quantities are fixed-point
 * longs at 1e-8; times epoch nanoseconds UTC (event time).
 *
 * @param sequence          the journal entry of the last input processed (-1 before any)
 * @param eventsProcessed   inputs processed
 * @param eventsByType      inputs processed per {@link EventType} code (index = code)
 * @param ordersReleased    orders that passed risk and went to a venue
 * @param fills             fills settled
 * @param rejections        risk refusals per {@link OrderReason} (index = ordinal)
 * @param lastEventTime     event time of the last input
 * @param globalState       the engine's trading state
 * @param globalCause       why ({@link io.ringtrade.engine.risk.HaltCause} label)
 * @param books             each book
 * @param positions         every non-zero position
 * @param openOrders        every open order, in decision order
 * @param recentFills       the last fills, newest first
 */
public record EngineView(long sequence, long eventsProcessed, long[] eventsByType, long ordersReleased, long fills,
                         long[] rejections, long lastEventTime, long lateBarInputs, TradingState globalState,
                         String globalCause, Caps caps,
                         List<BookView> books, List<PositionView> positions, List<OrderView> openOrders,
                         List<FillView> recentFills) {
    /** One book. State is its own; {@code effective} is what it trades under (the stricter of its and the global). */
    public record BookView(int index, String name, TradingState state, String cause, TradingState effective,
                           boolean paused, long initialCash, long cash, long equity, long realizedPnl,
                           long unrealizedPnl, long fees, int trades, int wins, int losses, double winRate,
                           double sharpe, double maxDrawdown, double currentDrawdown, long dailyLoss,
                           long dailyLossLimit, long maxOrderNotional, long maxPositionPct, long priceBandPct,
                           int maxOrdersPerSecond, long maintenanceMarginPct, long grossExposure,
                           long borrowRatePct, long interestPaid, long shortFeePct, long shortFeesPaid,
                           long maxLeverage, boolean allowShort, long minNotional, long maxShortNotional) {
    }

    /** The engine-wide caps in force over every book's limits (0 = none), as operators changed them. */
    public record Caps(long maxOrderNotional, long maxPositionPct, long maxDailyLoss, long priceBandPct,
                       int maxOrdersPerSecond, long maxLeverage, boolean allowShort) {
    }

    /** One position of one book. */
    public record PositionView(String book, String symbol, String currency, long quantity, long averagePrice,
                               long lastPrice, long unrealizedPnl, long value) {
    }

    /** One open order. */
    public record OrderView(long id, String book, String symbol, int side, int type, long quantity, long notional,
                            long price, String state, long filledQuantity, long decidedTime, String origin) {
    }

    /** One fill. */
    public record FillView(long time, String book, String symbol, int side, long quantity, long price, long fee,
                           long orderId, long realizedPnl) {
    }

    /** The view of business logic that has processed nothing yet (before recovery finishes). */
    public static EngineView empty() {
        return new EngineView(-1, 0, new long[EventType.TIMER + 1], 0, 0, new long[OrderReason.values().length], 0, 0,
            TradingState.ACTIVE, "none", new Caps(0, 0, 0, 0, 0, 0, true), List.of(), List.of(), List.of(), List.of());
    }

    /** Inputs of one type. */
    public long events(final int type) {
        return type >= 0 && type < eventsByType.length ? eventsByType[type] : 0;
    }

    /** Refusals for one reason. */
    public long rejections(final OrderReason reason) {
        return rejections[reason.ordinal()];
    }

    /** The book named {@code name}, or null. */
    public BookView book(final String name) {
        for (final BookView book : books) {
            if (book.name().equals(name)) {
                return book;
            }
        }
        return null;
    }

    /**
     * Copies what other threads may read from {@code logic}, after input {@code sequence}. Business-logic thread only;
     * allocates (call it once per batch or per command, never per input).
     */
    public static EngineView capture(final BusinessLogic logic, final long sequence) {
        final Book[] books = logic.books();
        final InstrumentRegistry instruments = logic.instruments();
        final TradingStates states = logic.tradingStates();
        final List<BookView> bookViews = new ArrayList<>(books.length);
        final List<PositionView> positions = new ArrayList<>();
        for (final Book book : books) {
            final int b = book.index();
            long unrealized = 0;
            for (int id = 0; id < book.instrumentCount(); id++) {
                final long quantity = book.position(id);
                if (quantity != 0) {
                    final long pnl = book.unrealizedPnl(id);
                    unrealized += pnl;
                    positions.add(new PositionView(book.name(), instruments.get(id).symbol(),
                        instruments.get(id).currency(), quantity, book.averagePrice(id), book.markPrice(id), pnl,
                        FixedPoint.multiply(book.markPrice(id), quantity)));
                }
            }
            final PerformanceAccumulator performance = logic.bookPerformance(b);
            final PerformanceSummary summary = performance.summary();
            bookViews.add(new BookView(b, book.name(), states.book(b), states.bookCause(b).label(), states.effective(b),
                states.paused(b), book.initialCash(), book.cash(), book.equity(), book.realizedPnl(), unrealized,
                book.feesPaid(), performance.trades(), performance.wins(), performance.losses(), summary.winRate(),
                summary.sharpe(), summary.maxDrawdown(), performance.currentDrawdown(), logic.dailyLoss().loss(b),
                logic.dailyLoss().limit(b), logic.limits(b).maxOrderNotional(), logic.limits(b).maxPositionPct(),
                logic.limits(b).priceBandPct(), logic.limits(b).maxOrdersPerSecond(),
                logic.limits(b).maintenanceMarginPct(), logic.grossExposure(b), logic.limits(b).borrowRatePct(),
                book.interestPaid(), logic.limits(b).shortFeePct(), book.shortFeesPaid(),
                logic.limits(b).maxLeverage(), logic.limits(b).allowShort(), logic.limits(b).minNotional(),
                logic.limits(b).maxShortNotional()));
        }
        final List<OrderView> orders = new ArrayList<>(logic.orders().openOrders().size());
        for (Order order = logic.orders().openOrders().first(); order != null;
             order = logic.orders().openOrders().next(order)) {
            orders.add(new OrderView(order.id, books[order.bookIndex].name(), instruments.get(order.instrumentId).symbol(),
                order.side, order.type, order.quantity, order.notional, order.price, order.state.name(),
                order.filledQuantity, order.decidedNanos, order.origin.label()));
        }
        final RecentFills recent = logic.recentFills();
        final List<FillView> fills = new ArrayList<>(recent.size());
        for (int ago = 0; ago < recent.size(); ago++) {
            fills.add(new FillView(recent.time(ago), books[recent.book(ago)].name(),
                instruments.get(recent.instrument(ago)).symbol(), recent.side(ago), recent.quantity(ago),
                recent.price(ago), recent.fee(ago), recent.orderId(ago), recent.realizedPnl(ago)));
        }
        final long[] byType = new long[EventType.TIMER + 1];
        for (int type = 0; type < byType.length; type++) {
            byType[type] = logic.eventsOfType(type);
        }
        final OrderReason[] reasons = OrderReason.values();
        final long[] rejections = new long[reasons.length];
        for (final OrderReason reason : reasons) {
            rejections[reason.ordinal()] = logic.risk().rejections(reason);
        }
        return new EngineView(sequence, logic.eventsProcessed(), byType, logic.ordersAccepted(), logic.fills(),
            rejections, logic.lastEventTimeNanos(), logic.lateBarInputs(), states.global(), states.globalCause().label(),
            new Caps(logic.riskCaps().maxOrderNotional(), logic.riskCaps().maxPositionPct(),
                logic.riskCaps().maxDailyLoss(), logic.riskCaps().priceBandPct(),
                logic.riskCaps().maxOrdersPerSecond(), logic.riskCaps().maxLeverage(), logic.riskCaps().allowShort()),
            List.copyOf(bookViews), List.copyOf(positions), List.copyOf(orders), List.copyOf(fills));
    }
}
