package io.ringtrade.engine.venue;

import io.ringtrade.engine.api.event.ExecutionReport;
import io.ringtrade.engine.api.event.OrderEffect;
import io.ringtrade.engine.api.event.OrderType;
import io.ringtrade.engine.api.event.ReportKind;
import io.ringtrade.engine.api.event.VenueReason;
import io.ringtrade.engine.api.market.Instrument;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.venue.ExecutionReportListener;
import io.ringtrade.engine.api.venue.Venue;
import io.ringtrade.engine.book.Book;
import io.ringtrade.engine.risk.RiskLimits;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

import java.math.RoundingMode;
import java.util.Arrays;

/**
 * The paper and backtest venue: a {@link Venue} that lives inside business logic, holds working orders and fills
 * them against later market data, answering with the same {@link ExecutionReport}s a live venue sends (not
 * journaled: replay reproduces them).
 *
 * <p>Fill model (the README documents it):
 * <ul>
 *   <li>A market order decided at the close of bar t fills at the open of bar t+1: buys at open × (1 + slippage),
 *       sells at open × (1 − slippage). On trade data it fills at the next trade's price with the same slippage. With
 *       fill-at-close, {@link #fillAtClose} fills it at the deciding bar's close instead.</li>
 *   <li>A limit buy fills at the open when the bar opens at or below the limit, else at the limit when the low trades
 *       through it (low &lt; limit); a limit sell mirrors this. Limits get no slippage.</li>
 *   <li>A stop buy triggers at the open when the bar opens at or above the stop, else at the stop when the high
 *       reaches it; a stop sell mirrors this. A triggered stop fills like a market order, with slippage.</li>
 *   <li>Within one bar, fills at the open come first, then triggered stops, then limits.</li>
 *   <li>Orders attached after the open pass ({@link #attach}: the protective stop and take-profit of an entry that
 *       just filled at the open) take part in that bar's stop and limit passes: a stop fills at its price with
 *       slippage once the bar's range reaches it, a limit at its price once the range trades through it (they were
 *       not there at the open, so no gap rule applies to them on that bar). Any other order placed while a bar is
 *       processed is eligible from the next one.</li>
 *   <li>A notional buy converts its money at the fill price: the largest whole number of lots whose notional plus
 *       commission fits the notional and the book's cash.</li>
 *   <li>A cash account: a buy fills at most what the book's cash pays for at the fill price (a buy of a quantity with
 *       leverage: its cash plus the borrowing allowance on its equity at the fill,
 *       {@link RiskLimits#borrowingAllowance}; a notional buy spends cash only), except the part that covers a short,
 *       which is never clamped (of a buy that crosses zero, only the long part is); a sell without shorting fills at
 *       most the position. What cannot be filled is cancelled with {@link VenueReason#INSUFFICIENT_FUNDS} or
 *       {@link VenueReason#NO_POSITION}.</li>
 *   <li>With a participation limit, one book's fills on one bar (or trade) take at most that share of its volume,
 *       rounded down to the lot; the rest stays working and fills later (partial fills).</li>
 *   <li>An order with an expiry expires at the first market data of its instrument at or after that time, before
 *       anything fills on it.</li>
 *   <li>Commission = fill notional × rate, rounded half up to 1e-8.</li>
 * </ul>
 *
 * <p>Working orders are kept per instrument, so market data of an instrument without working orders costs one
 * array read. Owned by the business-logic thread; orders are pooled, so the steady state allocates nothing.
 */
public final class SimulatedVenue implements Venue {
    private static final int PASS_AT_OPEN = 0;
    private static final int PASS_STOPS = 1;
    private static final int PASS_LIMITS = 2;
    private static final long BPS = 10_000L;

    private final InstrumentRegistry instruments;
    private final Book[] books;
    private final SimulatedFillModel[] models;
    /** Each book's limits in force: whether it may sell short, and the leverage its buys may use at the fill. */
    private final RiskLimits[] limits;
    private final WorkingOrder[][] working;
    private final int[] workingCount;
    private final long[] budget;
    private final ExecutionReport report = new ExecutionReport();
    private ExecutionReportListener listener;
    private WorkingOrder[] pool = new WorkingOrder[64];
    private int pooled;
    private int iterating = -1;
    private boolean attaching;
    private OpenPassListener openPass;

