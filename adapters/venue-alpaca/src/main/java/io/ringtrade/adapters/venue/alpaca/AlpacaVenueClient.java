package io.ringtrade.adapters.venue.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ringtrade.adapters.venue.MarketClock;
import io.ringtrade.adapters.venue.OrderRef;
import io.ringtrade.adapters.venue.Quote;
import io.ringtrade.adapters.venue.VenueClient;
import io.ringtrade.adapters.venue.VenueException;
import io.ringtrade.adapters.venue.VenueInstrument;
import io.ringtrade.engine.api.event.OrderEffect;
import io.ringtrade.engine.api.event.OrderType;
import io.ringtrade.engine.api.event.VenueReason;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.reconcile.VenueFill;
import io.ringtrade.engine.reconcile.VenueOrder;
import io.ringtrade.engine.reconcile.VenueOrderStatus;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link VenueClient} over Alpaca's documented REST API (trading API v2: account, clock, orders, positions, fill
 * activities, assets; market-data API v2: latest quotes and trades, bars) with Java's HTTP client and Jackson. Keys go
 * in the {@code APCA-API-KEY-ID} and {@code APCA-API-SECRET-KEY} headers; the paper or live account is the base URL
 * alone. HTTP 401 is a refused credential; 429, 5xx and I/O are transient; 403 and 422 refuse the request, their
 * message mapped to a reason (insufficient buying power, market closed); 404 on an order lookup means the venue does
 * not know it. Order updates come from polling here and from the trade-updates stream ({@link AlpacaTradeUpdates})
 * beside it. Adapter thread, start-up thread or a command.
 */
