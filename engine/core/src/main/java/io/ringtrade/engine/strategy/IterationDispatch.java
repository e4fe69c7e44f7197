package io.ringtrade.engine.strategy;

import io.ringtrade.engine.api.event.OrderType;
import io.ringtrade.engine.api.market.Instrument;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.IterationContext;
import io.ringtrade.engine.api.strategy.IterationStrategy;
import io.ringtrade.engine.api.strategy.Row;
import io.ringtrade.engine.book.Book;
import io.ringtrade.engine.indicator.InstrumentBars;
import io.ringtrade.engine.indicator.PositionView;
import io.ringtrade.engine.market.MarketState;
import io.ringtrade.engine.order.OrderManager;
import io.ringtrade.engine.order.OrderReason;
import io.ringtrade.engine.order.OrderRequest;
import io.ringtrade.engine.order.Reservations;
import io.ringtrade.engine.risk.CostEstimate;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The strategy stage of one iteration-strategy book: keeps its instruments' bars, runs
 * {@link IterationStrategy#onIteration} on the strategy's schedule once every instrument has closed the bar of that
 * time (or a later bar shows one never will, or the run ends), and is its {@link IterationContext}.
 *
 * <p>{@code rebalance} runs in two phases: the sells are decided at once (market orders, filled at the next open);
 * the buys wait until the venue has confirmed every sell of the book (no sell of it is open), then are sized from the
 * targets against the equity and cash the book has then, at the latest prices, and go through the
 * {@link RebalanceCashClamp} together (scaled down in proportion when the cash is short; one below the minimum notional
 * is refused with {@code CASH_CLAMP}). The pending targets are part of the snapshot. Business-logic thread, at bar
 * closes (allocates only in {@code rebalance}, which takes a map).
 */
public final class IterationDispatch implements IterationContext {
    private static final long NONE = Long.MIN_VALUE;
    private static final double WEIGHT_TOLERANCE = 1e-9;

    private final String bookName;
    private final Book book;
    private final IterationStrategy strategy;
    private final OrderManager orders;
    private final MarketState market;
    private final InstrumentRegistry instruments;
    private final CostEstimate costs;
    private final int[] traded;
    private final List<String> symbols;
    private final String currency;
    private long minNotional;
    private final Interval period;
    private final InstrumentBars[] bars;
    private final ManagedPositions positions;
    private final OrderRequest request = new OrderRequest();
    private final long[] lastClosed;
    private final long[] targets;
    private final long[] notionals;
    private final boolean[] dropped;
    private final boolean[] wanted;
    private long pendingStart = NONE;
    private long pendingEnd;
    private long lastPeriod = NONE;
    private boolean buysPending;
    private long drift;
    private long now;

    /**
     * The stage for iteration strategy {@code strategy} of {@code book} trading {@code traded}, whose positions
     * {@code managed} protects (null: none).
     */
    public IterationDispatch(final String bookName, final Book book, final IterationStrategy strategy,
                             final OrderManager orders, final MarketState market, final InstrumentRegistry instruments,
                             final CostEstimate costs, final int[] traded, final long minNotional,
                             final PositionView positions, final ManagedPositions managed) {
        this.bookName = bookName;
        this.book = book;
        this.strategy = strategy;
        this.orders = orders;
        this.market = market;
        this.instruments = instruments;
        this.costs = costs;
        this.traded = traded.clone();
        final List<String> names = new ArrayList<>();
        for (final int id : traded) {
            names.add(instruments.get(id).symbol());
        }
        this.symbols = List.copyOf(names);
        this.currency = instruments.get(traded[0]).currency();
        try {
            strategy.check(symbols, currency);
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException("book " + bookName + ": " + e.getMessage(), e);
        }
        this.minNotional = minNotional;
        this.positions = managed;
        this.period = strategy.schedule().period();
        this.bars = new InstrumentBars[instruments.size()];
        for (final int id : traded) {
            bars[id] = new InstrumentBars(instruments.get(id), positions, strategy.indicators());
        }
        this.lastClosed = new long[instruments.size()];
        Arrays.fill(lastClosed, NONE);
        this.targets = new long[traded.length];
        this.notionals = new long[traded.length];
        this.dropped = new boolean[traded.length];
        this.wanted = new boolean[traded.length];
    }

    // ---- the engine's side ---------------------------------------------------------------------------------------

    /** An operator changed the book's minimum notional (fixed-point): the rebalance cash clamp drops smaller buys. */
    public void setMinNotional(final long minNotional) {
        this.minNotional = minNotional;
    }

    /** A closed bar of {@code instrument}: an iteration runs once all instruments closed this time. */
    public void onClosedBar(final int instrument, final long start, final long end, final long open, final long high,
                            final long low, final long close, final long volume, final boolean mayTrade) {
        if (pendingStart != NONE && start != pendingStart) {
            // a later bar: the pending time will not complete (an instrument had no bar then)
            iterate(mayTrade);
        }
        bars[instrument].onBar(start, open, high, low, close, volume);
        lastClosed[instrument] = start;
        pendingStart = start;
        pendingEnd = end;
        for (final int id : traded) {
            if (lastClosed[id] != start) {
                return;
            }
        }
        iterate(mayTrade);
    }

    /** The end of the run: a pending time is iterated. */
    public void finish(final boolean mayTrade) {
        if (pendingStart != NONE) {
            iterate(mayTrade);
        }
    }

    /** After an input: the buys of a rebalance go once the venue confirmed its sells. */
    public void afterInput(final long timeNanos) {
        if (buysPending && !sellsOpen()) {
            now = timeNanos;
            placeBuys();
        }
    }

    private void iterate(final boolean mayTrade) {
        final long start = pendingStart;
        pendingStart = NONE;
        if (period != null) {
            final long bucket = period.bucketStart(start);
            if (bucket == lastPeriod) {
                return;
            }
            lastPeriod = bucket;
        }
        if (!mayTrade) {
            return;
        }
        now = pendingEnd;
        strategy.onIteration(this);
    }

    private boolean sellsOpen() {
        final Reservations reserved = orders.reservations();
        for (final int id : traded) {
            // the engine's protective orders are not the rebalance's sells: they stay open
            final long protective = positions == null ? 0 : positions.protectiveReserved(id, true);
            if (reserved.close(book.index(), id) + reserved.shortSell(book.index(), id) - protective != 0) {
                return true;
            }
        }
        return false;
    }

    /** Writes the schedule's place, the pending targets and the bars for a snapshot. */
    public void writeState(final StateWriter out) {
        out.section("iterations " + bookName).writeLong(pendingStart).writeLong(pendingEnd).writeLong(lastPeriod)
            .writeBoolean(buysPending).writeLong(drift).writeLongs(targets);
        for (final int id : traded) {
            out.writeLong(lastClosed[id]);
            bars[id].writeState(out);
        }
    }

    /** Restores what {@link #writeState} wrote. */
    public void readState(final StateReader in) {
        pendingStart = in.section("iterations " + bookName).readLong();
        pendingEnd = in.readLong();
        lastPeriod = in.readLong();
        buysPending = in.readBoolean();
        drift = in.readLong();
        in.readLongsInto(targets, "rebalance targets");
        for (final int id : traded) {
            lastClosed[id] = in.readLong();
            bars[id].readState(in);
        }
    }

    // ---- IterationContext -------------------------------------------------------------------------------------------

    @Override
    public long timeNanos() {
        return now;
    }

    @Override
    public List<String> symbols() {
        return symbols;
    }

    @Override
    public String currency() {
        return currency;
    }

    private int id(final String symbol) {
        final Instrument instrument = instruments.find(symbol);
        if (instrument == null || bars[instrument.id()] == null) {
            throw new IllegalArgumentException("book " + bookName + " does not trade " + symbol + " (it trades "
                + String.join(", ", symbols) + ")");
        }
        return instrument.id();
    }

    @Override
    public boolean buy(final String symbol, final double notional) {
        final int id = id(symbol);
        if (positions != null) {
            // a notional buy may cover a short: the protective buys give way
            positions.makeRoom(id, 1, 0, now);
        }
        final long available = Math.max(0, book.cash() - orders.reservations().cash(book.index()));
        final long money = notional == ALL ? available : Math.min(available, FixedPoint.fromDouble(notional));
        if (money <= 0) {
            return false;
        }
        market(id, 1);
        request.notional = money;
        return orders.decide(request) != 0;
    }

    @Override
    public boolean sell(final String symbol, final double notional) {
        final int id = id(symbol);
        final long price = market.last(id);
        final long lot = instruments.get(id).lotSize();
        if (positions != null) {
            positions.makeRoom(id, -1, notional == ALL || price <= 0 ? 0 : FixedPoint.roundDownToStep(FixedPoint.mulDiv(
                FixedPoint.fromDouble(notional), FixedPoint.SCALE, price, RoundingMode.FLOOR), lot), now);
        }
        // what the protective orders makeRoom cancelled hold is the sell's (it waits for those cancels on a live venue)
        final long held = orders.closable(book.index(), id, Math.max(0, book.position(id)));
        final long quantity = notional == ALL ? held
            : Math.min(held, price <= 0 ? 0 : FixedPoint.roundDownToStep(FixedPoint.mulDiv(
                FixedPoint.fromDouble(notional), FixedPoint.SCALE, price, RoundingMode.FLOOR), lot));
        if (quantity <= 0) {
            return false;
        }
        market(id, -1);
        request.quantity = quantity;
        return orders.decide(request) != 0;
    }

    private void market(final int id, final int side) {
        request.clear();
        request.bookIndex = book.index();
        request.instrumentId = id;
        request.side = side;
        request.type = OrderType.MARKET;
        request.referencePrice = market.last(id);
        request.timeNanos = now;
        request.origin = OrderReason.STRATEGY;
    }

    @Override
    public void rebalance(final Map<String, Double> weights) {
        rebalance(weights, 0);
    }

    @Override
    public void rebalance(final Map<String, Double> weights, final double driftThreshold) {
        checkWeights(bookName, weights, symbols, currency);
        if (!(driftThreshold >= 0 && driftThreshold < 1)) {
            throw new IllegalArgumentException("book " + bookName + ": drift threshold " + driftThreshold
                + " is not a fraction in [0, 1)");
        }
        drift = FixedPoint.fromDouble(driftThreshold);
        final long equity = book.equity();
        for (int i = 0; i < traded.length; i++) {
            final Double weight = weights.get(symbols.get(i));
            targets[i] = weight == null ? 0 : FixedPoint.fromDouble(weight);
        }
        // phase 1: sells, for whatever is above its target by more than the drift
        for (int i = 0; i < traded.length; i++) {
            final int id = traded[i];
            final long price = market.last(id);
            final long held = book.position(id);
            if (price <= 0 || held <= 0) {
                continue;
            }
            final long excess = FixedPoint.multiply(price, held) - FixedPoint.multiply(equity, targets[i]);
            if (excess <= 0 || excess < FixedPoint.multiply(equity, drift)) {
                continue;
            }
            final long quantity = targets[i] == 0 ? held : Math.min(held, FixedPoint.roundDownToStep(
                FixedPoint.mulDiv(excess, FixedPoint.SCALE, price, RoundingMode.FLOOR), instruments.get(id).lotSize()));
            if (quantity > 0) {
                if (positions != null) {
                    positions.makeRoom(id, -1, quantity, now);
                }
                market(id, -1);
                request.quantity = quantity;
                orders.decide(request);
            }
        }
        buysPending = true;
        afterInput(now);
    }

    /** Phase 2: the buys toward the targets, from the cash the book has now, clamped together. */
    private void placeBuys() {
        buysPending = false;
        final long equity = book.equity();
        int count = 0;
        for (int i = 0; i < traded.length; i++) {
            final int id = traded[i];
            final long price = market.last(id);
            notionals[i] = 0;
            if (price <= 0) {
                continue;
            }
            final long shortfall = FixedPoint.multiply(equity, targets[i]) - FixedPoint.multiply(price, book.position(id));
            if (shortfall > 0 && shortfall >= FixedPoint.multiply(equity, drift)) {
                notionals[i] = shortfall;
                count++;
            }
            wanted[i] = notionals[i] > 0;
        }
        if (count == 0) {
            return;
        }
        final long available = book.cash() - orders.reservations().cash(book.index());
        RebalanceCashClamp.clamp(notionals, traded.length, available, RebalanceCashClamp.BUFFER_BPS_DEFAULT,
            minNotional, dropped);
        for (int i = 0; i < traded.length; i++) {
            final int id = traded[i];
            if (!wanted[i]) {
                continue;
            }
            market(id, 1);
            if (dropped[i]) {
                request.quantity = instruments.get(id).lotSize();
                request.refusal = OrderReason.CASH_CLAMP;
            } else {
                request.quantity = CostEstimate.affordable(notionals[i],
                    costs.unitBuyCost(OrderType.MARKET, market.last(id)), instruments.get(id).lotSize());
            }
            orders.decide(request);
        }
    }

    /**
     * Checks target weights against the book: every key one of {@code symbols} or the cash {@code currency}, every
     * weight in [0, 1], the sum 1 within 1e-9.
     *
     * @throws IllegalArgumentException naming the problem
     */
    public static void checkWeights(final String owner, final Map<String, Double> weights, final List<String> symbols,
                                    final String currency) {
        double sum = 0;
        for (final Map.Entry<String, Double> entry : weights.entrySet()) {
            if (!symbols.contains(entry.getKey()) && !entry.getKey().equals(currency)) {
                throw new IllegalArgumentException(owner + ": weight for " + entry.getKey() + ", which is neither a "
                    + "symbol of the book (" + String.join(", ", symbols) + ") nor its cash (" + currency + ")");
            }
            final double weight = entry.getValue();
            if (!(weight >= 0 && weight <= 1)) {
                throw new IllegalArgumentException(owner + ": weight " + entry.getKey() + "=" + weight
                    + " is not between 0 and 1");
            }
            sum += weight;
        }
        if (Math.abs(sum - 1) > WEIGHT_TOLERANCE) {
            throw new IllegalArgumentException(owner + ": weights sum to " + sum + ", not 1");
        }
    }

    @Override
    public double latestPrice(final String symbol) {
        final long last = market.last(id(symbol));
        return last > 0 ? FixedPoint.toDouble(last) : Double.NaN;
    }

    @Override
    public double position(final String symbol) {
        return FixedPoint.toDouble(book.position(id(symbol)));
    }

    @Override
    public double cash() {
        return FixedPoint.toDouble(book.cash());
    }

    @Override
    public double equity() {
        return FixedPoint.toDouble(book.equity());
    }

    @Override
    public Row row(final String symbol) {
        return bars[id(symbol)].row();
    }
}