    /** An order as the venue holds it. */
    private static final class WorkingOrder {
        long id;
        int bookIndex;
        int instrumentId;
        int side;
        int type;
        long remaining;
        long notionalLeft;
        long price;
        long expiresAtNanos;
        long filledQuantity;
        /** Attached after this bar's open pass: takes part in its stop and limit passes, without the gap rule. */
        boolean sameBar;
    }

    /** Told after the open pass of each bar (or trade) of an instrument with working orders. */
    @FunctionalInterface
    public interface OpenPassListener {
        /** The fills at the open of this bar of {@code instrumentId} are done; the stop and limit passes follow. */
        void afterOpenPass(int instrumentId, long timeNanos);
    }

    /**
     * A venue for {@code books} (its account view: cash and positions), with each book's fill model and whether it
     * may go short. Call {@link #connect} before use.
     */
    public SimulatedVenue(final InstrumentRegistry instruments, final Book[] books, final SimulatedFillModel[] models,
                          final boolean[] shortAllowed) {
        this(instruments, books, models, cashAccounts(shortAllowed));
    }

    /**
     * As above, with each book's limits in force: whether it may sell short, and the leverage its buys may use at the
     * fill ({@link RiskLimits#borrowingAllowance}).
     */
    public SimulatedVenue(final InstrumentRegistry instruments, final Book[] books, final SimulatedFillModel[] models,
                          final RiskLimits[] limits) {
        this.instruments = instruments;
        this.books = books;
        this.models = models.clone();
        this.limits = limits.clone();
        this.working = new WorkingOrder[instruments.size()][];
        this.workingCount = new int[instruments.size()];
        for (int i = 0; i < working.length; i++) {
            working[i] = new WorkingOrder[8];
        }
        this.budget = new long[books.length];
    }

    /**
     * Book {@code bookIndex}'s limits in force changed (an operator's {@code max_leverage} or {@code allow_short}): its
     * later fills borrow and sell short by the new terms.
     */
    public void setLimits(final int bookIndex, final RiskLimits limits) {
        this.limits[bookIndex] = limits;
    }

    /** Cash accounts that may or may not sell short, one per book. */
    private static RiskLimits[] cashAccounts(final boolean[] shortAllowed) {
        final RiskLimits[] accounts = new RiskLimits[shortAllowed.length];
        for (int i = 0; i < accounts.length; i++) {
            accounts[i] = new RiskLimits(shortAllowed[i], 0, 0);
        }
        return accounts;
    }

    /** Where reports go (the order manager); set once, before the first order. */
    public void connect(final ExecutionReportListener reports) {
        this.listener = reports;
    }

    /** Who hears of the end of each open pass (business logic's managed positions); set once, before the first order. */
    public void onOpenPass(final OpenPassListener listener) {
        this.openPass = listener;
    }

    /**
     * While {@code on}, orders submitted during an open-pass callback take part in the same bar's stop and limit passes
     * (see the fill model above). Business-logic thread.
     */
    public void attach(final boolean on) {
        this.attaching = on;
    }

    // ---- requests ---------------------------------------------------------------------------------------------

    @Override
    public void submit(final OrderEffect order) {
        final Instrument instrument = instruments.get(order.instrumentId);
        final long time = order.timeNanos;
        if (order.orderType != OrderType.MARKET && (order.price <= 0 || order.price % instrument.tickSize() != 0)) {
            report(time, order.clientOrderId, ReportKind.REJECT, VenueReason.OFF_TICK, 0, 0, 0);
            return;
        }
        if (order.notional <= 0 && (order.quantity <= 0 || order.quantity % instrument.lotSize() != 0)) {
            report(time, order.clientOrderId, ReportKind.REJECT, VenueReason.BAD_QUANTITY, 0, 0, 0);
            return;
        }
        final WorkingOrder copy = take();
        copy.id = order.clientOrderId;
        copy.bookIndex = order.bookIndex;
        copy.instrumentId = order.instrumentId;
        copy.side = order.side;
        copy.type = order.orderType;
        copy.remaining = order.quantity;
        copy.notionalLeft = order.notional;
        copy.price = order.price;
        copy.expiresAtNanos = order.expiresAtNanos;
        copy.filledQuantity = 0;
        copy.sameBar = attaching && iterating == copy.instrumentId;
        add(copy);
        report(time, copy.id, ReportKind.ACK, VenueReason.NONE, 0, 0, 0);
    }

