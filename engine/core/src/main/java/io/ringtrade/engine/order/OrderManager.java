package io.ringtrade.engine.order;

import io.ringtrade.engine.api.event.EffectKind;
import io.ringtrade.engine.api.event.EffectList;
import io.ringtrade.engine.api.event.ExecutionReport;
import io.ringtrade.engine.api.event.OrderEffect;
import io.ringtrade.engine.api.event.ReportKind;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.venue.ExecutionReportListener;
import io.ringtrade.engine.api.venue.Venue;
import io.ringtrade.engine.book.Book;
import io.ringtrade.engine.book.FillSettlement;
import io.ringtrade.engine.risk.CostEstimate;
import io.ringtrade.engine.risk.PreTradeRisk;
import io.ringtrade.engine.risk.HaltCause;
import io.ringtrade.engine.risk.RiskLimits;
import io.ringtrade.engine.risk.TradingState;
import io.ringtrade.engine.risk.TradingStates;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

import java.util.Arrays;

/**
 * The order manager (DESIGN.md §2): owns every order's life, from the decision to a terminal state, inside business
 * logic. It numbers orders ({@link ClientOrderIds}), runs pre-trade risk, keeps the open orders ({@link OrderTable})
 * and what they reserve ({@link Reservations}), attaches each venue request to the causing input's slot as an effect
 * (SUBMIT, CANCEL, REPLACE, CANCEL_ALL) for the gateway, and moves orders only through {@link OrderStateMachine}'s
 * table as the venue's reports arrive. Each move is reported to an {@link OrderEventListener} (one row of
 * {@code order_events.csv}). On a live venue, where a cancel is confirmed later, an order that needs the part of a
 * position held by orders being cancelled waits for those cancels ({@link OrderState#WAITING}) instead of being judged
 * as a short sale, so one position is never sold twice.
 *
 * <p>Venues: a book on the simulated venue gets that venue's reports synchronously through
 * {@link #onReport}; a book on a live venue gets them as {@code EXECUTION_REPORT} inputs, which business logic
 * passes to the same method. One path for fills either way.
 *
 * <p>Fail closed: a report that is illegal for the order's state, or that names an order this engine never had, is
 * an anomaly: it is not applied (except a fill, which is a fact at the venue and is settled), the book (or, when the
 * order is unknown, every book) is halted so it places no new orders, and the anomaly is counted and described.
 *
 * <p>Owned by the business-logic thread; allocation-free in the steady state.
 */
public final class OrderManager implements ExecutionReportListener {
    private final InstrumentRegistry instruments;
    private final Book[] books;
    private final RiskLimits[] limits;
    private final CostEstimate[] costs;
    private final Venue[] venues;
    private final PreTradeRisk risk;
    private final FillSettlement settlement;
    private final OrderEventListener events;
    private final OrderTable table = new OrderTable();
    private final ClientOrderIds ids = new ClientOrderIds();
    private final Reservations reservations;
    private final PreTradeRisk.Assessment assessment = new PreTradeRisk.Assessment();
    private final TradingStates states;
    /** Whether the venue changes a working order in place; false refuses every replace. */
    private final boolean venueReplaces;
    /** Books a live venue holds (reconciliation pending or unclean, credentials refused); see {@link #hold}. */
    private final boolean[] held;
    private final OrderRequest waitingRequest = new OrderRequest();
    private EffectList effects;
    /** Orders in {@link OrderState#WAITING}. */
    private int waiting;
    private boolean judgingWaiting;
    private long ordersReleased;
    private long lateReports;
    private long anomalies;
    private String lastAnomaly = "";

    /** Receives every order event, on the business-logic thread. */
    @FunctionalInterface
    public interface OrderEventListener {
        /**
         * {@code order} moved by {@code transition} (its {@code state} is the new one) at {@code timeNanos} for
         * {@code reason}; fills carry their quantity and price.
         */
        void onOrderEvent(long timeNanos, Order order, OrderTransition transition, OrderReason reason,
                          long lastQuantity, long lastPrice);
    }

    /**
     * An order manager over the engine's books.
     *
     * @param venues the simulated venue of each book that trades on one (it reports synchronously), or null for a
     *               book on a live venue (reports come back as inputs)
     */
    public OrderManager(final InstrumentRegistry instruments, final Book[] books, final RiskLimits[] limits,
                        final CostEstimate[] costs, final Venue[] venues, final PreTradeRisk risk,
                        final FillSettlement settlement, final OrderEventListener events) {
        this(instruments, books, limits, costs, venues, risk, settlement, events, new TradingStates(books.length), true);
    }

    /**
     * An order manager over the engine's books, refusing orders as their trading {@code states} say.
     *
     * @param venues        the simulated venue of each book that trades on one (it reports synchronously), or null for
     *                      a book on a live venue (reports come back as inputs)
     * @param venueReplaces whether the venue changes a working order in place; when it does not (XChange's generic
     *                      API), {@link #requestReplace} refuses every replace, whoever asks
     */
    public OrderManager(final InstrumentRegistry instruments, final Book[] books, final RiskLimits[] limits,
                        final CostEstimate[] costs, final Venue[] venues, final PreTradeRisk risk,
                        final FillSettlement settlement, final OrderEventListener events, final TradingStates states,
                        final boolean venueReplaces) {
        this.instruments = instruments;
        this.books = books;
        this.limits = limits.clone();
        this.costs = costs.clone();
        this.venues = venues.clone();
        this.risk = risk;
        this.settlement = settlement;
        this.events = events;
        this.reservations = new Reservations(books.length, instruments.size());
        this.states = states;
        this.venueReplaces = venueReplaces;
        this.held = new boolean[books.length];
    }

