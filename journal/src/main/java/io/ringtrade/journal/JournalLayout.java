package io.ringtrade.journal;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.EventType;
import io.ringtrade.engine.api.event.MarketDataKind;
import net.openhft.chronicle.bytes.Bytes;

/**
 * The binary layout of one journal entry, schema version {@value #SCHEMA_VERSION}: the payload of one Chronicle
 * Queue excerpt. Only the input fields of {@link EngineEvent} are written, never its effects. All values are
 * little-endian; offsets are from the start of the excerpt's payload (Chronicle's own 4-byte excerpt header,
 * length plus complete/metadata bits, precedes it and is not part of this layout).
 *
 * <p>Every entry starts with the same 32-byte header:
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-------------------------------+-------------------------------+
 *  |  Schema version (int16) = 1   |       Event type (int16)      |  0
 *  +-------------------------------+-------------------------------+
 *  |                     Instrument id (int32)                     |  4
 *  +---------------------------------------------------------------+
 *  |                        Sequence (int64)                       |  8
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |              Event time, epoch nanoseconds (int64)            | 16
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |          Ingress time, monotonic nanoseconds (int64)          | 24
 *  |                                                               |
 *  +---------------------------------------------------------------+
 * </pre>
 * then the fields of the event type, then a 4-byte checksum. Each (type, market data kind) has one fixed length,
 * so a length that matches none is corruption:
 * <pre>
 *  offset  MARKET_DATA/TRADE  MARKET_DATA/BAR  MARKET_DATA/QUOTE  EXTERNAL_SIGNAL     COMMAND           EXECUTION_REPORT     TIMER
 *    32    kind int32 = 1     kind int32 = 2   kind int32 = 3     signalKey int64     commandCode int32 clientOrderId int64  checksum int32
 *    36    reserved int32 = 0 reserved = 0     reserved = 0       (signalKey)         bookIndex int32   (clientOrderId)
 *    40    price int64        open int64       bidPrice int64     signalSource int32  commandArg int64  venueOrderId int64
 *    44                                                           signalAction int32
 *    48    quantity int64     high int64       bidQuantity int64  signalSizeKind int32 checksum int32   kind|reason int32
 *    52                                                           signalTag int32                       reserved int32 = 0
 *    56    checksum int32     low int64        askPrice int64     signalSize int64                      lastQuantity int64
 *    64                       close int64      askQuantity int64  signalPrice int64                     lastPrice int64
 *    72                       volume int64     checksum int32     signalScore int64                     lastFee int64
 *    80                       checksum int32                      bookIndex int32                      checksum int32
 *    84                                                           checksum int32
 *  length  60                 84               76                 88                  52                84                   36
 * </pre>
 * The market data kinds carry only the fields {@link EngineEvent} documents for them; a read slot is
 * {@link EngineEvent#clear() cleared} first, so the other fields come back as their cleared values.
 *
 * <p>Checksum: {@code h = 0x9E3779B97F4A7C15}; for every field of the entry in offset order, reserved fields
 * excluded, the value sign-extended to 64 bits {@code v}: {@code h = rotateLeft(h ^ v, 29) * 0xBF58476D1CE4E5B9}
 * (mod 2<sup>64</sup>); the checksum is the low 32 bits of {@code h ^ (h >>> 32)}. It exists to catch what Chronicle's
 * complete bit cannot: an excerpt whose header reached the disk while (part of) its payload did not, which reads
 * back as zeros, and a file cut inside an entry. An all-zero payload never passes it.
 *
 * <p>Evolution: codes are only ever added ({@link EventType}, {@link MarketDataKind}); a change to any existing
 * offset or length needs a new {@link #SCHEMA_VERSION}, and readers refuse versions they do not know.
 *
 * <p>Stateless; encode and decode run on the calling thread (the journal stage, a replay) and never allocate.
 */
public final class JournalLayout {
    /** Version of this layout, written in every entry and in the queue's metadata. */
    public static final short SCHEMA_VERSION = 1;