    @Override
    public void cancel(final OrderEffect cancel) {
        final int slot = find(cancel.instrumentId, cancel.clientOrderId);
        if (slot < 0) {
            report(cancel.timeNanos, cancel.clientOrderId, ReportKind.CANCEL_REJECT, VenueReason.UNKNOWN_ORDER, 0, 0, 0);
            return;
        }
        final long id = cancel.clientOrderId;
        remove(cancel.instrumentId, slot);
        report(cancel.timeNanos, id, ReportKind.CANCEL_ACK, VenueReason.NONE, 0, 0, 0);
    }

    @Override
    public void replace(final OrderEffect replace) {
        final int slot = find(replace.instrumentId, replace.clientOrderId);
        if (slot < 0) {
            report(replace.timeNanos, replace.clientOrderId, ReportKind.REPLACE_REJECT, VenueReason.UNKNOWN_ORDER,
                0, 0, 0);
            return;
        }
        final WorkingOrder order = working[replace.instrumentId][slot];
        final Instrument instrument = instruments.get(order.instrumentId);
        final long filled = order.filledQuantity;
        if (order.notionalLeft > 0 || (order.type != OrderType.MARKET && replace.price % instrument.tickSize() != 0)
            || replace.quantity % instrument.lotSize() != 0 || replace.quantity <= filled) {
            report(replace.timeNanos, order.id, ReportKind.REPLACE_REJECT, VenueReason.BAD_QUANTITY, 0, 0, 0);
            return;
        }
        order.remaining = replace.quantity - filled;
        order.price = replace.price;
        report(replace.timeNanos, order.id, ReportKind.REPLACE_ACK, VenueReason.NONE, replace.quantity, replace.price,
            0);
    }

    @Override
    public void cancelAll(final OrderEffect cancelAll) {
        final int from = cancelAll.instrumentId >= 0 ? cancelAll.instrumentId : 0;
        final int to = cancelAll.instrumentId >= 0 ? cancelAll.instrumentId + 1 : working.length;
        for (int instrument = from; instrument < to; instrument++) {
            if (workingCount[instrument] == 0) {
                continue;
            }
            final int previous = iterating;
            iterating = instrument;
            try {
                final int count = workingCount[instrument];
                for (int i = 0; i < count; i++) {
                    final WorkingOrder order = working[instrument][i];
                    if (order != null && order.bookIndex == cancelAll.bookIndex) {
                        final long id = order.id;
                        remove(instrument, i);
                        report(cancelAll.timeNanos, id, ReportKind.CANCEL_ACK, VenueReason.NONE, 0, 0, 0);
                    }
                }
            } finally {
                iterating = previous;
                if (previous != instrument) {
                    compact(instrument);
                }
            }
        }
    }

    // ---- market data ------------------------------------------------------------------------------------------

