package io.ringtrade.engine.strategy;

import io.ringtrade.engine.api.event.OrderType;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.engine.api.strategy.PositionRules;
import io.ringtrade.engine.book.Book;
import io.ringtrade.engine.order.FillReason;
import io.ringtrade.engine.order.Order;
import io.ringtrade.engine.order.OrderManager;
import io.ringtrade.engine.order.OrderReason;
import io.ringtrade.engine.order.OrderRequest;
import io.ringtrade.engine.order.OrderState;
import io.ringtrade.engine.order.Reservations;
import io.ringtrade.engine.risk.CostEstimate;
import io.ringtrade.engine.risk.RiskLimits;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

import java.math.RoundingMode;
import java.util.Arrays;

/**
 * The managed positions of one book (the README's "Managed positions"). For a decision strategy it sizes the entries
 * and adds and decides the time-stop and signal exits at bar closes; for any strategy it keeps the protective orders
 * of each open position — a stop-loss stop and a take-profit limit (and a trailing stop) in one one-cancels-other
 * group, at prices from the average entry rounded to the tick toward the side less favourable to the strategy — in
 * line with the position, and exits at the time stop. An iteration or event strategy places its own entries and exits:
 * the manager follows the fills of any order of the book (those that open or add move the average, those that reduce
 * shrink the protected quantity), and {@link #makeRoom} cancels the protective orders before one of the strategy's
 * own orders needs the quantity they hold.
 *
 * <p>It works by reconciling ({@link #sync}): after every fill it can see (at the end of a bar's open pass, so an
 * entry filled at the open is protected for the rest of that bar; after each input; at each bar close) it compares the
 * protective orders it wants (from the position less what other open orders of the book already close, its average
 * and the trailing extreme) with those open, cancels the ones that differ and places what is missing once their
 * cancels are confirmed; a pending exit is placed once no protective order is left, so two sells never race for one
 * position. Other orders closing the position (an operator's close or flatten, the strategy's own) make it stand
 * aside for what they close. State is per instrument in primitive arrays, part of the snapshot. Business-logic thread;
 * allocation-free.
 *
 * <p>With {@code on-opposite = reverse}, a signal exit is followed by an entry on the other side, sized by the rules
 * as an entry from flat would be at the same price, and placed as soon as the exit is: both are market orders, so they
 * fill one after the other at the same price (the next open, or the deciding bar's close under the fill-at-close
 * model). Placing the entry after the exit, not as one order crossing zero, keeps each position's own protective
 * orders, average and reasons ({@code signal}, then {@code entry}); pre-trade risk judges the entry as a short (or a
 * long) opened beside a position the exit already holds for closing.
 */
public final class ManagedPositions {
    private static final int STOP = 0;
    private static final int PROFIT = 1;
    private static final int TRAIL = 2;
    private static final FillReason[] PROTECTIVE_REASON = {FillReason.STOP_LOSS, FillReason.TAKE_PROFIT,
        FillReason.TRAILING_STOP};
    private static final int[] PROTECTIVE_TYPE = {OrderType.STOP, OrderType.LIMIT, OrderType.STOP};

    private final String bookName;
    private final Book book;
    private final OrderManager orders;
    private final InstrumentRegistry instruments;
    private final CostEstimate costs;
    private final PositionRules rules;
    private final int[] traded;
    private boolean allowShort;
    private final boolean reverse;
    private long minNotional;
    private long maxPositionPct;
    private final long stopLoss;
    private final long takeProfit;
    private final long trailing;
    private final long size;
    private final OrderRequest request = new OrderRequest();

    /** Per instrument: protective order ids and the prices they were placed at (by kind), and their quantity. */
    private final long[][] protectiveId;
    private final long[][] protectivePrice;
    private final long[] protectedQuantity;
    private final long[] group;
    private final long[] entryId;
    private final long[] exitId;
    private final int[] pendingExit;
    /** Per instrument: the side (+1, −1) of the entry that follows the pending signal exit (reverse), or 0. */
    private final int[] reverseSide;
    private final int[] adds;
    private final int[] barsHeld;
    private final int[] lastSign;
    private final long[] extreme;
    private final long[] trailPrice;
    private long groups;

