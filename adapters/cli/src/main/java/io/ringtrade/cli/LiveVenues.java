package io.ringtrade.cli;

import io.ringtrade.adapters.venue.OrderLedger;
import io.ringtrade.adapters.venue.OrderUpdateStream;
import io.ringtrade.adapters.venue.VenueClient;
import io.ringtrade.adapters.venue.VenueOrderHistory;
import io.ringtrade.adapters.venue.alpaca.AlpacaTradeUpdates;
import io.ringtrade.adapters.venue.alpaca.AlpacaVenueClient;
import io.ringtrade.adapters.venue.xchange.SimulatedMarket;
import io.ringtrade.adapters.venue.xchange.XChangeVenues;
import io.ringtrade.engine.config.VenueConfig;
import io.ringtrade.engine.config.VenueType;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Opens the venue client {@code ringtrade.venue} configures (XChange, including the process's simulated market, or
 * Alpaca), and names the adapter's files beside the journal. Start-up thread.
 */
final class LiveVenues {
    /** The adapter's ledger of sent orders, in the journal directory. */
    static final String LEDGER = "venue-ledger.log";
    /** Reconciliation's findings, in the journal directory. */
    static final String RECONCILIATION_LOG = "reconciliation.log";
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);

    private LiveVenues() {
    }

    /** The ledger of the journal in {@code journalDir}. */
    static OrderLedger ledger(final Path journalDir) {
        return OrderLedger.open(journalDir.resolve(LEDGER));
    }

    /**
     * The client of {@code venue}; {@code history} answers what the ledger recorded about venue order ids
     * ({@link VenueOrderHistory#NONE} when there is no ledger).
     *
     * @throws UserException when the venue needs keys the configuration does not give
     */
    static VenueClient open(final VenueConfig venue, final VenueOrderHistory history) {
        return switch (venue.type()) {
            case XCHANGE -> XChangeVenues.open(venue, SimulatedMarket.PROCESS, history);
            case ALPACA -> {
                if (venue.apiKey().isEmpty() || venue.secretKey().isEmpty()) {
                    throw new UserException("ringtrade.venue: Alpaca needs api-key and secret-key, from the environment"
                        + " (api-key = ${?APCA_API_KEY_ID}, secret-key = ${?APCA_API_SECRET_KEY}); they are not set");
                }
                yield new AlpacaVenueClient(venue.baseUrl(), venue.dataUrl(), venue.apiKey(), venue.secretKey(),
                    HTTP_TIMEOUT);
            }
            case NONE -> throw new UserException("no venue configured: set ringtrade.venue.type (xchange or alpaca)");
        };
    }

    /**
     * The venue's push stream of order updates beside polling (Alpaca's trade-updates websocket at the trading base
     * URL's {@code /stream}), or null for a venue without one (XChange: no stream module resolves).
     */
    static OrderUpdateStream updates(final VenueConfig venue, final PrintWriter log) {
        if (venue.type() != VenueType.ALPACA) {
            return null;
        }
        return new AlpacaTradeUpdates(AlpacaTradeUpdates.streamUri(venue.baseUrl()), venue.apiKey(), venue.secretKey(),
            HTTP_TIMEOUT, venue.reconnectInitial(), venue.reconnectMax(), venue.authRetries(), log);
    }

    /** Whether the configuration names a venue. */
    static boolean configured(final VenueConfig venue) {
        return venue.type() != VenueType.NONE;
    }
}