    /** Processes a bar (or trade) of one instrument against that instrument's working orders. */
    public void onBar(final int instrumentId, final long timeNanos, final long open, final long high, final long low,
                      final long volume) {
        if (workingCount[instrumentId] == 0) {
            return;
        }
        iterating = instrumentId;
        try {
            // orders placed while this bar is processed (by a report's listener) are eligible from the next one
            final int eligible = workingCount[instrumentId];
            expire(instrumentId, timeNanos, eligible);
            startBudgets(instrumentId, volume);
            int attached = eligible;
            for (int pass = PASS_AT_OPEN; pass <= PASS_LIMITS; pass++) {
                for (int i = 0; i < attached; i++) {
                    final WorkingOrder order = working[instrumentId][i];
                    if (order == null || (i >= eligible && !order.sameBar)) {
                        continue;
                    }
                    final long price = order.sameBar ? attachedPrice(order, pass, high, low)
                        : executionPrice(order, pass, open, high, low);
                    if (price > 0) {
                        execute(instrumentId, i, price, timeNanos);
                    }
                }
                if (pass == PASS_AT_OPEN && openPass != null) {
                    openPass.afterOpenPass(instrumentId, timeNanos);
                    attached = workingCount[instrumentId];
                }
            }
        } finally {
            iterating = -1;
            for (int i = 0; i < workingCount[instrumentId]; i++) {
                if (working[instrumentId][i] != null) {
                    working[instrumentId][i].sameBar = false;
                }
            }
            compact(instrumentId);
        }
    }

    /** The price an order attached after the open pass executes at in this pass, or 0. */
    private long attachedPrice(final WorkingOrder order, final int pass, final long high, final long low) {
        final boolean buy = order.side > 0;
        return switch (order.type) {
            case OrderType.STOP -> pass == PASS_STOPS && (buy ? high >= order.price : low <= order.price)
                ? slipped(order, order.price) : 0;
            case OrderType.LIMIT -> pass == PASS_LIMITS && (buy ? low < order.price : high > order.price)
                ? order.price : 0;
            default -> 0;
        };
    }

    /** Processes one trade: every eligible order of the instrument fills at this trade's price. */
    public void onTick(final int instrumentId, final long timeNanos, final long price, final long quantity) {
        // a trade is a bar whose open, high and low are its price
        onBar(instrumentId, timeNanos, price, price, price, quantity);
    }

    /**
     * Fills one book's working market orders of one instrument at {@code close} with slippage, at {@code timeNanos}
     * (the deciding bar's end): the fill-at-close model.
     */
    public void fillAtClose(final int bookIndex, final int instrumentId, final long close, final long volume,
                            final long timeNanos) {
        if (workingCount[instrumentId] == 0) {
            return;
        }
        iterating = instrumentId;
        try {
            startBudgets(instrumentId, volume);
            final int eligible = workingCount[instrumentId];
            for (int i = 0; i < eligible; i++) {
                final WorkingOrder order = working[instrumentId][i];
                if (order != null && order.bookIndex == bookIndex && order.type == OrderType.MARKET) {
                    execute(instrumentId, i, slipped(order, close), timeNanos);
                }
            }
        } finally {
            iterating = -1;
            compact(instrumentId);
        }
    }

    private void expire(final int instrumentId, final long timeNanos, final int eligible) {
        for (int i = 0; i < eligible; i++) {
            final WorkingOrder order = working[instrumentId][i];
            if (order != null && order.expiresAtNanos != 0 && timeNanos >= order.expiresAtNanos) {
                final long id = order.id;
                remove(instrumentId, i);
                report(timeNanos, id, ReportKind.EXPIRED, VenueReason.NONE, 0, 0, 0);
            }
        }
    }

    private void startBudgets(final int instrumentId, final long volume) {
        final long lot = instruments.get(instrumentId).lotSize();
        for (int book = 0; book < budget.length; book++) {
            final long share = models[book].participation();
            budget[book] = share == 0 ? Long.MAX_VALUE
                : FixedPoint.roundDownToStep(FixedPoint.mulDiv(volume, share, FixedPoint.SCALE, RoundingMode.FLOOR), lot);
        }
    }