    /** A new input starts: its orders are numbered from its sequence and its effects go to its slot. */
    public void beginInput(final long sequence, final EffectList slotEffects) {
        ids.beginInput(sequence);
        effects = slotEffects;
    }

    /**
     * The end of a run (not an input) may still decide orders: they continue the ordinals of the last input, so no
     * later input can reuse their ids; their effects go to {@code scratch} and are never released.
     */
    public void beginFinish(final EffectList scratch) {
        effects = scratch;
    }

    // ---- decisions --------------------------------------------------------------------------------------------

    /**
     * Decides an order: numbers it, checks it, and when it passes reserves what it may spend, releases it to its
     * venue and attaches the SUBMIT effect to the input's slot. An order that needs what orders with a pending cancel
     * hold waits instead ({@link OrderState#WAITING}) and is judged when the venue has answered those cancels. Returns
     * its client order id (also of a waiting order), or 0 when refused (the refusal is an order with its reason in the
     * outputs, except beyond the per-input id limit, where only the first refusal has a row and the rest are counted).
     */
    public long decide(final OrderRequest request) {
        if (!ids.hasNext()) {
            risk.count(OrderReason.TOO_MANY_ORDERS);
            return 0;
        }
        final boolean lastId = ids.isLast();
        final long id = ids.next();
        final Order order = table.open(id);
        order.bookIndex = request.bookIndex;
        order.instrumentId = request.instrumentId;
        order.side = request.side;
        order.type = request.type;
        order.quantity = request.quantity;
        order.notional = request.notional;
        order.price = request.price;
        order.expiresAtNanos = request.expiresAtNanos;
        order.ocoGroup = request.ocoGroup;
        order.decidedNanos = request.timeNanos;
        order.origin = request.origin;
        order.purpose = request.purpose;
        order.referencePrice = request.referencePrice;
        order.reduceOnly = request.reduceOnly;
        order.state = OrderState.DECIDED;
        events.onOrderEvent(request.timeNanos, order, OrderTransition.DECIDE, request.origin, 0, 0);
        final OrderReason refusal;
        if (lastId) {
            // the last id of an input is kept for the row that says the input asked for too many orders
            risk.count(OrderReason.TOO_MANY_ORDERS);
            refusal = OrderReason.TOO_MANY_ORDERS;
        } else if (request.refusal != null) {
            risk.count(request.refusal);
            refusal = request.refusal;
        } else {
            // one-cancels-other siblings never both fill: the new member is judged without their reservations
            setGroupReserved(order, request.ocoGroup, false);
            if (mayWait(order) && mustWait(order)) {
                setGroupReserved(order, request.ocoGroup, true);
                startWaiting(order, request.timeNanos);
                return id;
            }
            refusal = judge(request, order, false);
            setGroupReserved(order, request.ocoGroup, true);
        }
        return admit(order, request, refusal) ? id : 0;
    }

    /**
     * Risk's verdict on an order (null = it passes): the venue hold, the trading state (HALTED refuses all but an
     * operator's reduce-only order, REDUCE_ONLY lets only orders that shrink a position through), then the checks.
     * Called with the order's one-cancels-other siblings' reservations set aside.
     *
     * @param waited the order waited for cancels: it is refused when they did not free what it reduces
     */
    private OrderReason judge(final OrderRequest request, final Order order, final boolean waited) {
        if (held[request.bookIndex]) {
            risk.count(OrderReason.VENUE_HOLD);
            return OrderReason.VENUE_HOLD;
        }
        final TradingState state = states.effective(request.bookIndex);
        if (state == TradingState.HALTED && !request.origin.isOperatorOrigin()) {
            final OrderReason refusal = states.haltReason(request.bookIndex);
            risk.count(refusal);
            return refusal;
        }
        if (waited && freeToReduce(order) < (order.side < 0 ? order.closeQuantity : order.coverQuantity)) {
            risk.count(OrderReason.ROOM_NOT_FREED);
            return OrderReason.ROOM_NOT_FREED;
        }
        return risk.check(request, books[request.bookIndex], limits[request.bookIndex], costs[request.bookIndex],
            instruments.get(request.instrumentId), reservations, assessment, state != TradingState.ACTIVE);
    }