    /**
     * The managed positions of book {@code book} ({@code bookName} in messages) trading {@code traded} under
     * {@code rules}.
     *
     * @param limits  the book's limits in force: whether it may go short, its minimum notional, its position limit
     *                (buys are shrunk to it); {@link #setLimits} when an operator changes them
     * @param reverse whether a signal exit is followed by an entry on the other side ({@code on-opposite = reverse}; a
     *                decision strategy's book, while it may go short)
     */
    public ManagedPositions(final String bookName, final Book book, final OrderManager orders,
                            final InstrumentRegistry instruments, final CostEstimate costs, final PositionRules rules,
                            final int[] traded, final RiskLimits limits, final boolean reverse) {
        this.bookName = bookName;
        this.book = book;
        this.orders = orders;
        this.instruments = instruments;
        this.costs = costs;
        this.rules = rules;
        this.traded = traded.clone();
        this.reverse = reverse;
        setLimits(limits);
        this.stopLoss = FixedPoint.fromDouble(rules.stopLoss());
        this.takeProfit = FixedPoint.fromDouble(rules.takeProfit());
        this.trailing = FixedPoint.fromDouble(rules.trailingStop());
        this.size = rules.sizing() == PositionRules.Sizing.ALL_CASH ? 0 : FixedPoint.fromDouble(rules.size());
        final int n = instruments.size();
        this.protectiveId = new long[3][n];
        this.protectivePrice = new long[3][n];
        this.protectedQuantity = new long[n];
        this.group = new long[n];
        this.entryId = new long[n];
        this.exitId = new long[n];
        this.pendingExit = new int[n];
        this.reverseSide = new int[n];
        this.adds = new int[n];
        this.barsHeld = new int[n];
        this.lastSign = new int[n];
        this.extreme = new long[n];
        this.trailPrice = new long[n];
    }

    /**
     * An operator changed the book's limits in force: its position limit (percent of equity, fixed-point; 0 = none),
     * whether it may go short, its minimum notional.
     */
    public void setLimits(final RiskLimits limits) {
        this.maxPositionPct = limits.maxPositionPct();
        this.allowShort = limits.allowShort();
        this.minNotional = limits.minNotional();
    }

    /** Whether {@code rules} need this stage (anything beyond today's all-cash sizing without stops or adds). */
    public static boolean needed(final PositionRules rules) {
        return rules.sizing() != PositionRules.Sizing.ALL_CASH || rules.managesExits() || rules.maxAdds() > 0;
    }

    /**
     * A closed bar of {@code instrument} with the strategy's {@code decision} (already averaged): updates the trailing
     * extreme and the bars held, checks the exits (time stop, then the signal) before the entries (only while flat,
     * or an add while pyramiding), places what they decide as market orders, and reconciles.
     *
     * @param mayTrade false while the strategy is paused or before trading starts: its decisions place no orders
     *                 (the engine's own exits still do)
     */
    public void onBarClose(final int instrument, final int decision, final long high, final long low,
                           final long close, final long endNanos, final boolean mayTrade) {
        forgetEnded(instrument);
        final long held = book.position(instrument);
        observe(instrument, held);
        if (held != 0) {
            final int sign = Long.signum(held);
            barsHeld[instrument]++;
            extreme[instrument] = extreme[instrument] == 0 ? (sign > 0 ? high : low)
                : sign > 0 ? Math.max(extreme[instrument], high) : Math.min(extreme[instrument], low);
            if (trailing > 0) {
                trailPrice[instrument] = sign > 0
                    ? floorTick(instrument, FixedPoint.mulDiv(extreme[instrument], FixedPoint.SCALE - trailing,
                        FixedPoint.SCALE, RoundingMode.FLOOR))
                    : ceilTick(instrument, FixedPoint.mulDiv(extreme[instrument], FixedPoint.SCALE + trailing,
                        FixedPoint.SCALE, RoundingMode.CEILING));
            }
            if (exitId[instrument] == 0 && pendingExit[instrument] == 0) {
                if (rules.timeStopBars() > 0 && barsHeld[instrument] >= rules.timeStopBars()) {
                    pendingExit[instrument] = FillReason.TIME_STOP.ordinal();
                } else if (mayTrade && decision == -sign) {
                    pendingExit[instrument] = FillReason.SIGNAL.ordinal();
                    // as the one crossing order: reverse only while the book may go short (an operator may stop it)
                    reverseSide[instrument] = reverse && allowShort ? decision : 0;
                } else if (mayTrade && decision == sign && adds[instrument] < rules.maxAdds()
                    && entryId[instrument] == 0) {
                    if (enter(instrument, sign, close, endNanos, FillReason.ADD, false) != 0) {
                        adds[instrument]++;
                    }
                }
            }
        } else if (mayTrade && decision != DecisionStrategy.HOLD && entryId[instrument] == 0
            && exitId[instrument] == 0 && (decision > 0 || allowShort)) {
            enter(instrument, decision, close, endNanos, FillReason.ENTRY, false);
        }
        sync(instrument, endNanos);
    }

