package io.ringtrade.adapters.venue.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.GlobalEventExecutor;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake of Alpaca's trade-updates websocket ({@code /stream}) on loopback, with Netty's websocket server codec: it
 * answers the documented auth message ({@code authorized} for the key {@code key}, else {@code unauthorized} and a
 * close) and the listen message ({@code listening} to {@code trade_updates}), then pushes the events {@link FakeAlpaca}
 * hands it as binary frames, as Alpaca's paper stream does. {@link #drop} closes every connection (a network drop);
 * {@link #refuse} makes new connections fail the handshake. One event-loop thread; stops with the test.
 */
public final class FakeAlpacaStream implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    public final AtomicInteger connections = new AtomicInteger();
    public final AtomicInteger pushed = new AtomicInteger();
    /** Every event's data object pushed so far (also those no one listened to), oldest first. */
    public final List<String> history = new CopyOnWriteArrayList<>();
    public volatile boolean refuse;
    private final EventLoopGroup group;
    private final Channel server;
    private final ChannelGroup listening = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);

    /** Starts the fake on a free loopback port. */
    public FakeAlpacaStream() throws InterruptedException {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
            .childHandler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(final SocketChannel channel) {
                    if (refuse) {
                        channel.close();
                        return;
                    }
                    connections.incrementAndGet();
                    channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65_536),
                        new WebSocketServerProtocolHandler("/stream"), new Messages());
                }
            })
            .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
    }

    /** The trading API's base URL whose stream this is ({@code http://127.0.0.1:PORT}). */
    public String baseUrl() {
        return "http://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** Connections authorized and listening now. */
    public int listeners() {
        return listening.size();
    }

    /** Pushes one {@code trade_updates} message ({@code data} is its data object) to every listener. */
    public void push(final String data) {
        pushed.incrementAndGet();
        history.add(data);
        final byte[] bytes = ("{\"stream\":\"trade_updates\",\"data\":" + data + "}").getBytes(StandardCharsets.UTF_8);
        for (final Channel channel : listening) {
            channel.writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(bytes)));
        }
    }

    /** Closes every connection, as a network drop would. */
    public void drop() {
        listening.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    /** The auth and listen handshake. */
    private final class Messages extends SimpleChannelInboundHandler<TextWebSocketFrame> {
        @Override
        protected void channelRead0(final ChannelHandlerContext context, final TextWebSocketFrame frame)
            throws Exception {
            final JsonNode message = JSON.readTree(frame.text());
            switch (message.path("action").asText()) {
                case "auth" -> {
                    if ("key".equals(message.path("key").asText())) {
                        context.writeAndFlush(new TextWebSocketFrame(
                            "{\"stream\":\"authorization\",\"data\":{\"status\":\"authorized\",\"action\":\"authenticate\"}}"));
                    } else {
                        context.writeAndFlush(new TextWebSocketFrame(
                            "{\"stream\":\"authorization\",\"data\":{\"status\":\"unauthorized\",\"action\":\"authenticate\"}}"))
                            .addListener(done -> context.close());
                    }
                }
                case "listen" -> {
                    context.writeAndFlush(new TextWebSocketFrame(
                        "{\"stream\":\"listening\",\"data\":{\"streams\":[\"trade_updates\"]}}"));
                    listening.add(context.channel());
                }
                default -> context.writeAndFlush(new TextWebSocketFrame(
                    "{\"stream\":\"error\",\"data\":{\"error\":\"unknown action\"}}"));
            }
        }
    }

    @Override
    public void close() {
        server.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        listening.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