    /**
     * Ends a judged order: refused (a row with the reason, forgotten) or released (what it may spend reserved, handed
     * to its venue, the SUBMIT effect on the input's slot). Returns whether it was released.
     */
    private boolean admit(final Order order, final OrderRequest request, final OrderReason refusal) {
        if (refusal != null) {
            move(order, OrderTransition.RISK_REJECT, refusal, request.timeNanos, 0, 0);
            table.close(order);
            return false;
        }
        order.coverQuantity = assessment.coverQuantity;
        order.closeQuantity = assessment.closeQuantity;
        order.unitCost = assessment.unitCost;
        order.reservedCash = assessment.reservedCash;
        order.reservedCover = assessment.coverQuantity;
        order.reservedClose = assessment.closeQuantity;
        order.reservedShort = assessment.shortQuantity;
        reservations.add(order.bookIndex, order.instrumentId, order.reservedCash, order.reservedCover,
            order.reservedClose, order.reservedShort);
        move(order, OrderTransition.RELEASE, OrderReason.NONE, request.timeNanos, 0, 0);
        ordersReleased++;
        risk.onReleased(request);
        final OrderEffect effect = effects.add();
        effect.kind = EffectKind.SUBMIT;
        effect.clientOrderId = order.id;
        effect.bookIndex = order.bookIndex;
        effect.instrumentId = order.instrumentId;
        effect.side = order.side;
        effect.orderType = order.type;
        effect.quantity = order.quantity;
        effect.notional = order.notional;
        effect.price = order.price;
        effect.expiresAtNanos = order.expiresAtNanos;
        effect.timeNanos = request.timeNanos;
        final Venue venue = venues[order.bookIndex];
        if (venue != null) {
            venue.submit(effect);
        }
        return true;
    }

    // ---- orders that wait for cancels ---------------------------------------------------------------------------

    /** Whether the order's book and state let it wait at all (a held or halted book refuses at once instead). */
    private boolean mayWait(final Order order) {
        if (held[order.bookIndex]) {
            return false;
        }
        final TradingState state = states.effective(order.bookIndex);
        return state != TradingState.HALTED || order.origin.isOperatorOrigin();
    }

    /**
     * Whether a new order must wait: it goes against the book's position and needs more of it than the book's other
     * open orders leave free, and some of what they hold is held by orders whose cancel the venue has not confirmed
     * yet (a live venue: the strategy's or the operator's exit right after the protective orders were cancelled).
     * Judged now, it would count as opening a short (refused, or a second sale of one position); it waits instead.
     */
    private boolean mustWait(final Order order) {
        final long position = books[order.bookIndex].position(order.instrumentId);
        if (position == 0 || Long.signum(position) == order.side) {
            return false;
        }
        final long need = order.side < 0 || !order.isNotional() ? Math.min(order.quantity, Math.abs(position))
            : Math.abs(position);
        return need > freeToReduce(order)
            && heldByPendingCancels(order.bookIndex, order.instrumentId, order.side, order.ocoGroup) > 0;
    }

    /** What of the position the order goes against no other open order holds (0 when it goes with the position). */
    private long freeToReduce(final Order order) {
        final long position = books[order.bookIndex].position(order.instrumentId);
        return order.side < 0
            ? Math.max(0, position - reservations.close(order.bookIndex, order.instrumentId))
            : Math.max(0, -position - reservations.cover(order.bookIndex, order.instrumentId));
    }

    /**
     * Quantity of book {@code bookIndex}'s position in {@code instrumentId} held by its orders of {@code side} (−1:
     * sells closing a long, +1: buys covering a short) whose cancel is pending, not counting one-cancels-other group
     * {@code exceptGroup} (0 = none): what becomes free when the venue confirms those cancels.
     */
    private long heldByPendingCancels(final int bookIndex, final int instrumentId, final int side,
                                     final long exceptGroup) {
        long total = 0;
        for (Order order = table.first(); order != null; order = table.next(order)) {
            if (order.bookIndex == bookIndex && order.instrumentId == instrumentId && order.side == side
                && order.state == OrderState.PENDING_CANCEL && (exceptGroup == 0 || order.ocoGroup != exceptGroup)) {
                total += side < 0 ? order.reservedClose : order.reservedCover;
            }
        }
        return total;
    }

    /**
     * What of book {@code bookIndex}'s position {@code held} in {@code instrumentId} a new order may close (a long) or
     * cover (a short): the part no other open order holds, plus what orders whose cancel is pending hold — an order
     * for that part waits for those cancels ({@link OrderState#WAITING}) on a live venue. 0 when flat.
     */
    public long closable(final int bookIndex, final int instrumentId, final long held) {
        if (held == 0) {
            return 0;
        }
        final int side = held > 0 ? -1 : 1;
        final long free = held > 0 ? held - reservations.close(bookIndex, instrumentId)
            : -held - reservations.cover(bookIndex, instrumentId);
        return Math.max(0, free + heldByPendingCancels(bookIndex, instrumentId, side, 0));
    }

    /** Parks a decided order until the cancels it waits for are confirmed; it holds the part of the position it reduces. */
    private void startWaiting(final Order order, final long timeNanos) {
        final long held = Math.abs(books[order.bookIndex].position(order.instrumentId));
        if (order.side < 0) {
            order.closeQuantity = Math.min(order.quantity, held);
        } else {
            order.coverQuantity = order.isNotional() ? held : Math.min(order.quantity, held);
        }
        reserveWaiting(order);
        waiting++;
        move(order, OrderTransition.WAIT, OrderReason.NONE, timeNanos, 0, 0);
    }

