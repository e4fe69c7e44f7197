package io.ringtrade.engine.output;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The names, headers and text conventions of a run's output files (ISO-8601 UTC times, plain decimals, {@code \n}
 * line ends, so two runs over the same inputs give byte-identical files), and the cut that recovery makes to a
 * streamed file so that it holds exactly the rows a snapshot covers. Stateless.
 */
public final class OutputFiles {
    /** One row per fill. */
    public static final String TRADES = "trades.csv";
    /** One row per bar of the books together. */
    public static final String EQUITY = "equity.csv";
    /** One row per order transition. */
    public static final String ORDER_EVENTS = "order_events.csv";
    /** One row per closed round trip. */
    public static final String ROUND_TRIPS = "round_trips.csv";
    /** One row per fill that opened or grew a position. */
    public static final String ENTRIES = "entries.csv";
    /** One row per fill whose notional reached the large-transaction threshold. */
    public static final String LARGE_TRANSACTIONS = "large_transactions.csv";
    /** One row per change of a weighted member's weight (books whose strategy keeps a weight log). */
    public static final String WEIGHTS = "weights.csv";
    /** One row per order, its final state, derived from {@link #ORDER_EVENTS} when the run ends. */
    public static final String ORDERS = "orders.csv";
    /** The metrics. */
    public static final String SUMMARY = "summary.json";

    /** Header of trades.csv. */
    public static final String TRADES_HEADER = "time,symbol,side,quantity,price,fee,strategy,order_id,realized_pnl,"
        + "reason";
    /** Header of entries.csv. */
    public static final String ENTRIES_HEADER = "time,strategy,symbol,side,entry,quantity,price,average_price,position,"
        + "order_id";
    /** Header of equity.csv. */
    public static final String EQUITY_HEADER = "time,equity,cash,positions_value,benchmark_equity";
    /** Header of order_events.csv. */
    public static final String ORDER_EVENTS_HEADER = "time,order_id,strategy,symbol,side,type,quantity,notional,price,"
        + "event,state,reason,last_quantity,last_price,filled_quantity";
    /** Header of round_trips.csv. */
    public static final String ROUND_TRIPS_HEADER = "opened,closed,strategy,symbol,pnl";
    /** Header of large_transactions.csv. */
    public static final String LARGE_TRANSACTIONS_HEADER = "time,book,symbol,side,quantity,price,notional,currency";
    /** Header of weights.csv. */
    public static final String WEIGHTS_HEADER = "time,strategy,member,old,new,reason,reward,trades";
    /** Header of orders.csv. */
    public static final String ORDERS_HEADER = "time,order_id,strategy,symbol,side,type,quantity,limit_price,status,"
        + "reason,notional,filled_quantity,average_price,updated";

    private OutputFiles() {
    }

    /** ISO-8601 UTC, e.g. {@code 2013-01-02T00:00:00Z}. */
    public static String isoTime(final long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L))
            .toString();
    }

    /**
     * Cuts {@code file} back to its header line plus its first {@code rows} rows, or creates it with just the header
     * when {@code rows} is 0. Returns false, changing nothing, when the file holds fewer rows than that or another
     * header (it was not written by the run the snapshot belongs to).
     */
    public static boolean keepRows(final Path file, final String header, final long rows) {
        try {
            if (rows == 0) {
                Files.writeString(file, header + "\n", StandardCharsets.UTF_8);
                return true;
            }
            if (!Files.isRegularFile(file)) {
                return false;
            }
            final long cut = offsetAfterLines(file, rows + 1);
            if (cut < 0 || !firstLine(file).equals(header)) {
                return false;
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(cut);
            }
            return true;
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot prepare " + file + ": " + e.getMessage(), e);
        }
    }

    /** The byte offset just after the {@code lines}-th line end, or -1 when the file has fewer complete lines. */
    private static long offsetAfterLines(final Path file, final long lines) throws IOException {
        final byte[] buffer = new byte[1 << 16];
        long seen = 0;
        long offset = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n' && ++seen == lines) {
                        return offset + i + 1;
                    }
                }
                offset += read;
            }
        }
        return -1;
    }

    private static String firstLine(final Path file) throws IOException {
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            final String line = reader.readLine();
            return line == null ? "" : line;
        }
    }
}
