package io.ringtrade.journal;

import io.ringtrade.engine.api.event.CommandCode;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.EventType;
import io.ringtrade.engine.api.event.MarketDataKind;
import io.ringtrade.engine.api.money.FixedPoint;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * Prints a journal as text, one line per entry: entry number, event time (ISO-8601 UTC), type, then the type's fields
 * by name, prices and quantities as decimals. For operators and tests; runs on the caller's thread and allocates
 * freely. For example:
 * <pre>
 * 0 2024-01-02T03:04:05Z MARKET_DATA seq=0 instrument=1 ingress=7 kind=TRADE price=800.01 quantity=0.5
 * 42 2024-01-02T03:04:05Z COMMAND seq=42 instrument=-1 ingress=0 code=SKIP_ENTRY entry=17 type=MARKET_DATA reason="overflowed in risk"
 * </pre>
 * A {@code SKIP_ENTRY} command shows the entry it passes over and, from {@value JournalSkips#LOG_FILE}, why.
 */
public final class JournalDump {
    private JournalDump() {
    }

    /**
     * Prints up to {@code limit} entries starting at entry {@code from} to {@code out}.
     *
     * @return the number of lines printed
     * @throws JournalException as {@link JournalReader} does; the complete entries before a bad one are printed first
     */
    public static long print(final Path dir, final long from, final long limit, final PrintStream out) {
        final EngineEvent slot = new EngineEvent();
        final Map<Long, String> reasons = JournalSkips.reasons(dir);
        long printed = 0;
        try (JournalReader reader = JournalReader.open(dir, from)) {
            while (printed < limit && reader.next(slot)) {
                final String reason = JournalSkips.isSkip(slot) ? reasons.get(reader.lastEntry()) : null;
                out.println(reason == null ? format(reader.lastEntry(), slot)
                    : format(reader.lastEntry(), slot) + " reason=\"" + reason + "\"");
                printed++;
            }
        } finally {
            out.flush();
        }
        return printed;
    }

    /** The dump line for {@code event} read as entry number {@code entry}. */
    public static String format(final long entry, final EngineEvent event) {
        final StringBuilder line = new StringBuilder(160);
        line.append(entry).append(' ')
            .append(Instant.ofEpochSecond(0, event.eventTimeNanos)).append(' ')
            .append(EventType.name(event.type))
            .append(" seq=").append(event.sequence)
            .append(" instrument=").append(event.instrumentId)
            .append(" ingress=").append(event.ingressNanos);
        switch (event.type) {
            case EventType.MARKET_DATA -> {
                line.append(" kind=").append(MarketDataKind.name(event.marketDataKind));
                switch (event.marketDataKind) {
                    case MarketDataKind.TRADE -> {
                        decimal(line, "price", event.price);
                        decimal(line, "quantity", event.quantity);
                    }
                    case MarketDataKind.BAR -> {
                        decimal(line, "open", event.open);
                        decimal(line, "high", event.high);
                        decimal(line, "low", event.low);
                        decimal(line, "close", event.close);
                        decimal(line, "volume", event.volume);
                    }
                    default -> {
                        decimal(line, "bidPrice", event.bidPrice);
                        decimal(line, "bidQuantity", event.bidQuantity);
                        decimal(line, "askPrice", event.askPrice);
                        decimal(line, "askQuantity", event.askQuantity);
                    }
                }
            }
            case EventType.EXTERNAL_SIGNAL -> {
                line.append(" key=").append(event.signalKey)
                    .append(" source=").append(event.signalSource)
                    .append(" action=").append(event.signalAction)
                    .append(" sizeKind=").append(event.signalSizeKind);
                decimal(line, "size", event.signalSize);
                decimal(line, "price", event.signalPrice);
                line.append(" tag=").append(event.signalTag);
                decimal(line, "score", event.signalScore);
                line.append(" book=").append(event.bookIndex);
            }
            case EventType.COMMAND -> {
                line.append(" code=").append(CommandCode.name(event.commandCode));
                if (event.commandCode == CommandCode.SKIP_ENTRY) {
                    line.append(" entry=").append(event.commandArgument).append(" type=").append(EventType.name(event.bookIndex));
                } else {
                    line.append(" book=").append(event.bookIndex).append(" argument=").append(event.commandArgument);
                }
            }
            case EventType.EXECUTION_REPORT -> {
                line.append(" clientOrderId=").append(event.clientOrderId)
                    .append(" venueOrderId=").append(event.venueOrderId)
                    .append(" reportKind=").append(event.reportKind);
                decimal(line, "lastQuantity", event.lastQuantity);
                decimal(line, "lastPrice", event.lastPrice);
                decimal(line, "lastFee", event.lastFee);
            }
            default -> {
                // TIMER: the time is the event
            }
        }
        return line.toString();
    }

    private static void decimal(final StringBuilder line, final String name, final long fixed) {
        FixedPoint.appendTo(line.append(' ').append(name).append('='), fixed);
    }
}