    /** A waiting order reserves the part of the position it will reduce, so nothing else is placed against it. */
    private void reserveWaiting(final Order order) {
        order.reservedClose = order.side < 0 ? order.closeQuantity : 0;
        order.reservedCover = order.side > 0 ? order.coverQuantity : 0;
        reservations.add(order.bookIndex, order.instrumentId, 0, order.reservedCover, order.reservedClose, 0);
    }

    /**
     * After a report: judges, in decision order, the waiting orders whose cancels are all answered now. An order
     * whose room was not freed (a cancel refused, a protective order filled first) is refused with
     * {@link OrderReason#ROOM_NOT_FREED}.
     */
    private void judgeWaiting(final long timeNanos) {
        if (waiting == 0 || judgingWaiting) {
            return;
        }
        judgingWaiting = true;
        try {
            Order order = table.first();
            while (order != null) {
                final Order following = table.next(order);
                if (order.state == OrderState.WAITING
                    && heldByPendingCancels(order.bookIndex, order.instrumentId, order.side, order.ocoGroup) == 0) {
                    waiting--;
                    release(order);
                    final OrderRequest request = waitingRequest(order, timeNanos);
                    setGroupReserved(order, order.ocoGroup, false);
                    final OrderReason refusal = judge(request, order, true);
                    setGroupReserved(order, order.ocoGroup, true);
                    admit(order, request, refusal);
                }
                order = following;
            }
        } finally {
            judgingWaiting = false;
        }
    }

    /** The request a waiting order is judged as, at {@code timeNanos}. */
    private OrderRequest waitingRequest(final Order order, final long timeNanos) {
        final OrderRequest request = waitingRequest.clear();
        request.bookIndex = order.bookIndex;
        request.instrumentId = order.instrumentId;
        request.side = order.side;
        request.type = order.type;
        request.quantity = order.quantity;
        request.notional = order.notional;
        request.price = order.price;
        request.expiresAtNanos = order.expiresAtNanos;
        request.ocoGroup = order.ocoGroup;
        request.referencePrice = order.referencePrice;
        request.timeNanos = timeNanos;
        request.origin = order.origin;
        request.purpose = order.purpose;
        request.reduceOnly = order.reduceOnly;
        return request;
    }

    /** Ends a waiting order here (it never left the engine): cancelled for {@code reason}. */
    private void withdraw(final Order order, final OrderReason reason, final long timeNanos) {
        waiting--;
        end(order, OrderTransition.WITHDRAW, reason, timeNanos);
    }

    /** Takes the reservations of the open members of one-cancels-other {@code group} out of (or back into) the totals. */
    private void setGroupReserved(final Order decided, final long group, final boolean reserved) {
        if (group == 0) {
            return;
        }
        final int sign = reserved ? 1 : -1;
        for (Order other = table.first(); other != null; other = table.next(other)) {
            if (other != decided && other.ocoGroup == group && other.bookIndex == decided.bookIndex) {
                reservations.add(other.bookIndex, other.instrumentId, sign * other.reservedCash,
                    sign * other.reservedCover, sign * other.reservedClose, sign * other.reservedShort);
            }
        }
    }

    /**
     * Asks the venue to cancel one open order, for {@code reason}. Returns false (and changes nothing) when the
     * order is not open or a cancel is already pending.
     */
    public boolean requestCancel(final long clientOrderId, final OrderReason reason, final long timeNanos) {
        final Order order = table.find(clientOrderId);
        if (order != null && order.state == OrderState.WAITING) {
            withdraw(order, reason, timeNanos);
            return true;
        }
        if (order == null || !OrderStateMachine.isLegal(order.state, OrderTransition.CANCEL_REQUEST)) {
            return false;
        }
        markCancelRequested(order, reason, timeNanos);
        final OrderEffect effect = effectOn(order, EffectKind.CANCEL, timeNanos);
        final Venue venue = venues[order.bookIndex];
        if (venue != null) {
            venue.cancel(effect);
        }
        return true;
    }

    /**
     * Cancels every open order of a book ({@code bookIndex} -1: of every book), or of one instrument of it
     * ({@code instrumentId} ≥ 0): each order goes to PENDING_CANCEL, and one CANCEL_ALL effect per book leaves for
     * the venue, whose cancel acks end the orders. An order waiting for cancels ends here at once (withdrawn). Returns
     * how many orders it asked to cancel or withdrew.
     */
    public int cancelAll(final int bookIndex, final int instrumentId, final OrderReason reason, final long timeNanos) {
        int cancelled = 0;
        for (int book = 0; book < books.length; book++) {
            if (bookIndex >= 0 && book != bookIndex) {
                continue;
            }
            boolean any = false;
            Order order = table.first();
            while (order != null) {
                final Order following = table.next(order);
                if (order.bookIndex == book && (instrumentId < 0 || order.instrumentId == instrumentId)) {
                    if (order.state == OrderState.WAITING) {
                        withdraw(order, reason, timeNanos);
                        cancelled++;
                    } else if (OrderStateMachine.isLegal(order.state, OrderTransition.CANCEL_REQUEST)) {
                        markCancelRequested(order, reason, timeNanos);
                        any = true;
                        cancelled++;
                    }
                }
                order = following;
            }
            if (!any) {
                continue;
            }
            final OrderEffect effect = effects.add();
            effect.kind = EffectKind.CANCEL_ALL;
            effect.bookIndex = book;
            effect.instrumentId = instrumentId;
            effect.timeNanos = timeNanos;
            final Venue venue = venues[book];
            if (venue != null) {
                venue.cancelAll(effect);
            }
        }
        return cancelled;
    }

