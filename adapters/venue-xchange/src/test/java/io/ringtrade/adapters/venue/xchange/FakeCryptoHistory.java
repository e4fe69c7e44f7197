package io.ringtrade.adapters.venue.xchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fake of Binance's klines ({@code GET /api/v3/klines}) and Kraken's OHLC ({@code GET /0/public/OHLC}) on loopback,
 * answering with bodies shaped like their documented responses from a list of real bars (ta4j-examples' ETH/USD
 * 5-minute bars). Pages hold at most {@link #pageSize} bars (smaller than the real APIs', so a test pages);
 * {@link #pagesBeforeFailure} pages are served before every further request answers 500. Stops with the test.
 */
public final class FakeCryptoHistory implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Bars: {start epoch ms, open, high, low, close, volume} as the decimals of the source file. */
    public final List<String[]> bars = new ArrayList<>();
    public final List<String> queries = new CopyOnWriteArrayList<>();
    public volatile int pageSize = 200;
    public volatile int pagesBeforeFailure = -1;
    private final HttpServer server;

    /** Starts the fake serving the bars of a ta4j-examples OHLC JSON file. */
    public FakeCryptoHistory(final Path ohlcJson) throws IOException {
        for (final JsonNode bar : JSON.readTree(ohlcJson.toFile()).path("ohlc")) {
            bars.add(new String[] {Long.toString(bar.get("endTime").asLong() + 1 - 300_000),
                bar.get("openPrice").decimalValue().toPlainString(), bar.get("highPrice").decimalValue().toPlainString(),
                bar.get("lowPrice").decimalValue().toPlainString(), bar.get("closePrice").decimalValue().toPlainString(),
                bar.get("volume").decimalValue().toPlainString()});
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL of both APIs. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private synchronized void handle(final HttpExchange exchange) throws IOException {
        try (exchange) {
            final String path = exchange.getRequestURI().getPath();
            final Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            queries.add(path + "?" + exchange.getRequestURI().getRawQuery());
            if (pagesBeforeFailure == 0) {
                send(exchange, 500, "{\"code\":-1000,\"msg\":\"An unknown error occurred\"}");
                return;
            }
            if (pagesBeforeFailure > 0) {
                pagesBeforeFailure--;
            }
            if (path.equals("/api/v3/klines")) {
                final long start = Long.parseLong(query.getOrDefault("startTime", "0"));
                final long end = Long.parseLong(query.getOrDefault("endTime", Long.toString(Long.MAX_VALUE)));
                final int limit = Math.min(pageSize, Integer.parseInt(query.getOrDefault("limit", "500")));
                final StringBuilder body = new StringBuilder("[");
                int n = 0;
                for (final String[] bar : bars) {
                    final long open = Long.parseLong(bar[0]);
                    if (open >= start && open <= end && n < limit) {
                        body.append(n++ == 0 ? "" : ",").append('[').append(open).append(",\"").append(bar[1])
                            .append("\",\"").append(bar[2]).append("\",\"").append(bar[3]).append("\",\"").append(bar[4])
                            .append("\",\"").append(bar[5]).append("\",").append(open + 299_999)
                            .append(",\"0\",10,\"0\",\"0\",\"0\"]");
                    }
                }
                send(exchange, 200, body.append(']').toString());
            } else if (path.equals("/0/public/OHLC")) {
                final long since = Long.parseLong(query.getOrDefault("since", "0"));
                final StringBuilder rows = new StringBuilder();
                int n = 0;
                long last = since;
                for (final String[] bar : bars) {
                    final long open = Long.parseLong(bar[0]) / 1000;
                    if (open > since && n < pageSize) {
                        final String vwap = new BigDecimal(bar[2]).add(new BigDecimal(bar[3]))
                            .divide(BigDecimal.TWO).toPlainString();
                        rows.append(n++ == 0 ? "" : ",").append('[').append(open).append(",\"").append(bar[1])
                            .append("\",\"").append(bar[2]).append("\",\"").append(bar[3]).append("\",\"").append(bar[4])
                            .append("\",\"").append(vwap).append("\",\"").append(bar[5]).append("\",10]");
                        last = open;
                    }
                }
                send(exchange, 200, "{\"error\":[],\"result\":{\"" + query.get("pair") + "\":[" + rows
                    + "],\"last\":" + last + "}}");
            } else {
                send(exchange, 404, "{\"message\":\"no route " + path + "\"}");
            }
        }
    }

    private static Map<String, String> query(final String raw) {
        final Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (final String pair : raw.split("&")) {
                final int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1),
                        StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    private static void send(final HttpExchange exchange, final int status, final String body) throws IOException {
        final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
