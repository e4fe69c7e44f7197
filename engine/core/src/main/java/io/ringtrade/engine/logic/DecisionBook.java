package io.ringtrade.engine.logic;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.OrderType;
import io.ringtrade.engine.api.event.SignalSizeKind;
import io.ringtrade.engine.api.market.BarAccumulator;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.engine.api.strategy.Indicators;
import io.ringtrade.engine.book.Book;
import io.ringtrade.engine.indicator.InstrumentBars;
import io.ringtrade.engine.risk.BookRules;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;
import io.ringtrade.engine.venue.Order;
import io.ringtrade.engine.venue.SimulatedVenue;

import java.math.RoundingMode;

/**
 * The strategy stage for one decision-function book: keeps the bar history (and, on tick input, the bar being
 * built) of each instrument it trades, calls the decision function at each closed bar and turns the answer
 * into an order.
 *
 * <p>Sizing: with one instrument a buy spends all cash including fees (sized at the fill price) and a sell
 * closes the whole position; with several, a buy targets an equal share (1/n) of the book's equity at the
 * signal bar's close. A buy while long and a sell while flat without shorting do nothing; a sell while flat
 * with shorting allowed opens a short of the same size a buy would open; a buy while short covers it.
 *
 * <p>Owned by the business-logic thread. Allocation-free per bar apart from what indicators need.
 */
public final class DecisionBook {
    private final Book book;
    private final BookRules rules;
    private final DecisionStrategy strategy;
    private final InstrumentRegistry instruments;
    private final int[] traded;
    private final InstrumentBars[] bars;
    private final BarAccumulator[] building;
    private final BookSpec spec;

    /** The stage for {@code spec}'s book. */
    public DecisionBook(final BookSpec spec, final Book book, final InstrumentRegistry instruments) {
        this.spec = spec;
        this.book = book;
        this.rules = spec.rules();
        this.strategy = spec.strategy();
        this.instruments = instruments;
        this.traded = spec.instruments();
        this.bars = new InstrumentBars[instruments.size()];
        this.building = new BarAccumulator[instruments.size()];
        for (final int id : traded) {
            bars[id] = new InstrumentBars(instruments.get(id), held -> book.position(held) != 0,
                Indicators.declaredBy(strategy));
            building[id] = new BarAccumulator(spec.interval());
        }
    }

    /** True when this book trades the instrument. */
    public boolean trades(final int instrumentId) {
        return instrumentId < bars.length && bars[instrumentId] != null;
    }

    /** A closed bar at this book's interval arrived: decide on it. */
    public void onClosedBar(final int instrumentId, final long startNanos, final long open, final long high,
                            final long low, final long close, final long volume, final OrderEntry entry,
                            final SimulatedVenue venue) {
        bars[instrumentId].onBar(startNanos, open, high, low, close, volume);
        final int decision = strategy.decide(bars[instrumentId].row());
        if (decision != DecisionStrategy.HOLD) {
            act(decision, instrumentId, close, startNanos, entry);
            if (rules.fillAtClose()) {
                venue.fillMarketOrdersAt(book.index(), instrumentId, close, startNanos);
                // a fill marks the book at its slipped price; the bar's equity values positions at the close
                book.mark(instrumentId, close);
            }
        }
    }

    /**
     * A trade at {@code timeNanos} is about to be processed: if it starts a new bar, the bar built so far is
     * closed and decided on first, so that its orders fill at this trade.
     */
    public void closeBarBefore(final int instrumentId, final long timeNanos, final OrderEntry entry,
                               final SimulatedVenue venue) {
        final BarAccumulator bar = building[instrumentId];
        if (bar.wouldClose(timeNanos)) {
            closeBuiltBar(instrumentId, entry, venue);
        }
    }

    /** Adds a trade to the bar being built. */
    public void addTrade(final int instrumentId, final long timeNanos, final long price, final long quantity) {
        building[instrumentId].addTrade(timeNanos, price, quantity);
    }

    /** Closes every bar still being built (end of data). */
    public void closeAllBuiltBars(final OrderEntry entry, final SimulatedVenue venue) {
        for (final int id : traded) {
            if (building[id].hasBar()) {
                closeBuiltBar(id, entry, venue);
            }
        }
    }

    private void closeBuiltBar(final int instrumentId, final OrderEntry entry, final SimulatedVenue venue) {
        final BarAccumulator bar = building[instrumentId];
        final long start = bar.startNanos();
        final long open = bar.open();
        final long high = bar.high();
        final long low = bar.low();
        final long close = bar.close();
        final long volume = bar.volume();
        bar.reset();
        onClosedBar(instrumentId, start, open, high, low, close, volume, entry, venue);
    }