    /** Offset of the schema version, int16. */
    public static final int SCHEMA_VERSION_OFFSET = 0;
    /** Offset of the {@link EventType} code, int16. */
    public static final int EVENT_TYPE_OFFSET = 2;
    /** Offset of the instrument id, int32. */
    public static final int INSTRUMENT_ID_OFFSET = 4;
    /** Offset of the input sequence, int64. */
    public static final int SEQUENCE_OFFSET = 8;
    /** Offset of the event time (epoch ns), int64. */
    public static final int EVENT_TIME_OFFSET = 16;
    /** Offset of the ingress time (monotonic ns), int64. */
    public static final int INGRESS_TIME_OFFSET = 24;
    /** Length of the common header; the type's fields start here. */
    public static final int HEADER_LENGTH = 32;
    /** Length of the trailing checksum, int32. */
    public static final int CHECKSUM_LENGTH = 4;

    /** MARKET_DATA: offset of the {@link MarketDataKind} code, int32. */
    public static final int MARKET_DATA_KIND_OFFSET = 32;
    /** MARKET_DATA: reserved int32, written as 0, keeps the prices 8-byte aligned within the payload. */
    public static final int MARKET_DATA_RESERVED_OFFSET = 36;
    /** TRADE: price, int64. */
    public static final int TRADE_PRICE_OFFSET = 40;
    /** TRADE: quantity, int64. */
    public static final int TRADE_QUANTITY_OFFSET = 48;
    /** TRADE: entry length including the checksum. */
    public static final int TRADE_LENGTH = 60;
    /** BAR: open, int64. */
    public static final int BAR_OPEN_OFFSET = 40;
    /** BAR: high, int64. */
    public static final int BAR_HIGH_OFFSET = 48;
    /** BAR: low, int64. */
    public static final int BAR_LOW_OFFSET = 56;
    /** BAR: close, int64. */
    public static final int BAR_CLOSE_OFFSET = 64;
    /** BAR: volume, int64. */
    public static final int BAR_VOLUME_OFFSET = 72;
    /** BAR: entry length including the checksum. */
    public static final int BAR_LENGTH = 84;
    /** QUOTE: best bid, int64. */
    public static final int QUOTE_BID_PRICE_OFFSET = 40;
    /** QUOTE: size at best bid, int64. */
    public static final int QUOTE_BID_QUANTITY_OFFSET = 48;
    /** QUOTE: best ask, int64. */
    public static final int QUOTE_ASK_PRICE_OFFSET = 56;
    /** QUOTE: size at best ask, int64. */
    public static final int QUOTE_ASK_QUANTITY_OFFSET = 64;
    /** QUOTE: entry length including the checksum. */
    public static final int QUOTE_LENGTH = 76;

    /** EXTERNAL_SIGNAL: idempotency key, int64. */
    public static final int SIGNAL_KEY_OFFSET = 32;
    /** EXTERNAL_SIGNAL: sender id, int32. */
    public static final int SIGNAL_SOURCE_OFFSET = 40;
    /** EXTERNAL_SIGNAL: action, int32. */
    public static final int SIGNAL_ACTION_OFFSET = 44;
    /** EXTERNAL_SIGNAL: size kind, int32. */
    public static final int SIGNAL_SIZE_KIND_OFFSET = 48;
    /** EXTERNAL_SIGNAL: tag id, int32. */
    public static final int SIGNAL_TAG_OFFSET = 52;
    /** EXTERNAL_SIGNAL: size, int64. */
    public static final int SIGNAL_SIZE_OFFSET = 56;
    /** EXTERNAL_SIGNAL: price hint, int64. */
    public static final int SIGNAL_PRICE_OFFSET = 64;
    /** EXTERNAL_SIGNAL: score, int64. */
    public static final int SIGNAL_SCORE_OFFSET = 72;
    /** EXTERNAL_SIGNAL: index of the book the signal is for, int32. */
    public static final int SIGNAL_BOOK_OFFSET = 80;
    /** EXTERNAL_SIGNAL: entry length including the checksum. */
    public static final int EXTERNAL_SIGNAL_LENGTH = 88;

    /** COMMAND: {@code CommandCode}, int32. */
    public static final int COMMAND_CODE_OFFSET = 32;
    /** COMMAND: target, int32. */
    public static final int COMMAND_TARGET_OFFSET = 36;
    /** COMMAND: argument, int64. */
    public static final int COMMAND_ARGUMENT_OFFSET = 40;
    /** COMMAND: entry length including the checksum. */
    public static final int COMMAND_LENGTH = 52;

