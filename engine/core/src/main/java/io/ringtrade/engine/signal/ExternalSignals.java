package io.ringtrade.engine.signal;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.OrderType;
import io.ringtrade.engine.api.event.SignalSizeKind;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.book.Book;
import io.ringtrade.engine.order.OrderReason;
import io.ringtrade.engine.order.OrderRequest;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;
import org.agrona.collections.LongHashSet;

import java.util.Arrays;

/**
 * The external-signal stage (TradingView-style alerts): checks a signal's idempotency key, so a sender's retry or a
 * signal sent again after a crash causes no second order, and turns the signal into an order request: buy (+1) or
 * sell (−1) the signal's size (a quantity, or money converted at the latest price), rounded down to the lot, or close
 * (0) the whole position; with a price it is a limit order at that price, otherwise a market order. Seen keys are
 * state: recovery rebuilds them. Business-logic thread; allocation-free apart from the key set growing.
 */
public final class ExternalSignals {
    private final LongHashSet seenKeys = new LongHashSet();
    private long duplicates;
    private long invalid;

    /** Counts a signal for a book or instrument that does not exist or does not match; its key stays unused. */
    public void countInvalid() {
        invalid++;
    }

    /** Records the signal's key; returns false (counting a duplicate) when it was seen before. */
    public boolean firstTime(final EngineEvent signal) {
        if (!seenKeys.add(signal.signalKey)) {
            duplicates++;
            return false;
        }
        return true;
    }

    /**
     * Fills {@code request} for {@code signal} on {@code book} with the latest price {@code lastPrice}. Returns false
     * when it places nothing (close while flat).
     */
    public static boolean toRequest(final EngineEvent signal, final Book book, final long lastPrice, final long lot,
                                    final OrderRequest request) {
        final int instrumentId = signal.instrumentId;
        final long held = book.position(instrumentId);
        request.clear();
        request.bookIndex = book.index();
        request.instrumentId = instrumentId;
        request.type = signal.signalPrice > 0 ? OrderType.LIMIT : OrderType.MARKET;
        request.price = signal.signalPrice;
        request.referencePrice = lastPrice;
        request.timeNanos = signal.eventTimeNanos;
        request.origin = OrderReason.SIGNAL;
        if (signal.signalAction == 0) {
            if (held == 0) {
                return false;
            }
            request.side = held > 0 ? -1 : 1;
            request.quantity = Math.abs(held);
            return true;
        }
        request.side = signal.signalAction > 0 ? 1 : -1;
        try {
            final long quantity = signal.signalSizeKind == SignalSizeKind.NOTIONAL
                ? (lastPrice <= 0 ? 0 : FixedPoint.divideFloor(signal.signalSize, lastPrice))
                : signal.signalSize;
            request.quantity = FixedPoint.roundDownToStep(quantity, lot);
        } catch (final ArithmeticException overflow) {
            request.refusal = OrderReason.OVERFLOW;
        }
        return true;
    }

    /** Signals ignored because their key was seen before. */
    public long duplicates() {
        return duplicates;
    }

    /** Signals ignored because their book or instrument does not exist or does not match. */
    public long invalid() {
        return invalid;
    }

    /** Writes the seen keys (sorted, so equal states give equal bytes) and counters for a snapshot. */
    public void writeState(final StateWriter out) {
        out.section("signals").writeLong(duplicates).writeLong(invalid);
        final long[] keys = new long[seenKeys.size()];
        int n = 0;
        final LongHashSet.LongIterator iterator = seenKeys.iterator();
        while (iterator.hasNext()) {
            keys[n++] = iterator.nextValue();
        }
        Arrays.sort(keys);
        out.writeLongs(keys);
    }

    /** Restores the seen keys and counters from a snapshot. */
    public void readState(final StateReader in) {
        in.section("signals");
        duplicates = in.readLong();
        invalid = in.readLong();
        for (final long key : in.readLongs()) {
            seenKeys.add(key);
        }
    }
}
