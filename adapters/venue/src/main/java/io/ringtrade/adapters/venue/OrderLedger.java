package io.ringtrade.adapters.venue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The adapter's own record of what it sent, beside the journal ({@code venue-ledger.log}): a line
 * {@code S <client order id>} written before a new order goes to the venue, and {@code V <client order id>
 * <venue order id>} once the venue has taken it. Written straight to the file (no user-space buffer), so a killed
 * process loses nothing it sent. Reconciliation reads it to tell an order that never left the process (decided but
 * unreleased: dropped by default) from one that left and is unknown at the venue (lost), and to find an order by its
 * venue id on venues that do not keep client order ids (XChange's simulated exchange). A replace that gives the order a
 * new venue id writes another {@code V} line for the same client order id, so the ledger also knows which order each
 * replacement replaced ({@link #replaced}): the chain of one intent, across restarts. Adapter thread (start-up thread
 * while loading).
 */
public final class OrderLedger implements AutoCloseable, VenueOrderHistory {
    private final Path file;
    private final FileChannel channel;
    private final Set<Long> sent = new HashSet<>();
    private final Map<Long, String> venueIds = new HashMap<>();
    private final Map<String, Long> clientIds = new HashMap<>();
    /** A replacement's venue id to the venue id recorded before it for the same client order id. */
    private final Map<String, String> predecessors = new HashMap<>();

    private OrderLedger(final Path file, final FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Opens (creating) the ledger file and reads what it holds. */
    public static OrderLedger open(final Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            final OrderLedger ledger = new OrderLedger(file, FileChannel.open(file, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND));
            int lineNumber = 0;
            for (final String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                lineNumber++;
                final String[] parts = line.split(" ");
                try {
                    if (parts.length == 2 && parts[0].equals("S")) {
                        ledger.sent.add(Long.parseLong(parts[1]));
                    } else if (parts.length == 3 && parts[0].equals("V")) {
                        final long id = Long.parseLong(parts[1]);
                        ledger.sent.add(id);
                        ledger.record(id, parts[2]);
                    } else if (!line.isEmpty()) {
                        throw new NumberFormatException("unknown record");
                    }
                } catch (final NumberFormatException e) {
                    // a torn last line of a killed process is expected; anything else is damage worth naming
                    if (lineNumber < countLines(file)) {
                        throw new IllegalArgumentException(file + ":" + lineNumber + ": not a ledger line: " + line);
                    }
                }
            }
            return ledger;
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot open the venue ledger " + file + ": " + e.getMessage(), e);
        }
    }

    private static long countLines(final Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).size();
    }

    /** Records that a new order is about to go to the venue (before the call). */
    public void sending(final long clientOrderId) {
        sent.add(clientOrderId);
        append("S " + clientOrderId + "\n");
    }

    /** Records the venue's id of an order it took (a replacement's new id too). */
    public void taken(final long clientOrderId, final String venueOrderId) {
        record(clientOrderId, venueOrderId);
        append("V " + clientOrderId + " " + venueOrderId + "\n");
    }

    private void record(final long clientOrderId, final String venueOrderId) {
        final String before = venueIds.put(clientOrderId, venueOrderId);
        if (before != null && !before.equals(venueOrderId)) {
            predecessors.put(venueOrderId, before);
        }
        clientIds.put(venueOrderId, clientOrderId);
    }

    /** Whether a request for this order ever left the process. */
    public boolean wasSent(final long clientOrderId) {
        return sent.contains(clientOrderId);
    }

    /** The venue's id of an order it took, or null. */
    public String venueId(final long clientOrderId) {
        return venueIds.get(clientOrderId);
    }

    /** The client order id of a venue order id this ledger recorded, or 0. */
    @Override
    public long clientId(final String venueOrderId) {
        final Long id = clientIds.get(venueOrderId);
        return id == null ? 0 : id;
    }

    @Override
    public String replaced(final String venueOrderId) {
        return predecessors.get(venueOrderId);
    }

    /** Where the ledger is. */
    public Path file() {
        return file;
    }

    private void append(final String line) {
        try {
            final ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot append to the venue ledger " + file + ": " + e.getMessage(), e);
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