    /** The price the order executes at in this pass, or 0 when it does not. */
    private long executionPrice(final WorkingOrder order, final int pass, final long open, final long high,
                                final long low) {
        final boolean buy = order.side > 0;
        switch (order.type) {
            case OrderType.MARKET:
                return pass == PASS_AT_OPEN ? slipped(order, open) : 0;
            case OrderType.STOP: {
                final boolean gapped = buy ? open >= order.price : open <= order.price;
                if (pass == PASS_AT_OPEN && gapped) {
                    return slipped(order, open);
                }
                final boolean reached = buy ? high >= order.price : low <= order.price;
                return pass == PASS_STOPS && reached && !gapped ? slipped(order, order.price) : 0;
            }
            case OrderType.LIMIT: {
                final boolean gapped = buy ? open <= order.price : open >= order.price;
                if (pass == PASS_AT_OPEN && gapped) {
                    return open;
                }
                final boolean through = buy ? low < order.price : high > order.price;
                return pass == PASS_LIMITS && through && !gapped ? order.price : 0;
            }
            default:
                throw new IllegalStateException("unknown order type " + order.type);
        }
    }

    private long slipped(final WorkingOrder order, final long price) {
        final long bps = models[order.bookIndex].slippageBps();
        return FixedPoint.mulDiv(price, order.side > 0 ? BPS + bps : BPS - bps, BPS, RoundingMode.HALF_UP);
    }

    /**
     * Fills what the account, the order and the participation limit allow, and reports it. An order whose size
     * cannot be valued in fixed-point at this price is cancelled with {@link VenueReason#BAD_QUANTITY}.
     */
    private void execute(final int instrumentId, final int slot, final long price, final long timeNanos) {
        try {
            fill(instrumentId, slot, price, timeNanos);
        } catch (final ArithmeticException overflow) {
            final WorkingOrder order = working[instrumentId][slot];
            if (order != null) {
                final long id = order.id;
                remove(instrumentId, slot);
                report(timeNanos, id, ReportKind.CANCEL_ACK, VenueReason.BAD_QUANTITY, 0, 0, 0);
            }
        }
    }

    private void fill(final int instrumentId, final int slot, final long price, final long timeNanos) {
        final WorkingOrder order = working[instrumentId][slot];
        final Book book = books[order.bookIndex];
        final long commission = models[order.bookIndex].commissionBps();
        final long lot = instruments.get(instrumentId).lotSize();
        final long held = book.position(instrumentId);
        long wanted;
        long allowed;
        int shortfall = VenueReason.NONE;
        if (order.side > 0) {
            if (order.notionalLeft > 0) {
                // a notional buy (all-cash sizing, an iteration strategy's money) spends cash only, leverage or not
                wanted = affordableQuantity(order.notionalLeft, price, commission, lot);
                allowed = affordableQuantity(Math.min(order.notionalLeft, book.cash()), price, commission, lot);
            } else {
                wanted = order.remaining;
                // the part of a buy that covers a short is never clamped (closing risk comes first); the rest, a whole
                // buy or the long part of one that crosses zero, pays from the cash the book has (and may borrow)
                final long cover = held < 0 ? Math.min(wanted, -held) : 0;
                if (cover == wanted) {
                    allowed = wanted;
                } else {
                    final long spendable = spendable(order.bookIndex, book);
                    allowed = cost(wanted, price, commission) <= spendable ? wanted
                        : cover == 0 ? affordableQuantity(spendable, price, commission, lot)
                        : crossingAllowed(cover, wanted, spendable, price, commission, lot);
                }
            }
            if (allowed < wanted) {
                shortfall = VenueReason.INSUFFICIENT_FUNDS;
            }
        } else {
            wanted = order.remaining;
            allowed = limits[order.bookIndex].allowShort() ? wanted : Math.min(wanted, Math.max(0, held));
            if (allowed < wanted) {
                shortfall = VenueReason.NO_POSITION;
            }
        }
        final long quantity = Math.min(allowed, budget[order.bookIndex]);
        final boolean limitedByVolume = quantity < allowed;
        if (quantity <= 0) {
            if (!limitedByVolume) {
                final long id = order.id;
                remove(instrumentId, slot);
                report(timeNanos, id, ReportKind.CANCEL_ACK, shortfall != VenueReason.NONE ? shortfall
                    : order.side > 0 ? VenueReason.INSUFFICIENT_FUNDS : VenueReason.NO_POSITION, 0, 0, 0);
            }
            return;
        }
        if (budget[order.bookIndex] != Long.MAX_VALUE) {
            budget[order.bookIndex] -= quantity;
        }
        final long notional = FixedPoint.multiply(price, quantity);
        final long fee = FixedPoint.mulDiv(notional, commission, BPS, RoundingMode.HALF_UP);
        final long id = order.id;
        boolean complete = !limitedByVolume && shortfall == VenueReason.NONE;
        if (order.notionalLeft > 0) {
            order.notionalLeft = Math.max(0, order.notionalLeft - notional - fee);
            // a notional order is done once what is left of its money buys no whole lot at this price
            complete = complete || (limitedByVolume
                && affordableQuantity(order.notionalLeft, price, commission, lot) == 0);
        } else {
            order.remaining -= quantity;
        }
        order.filledQuantity += quantity;
        if (complete) {
            remove(instrumentId, slot);
            report(timeNanos, id, ReportKind.FILL, VenueReason.NONE, quantity, price, fee);
        } else if (limitedByVolume) {
            report(timeNanos, id, ReportKind.PARTIAL_FILL, VenueReason.NONE, quantity, price, fee);
        } else {
            remove(instrumentId, slot);
            report(timeNanos, id, ReportKind.PARTIAL_FILL, VenueReason.NONE, quantity, price, fee);
            report(timeNanos, id, ReportKind.CANCEL_ACK, shortfall, 0, 0, 0);
        }
    }