    /**
     * Cancels, one by one, the open orders of a book ({@code bookIndex} -1: of every book) whose remaining part could
     * open or grow a position (a buy beyond the short it covers, a notional buy, a sell beyond the long it closes):
     * what entering REDUCE_ONLY leaves working is only what shrinks positions. Returns how many it asked to cancel.
     */
    public int cancelOpening(final int bookIndex, final OrderReason reason, final long timeNanos) {
        int cancelled = 0;
        Order order = table.first();
        while (order != null) {
            // the simulated venue acks a cancel at once, which closes the order: step on before asking
            final Order following = table.next(order);
            if ((bookIndex < 0 || order.bookIndex == bookIndex) && couldGrow(order)
                && requestCancel(order.id, reason, timeNanos)) {
                cancelled++;
            }
            order = following;
        }
        return cancelled;
    }

    private static boolean couldGrow(final Order order) {
        if (order.side > 0) {
            return order.isNotional() || order.quantity - order.filledQuantity > order.reservedCover;
        }
        return order.quantity - order.filledQuantity > order.reservedClose;
    }

    /**
     * Attaches a NOTIFY effect to the input's slot: the gateway hands it to the notifier, never to a venue.
     *
     * @param notification a {@link io.ringtrade.engine.api.event.Notification} code
     * @param bookIndex    the book it is about, -1 for the whole engine
     * @param value        the trading state it moved to
     */
    public void notify(final int notification, final int bookIndex, final long value, final long timeNanos) {
        final OrderEffect effect = effects.add();
        effect.kind = EffectKind.NOTIFY;
        effect.bookIndex = bookIndex;
        effect.notification = notification;
        effect.notificationValue = value;
        effect.timeNanos = timeNanos;
    }

    /** A new effect of {@code kind} on an existing order, attached to the input's slot. */
    private OrderEffect effectOn(final Order order, final int kind, final long timeNanos) {
        final OrderEffect effect = effects.add();
        effect.kind = kind;
        effect.clientOrderId = order.id;
        effect.bookIndex = order.bookIndex;
        effect.instrumentId = order.instrumentId;
        effect.venueOrderId = order.venueOrderId;
        effect.timeNanos = timeNanos;
        return effect;
    }

    private void markCancelRequested(final Order order, final OrderReason reason, final long timeNanos) {
        order.pendingReason = reason;
        move(order, OrderTransition.CANCEL_REQUEST, reason, timeNanos, 0, 0);
    }

    /**
     * Asks the venue to replace one open order's quantity and price. The new order is checked like a new one (its
     * own reservation set aside). Returns false, changing nothing, when the venue does not replace in place, the
     * order is not open, a cancel or replace is pending, or the new values fail a check.
     */
    public boolean requestReplace(final long clientOrderId, final long newQuantity, final long newPrice,
                                  final long referencePrice, final long timeNanos, final OrderRequest scratch) {
        final Order order = table.find(clientOrderId);
        // fail closed where the effect is made: an emulated replace (cancel, then place) could leave the replacement
        // working at the venue unrecorded if the engine died between the two (README, Live venues)
        if (!venueReplaces || order == null || order.isNotional()
            || !OrderStateMachine.isLegal(order.state, OrderTransition.REPLACE_REQUEST)
            || newQuantity <= order.filledQuantity) {
            return false;
        }
        // judge the replacement as a new order for the remaining quantity, without this order's own reservation
        release(order);
        scratch.clear();
        scratch.bookIndex = order.bookIndex;
        scratch.instrumentId = order.instrumentId;
        scratch.side = order.side;
        scratch.type = order.type;
        scratch.quantity = newQuantity - order.filledQuantity;
        scratch.price = newPrice;
        scratch.referencePrice = referencePrice;
        scratch.timeNanos = timeNanos;
        final OrderReason refusal = risk.check(scratch, books[order.bookIndex], limits[order.bookIndex],
            costs[order.bookIndex], instruments.get(order.instrumentId), reservations, assessment);
        reserve(order);
        if (refusal != null) {
            return false;
        }
        order.pendingQuantity = newQuantity;
        order.pendingPrice = newPrice;
        order.pendingReason = OrderReason.REQUESTED;
        move(order, OrderTransition.REPLACE_REQUEST, OrderReason.REQUESTED, timeNanos, 0, 0);
        final OrderEffect effect = effectOn(order, EffectKind.REPLACE, timeNanos);
        effect.side = order.side;
        effect.orderType = order.type;
        effect.quantity = newQuantity;
        effect.price = newPrice;
        final Venue venue = venues[order.bookIndex];
        if (venue != null) {
            venue.replace(effect);
        }
        return true;
    }