    /** EXECUTION_REPORT: client order id, int64. */
    public static final int REPORT_CLIENT_ORDER_ID_OFFSET = 32;
    /** EXECUTION_REPORT: venue order id, int64. */
    public static final int REPORT_VENUE_ORDER_ID_OFFSET = 40;
    /** EXECUTION_REPORT: report kind, int32. */
    public static final int REPORT_KIND_OFFSET = 48;
    /** EXECUTION_REPORT: reserved int32, written as 0. */
    public static final int REPORT_RESERVED_OFFSET = 52;
    /** EXECUTION_REPORT: filled quantity, int64. */
    public static final int REPORT_LAST_QUANTITY_OFFSET = 56;
    /** EXECUTION_REPORT: fill price, int64. */
    public static final int REPORT_LAST_PRICE_OFFSET = 64;
    /** EXECUTION_REPORT: fee, int64. */
    public static final int REPORT_LAST_FEE_OFFSET = 72;
    /** EXECUTION_REPORT: entry length including the checksum. */
    public static final int EXECUTION_REPORT_LENGTH = 84;

    /** TIMER: entry length (header and checksum only; the event time is the time advanced to). */
    public static final int TIMER_LENGTH = 36;

    /** Longest entry of this version. */
    public static final int MAX_LENGTH = 84;

    /** {@link #decode} result: the slot holds the entry. */
    public static final int DECODED = 0;
    /** {@link #decode} result: the entry was written with another schema version ({@link #schemaVersionOf}). */
    public static final int OTHER_SCHEMA_VERSION = 1;
    /** {@link #decode} result: wrong length, unknown type or kind, or checksum mismatch. */
    public static final int CORRUPT = 2;

    private static final long CHECKSUM_SEED = 0x9E3779B97F4A7C15L;
    private static final long CHECKSUM_MULTIPLIER = 0xBF58476D1CE4E5B9L;

    private JournalLayout() {
    }

    /**
     * Length of the entry for an event of {@code type} (and {@code marketDataKind} when it is market data), or -1
     * when this version has no layout for it (NONE, an unknown code).
     */
    public static int lengthOf(final int type, final int marketDataKind) {
        return switch (type) {
            case EventType.MARKET_DATA -> switch (marketDataKind) {
                case MarketDataKind.TRADE -> TRADE_LENGTH;
                case MarketDataKind.BAR -> BAR_LENGTH;
                case MarketDataKind.QUOTE -> QUOTE_LENGTH;
                default -> -1;
            };
            case EventType.EXTERNAL_SIGNAL -> EXTERNAL_SIGNAL_LENGTH;
            case EventType.COMMAND -> COMMAND_LENGTH;
            case EventType.EXECUTION_REPORT -> EXECUTION_REPORT_LENGTH;
            case EventType.TIMER -> TIMER_LENGTH;
            default -> -1;
        };
    }

    /** Whether some entry of this version has exactly {@code length} bytes: a cheap sanity check on a header. */
    public static boolean isEntryLength(final int length) {
        return length == TRADE_LENGTH || length == BAR_LENGTH || length == QUOTE_LENGTH
            || length == EXTERNAL_SIGNAL_LENGTH || length == COMMAND_LENGTH || length == TIMER_LENGTH;
    }

