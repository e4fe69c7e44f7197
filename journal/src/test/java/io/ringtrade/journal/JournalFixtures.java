package io.ringtrade.journal;

import io.ringtrade.engine.api.event.CommandCode;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.EventType;
import io.ringtrade.engine.api.event.MarketDataKind;
import io.ringtrade.engine.api.money.FixedPoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Hand-made events of every type with distinct, non-zero values in every journaled field. */
final class JournalFixtures {
    /** 2024-01-02T03:04:05Z in epoch nanoseconds. */
    static final long T0 = 1_704_164_645_000_000_000L;

    private JournalFixtures() {
    }

    static EngineEvent trade(final long seq) {
        final EngineEvent e = new EngineEvent().setTrade(1, T0 + seq, FixedPoint.parse("800.01"), FixedPoint.parse("0.5"));
        e.sequence = seq;
        e.ingressNanos = 7 + seq;
        return e;
    }

    static EngineEvent bar(final long seq) {
        final EngineEvent e = new EngineEvent().setBar(2, T0 + seq, FixedPoint.of(10), FixedPoint.parse("12.5"),
            FixedPoint.parse("9.75"), FixedPoint.parse("11.25"), FixedPoint.parse("1234.00000001"));
        e.sequence = seq;
        e.ingressNanos = 8 + seq;
        return e;
    }

    static EngineEvent quote(final long seq) {
        final EngineEvent e = new EngineEvent();
        e.clear();
        e.type = EventType.MARKET_DATA;
        e.marketDataKind = MarketDataKind.QUOTE;
        e.instrumentId = 3;
        e.eventTimeNanos = T0 + seq;
        e.ingressNanos = 9 + seq;
        e.sequence = seq;
        e.bidPrice = FixedPoint.parse("99.5");
        e.bidQuantity = FixedPoint.parse("3");
        e.askPrice = FixedPoint.parse("100.25");
        e.askQuantity = FixedPoint.parse("4.125");
        return e;
    }

    static EngineEvent signal(final long seq) {
        final EngineEvent e = new EngineEvent();
        e.clear();
        e.type = EventType.EXTERNAL_SIGNAL;
        e.instrumentId = 4;
        e.eventTimeNanos = T0 + seq;
        e.ingressNanos = 10 + seq;
        e.sequence = seq;
        e.signalKey = 0x7FEE_DDCC_BBAA_9988L;
        e.signalSource = 5;
        e.signalAction = -1;
        e.signalSizeKind = 2;
        e.signalSize = FixedPoint.parse("0.25");
        e.signalPrice = FixedPoint.parse("101.5");
        e.signalTag = 6;
        e.signalScore = FixedPoint.parse("-0.75");
        return e;
    }

    static EngineEvent command(final long seq) {
        final EngineEvent e = new EngineEvent().setCommand(T0 + seq, CommandCode.CANCEL_ALL_ORDERS, 7, -12345L);
        e.sequence = seq;
        e.ingressNanos = 11 + seq;
        return e;
    }

    static EngineEvent report(final long seq) {
        final EngineEvent e = new EngineEvent();
        e.clear();
        e.type = EventType.EXECUTION_REPORT;
        e.instrumentId = 8;
        e.eventTimeNanos = T0 + seq;
        e.ingressNanos = 12 + seq;
        e.sequence = seq;
        e.clientOrderId = 1001;
        e.venueOrderId = Long.MAX_VALUE;
        e.reportKind = 3;
        e.lastQuantity = FixedPoint.parse("0.1");
        e.lastPrice = FixedPoint.parse("800");
        e.lastFee = FixedPoint.parse("0.00000001");
        return e;
    }

    static EngineEvent timer(final long seq) {
        final EngineEvent e = new EngineEvent();
        e.clear();
        e.type = EventType.TIMER;
        e.eventTimeNanos = T0 + seq;
        e.ingressNanos = 13 + seq;
        e.sequence = seq;
        return e;
    }

    /** One event of every type and market data kind, sequences from {@code firstSeq}. */
    static List<EngineEvent> everyType(final long firstSeq) {
        final List<EngineEvent> events = new ArrayList<>();
        events.add(trade(firstSeq));
        events.add(bar(firstSeq + 1));
        events.add(quote(firstSeq + 2));
        events.add(signal(firstSeq + 3));
        events.add(command(firstSeq + 4));
        events.add(report(firstSeq + 5));
        events.add(timer(firstSeq + 6));
        return events;
    }

    /** Writes {@code n} trades with sequences 0..n-1 (flushing every 10) and closes the journal. */
    static void writeTrades(final Path dir, final int n) {
        try (ChronicleEventJournal journal = ChronicleEventJournal.open(dir)) {
            for (int i = 0; i < n; i++) {
                journal.append(trade(i));
                if (i % 10 == 9) {
                    journal.flush();
                }
            }
            journal.flush();
        }
    }

    /** Reads the whole journal into fresh events. */
    static List<EngineEvent> readAll(final Path dir) {
        final List<EngineEvent> events = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(dir)) {
            final EngineEvent slot = new EngineEvent();
            while (reader.next(slot)) {
                final EngineEvent copy = new EngineEvent();
                copy.copyInputFrom(slot);
                events.add(copy);
            }
        }
        return events;
    }

    /** The single cycle file of a journal written within one day. */
    static Path onlyCycleFile(final Path dir) {
        try (var files = Files.list(dir)) {
            final List<Path> cycles = files.filter(p -> p.getFileName().toString().endsWith(".cq4")).toList();
            if (cycles.size() != 1) {
                throw new IllegalStateException("expected one cycle file in " + dir + ": " + cycles);
            }
            return cycles.get(0);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
