package io.ringtrade.adapters.venue.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake of Alpaca's trading and market-data APIs on the loopback interface, answering with bodies shaped like
 * Alpaca's documented responses: account, clock, orders (create, get by id or client order id, list open, cancel,
 * replace), positions, fill activities, assets, latest quote and trade, paged bars. Market orders and marketable
 * limits fill at once at {@link #price}; other limits rest. Switches: {@link #unauthorized} (every call answers 401,
 * a credential storm), {@link #open} (a closed market refuses orders with 403 "market is closed"), and
 * {@link #holdOrderAnswers} (orders are taken and filled, but the answers to their requests wait: the window where the
 * venue has an order its sender never heard of). A test moves {@link #price} as the market moves. Stops with the test.
 * Requests are handled on the server's one thread; the test reads the counters.
 */
public final class FakeAlpaca implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    public final AtomicInteger requests = new AtomicInteger();
    public final AtomicInteger orderPosts = new AtomicInteger();
    public volatile boolean unauthorized;
    public volatile boolean open = true;
    public volatile BigDecimal price = new BigDecimal("150.00");
    public volatile String quoteJson = "{\"symbol\":\"AAPL\",\"quote\":{\"t\":\"2024-01-02T15:00:00Z\",\"ap\":150.02,"
        + "\"as\":3,\"bp\":149.98,\"bs\":5}}";
    public final Map<String, ObjectNode> orders = new LinkedHashMap<>();
    final ArrayNode fills = JSON.createArrayNode();
    final Map<String, BigDecimal> positions = new LinkedHashMap<>();
    /** Bars by page: each page a JSON array of bar objects; the last page has no next token. */
    public final List<String> barPages = new ArrayList<>();
    public final List<String> barQueries = new ArrayList<>();
    /** Bar pages served before every further bar request answers 500 (negative: never). */
    public volatile int barPagesBeforeFailure = -1;
    /** Where order events go as {@code trade_updates} messages, when a test runs the stream too. */
    public volatile FakeAlpacaStream stream;
    /**
     * Decimals of the quantity a notional order buys ({@code notional / price}, rounded down): 9 as at Alpaca. The
     * engine's quantities have 8 ({@code FixedPoint}), so a test that sums positions exactly sets 8.
     */
    public volatile int notionalDecimals = 9;
    /** Orders taken whose answer was held ({@link #holdOrderAnswers}). */
    public final AtomicInteger heldAnswers = new AtomicInteger();
    private final HttpServer server;
    private int nextId = 1;
    private volatile CountDownLatch answerGate;
    /** The answer createOrder held back, sent by {@link #handle} once the gate opens (server thread only). */
    private String heldAnswer;

    /** Starts the fake on a free loopback port. */
    public FakeAlpaca() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL of both APIs. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(final HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            if (unauthorized || !"key".equals(exchange.getRequestHeaders().getFirst("APCA-API-KEY-ID"))) {
                send(exchange, 401, "{\"code\":40110000,\"message\":\"request is not authorized\"}");
                return;
            }
            final String method = exchange.getRequestMethod();
            final String path = exchange.getRequestURI().getPath();
            final Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            synchronized (this) {
                route(exchange, method, path, query);
            }
            if (heldAnswer != null) {
                final String answer = heldAnswer;
                heldAnswer = null;
                final CountDownLatch gate = answerGate;
                try {
                    // bounded, so a test that forgets to answer still ends
                    if (gate != null && !gate.await(60, TimeUnit.SECONDS)) {
                        return;
                    }
                } catch (final InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                send(exchange, 200, answer);
            }
        }
    }

    /**
     * From now on an order is taken (recorded, filled at once when marketable) but the answer to its request waits
     * until {@link #answerHeldOrders}; {@link #heldAnswers} counts such orders. The server answers nothing else
     * meanwhile (it has one thread), as a venue that went silent after taking an order.
     */
    public void holdOrderAnswers() {
        answerGate = new CountDownLatch(1);
    }

    /** Sends the held answer (to whoever still listens) and answers at once again. */
    public void answerHeldOrders() {
        final CountDownLatch gate = answerGate;
        answerGate = null;
        if (gate != null) {
            gate.countDown();
        }
    }

    private void route(final HttpExchange exchange, final String method, final String path,
                       final Map<String, String> query) throws IOException {
        if (path.equals("/v2/account")) {
            send(exchange, 200, "{\"id\":\"acc-1\",\"account_number\":\"PA1234567\",\"status\":\"ACTIVE\","
                + "\"currency\":\"USD\",\"cash\":\"100000\",\"buying_power\":\"200000\"}");
        } else if (path.equals("/v2/clock")) {
            send(exchange, 200, "{\"timestamp\":\"" + Instant.now() + "\",\"is_open\":" + open
                + ",\"next_open\":\"2030-01-02T14:30:00Z\",\"next_close\":\"2030-01-02T21:00:00Z\"}");
        } else if (path.equals("/v2/orders") && method.equals("POST")) {
            createOrder(exchange, JSON.readTree(exchange.getRequestBody()));
        } else if (path.equals("/v2/orders") && method.equals("GET")) {
            final ArrayNode open = JSON.createArrayNode();
            for (final ObjectNode order : orders.values()) {
                if (!isFinal(order.get("status").asText())) {
                    open.add(order);
                }
            }
            send(exchange, 200, open.toString());
        } else if (path.equals("/v2/orders:by_client_order_id")) {
            for (final ObjectNode order : orders.values()) {
                if (order.get("client_order_id").asText().equals(query.get("client_order_id"))) {
                    send(exchange, 200, order.toString());
                    return;
                }
            }
            send(exchange, 404, "{\"code\":40410000,\"message\":\"order not found\"}");
        } else if (path.startsWith("/v2/orders/")) {
            final ObjectNode order = orders.get(path.substring("/v2/orders/".length()));
            if (order == null) {
                send(exchange, 404, "{\"code\":40410000,\"message\":\"order not found\"}");
            } else if (method.equals("DELETE")) {
                if (isFinal(order.get("status").asText())) {
                    send(exchange, 422, "{\"code\":42210000,\"message\":\"order is not cancelable\"}");
                } else {
                    order.put("status", "canceled");
                    send(exchange, 204, "");
                    event("canceled", order, null, null);
                }
            } else {
                send(exchange, 200, order.toString());
            }
        } else if (path.equals("/v2/positions")) {
            final ArrayNode list = JSON.createArrayNode();
            positions.forEach((symbol, qty) -> list.addObject().put("symbol", symbol).put("qty", qty.toPlainString()));
            send(exchange, 200, list.toString());
        } else if (path.equals("/v2/account/activities/FILL")) {
            send(exchange, 200, fills.toString());
        } else if (path.equals("/v2/assets")) {
            send(exchange, 200, "[{\"symbol\":\"AAPL\",\"tradable\":true,\"fractionable\":true,"
                + "\"min_trade_increment\":\"0.000000001\"},{\"symbol\":\"MSFT\",\"tradable\":true,\"fractionable\":false}]");
        } else if (path.endsWith("/quotes/latest")) {
            send(exchange, 200, quoteJson);
        } else if (path.endsWith("/trades/latest")) {
            send(exchange, 200, "{\"symbol\":\"AAPL\",\"trade\":{\"t\":\"2024-01-02T15:00:01Z\",\"p\":" + price
                + ",\"s\":100}}");
        } else if (path.endsWith("/bars")) {
            if (barPagesBeforeFailure == 0) {
                send(exchange, 500, "{\"message\":\"internal server error\"}");
                return;
            }
            if (barPagesBeforeFailure > 0) {
                barPagesBeforeFailure--;
            }
            barQueries.add(exchange.getRequestURI().getRawQuery());
            final String token = query.get("page_token");
            final int page = token == null ? 0 : Integer.parseInt(token);
            final String next = page + 1 < barPages.size() ? "\"" + (page + 1) + "\"" : "null";
            send(exchange, 200, "{\"symbol\":\"AAPL\",\"bars\":" + (barPages.isEmpty() ? "[]" : barPages.get(page))
                + ",\"next_page_token\":" + next + "}");
        } else {
            send(exchange, 404, "{\"message\":\"no route " + method + " " + path + "\"}");
        }
    }

    private void createOrder(final HttpExchange exchange, final JsonNode body) throws IOException {
        orderPosts.incrementAndGet();
        if (!open) {
            send(exchange, 403, "{\"code\":40310000,\"message\":\"market is closed\"}");
            return;
        }
        final String id = "ord-" + nextId++;
        final ObjectNode order = JSON.createObjectNode();
        order.put("id", id);
        order.put("client_order_id", body.path("client_order_id").asText());
        order.put("symbol", body.path("symbol").asText());
        order.put("side", body.path("side").asText());
        order.put("type", body.path("type").asText());
        final BigDecimal qty = body.has("qty") ? new BigDecimal(body.get("qty").asText())
            : new BigDecimal(body.get("notional").asText()).divide(price, notionalDecimals, RoundingMode.DOWN);
        order.put("qty", qty.toPlainString());
        final boolean buy = "buy".equals(body.path("side").asText());
        final boolean marketable = !"limit".equals(body.path("type").asText())
            || (buy ? new BigDecimal(body.get("limit_price").asText()).compareTo(price) >= 0
            : new BigDecimal(body.get("limit_price").asText()).compareTo(price) <= 0);
        order.put("status", "new");
        order.put("filled_qty", "0");
        order.putNull("filled_avg_price");
        orders.put(id, order);
        if (marketable) {
            execute(order, qty, price);
        }
        if (answerGate != null) {
            heldAnswers.incrementAndGet();
            heldAnswer = order.toString();
        } else {
            send(exchange, 200, order.toString());
        }
        if (marketable) {
            event("new", order.deepCopy().put("status", "new").put("filled_qty", "0").putNull("filled_avg_price"),
                null, null);
            event("fill", order, qty, price);
        } else {
            event("new", order, null, null);
        }
    }

    /**
     * Fills {@code qty} of the working order {@code id} at {@code at}: the order, the fill activities, the position
     * and the stream's {@code partial_fill} or {@code fill} event, as a trade at the exchange would.
     */
    public synchronized void fill(final String id, final String qty, final String at) {
        final ObjectNode order = orders.get(id);
        final BigDecimal quantity = new BigDecimal(qty);
        final BigDecimal fillPrice = new BigDecimal(at);
        execute(order, quantity, fillPrice);
        event(order.get("status").asText().equals("filled") ? "fill" : "partial_fill", order, quantity, fillPrice);
    }

    private void execute(final ObjectNode order, final BigDecimal qty, final BigDecimal at) {
        final BigDecimal filledBefore = new BigDecimal(order.get("filled_qty").asText());
        final BigDecimal filled = filledBefore.add(qty);
        final BigDecimal averageBefore = order.get("filled_avg_price").isNull() ? BigDecimal.ZERO
            : new BigDecimal(order.get("filled_avg_price").asText());
        final BigDecimal average = averageBefore.multiply(filledBefore).add(at.multiply(qty))
            .divide(filled, 9, RoundingMode.HALF_UP).stripTrailingZeros();
        order.put("filled_qty", filled.toPlainString());
        order.put("filled_avg_price", average.toPlainString());
        order.put("status", filled.compareTo(new BigDecimal(order.get("qty").asText())) >= 0 ? "filled"
            : "partially_filled");
        final String id = order.get("id").asText();
        final boolean buy = "buy".equals(order.path("side").asText());
        fills.addObject().put("id", "fill-" + id + "-" + fills.size()).put("activity_type", "FILL").put("order_id", id)
            .put("qty", qty.toPlainString()).put("price", at.toPlainString())
            .put("transaction_time", "2024-01-02T15:00:0" + Math.min(9, 2 + fills.size()) + "Z")
            .put("side", order.path("side").asText());
        positions.merge(order.path("symbol").asText(), buy ? qty : qty.negate(), BigDecimal::add);
    }

    /** Copies of every order taken so far, oldest first (the venue's own record). */
    public synchronized List<ObjectNode> ordersTaken() {
        final List<ObjectNode> copies = new ArrayList<>();
        orders.values().forEach(order -> copies.add(order.deepCopy()));
        return copies;
    }

    /** Copies of every fill activity so far, oldest first. */
    public synchronized List<JsonNode> fillActivities() {
        final List<JsonNode> copies = new ArrayList<>();
        fills.forEach(fill -> copies.add(fill.deepCopy()));
        return copies;
    }

    /** The account's positions by symbol now. */
    public synchronized Map<String, BigDecimal> positionsNow() {
        return new LinkedHashMap<>(positions);
    }

    /** A {@code trade_updates} event to the stream, shaped like Alpaca's, when a stream is attached. */
    private void event(final String name, final ObjectNode order, final BigDecimal qty, final BigDecimal at) {
        final FakeAlpacaStream to = stream;
        if (to == null) {
            return;
        }
        final ObjectNode data = JSON.createObjectNode();
        data.put("event", name);
        data.put("timestamp", "2024-01-02T15:00:02.123456Z");
        if (qty != null) {
            data.put("execution_id", "exec-" + order.get("id").asText() + "-" + fills.size());
            data.put("price", at.toPlainString());
            data.put("qty", qty.toPlainString());
            data.put("position_qty", positions.getOrDefault(order.path("symbol").asText(), BigDecimal.ZERO)
                .toPlainString());
        }
        data.set("order", order.deepCopy());
        to.push(data.toString());
    }

    private static boolean isFinal(final String status) {
        return status.equals("filled") || status.equals("canceled") || status.equals("expired")
            || status.equals("rejected") || status.equals("replaced");
    }

    private static Map<String, String> query(final String raw) {
        final Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (final String pair : raw.split("&")) {
                final int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    private static void send(final HttpExchange exchange, final int status, final String body) throws IOException {
        final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
        if (status != 204) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