    /** Reconciles every traded instrument (after an input's fills and reports). */
    public void syncAll(final long timeNanos) {
        for (final int instrument : traded) {
            sync(instrument, timeNanos);
        }
    }

    /** Whether this book trades {@code instrument}. */
    public boolean trades(final int instrument) {
        for (final int id : traded) {
            if (id == instrument) {
                return true;
            }
        }
        return false;
    }

    /**
     * Brings the protective orders of {@code instrument} in line with the position, and places a pending exit once
     * none is left.
     */
    public void sync(final int instrument, final long timeNanos) {
        forgetEnded(instrument);
        final long held = book.position(instrument);
        observe(instrument, held);
        final long closing = held != 0 ? closingByOthers(instrument, held) : 0;
        // what the manager protects (and exits): the position less what the book's other open orders close
        final long quantity = Math.max(0, Math.abs(held) - closing);
        final boolean protect = quantity > 0 && pendingExit[instrument] == 0 && exitId[instrument] == 0;
        boolean waiting = false;
        boolean anyOpen = false;
        for (int kind = STOP; kind <= TRAIL; kind++) {
            final long id = protectiveId[kind][instrument];
            if (id == 0) {
                continue;
            }
            final long wanted = protect ? wantedPrice(kind, instrument, held) : 0;
            if (wanted == 0 || wanted != protectivePrice[kind][instrument]
                || quantity != protectedQuantity[instrument]) {
                final Order order = orders.openOrder(id);
                if (order.state != OrderState.PENDING_CANCEL) {
                    orders.requestCancel(id, OrderReason.REQUESTED, timeNanos);
                }
                if (orders.openOrder(id) != null) {
                    waiting = true;
                } else {
                    protectiveId[kind][instrument] = 0;
                }
            } else {
                anyOpen = true;
            }
        }
        if (waiting) {
            return;
        }
        if (held == 0) {
            // closed before the exit went (a stop, an operator): the next decision enters, not a stale reverse
            pendingExit[instrument] = 0;
            reverseSide[instrument] = 0;
            return;
        }
        if (pendingExit[instrument] != 0 && !anyOpen && exitId[instrument] == 0) {
            if (quantity > 0) {
                exit(instrument, held, quantity, FillReason.of(pendingExit[instrument]), timeNanos);
                if (reverseSide[instrument] != 0 && exitId[instrument] != 0) {
                    enter(instrument, reverseSide[instrument], book.markPrice(instrument), timeNanos,
                        FillReason.ENTRY, true);
                }
            }
            pendingExit[instrument] = 0;
            reverseSide[instrument] = 0;
            return;
        }
        if (!protect) {
            return;
        }
        if (!anyOpen) {
            group[instrument] = ++groups;
        }
        for (int kind = STOP; kind <= TRAIL; kind++) {
            final long wanted = wantedPrice(kind, instrument, held);
            if (wanted > 0 && protectiveId[kind][instrument] == 0) {
                protectiveId[kind][instrument] = protect(instrument, kind, held, quantity, wanted, timeNanos);
                protectivePrice[kind][instrument] = wanted;
            }
        }
        protectedQuantity[instrument] = quantity;
    }