public final class AlpacaVenueClient implements VenueClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String baseUrl;
    private final String dataUrl;
    private final String keyId;
    private final String secret;
    private final Duration timeout;

    /** A client of the trading API at {@code baseUrl} and the market-data API at {@code dataUrl}. */
    public AlpacaVenueClient(final String baseUrl, final String dataUrl, final String keyId, final String secret,
                             final Duration timeout) {
        this.baseUrl = trim(baseUrl);
        this.dataUrl = trim(dataUrl);
        this.keyId = keyId;
        this.secret = secret;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    private static String trim(final String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String name() {
        return "alpaca";
    }

    // ---- HTTP ------------------------------------------------------------------------------------------------

    private JsonNode call(final String method, final String url, final JsonNode body, final boolean nullOn404)
        throws VenueException {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
            .header("APCA-API-KEY-ID", keyId).header("APCA-API-SECRET-KEY", secret).header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        final HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (final IOException e) {
            throw VenueException.transientFailure(method + " " + url + ": " + e, e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw VenueException.transientFailure(method + " " + url + ": interrupted", e);
        }
        final int status = response.statusCode();
        if (status >= 200 && status < 300) {
            try {
                return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
            } catch (final IOException e) {
                throw VenueException.transientFailure(method + " " + url + ": unreadable answer: " + e.getMessage(), e);
            }
        }
        final String message = message(response.body());
        if (status == 404 && nullOn404) {
            return null;
        }
        if (status == 401) {
            throw VenueException.authentication("HTTP 401 " + message);
        }
        if (status == 429 || status >= 500) {
            throw VenueException.transientFailure("HTTP " + status + " " + message, null);
        }
        throw VenueException.refused(reason(message), "HTTP " + status + " " + message);
    }

    private static String message(final String body) {
        try {
            final JsonNode node = JSON.readTree(body);
            return node.hasNonNull("message") ? node.get("message").asText() : body;
        } catch (final IOException e) {
            return body;
        }
    }

    /** Alpaca's refusal messages to reasons. */
    static int reason(final String message) {
        final String text = message.toLowerCase(Locale.ROOT);
        if (text.contains("market") && text.contains("closed")) {
            return VenueReason.MARKET_CLOSED;
        }
        if (text.contains("insufficient")) {
            return text.contains("qty") ? VenueReason.NO_POSITION : VenueReason.INSUFFICIENT_FUNDS;
        }
        if (text.contains("not found")) {
            return VenueReason.UNKNOWN_ORDER;
        }
        if (text.contains("not cancelable") || text.contains("already")) {
            return VenueReason.TOO_LATE;
        }
        if (text.contains("qty") || text.contains("quantity") || text.contains("notional")) {
            return VenueReason.BAD_QUANTITY;
        }
        if (text.contains("price") && text.contains("increment")) {
            return VenueReason.OFF_TICK;
        }
        return VenueReason.OTHER;
    }

    private static String encode(final String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String decimal(final long fixed) {
        return BigDecimal.valueOf(fixed, FixedPoint.SCALE_DIGITS).stripTrailingZeros().toPlainString();
    }

    static long fixed(final JsonNode node, final String field) {
        return fixed(node, field, RoundingMode.HALF_UP);
    }

    /**
     * A quantity field (an order's, a fill's, a position's) in units of 1e-8, rounded toward zero. Alpaca gives a
     * notional order's fractional quantity 9 decimals; rounded half up per fill, the books could end above what the
     * account holds (which reconciliation must refuse as unresolved, and a sell of the whole position could be refused
     * by the venue). Toward zero, every fill, every order's filled quantity and every position is at most what the
     * venue holds, so the books never hold more than the account: they can only hold less, by under 1e-8 per fill.
     */
    static long quantity(final JsonNode node, final String field) {
        return fixed(node, field, RoundingMode.DOWN);
    }

    private static long fixed(final JsonNode node, final String field, final RoundingMode rounding) {
        final JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.asText().isEmpty()) {
            return 0;
        }
        return new BigDecimal(value.asText()).setScale(FixedPoint.SCALE_DIGITS, rounding).unscaledValue()
            .longValueExact();
    }

    private static long millis(final JsonNode node, final String field) {
        final JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? 0 : Instant.parse(value.asText()).toEpochMilli();
    }

    // ---- orders ----------------------------------------------------------------------------------------------

    @Override
    public String submit(final OrderEffect order, final String symbol, final String clientOrderId)
        throws VenueException {
        final ObjectNode body = JSON.createObjectNode();
        body.put("symbol", symbol);
        if (order.notional > 0) {
            body.put("notional", decimal(order.notional));
        } else {
            body.put("qty", decimal(order.quantity));
        }
        body.put("side", order.side > 0 ? "buy" : "sell");
        body.put("type", switch (order.orderType) {
            case OrderType.LIMIT -> "limit";
            case OrderType.STOP -> "stop";
            default -> "market";
        });
        if (order.orderType == OrderType.LIMIT) {
            body.put("limit_price", decimal(order.price));
        } else if (order.orderType == OrderType.STOP) {
            body.put("stop_price", decimal(order.price));
        }
        // notional and fractional orders must be day orders at Alpaca
        body.put("time_in_force", order.notional > 0 || order.quantity % FixedPoint.SCALE != 0 ? "day" : "gtc");
        body.put("client_order_id", clientOrderId);
        return call("POST", baseUrl + "/v2/orders", body, false).get("id").asText();
    }

    @Override
    public void cancel(final String venueOrderId, final String clientOrderId, final String symbol)
        throws VenueException {
        call("DELETE", baseUrl + "/v2/orders/" + encode(venueOrderId), null, false);
    }

    @Override
    public String replace(final String venueOrderId, final String clientOrderId, final String symbol,
                          final long quantity, final long price) throws VenueException {
        final ObjectNode body = JSON.createObjectNode();
        body.put("qty", decimal(quantity));
        if (price > 0) {
            body.put("limit_price", decimal(price));
        }
        return call("PATCH", baseUrl + "/v2/orders/" + encode(venueOrderId), body, false).get("id").asText();
    }

    @Override
    public VenueOrder query(final OrderRef ref) throws VenueException {
        final JsonNode order = ref.venueOrderId() != null
            ? call("GET", baseUrl + "/v2/orders/" + encode(ref.venueOrderId()), null, true)
            : call("GET", baseUrl + "/v2/orders:by_client_order_id?client_order_id="
                + encode(Long.toString(ref.clientOrderId())), null, true);
        return order == null ? null : order(order, ref.instrumentId());
    }

    static VenueOrder order(final JsonNode order, final int instrumentId) {
        return new VenueOrder(clientId(order.path("client_order_id").asText("")), order.get("id").asText(),
            instrumentId, "buy".equals(order.path("side").asText()) ? 1 : -1, quantity(order, "qty"),
            quantity(order, "filled_qty"), fixed(order, "filled_avg_price"), status(order.path("status").asText()));
    }

    private static long clientId(final String text) {
        return !text.isEmpty() && text.length() <= 18 && text.chars().allMatch(Character::isDigit)
            ? Long.parseLong(text) : 0;
    }

    /** Alpaca's order statuses to the few every venue can say. */
    static VenueOrderStatus status(final String status) {
        return switch (status) {
            case "filled" -> VenueOrderStatus.FILLED;
            case "canceled", "replaced", "done_for_day" -> VenueOrderStatus.CANCELLED;
            case "expired" -> VenueOrderStatus.EXPIRED;
            case "rejected" -> VenueOrderStatus.REJECTED;
            default -> VenueOrderStatus.OPEN;
        };
    }

    @Override
    public List<VenueFill> fills(final String venueOrderId, final String symbol) throws VenueException {
        final JsonNode activities = call("GET", baseUrl + "/v2/account/activities/FILL?direction=asc&page_size=100",
            null, false);
        final List<VenueFill> fills = new ArrayList<>();
        for (final JsonNode fill : activities) {
            if (venueOrderId.equals(fill.path("order_id").asText())) {
                fills.add(new VenueFill(fill.path("id").asText(), quantity(fill, "qty"), fixed(fill, "price"), 0,
                    millis(fill, "transaction_time") * 1_000_000L));
            }
        }
        fills.sort(Comparator.comparingLong(VenueFill::timeNanos));
        return fills;
    }

    @Override
    public List<VenueOrder> openOrders(final List<String> symbols) throws VenueException {
        final JsonNode orders = call("GET", baseUrl + "/v2/orders?status=open&limit=500", null, false);
        final List<VenueOrder> open = new ArrayList<>();
        for (final JsonNode order : orders) {
            final int id = symbols.indexOf(order.path("symbol").asText());
            if (id >= 0) {
                open.add(order(order, id));
            }
        }
        return open;
    }

    @Override
    public Map<String, Long> balances() throws VenueException {
        final JsonNode account = call("GET", baseUrl + "/v2/account", null, false);
        final Map<String, Long> balances = new LinkedHashMap<>();
        balances.put(account.path("currency").asText("USD"), fixed(account, "cash"));
        for (final JsonNode position : call("GET", baseUrl + "/v2/positions", null, false)) {
            balances.put(position.path("symbol").asText(), quantity(position, "qty"));
        }
        return balances;
    }

    @Override
    public Map<String, Long> holdings(final List<String> symbols) throws VenueException {
        final Map<String, Long> holdings = new LinkedHashMap<>();
        for (final String symbol : symbols) {
            if (symbol != null) {
                holdings.put(symbol, 0L);
            }
        }
        for (final JsonNode position : call("GET", baseUrl + "/v2/positions", null, false)) {
            if (holdings.containsKey(position.path("symbol").asText())) {
                holdings.put(position.path("symbol").asText(), quantity(position, "qty"));
            }
        }
        return holdings;
    }

    @Override
    public long serverTimeMillis() throws VenueException {
        return millis(call("GET", baseUrl + "/v2/clock", null, false), "timestamp");
    }

    @Override
    public MarketClock marketClock() throws VenueException {
        final JsonNode clock = call("GET", baseUrl + "/v2/clock", null, false);
        return new MarketClock(clock.path("is_open").asBoolean(false), millis(clock, "next_open"),
            millis(clock, "next_close"));
    }

    @Override
    public List<VenueInstrument> instruments() throws VenueException {
        final List<VenueInstrument> listed = new ArrayList<>();
        for (final JsonNode asset : call("GET", baseUrl + "/v2/assets?status=active", null, false)) {
            if (!asset.path("tradable").asBoolean(true)) {
                continue;
            }
            final long increment = fixed(asset, "price_increment");
            final long lot = asset.path("fractionable").asBoolean(false)
                ? Math.max(1, fixed(asset, "min_trade_increment")) : FixedPoint.SCALE;
            // US equities tick at 0.01 (Alpaca lists increments for crypto only)
            listed.add(new VenueInstrument(asset.path("symbol").asText(), "USD", increment > 0 ? increment
                : FixedPoint.parse("0.01"), lot));
        }
        listed.sort(Comparator.comparing(VenueInstrument::symbol));
        return listed;
    }

    @Override
    public Quote quote(final String symbol) throws VenueException {
        final JsonNode quote = call("GET", dataUrl + "/v2/stocks/" + encode(symbol) + "/quotes/latest", null, false)
            .path("quote");
        final JsonNode trade = call("GET", dataUrl + "/v2/stocks/" + encode(symbol) + "/trades/latest", null, false)
            .path("trade");
        return new Quote(Math.max(millis(quote, "t"), millis(trade, "t")), fixed(quote, "bp"), fixed(quote, "bs"),
            fixed(quote, "ap"), fixed(quote, "as"), fixed(trade, "p"), fixed(trade, "s"));
    }

    @Override
    public String account() throws VenueException {
        final JsonNode account = call("GET", baseUrl + "/v2/account", null, false);
        return "alpaca account " + account.path("account_number").asText("?") + " (" + baseUrl + ", status "
            + account.path("status").asText("?") + ")";
    }

    /**
     * One page of daily or intraday bars of a symbol (the market-data API's {@code /v2/stocks/{symbol}/bars}).
     *
     * @param timeframe Alpaca's timeframe, e.g. {@code 1Day}, {@code 1Hour}, {@code 5Min}
     * @param pageToken the previous page's token, or null for the first page
     */
    public BarPage bars(final String symbol, final String timeframe, final Instant from, final Instant to,
                        final String pageToken) throws VenueException {
        final String url = dataUrl + "/v2/stocks/" + encode(symbol) + "/bars?timeframe=" + encode(timeframe)
            + "&start=" + encode(from.toString()) + "&end=" + encode(to.toString()) + "&limit=10000&adjustment=raw"
            + (pageToken == null ? "" : "&page_token=" + encode(pageToken));
        final JsonNode page = call("GET", url, null, false);
        final List<long[]> bars = new ArrayList<>();
        for (final JsonNode bar : page.path("bars")) {
            bars.add(new long[] {millis(bar, "t"), fixed(bar, "o"), fixed(bar, "h"), fixed(bar, "l"), fixed(bar, "c"),
                fixed(bar, "v")});
        }
        final JsonNode next = page.get("next_page_token");
        return new BarPage(bars, next == null || next.isNull() ? null : next.asText());
    }

    /**
     * One page of bars: each {@code {start epoch ms, open, high, low, close, volume}} (fixed-point), and the token of
     * the next page (null at the end).
     */
    public record BarPage(List<long[]> bars, String nextPageToken) {
    }

    @Override
    public void close() {
        http.close();
    }
}
