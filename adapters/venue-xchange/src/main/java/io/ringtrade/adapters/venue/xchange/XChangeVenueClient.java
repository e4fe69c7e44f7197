package io.ringtrade.adapters.venue.xchange;

import io.ringtrade.adapters.venue.MarketClock;
import io.ringtrade.adapters.venue.OrderRef;
import io.ringtrade.adapters.venue.Quote;
import io.ringtrade.adapters.venue.VenueClient;
import io.ringtrade.adapters.venue.VenueException;
import io.ringtrade.adapters.venue.VenueInstrument;
import io.ringtrade.adapters.venue.VenueOrderHistory;
import io.ringtrade.engine.api.event.OrderEffect;
import io.ringtrade.engine.api.event.OrderType;
import io.ringtrade.engine.api.event.VenueReason;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.reconcile.VenueFill;
import io.ringtrade.engine.reconcile.VenueOrder;
import io.ringtrade.engine.reconcile.VenueOrderStatus;
import org.knowm.xchange.Exchange;
import org.knowm.xchange.currency.Currency;
import org.knowm.xchange.currency.CurrencyPair;
import org.knowm.xchange.dto.Order;
import org.knowm.xchange.dto.account.Balance;
import org.knowm.xchange.dto.account.Wallet;
import org.knowm.xchange.dto.marketdata.OrderBook;
import org.knowm.xchange.dto.meta.ExchangeMetaData;
import org.knowm.xchange.dto.marketdata.Ticker;
import org.knowm.xchange.dto.meta.InstrumentMetaData;
import org.knowm.xchange.dto.trade.LimitOrder;
import org.knowm.xchange.dto.trade.StopOrder;
import org.knowm.xchange.dto.trade.MarketOrder;
import org.knowm.xchange.dto.trade.UserTrade;
import org.knowm.xchange.exceptions.ExchangeException;
import org.knowm.xchange.exceptions.ExchangeSecurityException;
import org.knowm.xchange.exceptions.FundsExceededException;
import org.knowm.xchange.exceptions.NotAvailableFromExchangeException;
import org.knowm.xchange.exceptions.NotYetImplementedForExchangeException;
import org.knowm.xchange.instrument.Instrument;
import org.knowm.xchange.service.trade.params.DefaultTradeHistoryParamCurrencyPair;
import org.knowm.xchange.service.trade.params.orders.DefaultOpenOrdersParamCurrencyPair;
import org.knowm.xchange.service.trade.params.orders.DefaultQueryOrderParamCurrencyPair;
import si.mazi.rescu.HttpStatusIOException;