    // ---- the venue's reports ----------------------------------------------------------------------------------

    /** One report from the venue (simulated, synchronously; live, from an {@code EXECUTION_REPORT} input). */
    @Override
    public void onReport(final ExecutionReport report) {
        apply(report);
        // a confirmed (or refused) cancel may be what a waiting order waited for
        judgeWaiting(report.timeNanos);
    }

    private void apply(final ExecutionReport report) {
        final Order order = table.find(report.clientOrderId);
        if (order == null) {
            if (report.kind == ReportKind.CANCEL_REJECT || report.kind == ReportKind.REPLACE_REJECT) {
                // the venue's late answer to a request that lost its race: the order already ended here
                lateReports++;
                return;
            }
            anomaly(-1, ReportKind.name(report.kind) + " for order " + report.clientOrderId
                + ", which is not open in this engine");
            return;
        }
        final OrderTransition transition = transitionOf(report.kind);
        if (transition == null || !OrderStateMachine.isLegal(order.state, transition)) {
            final String what = ReportKind.name(report.kind) + " for order " + order.id + " in state " + order.state;
            if (transition == OrderTransition.PARTIAL_FILL || transition == OrderTransition.FILL) {
                // a fill is a fact at the venue: settle it so positions stay true, then stop the book
                settleFill(order, report);
            }
            anomaly(order.bookIndex, what);
            return;
        }
        final long time = report.timeNanos;
        switch (transition) {
            case ACK -> {
                order.venueOrderId = report.venueOrderId;
                move(order, transition, OrderReason.NONE, time, 0, 0);
            }
            case REJECT -> end(order, transition, OrderReason.ofVenue(report.reason), time);
            case PARTIAL_FILL, FILL -> onFill(order, transition, report);
            case CANCEL_ACK -> end(order, transition, order.state == OrderState.PENDING_CANCEL ? order.pendingReason
                : OrderReason.ofVenue(report.reason), time);
            case CANCEL_REJECT, REPLACE_REJECT -> move(order, transition, OrderReason.ofVenue(report.reason), time, 0, 0);
            case REPLACE_ACK -> {
                release(order);
                order.quantity = report.lastQuantity;
                order.price = report.lastPrice;
                if (order.side > 0) {
                    order.unitCost = costs[order.bookIndex].unitBuyCost(order.type, order.price);
                }
                reserve(order);
                move(order, transition, OrderReason.REQUESTED, time, report.lastQuantity, report.lastPrice);
            }
            case EXPIRE -> end(order, transition, OrderReason.EXPIRED, time);
            default -> throw new IllegalStateException("unexpected " + transition);
        }
    }

    private static OrderTransition transitionOf(final int kind) {
        return switch (kind) {
            case ReportKind.ACK -> OrderTransition.ACK;
            case ReportKind.REJECT -> OrderTransition.REJECT;
            case ReportKind.PARTIAL_FILL -> OrderTransition.PARTIAL_FILL;
            case ReportKind.FILL -> OrderTransition.FILL;
            case ReportKind.CANCEL_ACK -> OrderTransition.CANCEL_ACK;
            case ReportKind.CANCEL_REJECT -> OrderTransition.CANCEL_REJECT;
            case ReportKind.EXPIRED -> OrderTransition.EXPIRE;
            case ReportKind.REPLACE_ACK -> OrderTransition.REPLACE_ACK;
            case ReportKind.REPLACE_REJECT -> OrderTransition.REPLACE_REJECT;
            default -> null;
        };
    }

    private void onFill(final Order order, final OrderTransition transition, final ExecutionReport report) {
        settleFill(order, report);
        if (transition == OrderTransition.FILL) {
            end(order, transition, OrderReason.NONE, report.timeNanos, report.lastQuantity, report.lastPrice);
        } else {
            release(order);
            reserve(order);
            move(order, transition, OrderReason.NONE, report.timeNanos, report.lastQuantity, report.lastPrice);
        }
        if (order.ocoGroup != 0) {
            cancelGroup(order, report.timeNanos);
        }
    }

    private void settleFill(final Order order, final ExecutionReport report) {
        if (report.lastQuantity <= 0 || report.lastPrice <= 0) {
            throw new IllegalStateException("fill of order " + order.id + " with quantity " + report.lastQuantity
                + " at " + report.lastPrice);
        }
        final FillReason reason = FillReason.of(order.purpose, order.origin, order.side,
            books[order.bookIndex].position(order.instrumentId));
        settlement.settle(report.timeNanos, order.bookIndex, order.instrumentId, order.side, report.lastQuantity,
            report.lastPrice, report.lastFee, order.id, reason.ordinal());
        order.filledQuantity = Math.addExact(order.filledQuantity, report.lastQuantity);
        final long notional = FixedPoint.multiply(report.lastPrice, report.lastQuantity);
        order.filledNotional = Math.addExact(order.filledNotional, notional);
        order.spent = Math.addExact(order.spent, Math.addExact(notional, report.lastFee));
        if (order.isNotional()) {
            order.quantity = order.filledQuantity;
        }
    }

