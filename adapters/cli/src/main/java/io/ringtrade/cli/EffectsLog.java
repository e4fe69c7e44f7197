package io.ringtrade.cli;

import io.ringtrade.engine.api.event.EffectKind;
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
 * An audit of every venue request the gateway released, appended one line per request
 * ({@code client_order_id,kind,book,symbol,side,quantity,notional}) straight to the file (no user-space buffer, so a
 * killed process loses nothing it released). In paper mode it stands where a venue would be: a crash test reads it to
 * prove no client order id was ever submitted twice. Called on the gateway thread only.
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
    public void release(final OrderEffect effect, final EngineEvent cause) {
        line.setLength(0);
        line.append(effect.clientOrderId).append(',').append(EffectKind.name(effect.kind)).append(',')
            .append(bookNames[effect.bookIndex]).append(',')
            .append(effect.instrumentId < 0 ? "*" : instruments.get(effect.instrumentId).symbol()).append(',')
            .append(effect.side > 0 ? "BUY" : effect.side < 0 ? "SELL" : "").append(',');
        FixedPoint.appendTo(line, effect.quantity).append(',');
        FixedPoint.appendTo(line, effect.notional).append('\n');
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