    /**
     * Writes {@code event} at the write position of {@code bytes} and advances it by
     * {@link #lengthOf lengthOf(type, kind)}, which the caller has checked is not -1.
     */
    public static void encode(final EngineEvent event, final Bytes<?> bytes) {
        // Fields are written in offset order; JournalLayoutTest reads them back at the documented offsets.
        long h = CHECKSUM_SEED;
        bytes.writeShort(SCHEMA_VERSION);
        h = mix(h, SCHEMA_VERSION);
        bytes.writeShort((short) event.type);
        h = mix(h, (short) event.type);
        bytes.writeInt(event.instrumentId);
        h = mix(h, event.instrumentId);
        bytes.writeLong(event.sequence);
        h = mix(h, event.sequence);
        bytes.writeLong(event.eventTimeNanos);
        h = mix(h, event.eventTimeNanos);
        bytes.writeLong(event.ingressNanos);
        h = mix(h, event.ingressNanos);
        switch (event.type) {
            case EventType.MARKET_DATA -> {
                bytes.writeInt(event.marketDataKind);
                h = mix(h, event.marketDataKind);
                bytes.writeInt(0);
                switch (event.marketDataKind) {
                    case MarketDataKind.TRADE -> {
                        h = write(bytes, h, event.price);
                        h = write(bytes, h, event.quantity);
                    }
                    case MarketDataKind.BAR -> {
                        h = write(bytes, h, event.open);
                        h = write(bytes, h, event.high);
                        h = write(bytes, h, event.low);
                        h = write(bytes, h, event.close);
                        h = write(bytes, h, event.volume);
                    }
                    default -> {
                        h = write(bytes, h, event.bidPrice);
                        h = write(bytes, h, event.bidQuantity);
                        h = write(bytes, h, event.askPrice);
                        h = write(bytes, h, event.askQuantity);
                    }
                }
            }
            case EventType.EXTERNAL_SIGNAL -> {
                h = write(bytes, h, event.signalKey);
                h = write(bytes, h, event.signalSource);
                h = write(bytes, h, event.signalAction);
                h = write(bytes, h, event.signalSizeKind);
                h = write(bytes, h, event.signalTag);
                h = write(bytes, h, event.signalSize);
                h = write(bytes, h, event.signalPrice);
                h = write(bytes, h, event.signalScore);
                h = write(bytes, h, event.bookIndex);
            }
            case EventType.COMMAND -> {
                h = write(bytes, h, event.commandCode);
                h = write(bytes, h, event.bookIndex);
                h = write(bytes, h, event.commandArgument);
            }
            case EventType.EXECUTION_REPORT -> {
                h = write(bytes, h, event.clientOrderId);
                h = write(bytes, h, event.venueOrderId);
                h = write(bytes, h, event.reportKind);
                bytes.writeInt(0);
                h = write(bytes, h, event.lastQuantity);
                h = write(bytes, h, event.lastPrice);
                h = write(bytes, h, event.lastFee);
            }
            default -> {
                // TIMER: the header is the whole event.
            }
        }
        bytes.writeInt(finish(h));
    }

