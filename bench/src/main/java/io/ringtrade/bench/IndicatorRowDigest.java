package io.ringtrade.bench;

import io.ringtrade.adapters.marketdata.BarSeriesData;
import io.ringtrade.engine.api.market.Instrument;
import io.ringtrade.engine.api.strategy.Column;
import io.ringtrade.engine.api.strategy.Indicators;
import io.ringtrade.engine.api.strategy.Row;
import io.ringtrade.engine.indicator.InstrumentBars;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A fingerprint of every value the full indicator row computes, to check that a change to how the row computes gives
 * the same doubles bit for bit as the build before it (run the old and the new jar, compare the printed digests).
 * Feeds the full row (every column) the bars of {@link MinuteBars} twice: once straight through, and once restored
 * from its own snapshot every {@code every} bars into a fresh instance that carries on; every bar, the raw bits of
 * every column go into a SHA-256 per run. The two digests must be equal (restores are exact; the tool fails
 * otherwise), and equal across builds whose values are meant to be the same, whatever their snapshot layout.
 * A checking aid, not a benchmark; main thread.
 * <pre>
 *   java -cp bench/target/benchmarks.jar io.ringtrade.bench.IndicatorRowDigest [bars=1000000] [every=7919]
 * </pre>
 */
public final class IndicatorRowDigest {
    private static final Instrument INSTRUMENT = new Instrument(0, MinuteBars.SYMBOL, "USD", 1_000_000L, 1L);

    private IndicatorRowDigest() {
    }

    public static void main(final String[] args) throws NoSuchAlgorithmException {
        final BarSeriesData data = MinuteBars.repeated(MinuteBars.original(), MinuteBars.BARS);
        final int bars = Math.min(args.length > 0 ? Integer.parseInt(args[0]) : MinuteBars.BARS, data.size());
        final int every = args.length > 1 ? Integer.parseInt(args[1]) : 7_919;
        final String straight = digest(data, bars, 0);
        final String restored = digest(data, bars, every);
        System.out.println("bars " + bars + ", columns " + Indicators.columnNames().size());
        System.out.println("straight through          " + straight);
        System.out.println("restored every " + every + " bars " + restored + " (" + (bars - 1) / every
            + " restores)");
        if (!straight.equals(restored)) {
            System.out.println("MISMATCH: restoring from a snapshot changed the values");
            System.exit(1);
        }
    }

    private static String digest(final BarSeriesData data, final int bars, final int every)
        throws NoSuchAlgorithmException {
        final MessageDigest sha = MessageDigest.getInstance("SHA-256");
        final Indicators indicators = new Indicators();
        final Column[] columns = Indicators.columnNames().stream().map(indicators::column).toArray(Column[]::new);
        InstrumentBars row = new InstrumentBars(INSTRUMENT, id -> false, indicators);
        final byte[] bits = new byte[8 * columns.length];
        for (int i = 0; i < bars; i++) {
            if (every > 0 && i > 0 && i % every == 0) {
                final StateWriter out = new StateWriter();
                row.writeState(out);
                row = new InstrumentBars(INSTRUMENT, id -> false, indicators);
                final StateReader in = new StateReader(out.toByteArray());
                row.readState(in);
                in.finish();
            }
            row.onBar(i * 60_000_000_000L, data.open(i), data.high(i), data.low(i), data.close(i), data.volume(i));
            final Row latest = row.row();
            for (int c = 0; c < columns.length; c++) {
                final long value = Double.doubleToRawLongBits(latest.get(columns[c]));
                for (int b = 0; b < 8; b++) {
                    bits[8 * c + b] = (byte) (value >>> (8 * b));
                }
            }
            sha.update(bits);
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
