package io.ringtrade.cli;

import io.ringtrade.adapters.venue.VenueClient;
import io.ringtrade.adapters.venue.VenueException;
import io.ringtrade.adapters.venue.VenueInstrument;
import io.ringtrade.adapters.venue.VenueOrderHistory;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.config.VenueConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code ringtrade instruments --venue NAME}: the symbols a venue lists with their tick and lot sizes, as a table, or
 * with {@code --out FILE} as an instruments file the engine's configuration can include. Main thread.
 */
@Command(name = "instruments", mixinStandardHelpOptions = true, sortOptions = false,
    description = "List a venue's symbols with tick and lot sizes; --out writes them as an instruments file.")
public final class InstrumentsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--venue", required = true, paramLabel = "NAME", description = "alpaca, xchange-simulated, binance, kraken, bitstamp, or an XChange exchange class")
    String venue;

    @Option(names = "--config", paramLabel = "FILE", description = "a configuration whose ringtrade.venue block gives keys and URLs for this venue")
    Path configFile;

    @Option(names = "--out", paramLabel = "FILE", description = "write an instruments file (ringtrade.instruments = [...])")
    Path out;

    @Override
    public Integer call() {
        final PrintWriter console = spec.commandLine().getOut();
        final VenueConfig config = VenueNames.resolve(venue, configFile, System.getenv());
        final List<VenueInstrument> listed;
        try (VenueClient client = LiveVenues.open(config, VenueOrderHistory.NONE)) {
            listed = client.instruments();
        } catch (final VenueException e) {
            throw new UserException(config.label() + ": cannot list instruments: " + e.getMessage());
        }
        if (out == null) {
            console.printf("%-16s %-8s %14s %14s%n", "symbol", "currency", "tick", "lot");
            for (final VenueInstrument instrument : listed) {
                console.printf("%-16s %-8s %14s %14s%n", instrument.symbol(), instrument.currency(),
                    step(instrument.tickSize()), step(instrument.lotSize()));
            }
            console.println(listed.size() + " instruments on " + config.label());
            console.flush();
            return 0;
        }
        final StringBuilder file = new StringBuilder();
        file.append("# Written by ringtrade instruments --venue ").append(venue)
            .append(": the venue's symbols with tick and lot sizes.\n");
        file.append("ringtrade.instruments = [\n");
        for (final VenueInstrument instrument : listed) {
            final String currency = instrument.currency().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
            if (instrument.tickSize() <= 0 || instrument.lotSize() <= 0 || currency.isEmpty()) {
                file.append("  # ").append(instrument.symbol()).append(": tick or lot size not given by the venue\n");
                continue;
            }
            file.append("  { symbol = \"").append(instrument.symbol()).append("\", currency = ").append(currency)
                .append(", tick-size = ").append(FixedPoint.toString(instrument.tickSize()))
                .append(", lot-size = ").append(FixedPoint.toString(instrument.lotSize())).append(" }\n");
        }
        file.append("]\n");
        try {
            Files.writeString(out, file, StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
        console.println("wrote " + listed.size() + " instruments of " + config.label() + " to " + out);
        console.flush();
        return 0;
    }

    private static String step(final long fixed) {
        return fixed <= 0 ? "?" : FixedPoint.toString(fixed);
    }
}