    /**
     * What a buy of the book may spend at the fill: its cash, plus with leverage the borrowing allowance on its equity
     * now. A cash account reads no equity, so its clamp is the cash alone, as it always was.
     */
    private long spendable(final int bookIndex, final Book book) {
        if (!limits[bookIndex].leveraged()) {
            return book.cash();
        }
        return Math.addExact(book.cash(), limits[bookIndex].borrowingAllowance(book.equity()));
    }

    /**
     * Of a buy of {@code wanted} that covers {@code cover} of a short and goes long with the rest: the cover in full,
     * and of the rest the whole lots {@code spendable} still pays for with the cover's cost paid, checked on the cost
     * of the one fill (its fee is rounded once).
     */
    private static long crossingAllowed(final long cover, final long wanted, final long spendable, final long price,
                                        final long commissionBps, final long lot) {
        final long afterCover = spendable - cost(cover, price, commissionBps);
        long allowed = Math.min(wanted, cover + affordableQuantity(afterCover, price, commissionBps, lot));
        while (allowed > cover && cost(allowed, price, commissionBps) > spendable) {
            allowed -= lot;
        }
        return Math.max(cover, allowed);
    }

    /**
     * The largest whole number of lots whose notional plus commission fits in {@code cash} at {@code price}: the
     * cash account's limit at the fill.
     */
    public static long affordableQuantity(final long cash, final long price, final long commissionBps, final long lot) {
        if (cash <= 0 || price <= 0) {
            return 0;
        }
        final long costPerUnit = FixedPoint.mulDiv(price, BPS + commissionBps, BPS, RoundingMode.CEILING);
        long quantity = FixedPoint.roundDownToStep(FixedPoint.mulDiv(cash, FixedPoint.SCALE, costPerUnit,
            RoundingMode.FLOOR), lot);
        // rounding of notional and fee (half up each) can exceed the estimate by a unit: step down until it fits
        while (quantity > 0 && cost(quantity, price, commissionBps) > cash) {
            quantity -= lot;
        }
        return Math.max(0, quantity);
    }

    private static long cost(final long quantity, final long price, final long commissionBps) {
        final long notional = FixedPoint.multiply(price, quantity);
        return notional + FixedPoint.mulDiv(notional, commissionBps, BPS, RoundingMode.HALF_UP);
    }

    private void report(final long time, final long id, final int kind, final int reason, final long quantity,
                        final long price, final long fee) {
        listener.onReport(report.set(time, id, id, kind, reason, quantity, price, fee));
    }

    // ---- working lists ----------------------------------------------------------------------------------------

