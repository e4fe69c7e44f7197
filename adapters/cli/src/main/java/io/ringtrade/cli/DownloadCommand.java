package io.ringtrade.cli;

import io.ringtrade.adapters.venue.VenueException;
import io.ringtrade.adapters.venue.VenueOrderHistory;
import io.ringtrade.adapters.venue.alpaca.AlpacaVenueClient;
import io.ringtrade.adapters.venue.xchange.XChangeHistory;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.config.VenueConfig;
import io.ringtrade.engine.config.VenueType;
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
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code ringtrade download}: a venue's history as a bar file the backtester reads ({@code date,open,high,low,close,
 * volume}, times ISO-8601 UTC at each bar's start), page by page within a request rate, appending each page as it
 * arrives, so an interrupted download is resumed by running the same command again: it continues after the file's last
 * bar. Alpaca's bars API (page tokens) and, through XChange's exchange-specific services, Binance klines and Kraken OHLC
 * (paged by time) are supported; XChange's generic API has no history call for other exchanges. Main thread.
 */
@Command(name = "download", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Download a venue's bars into a bar file the backtester reads; run again to resume.")
public final class DownloadCommand implements Callable<Integer> {
    private static final String HEADER = "date,open,high,low,close,volume";
    private static final Map<Interval, String> TIMEFRAMES = Map.of(Interval.M1, "1Min", Interval.M5, "5Min",
        Interval.M15, "15Min", Interval.M30, "30Min", Interval.H1, "1Hour", Interval.H4, "4Hour", Interval.D1, "1Day",
        Interval.W1, "1Week", Interval.MO1, "1Month");

    @Spec
    private CommandSpec spec;

    @Option(names = "--venue", required = true, paramLabel = "NAME", description = "alpaca, binance or kraken")
    String venue;

    @Option(names = "--symbol", required = true, paramLabel = "SYM", description = "the venue's symbol, e.g. AAPL or BTC/USDT")
    String symbol;

    @Option(names = "--interval", defaultValue = "1d", paramLabel = "I", description = "bar interval: 1m 5m 15m 30m 1h 4h 1d 1wk 1mo (default 1d)")
    String interval;

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "first day (UTC)")
    String from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "last day (UTC), included")
    String to;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the bar file (appended to when it exists: a resumed download)")
    Path out;

    @Option(names = "--config", paramLabel = "FILE", description = "a configuration whose ringtrade.venue block gives keys and URLs")
    Path configFile;

    @Option(names = "--requests-per-minute", defaultValue = "180", paramLabel = "N", description = "page requests per minute at most (default 180; Alpaca allows 200, Binance 6,000 weight of 2 a page, Kraken about 60)")
    int requestsPerMinute;

    @Override
    public Integer call() {
        final PrintWriter console = spec.commandLine().getOut();
        final Interval barInterval = Interval.parse(interval);
        final String timeframe = TIMEFRAMES.get(barInterval);
        final Instant start = day(from, "--from");
        final Instant end = day(to, "--to").plus(Duration.ofDays(1)).minusMillis(1);
        if (end.isBefore(start)) {
            throw new UserException("--to " + to + " is before --from " + from);
        }
        if (requestsPerMinute < 1) {
            throw new UserException("--requests-per-minute must be at least 1");
        }
        final VenueConfig config = VenueNames.resolve(venue, configFile, System.getenv());
        XChangeHistory history = null;
        if (config.type() != VenueType.ALPACA) {
            try {
                history = XChangeHistory.open(config);
            } catch (final IllegalArgumentException e) {
                throw new UserException(e.getMessage());
            }
        }
        Instant resume = start;
        final long last = lastBar();
        if (last >= 0) {
            resume = Instant.ofEpochMilli(last).plus(barInterval.nanos() >= Interval.D1.nanos() ? Duration.ofHours(1)
                : Duration.ofSeconds(1));
            console.println("resuming after the last bar in " + out + " (" + Instant.ofEpochMilli(last) + ")");
        } else {
            write(HEADER + "\n");
        }
        final long pauseNanos = TimeUnit.MINUTES.toNanos(1) / requestsPerMinute;
        if (history != null) {
            return xchange(history, config, barInterval, resume, end, last, pauseNanos, console);
        }
        long total = 0;
        int pages = 0;
        try (AlpacaVenueClient client = (AlpacaVenueClient) LiveVenues.open(config, VenueOrderHistory.NONE)) {
            String token = null;
            long nextRequest = System.nanoTime();
            do {
                final long wait = nextRequest - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                nextRequest = System.nanoTime() + pauseNanos;
                final AlpacaVenueClient.BarPage page = client.bars(symbol, timeframe, resume, end, token);
                final StringBuilder rows = new StringBuilder();
                long previous = last;
                for (final long[] bar : page.bars()) {
                    if (bar[0] <= previous) {
                        continue;
                    }
                    previous = bar[0];
                    row(rows, bar);
                    total++;
                }
                write(rows.toString());
                pages++;
                console.println("page " + pages + ": " + page.bars().size() + " bars (" + total + " written)");
                console.flush();
                token = page.nextPageToken();
            } while (token != null);
        } catch (final VenueException e) {
            throw new UserException(config.label() + ": " + e.getMessage() + " (" + total + " bars written to " + out
                + "; run the same command again to resume)");
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return Main.EXIT_FAILURE;
        }
        console.println("wrote " + total + " bars of " + symbol + " (" + interval + ") to " + out);
        console.flush();
        return 0;
    }

    /**
     * Pages through an XChange exchange's history by time: each page starts just after the last bar written, until a
     * page brings nothing new or the range ends.
     */
    private int xchange(final XChangeHistory history, final VenueConfig config, final Interval barInterval,
                        final Instant resume, final Instant end, final long lastWritten, final long pauseNanos,
                        final PrintWriter console) {
        long total = 0;
        int pages = 0;
        long previous = lastWritten;
        long cursor = resume.toEpochMilli();
        long nextRequest = System.nanoTime();
        try {
            while (cursor <= end.toEpochMilli()) {
                final long wait = nextRequest - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                nextRequest = System.nanoTime() + pauseNanos;
                final List<long[]> page = history.page(symbol, barInterval, cursor, end.toEpochMilli());
                final StringBuilder rows = new StringBuilder();
                int fresh = 0;
                for (final long[] bar : page) {
                    if (bar[0] <= previous) {
                        continue;
                    }
                    previous = bar[0];
                    row(rows, bar);
                    fresh++;
                }
                write(rows.toString());
                total += fresh;
                pages++;
                console.println("page " + pages + ": " + page.size() + " bars (" + total + " written)");
                console.flush();
                if (fresh == 0) {
                    break;
                }
                cursor = previous + 1;
            }
        } catch (final VenueException e) {
            throw new UserException(config.label() + ": " + e.getMessage() + " (" + total + " bars written to " + out
                + "; run the same command again to resume)");
        } catch (final IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return Main.EXIT_FAILURE;
        }
        console.println("wrote " + total + " bars of " + symbol + " (" + interval + ") to " + out);
        console.flush();
        return 0;
    }

    private static void row(final StringBuilder rows, final long[] bar) {
        rows.append(Instant.ofEpochMilli(bar[0])).append(',').append(FixedPoint.toString(bar[1])).append(',')
            .append(FixedPoint.toString(bar[2])).append(',').append(FixedPoint.toString(bar[3])).append(',')
            .append(FixedPoint.toString(bar[4])).append(',').append(FixedPoint.toString(bar[5])).append('\n');
    }

    private static Instant day(final String text, final String option) {
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (final DateTimeParseException e) {
            throw new UserException(option + ": expected YYYY-MM-DD, got \"" + text + "\"");
        }
    }

    /** The start (epoch ms) of the last bar in the output file, or -1 when it has none. */
    private long lastBar() {
        if (!Files.exists(out)) {
            return -1;
        }
        try {
            final List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                return -1;
            }
            if (!lines.getFirst().equals(HEADER)) {
                throw new UserException(out + ":1: not a download of ringtrade (header is not " + HEADER + ")");
            }
            for (int i = lines.size() - 1; i > 0; i--) {
                final String line = lines.get(i);
                if (line.isBlank()) {
                    continue;
                }
                try {
                    return Instant.parse(line.substring(0, line.indexOf(','))).toEpochMilli();
                } catch (final DateTimeParseException | StringIndexOutOfBoundsException e) {
                    throw new UserException(out + ":" + (i + 1) + ": cannot resume after this line: " + line);
                }
            }
            return -1;
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + out + ": " + e.getMessage(), e);
        }
    }

    private void write(final String text) {
        try {
            Files.writeString(out, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }
}