    /**
     * Before an order of the book's own strategy (iteration or event) that goes against the position of
     * {@code instrument} ({@code side} +1 buy, −1 sell) for {@code quantity} (0 = as much as it may): when the part of
     * the position no open order holds is smaller, the protective orders are cancelled first, so the strategy's order
     * is judged on the position they held (on the simulated venue a cancel is confirmed at once; on a live venue it
     * is pending until the venue confirms it, and until then the strategy's order finds the quantity still held).
     * They come back, for what the strategy's open orders do not close, after the input.
     */
    public void makeRoom(final int instrument, final int side, final long quantity, final long timeNanos) {
        final long held = book.position(instrument);
        if (held == 0 || Long.signum(held) == side) {
            return;
        }
        final Reservations reserved = orders.reservations();
        final long free = Math.abs(held) - (held > 0 ? reserved.close(book.index(), instrument)
            : reserved.cover(book.index(), instrument));
        if (quantity <= 0 || quantity > free) {
            cancelProtection(instrument, timeNanos);
        }
    }

    /** The strategy was paused: signal exits still waiting to be placed are not followed by their reversing entries. */
    public void dropReversals() {
        Arrays.fill(reverseSide, 0);
    }

    /** Whether order {@code orderId} of {@code instrument} is one of the protective orders open now. */
    public boolean protects(final long orderId, final int instrument) {
        for (int kind = STOP; kind <= TRAIL; kind++) {
            if (protectiveId[kind][instrument] == orderId) {
                return orderId != 0;
            }
        }
        return false;
    }

    /**
     * Quantity the open protective orders of {@code instrument} hold back: of a long, what they close ({@code close});
     * of a short, what they cover; so a strategy can tell its own open orders from the engine's.
     */
    public long protectiveReserved(final int instrument, final boolean close) {
        long total = 0;
        for (int kind = STOP; kind <= TRAIL; kind++) {
            final long id = protectiveId[kind][instrument];
            final Order order = id == 0 ? null : orders.openOrder(id);
            if (order != null) {
                total += close ? order.reservedClose + order.reservedShort : order.reservedCover;
            }
        }
        return total;
    }

    /**
     * Cancels the protective orders of {@code instrument} (an operator closes the position by hand, or the strategy's
     * own order needs what they hold); while other orders close the whole position they are not placed again.
     */
    public void cancelProtection(final int instrument, final long timeNanos) {
        for (int kind = STOP; kind <= TRAIL; kind++) {
            final long id = protectiveId[kind][instrument];
            if (id != 0 && orders.openOrder(id) != null) {
                orders.requestCancel(id, OrderReason.REQUESTED, timeNanos);
            }
        }
        forgetEnded(instrument);
    }

    /** Notices a position opened, flipped or closed since last seen: starts or clears its bookkeeping. */
    private void observe(final int instrument, final long held) {
        final int sign = Long.signum(held);
        if (sign == lastSign[instrument]) {
            return;
        }
        if (lastSign[instrument] != 0 || sign == 0) {
            adds[instrument] = 0;
        }
        barsHeld[instrument] = 0;
        extreme[instrument] = 0;
        trailPrice[instrument] = 0;
        lastSign[instrument] = sign;
    }

    /** Quantity other open orders of the book (not these protective ones) will close or cover. */
    private long closingByOthers(final int instrument, final long held) {
        final Reservations reserved = orders.reservations();
        final int b = book.index();
        long total = held > 0 ? reserved.close(b, instrument) : reserved.cover(b, instrument);
        for (int kind = STOP; kind <= TRAIL; kind++) {
            final long id = protectiveId[kind][instrument];
            if (id != 0) {
                final Order order = orders.openOrder(id);
                total -= held > 0 ? order.reservedClose : order.reservedCover;
            }
        }
        return total;
    }

