package io.ringtrade.cli;

import io.ringtrade.adapters.marketdata.TimeRange;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.SignalSizeKind;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.MarketDataSource;
import io.ringtrade.engine.api.money.FixedPoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A recorded stream of external signals (TradingView-style alerts) replayed as inputs, CSV with the columns
 * {@code time,key,book,symbol,action,size_kind,size,price} in any order ({@code price} may be left out): ISO-8601 UTC
 * time, the sender's alert id (its
 * idempotency key: a repeated id causes no second order), the book name, the symbol, {@code buy|sell|close},
 * {@code quantity|notional}, a decimal size and a limit price (empty or 0 for a market order). Whole file checked at
 * load; errors name the file and line. The source is single-threaded.
 */
final class SignalFile implements MarketDataSource {
    private static final String HEADER = "time,key,book,symbol,action,size_kind,size,price";
    /** The columns, in the documented order; {@code price} may be left out (market orders). */
    private static final String[] COLUMNS = HEADER.split(",");
    private final List<EngineEvent> signals;
    private int next;

    private SignalFile(final List<EngineEvent> signals) {
        this.signals = signals;
    }

    /** Loads and checks {@code file}; {@code books} maps book names to indexes. */
    static SignalFile load(final Path file, final Map<String, Integer> books, final InstrumentRegistry instruments) {
        final List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (final NoSuchFileException e) {
            throw new UserException(file + ": file not found");
        } catch (final IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new UserException(file + ":1: expected a header with the columns " + HEADER);
        }
        final int[] column = columns(file, lines.get(0));
        final int width = lines.get(0).split(",", -1).length;
        final List<EngineEvent> signals = new ArrayList<>();
        long previous = Long.MIN_VALUE;
        for (int i = 1; i < lines.size(); i++) {
            final String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            final String where = file + ":" + (i + 1) + ": ";
            final String[] fields = line.split(",", -1);
            if (fields.length != width) {
                throw new UserException(where + "expected " + width + " fields (as the header) but found "
                    + fields.length);
            }
            // the fields in the documented order, whatever order the file's columns are in
            final String[] f = new String[COLUMNS.length];
            for (int c = 0; c < COLUMNS.length; c++) {
                f[c] = column[c] < 0 ? "" : fields[column[c]].strip();
            }
            final long time;
            try {
                final Instant instant = Instant.parse(f[0]);
                time = instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
            } catch (final DateTimeParseException e) {
                throw new UserException(where + "time '" + f[0] + "' is not an ISO-8601 UTC time such as 2013-11-25T10:00:00Z");
            }
            if (time < previous) {
                throw new UserException(where + "time " + f[0] + " goes backwards");
            }
            previous = time;
            if (f[1].isEmpty()) {
                throw new UserException(where + "key is empty (every signal needs an alert id)");
            }
            final Integer book = books.get(f[2]);
            if (book == null) {
                throw new UserException(where + "unknown book '" + f[2] + "' (books: " + String.join(", ", books.keySet()) + ")");
            }
            if (instruments.find(f[3]) == null) {
                throw new UserException(where + "unknown symbol '" + f[3] + "'");
            }
            final int action = switch (f[4].toLowerCase(Locale.ROOT)) {
                case "buy" -> 1;
                case "sell" -> -1;
                case "close" -> 0;
                default -> throw new UserException(where + "action '" + f[4] + "' is not buy, sell or close");
            };
            final int sizeKind = switch (f[5].toLowerCase(Locale.ROOT)) {
                case "quantity" -> SignalSizeKind.QUANTITY;
                case "notional" -> SignalSizeKind.NOTIONAL;
                default -> throw new UserException(where + "size_kind '" + f[5] + "' is not quantity or notional");
            };
            final long size = decimal(where, "size", f[6]);
            final long price = f[7].isEmpty() ? 0 : decimal(where, "price", f[7]);
            signals.add(new EngineEvent().setSignal(time, keyOf(f[1]), book, instruments.find(f[3]).id(), action,
                sizeKind, size, price));
        }
        return new SignalFile(signals);
    }

    /**
     * For each column of {@link #COLUMNS}, its index in the file's header; -1 for an optional column that is absent.
     * Columns may come in any order, names are case-insensitive; a missing required column, an unknown one and a
     * repeated one are refused by name.
     */
    private static int[] columns(final Path file, final String headerLine) {
        final String[] names = headerLine.strip().split(",", -1);
        final int[] index = new int[COLUMNS.length];
        Arrays.fill(index, -1);
        for (int i = 0; i < names.length; i++) {
            final String name = names[i].strip().toLowerCase(Locale.ROOT);
            final int known = List.of(COLUMNS).indexOf(name);
            if (known < 0) {
                throw new UserException(file + ":1: unknown column '" + names[i].strip() + "' (expected the columns "
                    + HEADER + ", in any order)");
            }
            if (index[known] >= 0) {
                throw new UserException(file + ":1: column '" + name + "' appears twice");
            }
            index[known] = i;
        }
        for (int c = 0; c < COLUMNS.length; c++) {
            if (index[c] < 0 && !COLUMNS[c].equals("price")) {
                throw new UserException(file + ":1: missing column '" + COLUMNS[c] + "' (found: "
                    + String.join(", ", names) + ")");
            }
        }
        return index;
    }

    /** A 64-bit FNV-1a hash of an alert id: the idempotency key carried on the ring and in the journal. */
    static long keyOf(final String alertId) {
        long hash = 0xcbf29ce484222325L;
        for (final byte b : alertId.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    private static long decimal(final String where, final String field, final String text) {
        try {
            final long value = FixedPoint.parse(text);
            if (value < 0) {
                throw new UserException(where + field + " " + text + " is negative");
            }
            return value;
        } catch (final NumberFormatException e) {
            throw new UserException(where + field + " '" + text + "' is not a decimal number");
        }
    }

    /** Keeps the signals inside {@code range}. */
    SignalFile slice(final TimeRange range) {
        return new SignalFile(signals.stream().filter(s -> range.contains(s.eventTimeNanos)).toList());
    }

    @Override
    public boolean next(final EngineEvent slot) {
        if (next >= signals.size()) {
            return false;
        }
        slot.copyInputFrom(signals.get(next++));
        return true;
    }

    @Override
    public long size() {
        return signals.size();
    }
}