    private void cancelGroup(final Order filled, final long timeNanos) {
        Order other = table.first();
        while (other != null) {
            // the simulated venue acks a cancel at once, which closes the order: step on before asking
            final Order following = table.next(other);
            if (other != filled && other.ocoGroup == filled.ocoGroup) {
                requestCancel(other.id, OrderReason.OCO, timeNanos);
            }
            other = following;
        }
    }

    /** Moves an order to a terminal state, releases what it reserved and forgets it. */
    private void end(final Order order, final OrderTransition transition, final OrderReason reason, final long time) {
        end(order, transition, reason, time, 0, 0);
    }

    private void end(final Order order, final OrderTransition transition, final OrderReason reason, final long time,
                     final long lastQuantity, final long lastPrice) {
        move(order, transition, reason, time, lastQuantity, lastPrice);
        release(order);
        table.close(order);
    }

    private void move(final Order order, final OrderTransition transition, final OrderReason reason, final long time,
                      final long lastQuantity, final long lastPrice) {
        if (transition == OrderTransition.CANCEL_REQUEST || transition == OrderTransition.REPLACE_REQUEST) {
            if (order.state != OrderState.PENDING_REPLACE && order.state != OrderState.PENDING_CANCEL) {
                order.resumeState = order.state;
            }
        }
        final OrderState next = OrderStateMachine.next(order.state, transition, order.resumeState);
        if (transition == OrderTransition.REPLACE_ACK && order.resumeState == OrderState.ACCEPTED
            && order.filledQuantity > 0) {
            order.state = OrderState.PARTIALLY_FILLED;
        } else {
            order.state = next;
        }
        events.onOrderEvent(time, order, transition, reason, lastQuantity, lastPrice);
    }

    /** Removes an order's reservation from the totals. */
    private void release(final Order order) {
        reservations.add(order.bookIndex, order.instrumentId, -order.reservedCash, -order.reservedCover,
            -order.reservedClose, -order.reservedShort);
        order.reservedCash = 0;
        order.reservedCover = 0;
        order.reservedClose = 0;
        order.reservedShort = 0;
    }

    /** Sets an open order's reservation from what is left of it, and adds it to the totals. */
    private void reserve(final Order order) {
        if (order.side > 0) {
            if (order.isNotional()) {
                order.reservedCash = Math.max(0, order.notional - order.spent);
            } else {
                final long remaining = Math.max(0, order.quantity - order.filledQuantity);
                order.reservedCover = Math.min(remaining, Math.max(0, order.coverQuantity - order.filledQuantity));
                order.reservedCash = CostEstimate.cost(order.unitCost, remaining - order.reservedCover);
            }
        } else {
            final long remaining = Math.max(0, order.quantity - order.filledQuantity);
            order.reservedClose = Math.min(remaining, Math.max(0, order.closeQuantity - order.filledQuantity));
            order.reservedShort = remaining - order.reservedClose;
        }
        reservations.add(order.bookIndex, order.instrumentId, order.reservedCash, order.reservedCover,
            order.reservedClose, order.reservedShort);
    }

    /** Whether book {@code bookIndex} has an open order. */
    public boolean hasOpenOrders(final int bookIndex) {
        for (Order order = table.first(); order != null; order = table.next(order)) {
            if (order.bookIndex == bookIndex) {
                return true;
            }
        }
        return false;
    }

    /**
     * Something about book {@code bookIndex}'s account that business logic cannot carry on with (a charge that would
     * leave the fixed-point range): the book is halted as for any anomaly, with {@code what} as the reason shown.
     */
    public void haltForAnomaly(final int bookIndex, final String what) {
        anomaly(bookIndex, what);
    }

    private void anomaly(final int bookIndex, final String what) {
        anomalies++;
        // new orders are refused; open ones are left to the operator (the venue's view of them is in doubt), whose
        // kill switch or book state command cancels them and whose release lets the book trade again
        if (bookIndex < 0) {
            states.setGlobal(TradingState.HALTED, HaltCause.ANOMALY);
            lastAnomaly = what + "; every book halted";
        } else {
            states.setBook(bookIndex, TradingState.HALTED, HaltCause.ANOMALY);
            lastAnomaly = what + "; book " + books[bookIndex].name() + " halted";
        }
    }

    // ---- venue holds -------------------------------------------------------------------------------------------

    /**
     * A live venue holds a book ({@code bookIndex} -1: every book): new orders are refused with
     * {@link OrderReason#VENUE_HOLD}; open orders keep working and their reports still apply. From a journaled
     * {@code VENUE_HOLD} command, so replay holds the same books at the same input.
     */
    public void hold(final int bookIndex) {
        setHeld(bookIndex, true);
    }

    /** Ends a live venue's hold of a book ({@code bookIndex} -1: every book). */
    public void releaseHold(final int bookIndex) {
        setHeld(bookIndex, false);
    }

    private void setHeld(final int bookIndex, final boolean value) {
        if (bookIndex < 0) {
            Arrays.fill(held, value);
        } else if (bookIndex < held.length) {
            held[bookIndex] = value;
        } else {
            throw new IllegalStateException("venue hold names book " + bookIndex + ", but there are " + held.length);
        }
    }