    /** The protective price of {@code kind} for the position {@code held}, or 0 for none. */
    private long wantedPrice(final int kind, final int instrument, final long held) {
        final long average = book.averagePrice(instrument);
        final boolean isLong = held > 0;
        return switch (kind) {
            case STOP -> stopLoss == 0 ? 0 : isLong
                ? floorTick(instrument, FixedPoint.mulDiv(average, FixedPoint.SCALE - stopLoss, FixedPoint.SCALE,
                    RoundingMode.FLOOR))
                : ceilTick(instrument, FixedPoint.mulDiv(average, FixedPoint.SCALE + stopLoss, FixedPoint.SCALE,
                    RoundingMode.CEILING));
            case PROFIT -> takeProfit == 0 ? 0 : isLong
                ? ceilTick(instrument, FixedPoint.mulDiv(average, FixedPoint.SCALE + takeProfit, FixedPoint.SCALE,
                    RoundingMode.CEILING))
                : Math.max(0, floorTick(instrument, FixedPoint.mulDiv(average, FixedPoint.SCALE - takeProfit,
                    FixedPoint.SCALE, RoundingMode.FLOOR)));
            default -> trailPrice[instrument];
        };
    }

    private long floorTick(final int instrument, final long price) {
        final long tick = instruments.get(instrument).tickSize();
        return price - Math.floorMod(price, tick);
    }

    private long ceilTick(final int instrument, final long price) {
        final long tick = instruments.get(instrument).tickSize();
        final long floor = price - Math.floorMod(price, tick);
        return floor == price ? price : floor + tick;
    }

    /** Clears the ids of orders that ended. */
    private void forgetEnded(final int instrument) {
        for (int kind = STOP; kind <= TRAIL; kind++) {
            if (protectiveId[kind][instrument] != 0 && orders.openOrder(protectiveId[kind][instrument]) == null) {
                protectiveId[kind][instrument] = 0;
            }
        }
        if (entryId[instrument] != 0 && orders.openOrder(entryId[instrument]) == null) {
            entryId[instrument] = 0;
        }
        if (exitId[instrument] != 0 && orders.openOrder(exitId[instrument]) == null) {
            exitId[instrument] = 0;
        }
    }

    /**
     * Places an entry or add of {@code side}, sized by the rules at {@code close}; returns its id or 0.
     *
     * @param reversing the entry that follows a signal exit placed just now, while the position is still held: all-cash
     *                  sizing takes the book's equity (what the exit will leave in cash) instead of its free cash
     */
    private long enter(final int instrument, final int side, final long close, final long timeNanos,
                       final FillReason purpose, final boolean reversing) {
        final long lot = instruments.get(instrument).lotSize();
        final long reservedCash = orders.reservations().cash(book.index());
        if (reversing && rules.sizing() == PositionRules.Sizing.ALL_CASH) {
            DecisionSizing.reversingEntry(request, side, book, instrument, close, timeNanos, lot, costs,
                traded.length);
        } else if (rules.sizing() == PositionRules.Sizing.ALL_CASH && purpose == FillReason.ENTRY) {
            if (!DecisionSizing.size(request, side, book, instrument, close, timeNanos, reservedCash, lot, costs,
                traded.length, allowShort, minNotional)) {
                return 0;
            }
        } else {
            request.clear();
            request.bookIndex = book.index();
            request.instrumentId = instrument;
            request.side = side;
            request.type = OrderType.MARKET;
            request.referencePrice = close;
            request.timeNanos = timeNanos;
            request.origin = OrderReason.STRATEGY;
            final long money = switch (rules.sizing()) {
                case ALL_CASH -> Math.max(0, book.cash() - reservedCash);
                case NOTIONAL -> size;
                case EQUITY_FRACTION -> FixedPoint.mulDiv(Math.max(0, book.equity()), size, FixedPoint.SCALE,
                    RoundingMode.FLOOR);
                case QUANTITY -> 0;
            };
            try {
                request.quantity = rules.sizing() == PositionRules.Sizing.QUANTITY
                    ? FixedPoint.roundDownToStep(size, lot)
                    : FixedPoint.roundDownToStep(FixedPoint.mulDiv(money, FixedPoint.SCALE, close, RoundingMode.FLOOR),
                        lot);
            } catch (final ArithmeticException overflow) {
                request.refusal = OrderReason.OVERFLOW;
            }
        }
        request.purpose = purpose;
        if (side > 0 && !DecisionSizing.withinPositionLimit(request, book, maxPositionPct,
            orders.reservations().cash(book.index(), instrument), lot, costs)) {
            return 0;
        }
        final long id = orders.decide(request);
        entryId[instrument] = id;
        return id;
    }