    /**
     * Reads the entry of {@code length} bytes at absolute offset {@code start} of {@code bytes} into {@code slot}
     * (cleared first). Returns {@link #DECODED}, {@link #OTHER_SCHEMA_VERSION} or {@link #CORRUPT}; after a failure
     * the slot's content is unspecified. Reads no further than {@code start + length}.
     */
    public static int decode(final Bytes<?> bytes, final long start, final long length, final EngineEvent slot) {
        if (length < HEADER_LENGTH + CHECKSUM_LENGTH) {
            return CORRUPT;
        }
        final short version = bytes.readShort(start + SCHEMA_VERSION_OFFSET);
        if (version != SCHEMA_VERSION) {
            // A zeroed or cut entry also lands here with version 0; that is corruption, not another version.
            return version > 0 ? OTHER_SCHEMA_VERSION : CORRUPT;
        }
        final short type = bytes.readShort(start + EVENT_TYPE_OFFSET);
        final int kind = type == EventType.MARKET_DATA ? bytes.readInt(start + MARKET_DATA_KIND_OFFSET) : 0;
        if (lengthOf(type, kind) != length) {
            return CORRUPT;
        }
        slot.clear();
        long h = CHECKSUM_SEED;
        h = mix(h, version);
        slot.type = type;
        h = mix(h, type);
        slot.instrumentId = bytes.readInt(start + INSTRUMENT_ID_OFFSET);
        h = mix(h, slot.instrumentId);
        slot.sequence = bytes.readLong(start + SEQUENCE_OFFSET);
        h = mix(h, slot.sequence);
        slot.eventTimeNanos = bytes.readLong(start + EVENT_TIME_OFFSET);
        h = mix(h, slot.eventTimeNanos);
        slot.ingressNanos = bytes.readLong(start + INGRESS_TIME_OFFSET);
        h = mix(h, slot.ingressNanos);
        switch (type) {
            case EventType.MARKET_DATA -> {
                slot.marketDataKind = kind;
                h = mix(h, kind);
                switch (kind) {
                    case MarketDataKind.TRADE -> {
                        slot.price = bytes.readLong(start + TRADE_PRICE_OFFSET);
                        slot.quantity = bytes.readLong(start + TRADE_QUANTITY_OFFSET);
                        h = mix(mix(h, slot.price), slot.quantity);
                    }
                    case MarketDataKind.BAR -> {
                        slot.open = bytes.readLong(start + BAR_OPEN_OFFSET);
                        slot.high = bytes.readLong(start + BAR_HIGH_OFFSET);
                        slot.low = bytes.readLong(start + BAR_LOW_OFFSET);
                        slot.close = bytes.readLong(start + BAR_CLOSE_OFFSET);
                        slot.volume = bytes.readLong(start + BAR_VOLUME_OFFSET);
                        h = mix(mix(mix(mix(mix(h, slot.open), slot.high), slot.low), slot.close), slot.volume);
                    }
                    default -> {
                        slot.bidPrice = bytes.readLong(start + QUOTE_BID_PRICE_OFFSET);
                        slot.bidQuantity = bytes.readLong(start + QUOTE_BID_QUANTITY_OFFSET);
                        slot.askPrice = bytes.readLong(start + QUOTE_ASK_PRICE_OFFSET);
                        slot.askQuantity = bytes.readLong(start + QUOTE_ASK_QUANTITY_OFFSET);
                        h = mix(mix(mix(mix(h, slot.bidPrice), slot.bidQuantity), slot.askPrice), slot.askQuantity);
                    }
                }
            }
            case EventType.EXTERNAL_SIGNAL -> {
                slot.signalKey = bytes.readLong(start + SIGNAL_KEY_OFFSET);
                slot.signalSource = bytes.readInt(start + SIGNAL_SOURCE_OFFSET);
                slot.signalAction = bytes.readInt(start + SIGNAL_ACTION_OFFSET);
                slot.signalSizeKind = bytes.readInt(start + SIGNAL_SIZE_KIND_OFFSET);
                slot.signalTag = bytes.readInt(start + SIGNAL_TAG_OFFSET);
                slot.signalSize = bytes.readLong(start + SIGNAL_SIZE_OFFSET);
                slot.signalPrice = bytes.readLong(start + SIGNAL_PRICE_OFFSET);
                slot.signalScore = bytes.readLong(start + SIGNAL_SCORE_OFFSET);
                slot.bookIndex = bytes.readInt(start + SIGNAL_BOOK_OFFSET);
                h = mix(mix(mix(mix(h, slot.signalKey), slot.signalSource), slot.signalAction), slot.signalSizeKind);
                h = mix(mix(mix(mix(mix(h, slot.signalTag), slot.signalSize), slot.signalPrice), slot.signalScore),
                    slot.bookIndex);
            }
            case EventType.COMMAND -> {
                slot.commandCode = bytes.readInt(start + COMMAND_CODE_OFFSET);
                slot.bookIndex = bytes.readInt(start + COMMAND_TARGET_OFFSET);
                slot.commandArgument = bytes.readLong(start + COMMAND_ARGUMENT_OFFSET);
                h = mix(mix(mix(h, slot.commandCode), slot.bookIndex), slot.commandArgument);
            }
            case EventType.EXECUTION_REPORT -> {
                slot.clientOrderId = bytes.readLong(start + REPORT_CLIENT_ORDER_ID_OFFSET);
                slot.venueOrderId = bytes.readLong(start + REPORT_VENUE_ORDER_ID_OFFSET);
                slot.reportKind = bytes.readInt(start + REPORT_KIND_OFFSET);
                slot.lastQuantity = bytes.readLong(start + REPORT_LAST_QUANTITY_OFFSET);
                slot.lastPrice = bytes.readLong(start + REPORT_LAST_PRICE_OFFSET);
                slot.lastFee = bytes.readLong(start + REPORT_LAST_FEE_OFFSET);
                h = mix(mix(mix(h, slot.clientOrderId), slot.venueOrderId), slot.reportKind);
                h = mix(mix(mix(h, slot.lastQuantity), slot.lastPrice), slot.lastFee);
            }
            default -> {
                // TIMER: nothing beyond the header.
            }
        }
        final int stored = bytes.readInt(start + length - CHECKSUM_LENGTH);
        return stored == finish(h) ? DECODED : CORRUPT;
    }

    /** The schema version field of the entry at {@code start}, for the message when {@link #decode} refuses it. */
    public static int schemaVersionOf(final Bytes<?> bytes, final long start) {
        return bytes.readShort(start + SCHEMA_VERSION_OFFSET);
    }

    private static long write(final Bytes<?> bytes, final long h, final long value) {
        bytes.writeLong(value);
        return mix(h, value);
    }

    private static long write(final Bytes<?> bytes, final long h, final int value) {
        bytes.writeInt(value);
        return mix(h, value);
    }

    private static long mix(final long h, final long value) {
        return Long.rotateLeft(h ^ value, 29) * CHECKSUM_MULTIPLIER;
    }

    private static int finish(final long h) {
        return (int) (h ^ (h >>> 32));
    }
}
