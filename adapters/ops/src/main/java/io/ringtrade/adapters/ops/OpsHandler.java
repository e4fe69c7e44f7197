package io.ringtrade.adapters.ops;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import io.ringtrade.engine.api.event.CommandCode;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.TradingCommand;
import io.ringtrade.engine.audit.AuditFormat;
import io.ringtrade.engine.audit.AuditLog;
import io.ringtrade.engine.pipeline.PipelineFailure;
import io.ringtrade.engine.risk.RiskLimit;
import io.ringtrade.engine.view.EngineView;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The ops API's one request handler (after Netty's {@code HttpServerCodec} and a size-limited
 * {@code HttpObjectAggregator}): reads are answered at once from the latest published state view; a control request
 * is checked (admin token, body), becomes a {@code COMMAND} input published with the pipeline's non-blocking offer
 * (a full ring answers 503 at once), and is answered only when the gateway reports that business logic has applied
 * it, with the state view after it (or 504 when that takes longer than the control timeout). Nothing here blocks an
 * event loop or touches business-logic state. Every control request is audited as an edge line: source address,
 * whether the token was valid, path (never the query string), status, and the journal entry it became.
 *
 * <p>Shared by every channel; runs on Netty's event-loop threads.
 */
@ChannelHandler.Sharable
final class OpsHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final String JSON = "application/json; charset=utf-8";
    private static final int TRADES_DEFAULT = 50;
    private static final int TRADES_MAX = 1000;
    private static final int AUDIT_DEFAULT = 100;

    private final OpsEngine engine;
    private final OpsSettings settings;
    private final PendingControls pending;
    private final OpsMetrics metrics;

    OpsHandler(final OpsEngine engine, final OpsSettings settings, final PendingControls pending) {
        this.engine = engine;
        this.settings = settings;
        this.pending = pending;
        this.metrics = new OpsMetrics(engine);
    }

    /** What a control request asks, once checked. */
    private record Control(int code, int book, int instrument, int state, boolean flatten, String action,
                           String reason, long argument) {
        /** A control whose argument packs its state, flatten flag and source ({@link TradingCommand#pack}). */
        Control(final int code, final int book, final int instrument, final int state, final boolean flatten,
                final String action, final String reason) {
            this(code, book, instrument, state, flatten, action, reason,
                TradingCommand.pack(state, flatten, TradingCommand.SOURCE_HTTP, 0));
        }
    }

    @Override
    protected void channelRead0(final ChannelHandlerContext ctx, final FullHttpRequest request) {
        if (request.decoderResult().isFailure()) {
            send(ctx, request, HttpResponseStatus.BAD_REQUEST, error("malformed request: "
                + request.decoderResult().cause().getMessage()));
            return;
        }
        final QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        final List<String> path = segments(uri.rawPath());
        try {
            if (request.method().equals(HttpMethod.GET) || request.method().equals(HttpMethod.HEAD)) {
                read(ctx, request, uri, path);
            } else if (request.method().equals(HttpMethod.POST)) {
                control(ctx, request, uri, path);
            } else {
                final FullHttpResponse response = response(HttpResponseStatus.METHOD_NOT_ALLOWED,
                    error("only GET and POST are served"));
                response.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD, POST");
                send(ctx, request, response);
            }
        } catch (final BadRequest e) {
            send(ctx, request, e.status, error(e.getMessage()));
        }
    }

    // ---- reads ----------------------------------------------------------------------------------------------------

    private void read(final ChannelHandlerContext ctx, final FullHttpRequest request, final QueryStringDecoder uri,
                      final List<String> path) {
        final EngineView view = engine.status().view();
        final String route = path.isEmpty() ? "" : path.getFirst();
        if (path.size() > 1) {
            throw new BadRequest(HttpResponseStatus.NOT_FOUND, "no such resource: " + uri.rawPath());
        }
        switch (route) {
            case "health" -> health(ctx, request, view);
            case "status" -> send(ctx, request, HttpResponseStatus.OK, ViewJson.status(view, settings, engine));
            case "books" -> send(ctx, request, HttpResponseStatus.OK, ViewJson.books(view, settings));
            case "positions" -> send(ctx, request, HttpResponseStatus.OK, ViewJson.positions(view));
            case "orders" -> {
                final String status = parameter(uri, "status", "open");
                if (!status.equals("open")) {
                    throw new BadRequest(HttpResponseStatus.BAD_REQUEST, "status must be open (ended orders are in"
                        + " orders.csv), got \"" + status + "\"");
                }
                send(ctx, request, HttpResponseStatus.OK, ViewJson.openOrders(view));
            }
            case "trades" -> send(ctx, request, HttpResponseStatus.OK,
                ViewJson.trades(view, limit(uri, TRADES_DEFAULT, TRADES_MAX)));
            case "strategies" -> send(ctx, request, HttpResponseStatus.OK, ViewJson.strategies(view, settings));
            case "audit" -> {
                final JsonWriter json = new JsonWriter().beginObject().key("lines").beginArray();
                for (final String line : settings.audit().recent(limit(uri, AUDIT_DEFAULT, AuditLog.KEPT_IN_MEMORY))) {
                    json.raw(line);
                }
                send(ctx, request, HttpResponseStatus.OK, json.endArray().endObject().toString());
            }
            case "metrics" -> {
                final FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.OK, Unpooled.wrappedBuffer(metrics.scrape()));
                response.headers().set(HttpHeaderNames.CONTENT_TYPE, metrics.contentType());
                send(ctx, request, response);
            }
            default -> throw new BadRequest(HttpResponseStatus.NOT_FOUND, "no such resource: " + uri.rawPath());
        }
    }

    private void health(final ChannelHandlerContext ctx, final FullHttpRequest request, final EngineView view) {
        final PipelineFailure failure = engine.failure();
        final JsonWriter json = new JsonWriter().beginObject()
            .field("status", failure == null ? "ok" : "halted")
            .field("pipeline", failure == null ? "running" : "failed")
            .field("trading_state", view.globalState().name())
            .field("uptime_seconds", (settings.monotonicNanos().getAsLong() - settings.startedNanos()) / 1_000_000_000L);
        if (failure != null) {
            json.field("failure", failure.describe());
        }
        send(ctx, request, failure == null ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE,
            json.endObject().toString());
    }

    private static int limit(final QueryStringDecoder uri, final int defaultValue, final int max) {
        final String text = parameter(uri, "limit", null);
        if (text == null) {
            return defaultValue;
        }
        try {
            final int value = Integer.parseInt(text);
            if (value < 1 || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (final NumberFormatException e) {
            throw new BadRequest(HttpResponseStatus.BAD_REQUEST, "limit must be a whole number from 1 to " + max
                + ", got \"" + text + "\"");
        }
    }

    private static String parameter(final QueryStringDecoder uri, final String name, final String defaultValue) {
        final List<String> values = uri.parameters().get(name);
        return values == null || values.isEmpty() ? defaultValue : values.getLast();
    }

    // ---- control --------------------------------------------------------------------------------------------------

    private void control(final ChannelHandlerContext ctx, final FullHttpRequest request, final QueryStringDecoder uri,
                         final List<String> path) {
        final String from = address(ctx.channel().remoteAddress());
        final long now = settings.wallClockMillis().getAsLong();
        final String route = "/" + String.join("/", path);
        if (!settings.token().configured()) {
            audit(from, "none", route, 403, -1, null);
            send(ctx, request, HttpResponseStatus.FORBIDDEN, error("control is off: no admin token is configured"
                + " (set RINGTRADE_ADMIN_TOKEN or ringtrade.http.token-file)"));
            return;
        }
        if (hasTokenParameter(uri)) {
            // query strings end up in access logs and shell histories: a token there is refused, and not checked
            audit(from, "in_query_string", route, 400, -1, null);
            send(ctx, request, HttpResponseStatus.BAD_REQUEST, error("the admin token is accepted only in the"
                + " Authorization header (Bearer), never in the query string"));
            return;
        }
        if (settings.token().lockedOut(from, now)) {
            audit(from, "locked_out", route, 429, -1, null);
            final FullHttpResponse response = response(HttpResponseStatus.TOO_MANY_REQUESTS,
                error("too many failed attempts from " + from + "; try again later"));
            response.headers().set(HttpHeaderNames.RETRY_AFTER, AdminToken.WINDOW_SECONDS);
            send(ctx, request, response);
            return;
        }
        final String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        final String presented = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
            ? authorization.substring(7).strip() : null;
        if (!settings.token().matches(presented)) {
            settings.token().failed(from, now);
            audit(from, presented == null ? "missing" : "invalid", route, 401, -1, null);
            final FullHttpResponse response = response(HttpResponseStatus.UNAUTHORIZED, "{}");
            response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
            send(ctx, request, response);
            return;
        }
        final Control control;
        try {
            control = parseControl(path, request);
        } catch (final BadRequest e) {
            audit(from, "valid", route, e.status.code(), -1, null);
            throw e;
        }
        final EngineEvent command = new EngineEvent().setCommand(engine.dataTimeNanos(), control.code(), control.book(),
            control.argument());
        command.instrumentId = control.instrument();
        final long entry = engine.offer(command);
        if (entry < 0) {
            audit(from, "valid", route, 503, -1, control);
            send(ctx, request, HttpResponseStatus.SERVICE_UNAVAILABLE, error(engine.failure() != null
                ? "the engine has stopped: " + engine.failure().describe() : "the engine's ring is full; try again"));
            return;
        }
        final boolean keepAlive = HttpUtil.isKeepAlive(request);
        final var timeout = ctx.executor().schedule(() -> {
            if (pending.abandon(entry)) {
                audit(from, "valid", route, 504, entry, control);
                write(ctx, keepAlive, response(HttpResponseStatus.GATEWAY_TIMEOUT, error("the engine did not confirm"
                    + " input " + entry + " within " + settings.controlTimeout().toMillis() + " ms")));
            }
        }, settings.controlTimeout().toMillis(), TimeUnit.MILLISECONDS);
        pending.await(entry, sequence -> ctx.executor().execute(() -> {
            timeout.cancel(false);
            audit(from, "valid", route, 200, entry, control);
            final EngineView view = engine.status().view();
            write(ctx, keepAlive, response(HttpResponseStatus.OK, RiskLimit.ofCommand(control.code()) != null
                ? ViewJson.limitResult(view, entry, control.action(), control.book())
                : ViewJson.controlResult(view, entry, control.action())));
        }));
    }

    private static boolean hasTokenParameter(final QueryStringDecoder uri) {
        for (final String name : uri.parameters().keySet()) {
            final String lower = name.toLowerCase(Locale.ROOT);
            if (lower.contains("token") || lower.equals("authorization") || lower.equals("auth")) {
                return true;
            }
        }
        return false;
    }

    private Control parseControl(final List<String> path, final FullHttpRequest request) {
        final int size = path.size();
        if (size == 1 && path.getFirst().equals("kill-switch")) {
            return tradingState(-1, body(request));
        }
        if (size == 3 && path.getFirst().equals("books") && path.get(2).equals("state")) {
            return tradingState(book(path.get(1)), body(request));
        }
        if (size == 3 && path.getFirst().equals("books") && path.get(2).equals("limits")) {
            return limit(book(path.get(1)), body(request));
        }
        if (size == 1 && path.getFirst().equals("limits")) {
            return limit(-1, body(request)); // the engine-wide cap
        }
        if (size == 3 && path.getFirst().equals("strategies")
            && (path.get(2).equals("pause") || path.get(2).equals("resume"))) {
            final boolean pause = path.get(2).equals("pause");
            return new Control(pause ? CommandCode.PAUSE_STRATEGY : CommandCode.RESUME_STRATEGY, book(path.get(1)), -1,
                0, false, path.get(2), reasonOf(optionalBody(request)));
        }
        if (size == 4 && path.getFirst().equals("positions") && path.get(3).equals("close")) {
            final int book = book(path.get(1));
            final Integer instrument = settings.instruments().get(path.get(2));
            if (instrument == null) {
                throw new BadRequest(HttpResponseStatus.NOT_FOUND, "no instrument " + path.get(2) + " (known: "
                    + String.join(", ", new TreeSet<>(settings.instruments().keySet())) + ")");
            }
            return new Control(CommandCode.CLOSE_POSITION, book, instrument, 0, false, "close",
                reasonOf(optionalBody(request)));
        }
        throw new BadRequest(HttpResponseStatus.NOT_FOUND, "no such control: POST /" + String.join("/", path));
    }

    private int book(final String name) {
        final int index = settings.bookIndex(name);
        if (index < 0) {
            throw new BadRequest(HttpResponseStatus.NOT_FOUND, "no book " + name + " (books: "
                + String.join(", ", settings.books()) + ")");
        }
        return index;
    }

    private static Control tradingState(final int book, final Config body) {
        if (!body.hasPath("action")) {
            throw new BadRequest(HttpResponseStatus.BAD_REQUEST, "missing \"action\" (engage, release or reduce_only)");
        }
        final String action = string(body, "action");
        final int state = switch (action) {
            case "engage" -> TradingCommand.HALTED;
            case "release" -> TradingCommand.ACTIVE;
            case "reduce_only" -> TradingCommand.REDUCE_ONLY;
            default -> throw new BadRequest(HttpResponseStatus.BAD_REQUEST, "\"action\" must be engage, release or"
                + " reduce_only, got \"" + action + "\"");
        };
        boolean flatten = false;
        if (body.hasPath("flatten")) {
            if (body.getValue("flatten").valueType() != ConfigValueType.BOOLEAN) {
                throw new BadRequest(HttpResponseStatus.BAD_REQUEST, "\"flatten\" must be true or false");
            }
            flatten = body.getBoolean("flatten");
        }
        for (final Map.Entry<String, ?> entry : body.root().entrySet()) {
            if (!entry.getKey().equals("action") && !entry.getKey().equals("reason") && !entry.getKey().equals("flatten")) {
                throw new BadRequest(HttpResponseStatus.BAD_REQUEST, "unknown field \"" + entry.getKey()
                    + "\" (expected action, reason, flatten)");
            }
        }
        return new Control(CommandCode.TRADING_STATE, book, -1, state, flatten, action, reasonOf(body));
    }

    /** {@code {"max_position_pct": "20", "reason": "…"}}: exactly one limit, its value a decimal in range. */
    private static Control limit(final int book, final Config body) {
        RiskLimit limit = null;
        // in name order: a JSON object's keys come in no order the message could follow
        for (final String key : new TreeSet<>(body.root().keySet())) {
            if (key.equals("reason")) {
                continue;
            }
            final RiskLimit named = RiskLimit.ofLabel(key);
            if (named == null) {
                throw new BadRequest(HttpResponseStatus.BAD_REQUEST, "unknown field \"" + key + "\" (expected one of "
                    + RiskLimit.labels() + ", and reason)");
            }
            if (limit != null) {
                throw new BadRequest(HttpResponseStatus.BAD_REQUEST, "one limit per request, got \"" + limit.label()
                    + "\" and \"" + key + "\"");
            }
            limit = named;
        }
        if (limit == null) {
            throw new BadRequest(HttpResponseStatus.BAD_REQUEST, "missing the limit to set (one of " + RiskLimit.labels()
                + ")");
        }
        if (book < 0 && limit.bookOnly()) {
            throw new BadRequest(HttpResponseStatus.BAD_REQUEST, "\"" + limit.label() + "\" is a book's own limit,"
                + " with no engine-wide cap: set it with POST /books/{name}/limits");
        }
        final ConfigValue value = body.getValue(limit.label());
        final long fixed = valueOrMinusOne(limit, value);
        if (!limit.accepts(fixed)) {
            throw new BadRequest(HttpResponseStatus.BAD_REQUEST, "\"" + limit.label() + "\" must be "
                + limit.range() + ", got " + value.render());
        }
        return new Control(limit.command(), book, -1, 0, false, "set " + limit.label(), reasonOf(body), fixed);
    }

    /**
     * A string, number or (for {@code allow_short}) boolean value as {@code limit} reads it, fixed-point, or -1 (no
     * limit accepts it) when it is none of these or not a decimal.
     */
    private static long valueOrMinusOne(final RiskLimit limit, final ConfigValue value) {
        if (value.valueType() != ConfigValueType.STRING && value.valueType() != ConfigValueType.NUMBER
            && value.valueType() != ConfigValueType.BOOLEAN) {
            return -1;
        }
        return limit.parse(String.valueOf(value.unwrapped()));
    }

    private static String reasonOf(final Config body) {
        return body.hasPath("reason") ? string(body, "reason") : "";
    }

    private static String string(final Config body, final String key) {
        if (body.getValue(key).valueType() != ConfigValueType.STRING) {
            throw new BadRequest(HttpResponseStatus.BAD_REQUEST, "\"" + key + "\" must be a string");
        }
        return body.getString(key);
    }

    private static Config optionalBody(final FullHttpRequest request) {
        return request.content().readableBytes() == 0 ? ConfigFactory.empty() : body(request);
    }

    private static Config body(final FullHttpRequest request) {
        final String text = request.content().toString(StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw new BadRequest(HttpResponseStatus.BAD_REQUEST, "expected a JSON object body, e.g."
                + " {\"action\":\"engage\",\"reason\":\"...\",\"flatten\":false}");
        }
        try {
            return ConfigFactory.parseString(text, ConfigParseOptions.defaults().setSyntax(ConfigSyntax.JSON)
                .setOriginDescription("body"));
        } catch (final ConfigException e) {
            throw new BadRequest(HttpResponseStatus.BAD_REQUEST, "the body is not a JSON object: " + e.getMessage());
        }
    }

    /** An edge line of the audit log for one control request (never the token, never the query string). */
    private void audit(final String from, final String token, final String route, final int status, final long entry,
                       final Control control) {
        final StringBuilder fields = new StringBuilder(160);
        fields.append("\"from\":");
        AuditFormat.string(fields, from).append(",\"method\":\"POST\",\"path\":");
        AuditFormat.string(fields, route).append(",\"token\":\"").append(token).append("\",\"status\":").append(status);
        if (entry >= 0) {
            fields.append(",\"entry\":").append(entry);
        }
        if (control != null) {
            fields.append(",\"action\":");
            AuditFormat.string(fields, control.action());
            if (control.flatten()) {
                fields.append(",\"flatten\":true");
            }
            if (!control.reason().isEmpty()) {
                fields.append(",\"reason\":");
                AuditFormat.string(fields, control.reason());
            }
        }
        settings.audit().edge(AuditFormat.edgeLine(settings.wallClockMillis().getAsLong(), "request", fields.toString()));
    }

    // ---- responses ------------------------------------------------------------------------------------------------

    @Override
    public void userEventTriggered(final ChannelHandlerContext ctx, final Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            // nothing complete arrived within the request timeout (or an idle keep-alive connection): close it
            write(ctx, false, response(HttpResponseStatus.REQUEST_TIMEOUT, error("request timeout: nothing complete"
                + " within " + settings.requestTimeout().toMillis() + " ms")));
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause) {
        if (ctx.channel().isActive()) {
            write(ctx, false, response(HttpResponseStatus.INTERNAL_SERVER_ERROR, error("internal error: " + cause)));
        }
    }

    private static String error(final String message) {
        return new JsonWriter().beginObject().field("error", message).endObject().toString();
    }

    private static FullHttpResponse response(final HttpResponseStatus status, final String json) {
        final FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
            Unpooled.copiedBuffer(json, StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, JSON);
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
        return response;
    }

    private static void send(final ChannelHandlerContext ctx, final FullHttpRequest request,
                             final HttpResponseStatus status, final String json) {
        send(ctx, request, response(status, json));
    }

    private static void send(final ChannelHandlerContext ctx, final FullHttpRequest request,
                             final FullHttpResponse response) {
        if (request.method().equals(HttpMethod.HEAD)) {
            final int length = response.content().readableBytes();
            response.content().clear();
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, length);
            write(ctx, HttpUtil.isKeepAlive(request), response, false);
            return;
        }
        write(ctx, HttpUtil.isKeepAlive(request), response);
    }

    private static void write(final ChannelHandlerContext ctx, final boolean keepAlive,
                              final FullHttpResponse response) {
        write(ctx, keepAlive, response, true);
    }

    private static void write(final ChannelHandlerContext ctx, final boolean keepAlive, final FullHttpResponse response,
                              final boolean setLength) {
        if (setLength) {
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        }
        if (keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(response);
        } else {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static List<String> segments(final String rawPath) {
        final List<String> parts = new ArrayList<>();
        for (final String part : rawPath.split("/")) {
            if (!part.isEmpty()) {
                parts.add(QueryStringDecoder.decodeComponent(part));
            }
        }
        return parts;
    }

    private static String address(final SocketAddress remote) {
        return remote instanceof InetSocketAddress inet ? inet.getAddress().getHostAddress() : String.valueOf(remote);
    }

    /** A request the API refuses with a status and a message naming the problem. */
    private static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient HttpResponseStatus status;

        BadRequest(final HttpResponseStatus status, final String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }
}