import java.io.IOException;
import java.lang.reflect.UndeclaredThrowableException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link VenueClient} over any XChange {@link Exchange}: orders through its trade service (the client order id as
 * XChange's {@code userReference}, which exchanges such as Binance keep as their client order id), order state from
 * its open orders and the account's trade history, balances from its account service, symbols and steps from its
 * metadata, quotes from its ticker. XChange's exceptions are sorted into {@link VenueException} kinds: security
 * exceptions and HTTP 401/403 are refused credentials, I/O, 429 and 5xx are transient, funds and other exchange
 * refusals end the request.
 *
 * <p>Market orders: on XChange's simulated exchange a market order the book cannot fill completely fills in part and
 * then throws, losing the order's id, so there this client sends a market order as an immediate-or-cancel limit at the
 * best price plus {@code marketProtectionBps} and cancels what rests; a notional buy is converted to a quantity at the
 * best ask including the fee. On other exchanges market orders are XChange market orders.
 *
 * <p>Adapter thread (or start-up thread, or a command); the exchange object is not shared with other threads except
 * the simulated exchange's matching engine, which synchronizes itself.
 */
public final class XChangeVenueClient implements VenueClient {
    private static final BigDecimal BPS = BigDecimal.valueOf(10_000);

    private final Exchange exchange;
    private final String name;
    private final boolean emulateMarketOrders;
    private final long marketProtectionBps;
    private final long feeBps;
    private final VenueOrderHistory history;
    private final Map<String, long[]> submitted = new HashMap<>();
    /**
     * A replacement's venue id to the id of the order it replaced (cancel-then-place): one chain per intent, as this
     * process made it; {@link #history} has what earlier processes made.
     */
    private final Map<String, String> replaced = new HashMap<>();

    /**
     * A client of {@code exchange}.
     *
     * @param emulateMarketOrders send market orders as immediate-or-cancel limits (the simulated exchange)
     * @param feeBps              the exchange's taker fee, for converting a notional buy to a quantity
     * @param history             what the adapter's ledger recorded: the client order id of a venue order id (how an
     *                            order is recognized on an exchange that does not keep client order ids), and which
     *                            order a replacement replaced (the chain of a replace made before a restart)
     */
    public XChangeVenueClient(final Exchange exchange, final String name, final boolean emulateMarketOrders,
                              final long marketProtectionBps, final long feeBps, final VenueOrderHistory history) {
        this.exchange = exchange;
        this.name = name;
        this.emulateMarketOrders = emulateMarketOrders;
        this.marketProtectionBps = marketProtectionBps;
        this.feeBps = feeBps;
        this.history = history;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String submit(final OrderEffect order, final String symbol, final String clientOrderId)
        throws VenueException {
        final CurrencyPair pair = pair(symbol);
        final Order.OrderType side = order.side > 0 ? Order.OrderType.BID : Order.OrderType.ASK;
        try {
            if (order.orderType == OrderType.LIMIT) {
                return placeLimit(side, pair, order.quantity, order.price, clientOrderId);
            }
            if (order.orderType == OrderType.STOP) {
                return placeStop(side, pair, order.quantity, order.price, clientOrderId);
            }
            if (order.orderType != OrderType.MARKET) {
                throw VenueException.unsupported(name + " takes no order of type " + order.orderType);
            }
            if (!emulateMarketOrders && order.notional == 0) {
                return exchange.getTradeService().placeMarketOrder(new MarketOrder.Builder(side, pair)
                    .originalAmount(Decimals.decimal(order.quantity)).userReference(clientOrderId).build());
            }
            final BigDecimal best = best(pair, side == Order.OrderType.BID ? Order.OrderType.ASK : Order.OrderType.BID);
            if (best == null || best.signum() <= 0) {
                throw VenueException.refused(VenueReason.OTHER, "no " + (side == Order.OrderType.BID ? "ask" : "bid")
                    + " in " + symbol + ": nothing to trade against");
            }
            final long bestPrice = Decimals.fixed(best);
            // within the protection, on the pair's price step (the exchange refuses finer prices)
            final long tick = Math.max(1, priceStep(pair));
            final long limit = side == Order.OrderType.BID
                ? FixedPoint.mulDiv(bestPrice, 10_000 + marketProtectionBps, 10_000, RoundingMode.FLOOR) / tick * tick
                : -Math.floorDiv(-FixedPoint.mulDiv(bestPrice, 10_000 - marketProtectionBps, 10_000,
                    RoundingMode.CEILING), tick) * tick;
            long quantity = order.quantity;
            if (order.notional > 0) {
                // the fee is charged on top: quantity × limit × (1 + fee) must fit the notional
                final long unit = FixedPoint.mulDiv(limit, 10_000 + feeBps, 10_000, RoundingMode.CEILING);
                quantity = FixedPoint.roundDownToStep(FixedPoint.divideFloor(order.notional, unit), 10_000L);
                if (quantity <= 0) {
                    throw VenueException.refused(VenueReason.BAD_QUANTITY, "notional "
                        + FixedPoint.toString(order.notional) + " buys nothing at " + FixedPoint.toString(limit));
                }
            }
            final String id = placeLimit(side, pair, quantity, limit, clientOrderId);
            submitted.put(id, new long[] {quantity});
            if (emulateMarketOrders) {
                cancelRest(id, pair);
            }
            return id;
        } catch (final IOException | RuntimeException e) {
            throw sorted(e);
        }
    }

    /**
     * The best price on one side of the book, from the order book (XChange's simulated exchange leaves emptied price
     * levels in its book, so its ticker can name a price nobody quotes any more); null when that side is empty.
     */
    @SuppressWarnings("deprecation") // getOrderBook(CurrencyPair): the form the simulated exchange implements
    private BigDecimal best(final CurrencyPair pair, final Order.OrderType side) throws IOException {
        final OrderBook book = exchange.getMarketDataService().getOrderBook(pair);
        final List<LimitOrder> levels = side == Order.OrderType.ASK ? book.getAsks() : book.getBids();
        return levels.isEmpty() ? null : levels.getFirst().getLimitPrice();
    }

    private String placeLimit(final Order.OrderType side, final CurrencyPair pair, final long quantity,
                              final long price, final String clientOrderId) throws IOException {
        return exchange.getTradeService().placeLimitOrder(new LimitOrder.Builder(side, pair)
            .originalAmount(Decimals.decimal(quantity)).limitPrice(Decimals.decimal(price))
            .userReference(clientOrderId).build());
    }

    /** Immediate or cancel: what did not fill at once is taken off the book. */
    private void cancelRest(final String id, final CurrencyPair pair) throws IOException {
        for (final LimitOrder open : exchange.getTradeService()
            .getOpenOrders(new DefaultOpenOrdersParamCurrencyPair(pair)).getOpenOrders()) {
            if (open.getId().equals(id)) {
                exchange.getTradeService().cancelOrder(id);
                return;
            }
        }
    }

    @Override
    public void cancel(final String venueOrderId, final String clientOrderId, final String symbol)
        throws VenueException {
        try {
            if (!exchange.getTradeService().cancelOrder(venueOrderId)) {
                throw VenueException.refused(VenueReason.UNKNOWN_ORDER, "cancel of " + venueOrderId + " refused");
            }
        } catch (final IOException | RuntimeException e) {
            throw sorted(e);
        }
    }

    /** A stop (market when triggered) through XChange's {@code placeStopOrder}, where the exchange implements it. */
    private String placeStop(final Order.OrderType side, final CurrencyPair pair, final long quantity,
                             final long stopPrice, final String clientOrderId) throws VenueException {
        try {
            return exchange.getTradeService().placeStopOrder(new StopOrder.Builder(side, pair)
                .originalAmount(Decimals.decimal(quantity)).stopPrice(Decimals.decimal(stopPrice))
                .userReference(clientOrderId).build());
        } catch (final UnsupportedOperationException e) {
            // XChange's NotAvailableFromExchange and NotYetImplementedForExchange exceptions are among these
            throw VenueException.refused(VenueReason.OTHER, name + " takes no stop orders through XChange ("
                + e.getClass().getSimpleName() + "): not sent");
        } catch (final IOException | RuntimeException e) {
            throw sorted(e);
        }
    }

    /**
     * XChange's generic API has no replace: cancel, then place the rest of the new quantity at the new price under a
     * new client order id ({@code <client order id>-<replaced venue id>}, so the venue never sees one twice). The
     * cancel comes first, so one intent never has two live orders; when the venue refuses the cancel (the order
     * filled or ended) the replace is refused with that reason and nothing is placed. A placement refused after the
     * cancel leaves the order cancelled: the replace is refused, and polling reports the cancel. The replacement's
     * record includes what the replaced orders filled, also after a restart (the ledger keeps the chain:
     * {@link #history}).
     */
    @Override
    public String replace(final String venueOrderId, final String clientOrderId, final String symbol,
                          final long quantity, final long price) throws VenueException {
        final CurrencyPair pair = pair(symbol);
        try {
            LimitOrder working = null;
            for (final LimitOrder order : exchange.getTradeService()
                .getOpenOrders(new DefaultOpenOrdersParamCurrencyPair(pair)).getOpenOrders()) {
                if (order.getId().equals(venueOrderId)) {
                    working = order;
                }
            }
            if (working == null) {
                throw VenueException.refused(VenueReason.TOO_LATE, "order " + venueOrderId + " is no longer open at "
                    + name + ": not replaced");
            }
            if (price <= 0) {
                throw VenueException.refused(VenueReason.OTHER, name + " replaces limit orders only");
            }
            if (!exchange.getTradeService().cancelOrder(venueOrderId)) {
                throw VenueException.refused(VenueReason.TOO_LATE, "cancel of " + venueOrderId + " refused by " + name
                    + ": not replaced");
            }
            // what the chain filled up to the cancel counts against the new quantity
            final long filled = chainTraded(venueOrderId, trades(pair))[0];
            final long rest = quantity - filled;
            if (rest <= 0) {
                throw VenueException.refused(VenueReason.TOO_LATE, "order " + venueOrderId + " filled "
                    + FixedPoint.toString(filled) + " before the cancel: cancelled, nothing left to replace");
            }
            final String id;
            try {
                id = placeLimit(working.getType(), pair, rest, price, clientOrderId + "-" + venueOrderId);
            } catch (final IOException | RuntimeException e) {
                final VenueException why = sorted(e);
                throw VenueException.refused(why.kind() == VenueException.Kind.REFUSED ? why.reason() : VenueReason.OTHER,
                    "order " + venueOrderId + " was cancelled but its replacement was not placed: " + why.getMessage());
            }
            replaced.put(id, venueOrderId);
            submitted.put(id, new long[] {rest});
            return id;
        } catch (final IOException | RuntimeException e) {
            throw sorted(e);
        }
    }

    /** The venue ids of an order's chain of replacements, oldest first, ending with {@code venueId}. */
    private List<String> chain(final String venueId) {
        final List<String> ids = new ArrayList<>();
        for (String id = venueId; id != null; id = predecessor(id)) {
            ids.addFirst(id);
        }
        return ids;
    }

    /** The venue id of the order {@code venueId} replaced, or null: made by this process, or recorded before it. */
    private String predecessor(final String venueId) {
        final String made = replaced.get(venueId);
        return made != null ? made : history.replaced(venueId);
    }

    /** What the orders of a chain traded: {quantity, notional} fixed-point. */
    private long[] chainTraded(final String venueId, final List<UserTrade> trades) {
        final List<String> ids = chain(venueId);
        long filled = 0;
        BigDecimal notional = BigDecimal.ZERO;
        for (final UserTrade trade : trades) {
            if (ids.contains(trade.getOrderId())) {
                filled += Decimals.fixed(trade.getOriginalAmount());
                notional = notional.add(trade.getOriginalAmount().multiply(trade.getPrice()));
            }
        }
        return new long[] {filled, Decimals.fixed(notional)};
    }

    @Override
    public VenueOrder query(final OrderRef ref) throws VenueException {
        final CurrencyPair pair = pair(ref.symbol());
        try {
            final List<LimitOrder> open = exchange.getTradeService()
                .getOpenOrders(new DefaultOpenOrdersParamCurrencyPair(pair)).getOpenOrders();
            final List<UserTrade> trades = trades(pair);
            String venueId = ref.venueOrderId();
            if (venueId == null) {
                venueId = findByClientId(ref, open, trades);
                if (venueId == null) {
                    return null;
                }
            }
            final String predecessor = predecessor(venueId);
            final long[] carried = predecessor == null ? new long[2] : chainTraded(predecessor, trades);
            for (final LimitOrder order : open) {
                if (order.getId().equals(venueId)) {
                    final long own = Decimals.fixed(order.getCumulativeAmount());
                    final long filled = carried[0] + own;
                    final long average = filled == 0 ? 0 : Decimals.fixed(Decimals.decimal(carried[1])
                        .add(order.getCumulativeAmount().multiply(order.getAveragePrice() == null ? BigDecimal.ZERO
                            : order.getAveragePrice()))
                        .divide(Decimals.decimal(filled), FixedPoint.SCALE_DIGITS, RoundingMode.HALF_UP));
                    return new VenueOrder(ref.clientOrderId(), venueId, ref.instrumentId(), ref.side(),
                        carried[0] + Decimals.fixed(order.getOriginalAmount()), filled, average, VenueOrderStatus.OPEN);
                }
            }
            final long[] traded = chainTraded(venueId, trades);
            final long filled = traded[0];
            final BigDecimal notional = Decimals.decimal(traded[1]);
            final long[] sent = submitted.get(venueId);
            final long ordered = sent != null ? carried[0] + sent[0] : ref.quantity();
            final boolean complete = filled > 0 && (ordered == 0 ? ref.notional() > 0 : filled >= ordered);
            final long average = filled == 0 ? 0 : Decimals.fixed(notional.divide(Decimals.decimal(filled),
                FixedPoint.SCALE_DIGITS, RoundingMode.HALF_UP));
            return new VenueOrder(ref.clientOrderId(), venueId, ref.instrumentId(), ref.side(), ordered, filled,
                average, complete ? VenueOrderStatus.FILLED : VenueOrderStatus.CANCELLED);
        } catch (final IOException | RuntimeException e) {
            throw sorted(e);
        }
    }

    /**
     * An order whose venue id the adapter never learned (a crash between the submit and its answer): by its
     * {@code userReference} where the exchange keeps it, else the one order of the same side and size that no ledger
     * entry claims (null when there is none, or more than one).
     */
    private String findByClientId(final OrderRef ref, final List<LimitOrder> open, final List<UserTrade> trades) {
        final String clientId = Long.toString(ref.clientOrderId());
        for (final LimitOrder order : open) {
            if (clientId.equals(order.getUserReference())) {
                return order.getId();
            }
        }
        final Order.OrderType side = ref.side() > 0 ? Order.OrderType.BID : Order.OrderType.ASK;
        final Map<String, Long> unclaimed = new LinkedHashMap<>();
        for (final LimitOrder order : open) {
            if (order.getType() == side && history.clientId(order.getId()) == 0) {
                unclaimed.put(order.getId(), Decimals.fixed(order.getOriginalAmount()));
            }
        }
        final Map<String, Long> tradedAmounts = new LinkedHashMap<>();
        for (final UserTrade trade : trades) {
            if (trade.getType() == side && history.clientId(trade.getOrderId()) == 0
                && !unclaimed.containsKey(trade.getOrderId())) {
                tradedAmounts.merge(trade.getOrderId(), Decimals.fixed(trade.getOriginalAmount()), Long::sum);
            }
        }
        unclaimed.putAll(tradedAmounts);
        final List<String> matches = new ArrayList<>();
        for (final Map.Entry<String, Long> candidate : unclaimed.entrySet()) {
            if (ref.quantity() == 0 || candidate.getValue() == ref.quantity()) {
                matches.add(candidate.getKey());
            }
        }
        return matches.size() == 1 ? matches.getFirst() : null;
    }

    private List<UserTrade> trades(final CurrencyPair pair) throws IOException {
        final List<UserTrade> trades = new ArrayList<>(exchange.getTradeService()
            .getTradeHistory(new DefaultTradeHistoryParamCurrencyPair(pair)).getUserTrades());
        trades.sort(Comparator.comparing(UserTrade::getTimestamp));
        return trades;
    }

    @Override
    public List<VenueFill> fills(final String venueOrderId, final String symbol) throws VenueException {
        final CurrencyPair pair = pair(symbol);
        try {
            final List<VenueFill> fills = new ArrayList<>();
            final List<String> ids = chain(venueOrderId);
            for (final UserTrade trade : trades(pair)) {
                if (ids.contains(trade.getOrderId())) {
                    fills.add(new VenueFill(trade.getId(), Decimals.fixed(trade.getOriginalAmount()),
                        Decimals.fixed(trade.getPrice()), quoteFee(trade, pair),
                        trade.getTimestamp() == null ? 0 : trade.getTimestamp().getTime() * 1_000_000L));
                }
            }
            return fills;
        } catch (final IOException | RuntimeException e) {
            throw sorted(e);
        }
    }

    /** A trade's fee in the pair's quote currency (exchanges charge buys in the base currency). */
    private static long quoteFee(final UserTrade trade, final CurrencyPair pair) {
        final BigDecimal fee = trade.getFeeAmount();
        if (fee == null) {
            return 0;
        }
        return pair.getBase().equals(trade.getFeeCurrency()) ? Decimals.fixed(fee.multiply(trade.getPrice()))
            : Decimals.fixed(fee);
    }

    @Override
    public List<VenueOrder> openOrders(final List<String> symbols) throws VenueException {
        final List<VenueOrder> orders = new ArrayList<>();
        try {
            for (int id = 0; id < symbols.size(); id++) {
                if (symbols.get(id) == null) {
                    continue;
                }
                for (final LimitOrder order : exchange.getTradeService()
                    .getOpenOrders(new DefaultOpenOrdersParamCurrencyPair(pair(symbols.get(id)))).getOpenOrders()) {
                    orders.add(new VenueOrder(clientId(order.getUserReference()), order.getId(), id,
                        order.getType() == Order.OrderType.BID ? 1 : -1, Decimals.fixed(order.getOriginalAmount()),
                        Decimals.fixed(order.getCumulativeAmount()), Decimals.fixed(order.getAveragePrice()),
                        VenueOrderStatus.OPEN));
                }
            }
            return orders;
        } catch (final IOException | RuntimeException e) {
            throw sorted(e);
        }
    }

    private static long clientId(final String userReference) {
        if (userReference == null || userReference.isEmpty() || !userReference.chars().allMatch(Character::isDigit)
            || userReference.length() > 18) {
            return 0;
        }
        return Long.parseLong(userReference);
    }

    @Override
    public Map<String, Long> balances() throws VenueException {
        try {
            final Map<String, Long> balances = new LinkedHashMap<>();
            for (final Wallet wallet : exchange.getAccountService().getAccountInfo().getWallets().values()) {
                for (final Map.Entry<Currency, Balance> balance : wallet.getBalances().entrySet()) {
                    balances.merge(balance.getKey().getCurrencyCode(), Decimals.fixed(balance.getValue().getTotal()),
                        Long::sum);
                }
            }
            return balances;
        } catch (final IOException | RuntimeException e) {
            throw sorted(e);
        }
    }

    @Override
    public Map<String, Long> holdings(final List<String> symbols) throws VenueException {
        final Map<String, Long> balances = balances();
        final Map<String, Long> holdings = new LinkedHashMap<>();
        for (final String symbol : symbols) {
            if (symbol != null) {
                holdings.put(symbol, balances.getOrDefault(pair(symbol).getBase().getCurrencyCode(), 0L));
            }
        }
        return holdings;
    }

    @Override
    public long serverTimeMillis() {
        // XChange has no generic server-time call
        return -1;
    }

    @Override
    public MarketClock marketClock() {
        return MarketClock.ALWAYS_OPEN;
    }

    @Override
    public List<VenueInstrument> instruments() throws VenueException {
        try {
            final List<VenueInstrument> listed = new ArrayList<>();
            for (final Map.Entry<Instrument, InstrumentMetaData> entry
                : exchange.getExchangeMetaData().getInstruments().entrySet()) {
                if (!(entry.getKey() instanceof CurrencyPair pair)) {
                    continue;
                }
                final InstrumentMetaData meta = entry.getValue();
                listed.add(new VenueInstrument(pair.toString(), pair.getCounter().getCurrencyCode(),
                    step(meta == null ? null : meta.getPriceStepSize(), meta == null ? null : meta.getPriceScale()),
                    step(meta == null ? null : meta.getAmountStepSize(), meta == null ? null : meta.getVolumeScale())));
            }
            listed.sort(Comparator.comparing(VenueInstrument::symbol));
            return listed;
        } catch (final RuntimeException e) {
            throw sorted(e);
        }
    }

    /** The pair's price step from the exchange's metadata, 0 when it does not say. */
    private long priceStep(final CurrencyPair pair) {
        final InstrumentMetaData meta = exchange.getExchangeMetaData() == null ? null
            : exchange.getExchangeMetaData().getInstruments().get(pair);
        return meta == null ? 0 : step(meta.getPriceStepSize(), meta.getPriceScale());
    }

    /** A step from the metadata's step size, else from its scale (10^-scale), else 0 (not said). */
    private static long step(final BigDecimal size, final Integer scale) {
        if (size != null && size.signum() > 0) {
            return Decimals.fixed(size);
        }
        if (scale != null && scale >= 0 && scale <= FixedPoint.SCALE_DIGITS) {
            return Decimals.fixed(BigDecimal.ONE.movePointLeft(scale));
        }
        return 0;
    }

    @Override
    @SuppressWarnings("deprecation") // getTicker(CurrencyPair): the form the simulated exchange implements
    public Quote quote(final String symbol) throws VenueException {
        try {
            final Ticker ticker = exchange.getMarketDataService().getTicker(pair(symbol));
            return new Quote(ticker.getTimestamp() == null ? 0 : ticker.getTimestamp().getTime(),
                Decimals.fixed(ticker.getBid()), Decimals.fixed(ticker.getBidSize()), Decimals.fixed(ticker.getAsk()),
                Decimals.fixed(ticker.getAskSize()), Decimals.fixed(ticker.getLast()), 0);
        } catch (final IOException | RuntimeException e) {
            throw sorted(e);
        }
    }

    @Override
    public long minPollMillis() {
        final ExchangeMetaData meta = exchange.getExchangeMetaData();
        final Long delay = meta == null ? null : ExchangeMetaData.getPollDelayMillis(meta.getPublicRateLimits());
        return delay == null ? 0 : delay;
    }

    @Override
    public String account() throws VenueException {
        final String key = exchange.getExchangeSpecification().getApiKey();
        return name + " account " + (key == null || key.length() < 4 ? "(no key)" : "key …" + key.substring(key.length() - 4));
    }

    private static CurrencyPair pair(final String symbol) {
        return new CurrencyPair(symbol);
    }

    /** XChange's exceptions, sorted by what the adapter does about them. */
    static VenueException sorted(final Exception e) {
        if (e instanceof VenueException venue) {
            return venue;
        }
        if (e instanceof UndeclaredThrowableException undeclared && undeclared.getUndeclaredThrowable() instanceof Exception
            cause) {
            // rescu's proxies wrap an HTTP failure an API interface does not declare (Kraken's public calls)
            return sorted(cause);
        }
        final String message = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (e instanceof ExchangeSecurityException) {
            return VenueException.authentication(message);
        }
        if (e instanceof HttpStatusIOException http) {
            final int status = http.getHttpStatusCode();
            if (status == 401 || status == 403) {
                return VenueException.authentication(message);
            }
            if (status == 429 || status >= 500) {
                return VenueException.transientFailure(message, e);
            }
            return VenueException.refused(VenueReason.OTHER, message);
        }
        if (e instanceof IOException) {
            return VenueException.transientFailure(message, e);
        }
        if (e instanceof FundsExceededException) {
            return VenueException.refused(VenueReason.INSUFFICIENT_FUNDS, message);
        }
        if (e instanceof NotAvailableFromExchangeException || e instanceof NotYetImplementedForExchangeException) {
            return VenueException.unsupported(message);
        }
        if (e instanceof ExchangeException) {
            return VenueException.refused(VenueReason.OTHER, message);
        }
        return VenueException.transientFailure(message, e);
    }

    @Override
    public void close() {
        // XChange exchanges hold no connection to close (REST over rescu)
    }
}
