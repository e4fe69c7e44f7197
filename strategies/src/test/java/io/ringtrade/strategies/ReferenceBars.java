package io.ringtrade.strategies;

import io.ringtrade.adapters.marketdata.BarSeriesData;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.money.FixedPoint;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Real bars with the Python {@code ta} 0.11.0's own columns for them: the team's reference files ({@code ta-reference}
 * in engine-core's test jar: Apple 2013 daily bars, ETH/USD 5-minute bars, Bitstamp BTC/USD trades aggregated to
 * 5-minute bars, each followed by every column {@code ta.add_all_ta_features} adds). The tests feed these bars to the
 * engine and work out the expected trades from {@code ta}'s numbers, so the expectation owes nothing to the engine's
 * indicators.
 */
final class ReferenceBars {
    /** One reference file with the symbol, interval and steps its market has in {@code config/instruments.conf}. */
    enum Market {
        APPLE_DAILY("apple_daily", "AAPL", Interval.D1, "0.01", "1"),
        ETH_5M("eth_5m", "ETH/USD", Interval.M5, "0.01", "0.00000001"),
        BITSTAMP_5M("bitstamp_5m", "BTC/USD", Interval.M5, "0.01", "0.00000001");

        final String file;
        final String symbol;
        final Interval interval;
        final long tick;
        final long lot;

        Market(final String file, final String symbol, final Interval interval, final String tick, final String lot) {
            this.file = file;
            this.symbol = symbol;
            this.interval = interval;
            this.tick = FixedPoint.parse(tick);
            this.lot = FixedPoint.parse(lot);
        }
    }

    private static final Map<Market, ReferenceBars> LOADED = new LinkedHashMap<>();

    final Market market;
    final BarSeriesData bars;
    private final Map<String, double[]> columns;

    private ReferenceBars(final Market market, final BarSeriesData bars, final Map<String, double[]> columns) {
        this.market = market;
        this.bars = bars;
        this.columns = columns;
    }

    /** The file of {@code market}, loaded once per test JVM. */
    static synchronized ReferenceBars of(final Market market) {
        return LOADED.computeIfAbsent(market, ReferenceBars::load);
    }

    int size() {
        return bars.size();
    }

    /** {@code ta}'s column {@code name}, NaN where it is empty. */
    double[] column(final String name) {
        final double[] values = columns.get(name);
        if (values == null) {
            throw new IllegalArgumentException("no column " + name + " in " + market.file);
        }
        return values;
    }

    double open(final int i) {
        return FixedPoint.toDouble(bars.open(i));
    }

    double high(final int i) {
        return FixedPoint.toDouble(bars.high(i));
    }

    double low(final int i) {
        return FixedPoint.toDouble(bars.low(i));
    }

    double close(final int i) {
        return FixedPoint.toDouble(bars.close(i));
    }

    double[] closes() {
        final double[] closes = new double[size()];
        for (int i = 0; i < closes.length; i++) {
            closes[i] = close(i);
        }
        return closes;
    }

    private static ReferenceBars load(final Market market) {
        final String resource = "/ta-reference/" + market.file + ".csv.gz";
        final List<String[]> lines = new ArrayList<>();
        try (InputStream raw = ReferenceBars.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("missing test resource " + resource + " (engine-core's test jar)");
            }
            final BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw),
                StandardCharsets.US_ASCII));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line.split(",", -1));
            }
        } catch (final IOException e) {
            throw new UncheckedIOException(resource, e);
        }
        final String[] header = lines.get(0);
        final int n = lines.size() - 1;
        final long[] time = new long[n];
        final long[] open = new long[n];
        final long[] high = new long[n];
        final long[] low = new long[n];
        final long[] close = new long[n];
        final long[] volume = new long[n];
        final Map<String, double[]> columns = new LinkedHashMap<>();
        for (int c = 6; c < header.length; c++) {
            columns.put(header[c], new double[n]);
        }
        for (int r = 0; r < n; r++) {
            final String[] cells = lines.get(r + 1);
            time[r] = epochNanos(cells[0]);
            open[r] = FixedPoint.parse(cells[1]);
            high[r] = FixedPoint.parse(cells[2]);
            low[r] = FixedPoint.parse(cells[3]);
            close[r] = FixedPoint.parse(cells[4]);
            volume[r] = FixedPoint.parse(cells[5]);
            for (int c = 6; c < header.length; c++) {
                columns.get(header[c])[r] = cells[c].isEmpty() ? Double.NaN : Double.parseDouble(cells[c]);
            }
        }
        return new ReferenceBars(market, BarSeriesData.of(market.symbol, time, open, high, low, close, volume),
            columns);
    }

    private static long epochNanos(final String date) {
        final Instant instant = date.length() == 10 ? LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant()
            : Instant.parse(date);
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
