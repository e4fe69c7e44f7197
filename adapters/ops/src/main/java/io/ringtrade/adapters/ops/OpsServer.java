package io.ringtrade.adapters.ops;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import io.ringtrade.engine.pipeline.GatewayHooks;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The ops HTTP server (DESIGN.md §7): Netty on its own event-loop threads, one small pipeline per connection
 * ({@code HttpServerCodec} → idle timeout → {@code HttpObjectAggregator} with the body limit → {@link OpsHandler}),
 * bound to loopback unless configured otherwise. It never touches business-logic state: reads come from the state
 * view, control goes through the ring. {@link #commandListener} is what the engine's gateway must call for every
 * command input it passes ({@link GatewayHooks#commands}), so create the server's listener before the engine starts
 * and {@link #start} the server after.
 *
 * <p>Threads: one acceptor and one worker event loop ({@code ringtrade-http-*}); start and close from any one thread.
 */
public final class OpsServer implements AutoCloseable {
    private final PendingControls pending = new PendingControls();
    private EventLoopGroup group;
    private Channel channel;

    /** The listener the engine's gateway tells of every released command (see the class comment). */
    public GatewayHooks.CommandListener commandListener() {
        return pending;
    }

    /**
     * Starts listening on {@code bind}:{@code port} (0 = an ephemeral port) and returns the port.
     *
     * @throws IllegalStateException naming the address when it cannot be bound
     */
    public int start(final String bind, final int port, final OpsEngine engine, final OpsSettings settings) {
        if (group != null) {
            throw new IllegalStateException("started already");
        }
        final OpsHandler handler = new OpsHandler(engine, settings, pending);
        group = new MultiThreadIoEventLoopGroup(1, runnable -> {
            final Thread thread = new Thread(runnable, "ringtrade-http");
            thread.setDaemon(true);
            return thread;
        }, NioIoHandler.newFactory());
        final long timeoutMillis = settings.requestTimeout().toMillis();
        final ServerBootstrap bootstrap = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 256)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(final SocketChannel socket) {
                    socket.pipeline()
                        .addLast(new HttpServerCodec())
                        .addLast(new IdleStateHandler(timeoutMillis, 0, 0, TimeUnit.MILLISECONDS))
                        .addLast(new HttpObjectAggregator(settings.maxBodyBytes()))
                        .addLast(handler);
                }
            });
        try {
            channel = bootstrap.bind(new InetSocketAddress(bind, port)).sync().channel();
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while binding " + bind + ":" + port, e);
        } catch (final RuntimeException e) {
            close();
            throw new IllegalStateException("cannot listen on " + bind + ":" + port + ": " + e.getMessage(), e);
        }
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** Stops listening and shuts the event loops down (waits up to a few seconds). */
    @Override
    public void close() {
        if (channel != null) {
            channel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
            channel = null;
        }
        if (group != null) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
            group = null;
        }
    }
}
