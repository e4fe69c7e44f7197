package io.ringtrade.cli;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.OrderEffect;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.pipeline.EffectSink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An audit of every order the gateway released, appended one line per order
 * ({@code client_order_id,book,symbol,side,quantity}) straight to the file (no user-space buffer, so a killed
 * process loses nothing it released). In paper mode it stands where a venue would be: a crash test reads it to
 * prove no client order id was ever sent twice. Called on the gateway thread only.
 */
final class EffectsLog implements EffectSink, AutoCloseable {
    private final FileChannel channel;
    private final InstrumentRegistry instruments;
    private final String[] bookNames;
    private final StringBuilder line = new StringBuilder(96);

    EffectsLog(final Path file, final InstrumentRegistry instruments, final String[] bookNames) {
        try {
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot open effects log " + file + ": " + e.getMessage(), e);
        }
        this.instruments = instruments;
        this.bookNames = bookNames.clone();
    }

    @Override
    public void release(final OrderEffect order, final EngineEvent cause) {
        line.setLength(0);
        line.append(order.clientOrderId).append(',').append(bookNames[order.strategyIndex]).append(',')
            .append(instruments.get(order.instrumentId).symbol()).append(',').append(order.side > 0 ? "BUY" : "SELL")
            .append(',');
        FixedPoint.appendTo(line, order.quantity).append('\n');
        try {
            final ByteBuffer bytes = StandardCharsets.UTF_8.encode(line.toString());
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot append to the effects log: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