    private void add(final WorkingOrder order) {
        final int instrument = order.instrumentId;
        if (workingCount[instrument] == working[instrument].length) {
            working[instrument] = Arrays.copyOf(working[instrument], workingCount[instrument] * 2);
        }
        working[instrument][workingCount[instrument]++] = order;
    }

    private int find(final int instrumentId, final long id) {
        if (instrumentId < 0 || instrumentId >= working.length) {
            return -1;
        }
        final WorkingOrder[] orders = working[instrumentId];
        for (int i = 0; i < workingCount[instrumentId]; i++) {
            if (orders[i] != null && orders[i].id == id) {
                return i;
            }
        }
        return -1;
    }

    /** Takes an order out; the slot stays empty until the list is compacted (never during a pass over it). */
    private void remove(final int instrumentId, final int slot) {
        final WorkingOrder order = working[instrumentId][slot];
        working[instrumentId][slot] = null;
        if (pooled == pool.length) {
            pool = Arrays.copyOf(pool, pooled * 2);
        }
        pool[pooled++] = order;
        if (iterating != instrumentId) {
            compact(instrumentId);
        }
    }

    private WorkingOrder take() {
        return pooled > 0 ? pool[--pooled] : new WorkingOrder();
    }

    private void compact(final int instrumentId) {
        final WorkingOrder[] orders = working[instrumentId];
        final int count = workingCount[instrumentId];
        int to = 0;
        for (int from = 0; from < count; from++) {
            if (orders[from] != null) {
                orders[to++] = orders[from];
            }
        }
        Arrays.fill(orders, to, count, null);
        workingCount[instrumentId] = to;
    }

    /** Number of working orders over all instruments. */
    public int workingOrderCount() {
        return countWorking();
    }

    /**
     * The quantity the venue has filled of its working order {@code clientOrderId} of {@code instrumentId}, or -1
     * when it holds no such working order. For paper-mode reconciliation, which reads the venue's own record on the
     * start-up thread after recovery, as a live venue's is read over its API.
     */
    public long workingFilledQuantity(final int instrumentId, final long clientOrderId) {
        if (instrumentId < 0 || instrumentId >= working.length) {
            return -1;
        }
        final int slot = find(instrumentId, clientOrderId);
        return slot < 0 ? -1 : working[instrumentId][slot].filledQuantity;
    }

    private int countWorking() {
        int total = 0;
        for (int i = 0; i < workingCount.length; i++) {
            for (int j = 0; j < workingCount[i]; j++) {
                if (working[i][j] != null) {
                    total++;
                }
            }
        }
        return total;
    }

    // ---- state ------------------------------------------------------------------------------------------------

    /** Writes the working orders, instrument by instrument in submission order, for a snapshot. */
    public void writeState(final StateWriter out) {
        out.section("venue").writeInt(workingOrderCount());
        for (int instrument = 0; instrument < working.length; instrument++) {
            for (int i = 0; i < workingCount[instrument]; i++) {
                final WorkingOrder order = working[instrument][i];
                if (order != null) {
                    out.writeLong(order.id).writeInt(order.bookIndex).writeInt(order.instrumentId)
                        .writeInt(order.side).writeInt(order.type).writeLong(order.remaining)
                        .writeLong(order.notionalLeft).writeLong(order.price).writeLong(order.expiresAtNanos)
                        .writeLong(order.filledQuantity);
                }
            }
        }
    }

    /** Replaces the working orders with a snapshot's (a fresh venue only). */
    public void readState(final StateReader in) {
        in.section("venue");
        if (workingOrderCount() != 0) {
            throw new IllegalStateException("restore into a fresh venue only");
        }
        final int count = in.readInt();
        for (int i = 0; i < count; i++) {
            final WorkingOrder order = take();
            order.id = in.readLong();
            order.bookIndex = in.readInt();
            order.instrumentId = in.readInt();
            order.side = in.readInt();
            order.type = in.readInt();
            order.remaining = in.readLong();
            order.notionalLeft = in.readLong();
            order.price = in.readLong();
            order.expiresAtNanos = in.readLong();
            order.filledQuantity = in.readLong();
            add(order);
        }
    }
}
