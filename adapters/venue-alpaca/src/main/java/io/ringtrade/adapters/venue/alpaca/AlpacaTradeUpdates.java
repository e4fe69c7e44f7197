package io.ringtrade.adapters.venue.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ringtrade.adapters.venue.Backoff;
import io.ringtrade.adapters.venue.OrderUpdate;
import io.ringtrade.adapters.venue.OrderUpdateStream;
import io.ringtrade.engine.reconcile.VenueFill;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * Alpaca's {@code trade_updates} stream over Java's WebSocket client ({@code wss://paper-api.alpaca.markets/stream}
 * for the paper account: the trading base URL with {@code /stream}): it sends the documented auth message
 * ({@code {"action":"auth","key":…,"secret":…}}), on {@code authorized} the listen message for {@code trade_updates},
 * and once {@code listening} hands every event ({@code new}, {@code partial_fill}, {@code fill}, {@code canceled},
 * {@code expired}, {@code rejected}, {@code replaced}, {@code pending_*}, …) to the adapter as an {@link OrderUpdate}:
 * the order object after the event and, for a fill, the execution's {@code qty} and {@code price}. Text and binary
 * frames are both read (the paper stream sends binary). A dropped or refused connection is retried with a capped
 * exponential back-off; refused keys are retried {@code authRetries} times, then the stream gives up (the adapter
 * polls, and its REST calls apply the 401 rule). {@link #maintain} on the adapter's thread; the listener on the HTTP
 * client's threads.
 */
public final class AlpacaTradeUpdates implements OrderUpdateStream {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI uri;
    private final String keyId;
    private final String secret;
    private final Duration timeout;
    private final int authRetries;
    private final PrintWriter log;
    private final HttpClient http;
    private final Backoff backoff;
    private final Queue<OrderUpdate> updates = new ConcurrentLinkedQueue<>();
    private volatile boolean connecting;
    private volatile boolean live;
    private volatile boolean dropped;
    private volatile boolean refusedKeys;
    private volatile String why = "not connected yet";
    private volatile int sessions;
    private volatile WebSocket socket;
    private volatile boolean closed;
    private int authFailures;
    private long connectStartedNanos;
    private boolean givenUp;
    private boolean reportedDown;

    /**
     * A stream at {@code uri} (see {@link #streamUri}) with the account's keys; back-off from {@code reconnectInitial}
     * doubling to {@code reconnectMax}; messages about connections go to {@code log}.
     */
    public AlpacaTradeUpdates(final URI uri, final String keyId, final String secret, final Duration timeout,
                              final Duration reconnectInitial, final Duration reconnectMax, final int authRetries,
                              final PrintWriter log) {
        this.uri = uri;
        this.keyId = keyId;
        this.secret = secret;
        this.timeout = timeout;
        this.authRetries = authRetries;
        this.log = log;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.backoff = new Backoff(reconnectInitial.toNanos(), reconnectMax.toNanos());
    }

    /** The stream of the trading API at {@code baseUrl}: the same host, {@code ws(s)://…/stream}. */
    public static URI streamUri(final String baseUrl) {
        final String trimmed = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        if (trimmed.startsWith("https://")) {
            return URI.create("wss://" + trimmed.substring("https://".length()) + "/stream");
        }
        if (trimmed.startsWith("http://")) {
            return URI.create("ws://" + trimmed.substring("http://".length()) + "/stream");
        }
        throw new IllegalArgumentException("not an http(s) URL: " + baseUrl);
    }

    // ---- adapter thread ---------------------------------------------------------------------------------------

    @Override
    public void maintain(final long nowNanos) {
        if (closed || givenUp) {
            return;
        }
        if (dropped) {
            dropped = false;
            live = false;
            connecting = false;
            if (refusedKeys) {
                refusedKeys = false;
                if (++authFailures > authRetries) {
                    givenUp = true;
                    why = "gave up after Alpaca refused the keys " + authFailures + " times; polling";
                    say("trade-updates stream: " + why);
                    return;
                }
            }
            final long wait = backoff.fail(nowNanos);
            if (!reportedDown) {
                reportedDown = true;
                say("trade-updates stream down (" + why + "); polling order updates, reconnecting with back-off"
                    + " from " + TimeUnit.NANOSECONDS.toMillis(wait) + " ms");
            }
        }
        if (live) {
            if (backoff.failures() > 0 || authFailures > 0) {
                backoff.succeed();
                authFailures = 0;
            }
            if (reportedDown) {
                reportedDown = false;
                say("trade-updates stream live again");
            }
            return;
        }
        if (connecting) {
            if (nowNanos - connectStartedNanos > timeout.toNanos()) {
                // connected but never authorized and listening: give this attempt up
                final WebSocket ws = socket;
                if (ws != null) {
                    ws.abort();
                }
                down("no answer to the auth and listen messages within " + timeout.toMillis() + " ms");
            }
            return;
        }
        if (!backoff.due(nowNanos)) {
            return;
        }
        connecting = true;
        connectStartedNanos = nowNanos;
        http.newWebSocketBuilder().connectTimeout(timeout).buildAsync(uri, new Listener())
            .whenComplete((ws, failure) -> {
                if (failure != null) {
                    down("cannot connect to " + uri + ": " + rootMessage(failure));
                } else if (closed) {
                    ws.abort();
                } else {
                    socket = ws;
                }
            });
    }

    @Override
    public OrderUpdate poll() {
        return updates.poll();
    }

    // ---- any thread -------------------------------------------------------------------------------------------

    @Override
    public boolean live() {
        return live;
    }

    @Override
    public int sessions() {
        return sessions;
    }

    @Override
    public String status() {
        return live ? "trade-updates stream live" : "trade-updates stream down (" + why + "), polling";
    }

    @Override
    public void close() {
        closed = true;
        live = false;
        final WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
        http.close();
    }

    private void down(final String reason) {
        why = reason;
        live = false;
        socket = null;
        dropped = true;
    }

    private void say(final String line) {
        log.println("ringtrade: alpaca " + line);
        log.flush();
    }

    private static String rootMessage(final Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    // ---- the HTTP client's threads -----------------------------------------------------------------------------

    /** Reads whole messages, text or binary, and answers the auth and listen handshake. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();
        private ByteBuffer bytes = ByteBuffer.allocate(0);

        @Override
        public void onOpen(final WebSocket webSocket) {
            final ObjectNode auth = JSON.createObjectNode().put("action", "auth").put("key", keyId).put("secret", secret);
            webSocket.sendText(auth.toString(), true);
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(final WebSocket webSocket, final CharSequence data, final boolean last) {
            text.append(data);
            if (last) {
                final String message = text.toString();
                text.setLength(0);
                onMessage(webSocket, message);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(final WebSocket webSocket, final ByteBuffer data, final boolean last) {
            final ByteBuffer joined = ByteBuffer.allocate(bytes.remaining() + data.remaining());
            joined.put(bytes).put(data).flip();
            bytes = joined;
            if (last) {
                final String message = StandardCharsets.UTF_8.decode(bytes).toString();
                bytes = ByteBuffer.allocate(0);
                onMessage(webSocket, message);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(final WebSocket webSocket, final int statusCode, final String reason) {
            if (!dropped) {
                down("closed by Alpaca (" + statusCode + (reason.isEmpty() ? "" : " " + reason) + ")");
            }
            return null;
        }

        @Override
        public void onError(final WebSocket webSocket, final Throwable error) {
            down("connection failed: " + rootMessage(error));
        }

        private void onMessage(final WebSocket webSocket, final String message) {
            final JsonNode node;
            try {
                node = JSON.readTree(message);
            } catch (final IOException e) {
                say("trade-updates stream: unreadable message skipped: " + e.getMessage());
                return;
            }
            final JsonNode data = node.path("data");
            switch (node.path("stream").asText()) {
                case "authorization" -> {
                    if ("authorized".equals(data.path("status").asText())) {
                        webSocket.sendText("{\"action\":\"listen\",\"data\":{\"streams\":[\"trade_updates\"]}}", true);
                    } else {
                        refusedKeys = true;
                        down("Alpaca refused the keys (" + data.path("status").asText("?") + ")");
                        webSocket.abort();
                    }
                }
                case "listening" -> {
                    for (final JsonNode stream : data.path("streams")) {
                        if ("trade_updates".equals(stream.asText())) {
                            sessions++;
                            live = true;
                            connecting = false;
                        }
                    }
                }
                case "trade_updates" -> updates.add(update(data));
                default -> {
                    // other streams are not asked for; an error message closes the connection, handled there
                }
            }
        }
    }

    /** One {@code trade_updates} event. */
    static OrderUpdate update(final JsonNode data) {
        final String event = data.path("event").asText();
        final JsonNode order = data.path("order");
        VenueFill fill = null;
        if (("fill".equals(event) || "partial_fill".equals(event)) && data.hasNonNull("qty")) {
            final String when = data.path("timestamp").asText("");
            fill = new VenueFill(data.path("execution_id").asText(order.path("id").asText() + "@" + when),
                AlpacaVenueClient.quantity(data, "qty"), AlpacaVenueClient.fixed(data, "price"), 0,
                when.isEmpty() ? 0 : Instant.parse(when).toEpochMilli() * 1_000_000L);
        }
        return new OrderUpdate(event, AlpacaVenueClient.order(order, -1), fill);
    }
}