    private void exit(final int instrument, final long held, final long quantity, final FillReason reason,
                      final long timeNanos) {
        request.clear();
        request.bookIndex = book.index();
        request.instrumentId = instrument;
        request.side = held > 0 ? -1 : 1;
        request.type = OrderType.MARKET;
        request.quantity = quantity;
        request.referencePrice = book.markPrice(instrument);
        request.timeNanos = timeNanos;
        request.origin = OrderReason.STRATEGY;
        request.purpose = reason;
        request.reduceOnly = true;
        exitId[instrument] = orders.decide(request);
    }

    private long protect(final int instrument, final int kind, final long held, final long quantity, final long price,
                         final long timeNanos) {
        request.clear();
        request.bookIndex = book.index();
        request.instrumentId = instrument;
        request.side = held > 0 ? -1 : 1;
        request.type = PROTECTIVE_TYPE[kind];
        request.quantity = quantity;
        request.price = price;
        request.referencePrice = book.markPrice(instrument);
        request.timeNanos = timeNanos;
        request.origin = OrderReason.STRATEGY;
        request.purpose = PROTECTIVE_REASON[kind];
        request.reduceOnly = true;
        request.ocoGroup = (long) (book.index() + 1) << 40 | group[instrument];
        return orders.decide(request);
    }

    /** Adds taken in the open position of {@code instrument} (for tests and the ops view). */
    public int adds(final int instrument) {
        return adds[instrument];
    }

    /** The trailing stop price of {@code instrument} now (0 = none). */
    public long trailPrice(final int instrument) {
        return trailPrice[instrument];
    }

    /** Writes the per-instrument bookkeeping for a snapshot. */
    public void writeState(final StateWriter out) {
        out.section("managed " + bookName).writeLong(groups);
        for (final int i : traded) {
            for (int kind = STOP; kind <= TRAIL; kind++) {
                out.writeLong(protectiveId[kind][i]).writeLong(protectivePrice[kind][i]);
            }
            out.writeLong(protectedQuantity[i]).writeLong(group[i]).writeLong(entryId[i]).writeLong(exitId[i])
                .writeInt(pendingExit[i]).writeInt(reverseSide[i]).writeInt(adds[i]).writeInt(barsHeld[i])
                .writeInt(lastSign[i])
                .writeLong(extreme[i]).writeLong(trailPrice[i]);
        }
    }

    /** Restores what {@link #writeState} wrote. */
    public void readState(final StateReader in) {
        groups = in.section("managed " + bookName).readLong();
        for (final int i : traded) {
            for (int kind = STOP; kind <= TRAIL; kind++) {
                protectiveId[kind][i] = in.readLong();
                protectivePrice[kind][i] = in.readLong();
            }
            protectedQuantity[i] = in.readLong();
            group[i] = in.readLong();
            entryId[i] = in.readLong();
            exitId[i] = in.readLong();
            pendingExit[i] = in.readInt();
            reverseSide[i] = in.readInt();
            adds[i] = in.readInt();
            barsHeld[i] = in.readInt();
            lastSign[i] = in.readInt();
            extreme[i] = in.readLong();
            trailPrice[i] = in.readLong();
        }
    }
}