    private void act(final int decision, final int instrumentId, final long close, final long timeNanos,
                     final OrderEntry entry) {
        final long held = book.position(instrumentId);
        final long lot = instruments.get(instrumentId).lotSize();
        final Order order = entry.template();
        order.bookIndex = book.index();
        order.instrumentId = instrumentId;
        order.type = OrderType.MARKET;
        if (decision == DecisionStrategy.BUY) {
            if (held > 0) {
                return;
            }
            order.side = 1;
            if (held < 0) {
                order.quantity = -held;
            } else if (traded.length == 1) {
                order.sizeToCash = true;
                order.quantity = estimatedEntryQuantity(book.cash(), close, lot);
            } else {
                order.quantity = estimatedEntryQuantity(equalShare(), close, lot);
            }
        } else if (decision == DecisionStrategy.SELL) {
            if (held < 0 || (held == 0 && !rules.allowShort())) {
                return;
            }
            order.side = -1;
            order.quantity = held > 0 ? held
                : estimatedEntryQuantity(traded.length == 1 ? book.equity() : equalShare(), close, lot);
        } else {
            throw new IllegalStateException("strategy " + spec.name() + " returned " + decision
                + " (expected 1 buy, -1 sell or 0 hold)");
        }
        entry.place(order, close, timeNanos);
    }

    /**
     * An external signal for this book: buy (+1) or sell (−1) the signal's size (a quantity, or money converted at
     * {@code lastPrice}), rounded down to the lot, or close (0) the whole position. With a price it is a limit order
     * at that price, otherwise a market order. Risk checks apply as for decisions.
     */
    public void onSignal(final EngineEvent signal, final long lastPrice, final OrderEntry entry) {
        final int instrumentId = signal.instrumentId;
        final long held = book.position(instrumentId);
        final long lot = instruments.get(instrumentId).lotSize();
        final Order order = entry.template();
        order.bookIndex = book.index();
        order.instrumentId = instrumentId;
        order.type = signal.signalPrice > 0 ? OrderType.LIMIT : OrderType.MARKET;
        order.price = signal.signalPrice;
        if (signal.signalAction == 0) {
            if (held == 0) {
                return;
            }
            order.side = held > 0 ? -1 : 1;
            order.quantity = Math.abs(held);
        } else {
            order.side = signal.signalAction > 0 ? 1 : -1;
            final long quantity = signal.signalSizeKind == SignalSizeKind.NOTIONAL
                ? (lastPrice <= 0 ? 0 : FixedPoint.divideFloor(signal.signalSize, lastPrice))
                : signal.signalSize;
            order.quantity = FixedPoint.roundDownToStep(quantity, lot);
        }
        entry.place(order, signal.signalPrice > 0 ? signal.signalPrice : lastPrice, signal.eventTimeNanos);
    }

    private long equalShare() {
        return book.equity() / traded.length;
    }

    /** Quantity affordable with {@code money} at {@code price} after slippage and commission, in whole lots. */
    private long estimatedEntryQuantity(final long money, final long price, final long lot) {
        final long slipped = FixedPoint.mulDiv(price, 10_000L + rules.slippageBps(), 10_000L, RoundingMode.CEILING);
        final long costPerUnit = FixedPoint.mulDiv(slipped, 10_000L + rules.commissionBps(), 10_000L,
            RoundingMode.CEILING);
        if (money <= 0 || costPerUnit <= 0) {
            return 0;
        }
        return FixedPoint.roundDownToStep(FixedPoint.mulDiv(money, FixedPoint.SCALE, costPerUnit, RoundingMode.FLOOR),
            lot);
    }

    /** Writes the bar being built and the bar history of every traded instrument, for a snapshot. */
    public void writeState(final StateWriter out) {
        out.section("decisions " + spec.name());
        for (final int id : traded) {
            final BarAccumulator bar = building[id];
            out.writeBoolean(bar.hasBar()).writeLong(bar.startNanos()).writeLong(bar.open()).writeLong(bar.high())
                .writeLong(bar.low()).writeLong(bar.close()).writeLong(bar.volume());
            bars[id].writeState(out);
        }
    }

    /** Restores what {@link #writeState} wrote into a freshly built book. */
    public void readState(final StateReader in) {
        in.section("decisions " + spec.name());
        for (final int id : traded) {
            building[id].restore(in.readBoolean(), in.readLong(), in.readLong(), in.readLong(), in.readLong(),
                in.readLong(), in.readLong());
            bars[id].readState(in);
        }
    }

    /** This book's account. */
    public Book book() {
        return book;
    }

    /** What this book was built from. */
    public BookSpec spec() {
        return spec;
    }
}