    /** Whether a live venue holds the book. */
    public boolean isHeld(final int bookIndex) {
        return held[bookIndex];
    }

    // ---- state ------------------------------------------------------------------------------------------------

    /** Writes the open orders, the id position and counters for a snapshot (trading states are written apart). */
    public void writeState(final StateWriter out) {
        out.section("orders");
        ids.writeState(out);
        out.writeLong(ordersReleased).writeLong(lateReports).writeLong(anomalies).writeString(lastAnomaly);
        for (final boolean onHold : held) {
            out.writeBoolean(onHold);
        }
        out.writeInt(table.size());
        for (Order order = table.first(); order != null; order = table.next(order)) {
            out.writeLong(order.id).writeInt(order.bookIndex).writeInt(order.instrumentId).writeInt(order.side)
                .writeInt(order.type).writeLong(order.quantity).writeLong(order.notional).writeLong(order.price)
                .writeLong(order.expiresAtNanos).writeLong(order.ocoGroup).writeLong(order.decidedNanos)
                .writeInt(order.origin.ordinal()).writeInt(order.state.ordinal())
                .writeInt(order.resumeState == null ? -1 : order.resumeState.ordinal())
                .writeInt(order.pendingReason.ordinal()).writeLong(order.pendingQuantity).writeLong(order.pendingPrice)
                .writeLong(order.filledQuantity).writeLong(order.filledNotional).writeLong(order.spent)
                .writeLong(order.venueOrderId).writeLong(order.coverQuantity).writeLong(order.closeQuantity)
                .writeLong(order.unitCost).writeInt(order.purpose.ordinal()).writeLong(order.referencePrice)
                .writeBoolean(order.reduceOnly);
        }
    }

    /** Restores what {@link #writeState} wrote into a fresh order manager; reservations are recounted. */
    public void readState(final StateReader in) {
        if (table.size() != 0) {
            throw new IllegalStateException("restore into a fresh order manager only");
        }
        in.section("orders");
        ids.readState(in);
        ordersReleased = in.readLong();
        lateReports = in.readLong();
        anomalies = in.readLong();
        lastAnomaly = in.readString();
        for (int i = 0; i < held.length; i++) {
            held[i] = in.readBoolean();
        }
        final int count = in.readInt();
        final OrderState[] states = OrderState.values();
        final OrderReason[] reasons = OrderReason.values();
        reservations.clear();
        for (int i = 0; i < count; i++) {
            final Order order = table.open(in.readLong());
            order.bookIndex = in.readInt();
            order.instrumentId = in.readInt();
            order.side = in.readInt();
            order.type = in.readInt();
            order.quantity = in.readLong();
            order.notional = in.readLong();
            order.price = in.readLong();
            order.expiresAtNanos = in.readLong();
            order.ocoGroup = in.readLong();
            order.decidedNanos = in.readLong();
            order.origin = reasons[in.readInt()];
            order.state = states[in.readInt()];
            final int resume = in.readInt();
            order.resumeState = resume < 0 ? null : states[resume];
            order.pendingReason = reasons[in.readInt()];
            order.pendingQuantity = in.readLong();
            order.pendingPrice = in.readLong();
            order.filledQuantity = in.readLong();
            order.filledNotional = in.readLong();
            order.spent = in.readLong();
            order.venueOrderId = in.readLong();
            order.coverQuantity = in.readLong();
            order.closeQuantity = in.readLong();
            order.unitCost = in.readLong();
            order.purpose = FillReason.of(in.readInt());
            order.referencePrice = in.readLong();
            order.reduceOnly = in.readBoolean();
            if (order.state == OrderState.WAITING) {
                waiting++;
                reserveWaiting(order);
            } else {
                reserve(order);
            }
        }
    }

    // ---- reads ------------------------------------------------------------------------------------------------

    /** The open order with this id, or null (for the venue and tests). */
    public Order openOrder(final long clientOrderId) {
        return table.find(clientOrderId);
    }

    /** The open orders, in decision order. */
    public OrderTable openOrders() {
        return table;
    }

    /** An operator changed a book's limits: its next orders are checked against {@code bookLimits}. */
    public void setLimits(final int book, final RiskLimits bookLimits) {
        limits[book] = bookLimits;
    }

    /** What open orders reserve. */
    public Reservations reservations() {
        return reservations;
    }

    /** Orders that passed risk and went to a venue. */
    public long ordersReleased() {
        return ordersReleased;
    }

    /** Cancel or replace refusals that arrived after their order had already ended (harmless). */
    public long lateReports() {
        return lateReports;
    }

    /** Reports that were illegal for their order's state or named no order of this engine. */
    public long anomalies() {
        return anomalies;
    }

    /** What the last anomaly was, or "". */
    public String lastAnomaly() {
        return lastAnomaly;
    }

    /** Whether a book trades under the HALTED state (an anomaly, an operator, a daily-loss breach). */
    public boolean isHalted(final int bookIndex) {
        return states.effective(bookIndex) == TradingState.HALTED;
    }

    /** The trading states this order manager refuses orders by. */
    public TradingStates states() {
        return states;
    }
}
