package io.ringtrade.engine.indicator;

import static io.ringtrade.engine.indicator.Values.AAPL;
import static io.ringtrade.engine.indicator.Values.FLAT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringtrade.engine.api.strategy.Column;
import io.ringtrade.engine.api.strategy.Indicators;
import io.ringtrade.engine.api.strategy.Row;
import io.ringtrade.engine.snapshot.SnapshotFormatException;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Indicator state is part of the snapshot and restores exactly: stopping at any bar, writing the state, restoring it
 * into a fresh instance and carrying on gives every column bit for bit what an uninterrupted run gives, and ends in
 * byte-identical state. Every column and a set of parametric indicators, restored at several points including the
 * first bars, the middle of warm-ups and long after.
 */
class SnapshotExactnessTest {
    private static final int[] RESTORE_AT = {1, 2, 13, 14, 26, 33, 52, 71, 100, 317, 900, 1499};

    @ParameterizedTest
    @ValueSource(strings = {"bitstamp_5m", "synthetic_edges"})
    void shouldContinueBitForBitAfterARestoreAtAnyBar(final String dataSet) {
        final TaReference reference = TaReference.load(dataSet);
        final Indicators indicators = declareEverything();
        final List<Column> columns = columnsOf(indicators);
        final InstrumentBars uninterrupted = new InstrumentBars(AAPL, FLAT, indicators);
        final long[][] expected = new long[reference.size()][];
        for (int row = 0; row < reference.size(); row++) {
            reference.feed(uninterrupted, row);
            expected[row] = bits(uninterrupted.row(), columns);
        }
        final byte[] finalState = state(uninterrupted);

        for (final int at : RESTORE_AT) {
            if (at >= reference.size()) {
                continue;
            }
            final InstrumentBars first = new InstrumentBars(AAPL, FLAT, indicators);
            for (int row = 0; row < at; row++) {
                reference.feed(first, row);
            }
            final byte[] snapshot = state(first);
            final InstrumentBars restored = new InstrumentBars(AAPL, FLAT, indicators);
            final StateReader in = new StateReader(snapshot);
            restored.readState(in);
            in.finish();
            assertThat(restored.barCount()).isEqualTo(at);
            for (int row = at; row < reference.size(); row++) {
                reference.feed(restored, row);
                final long[] got = bits(restored.row(), columns);
                for (int c = 0; c < columns.size(); c++) {
                    if (got[c] != expected[row][c]) {
                        throw new AssertionError(dataSet + ": restored at bar " + at + ", column " + columns.get(c)
                            + " differs at bar " + row + ": " + Double.longBitsToDouble(got[c]) + " vs "
                            + Double.longBitsToDouble(expected[row][c]));
                    }
                }
            }
            assertThat(state(restored)).as("state after restoring at %d and replaying the rest", at)
                .isEqualTo(finalState);
        }
    }

    @Test
    void shouldKeepItsStateBoundedHoweverLongTheRun() {
        final TaReference reference = TaReference.load("bitstamp_5m");
        final Indicators indicators = declareEverything();
        final InstrumentBars bars = new InstrumentBars(AAPL, FLAT, indicators);
        int size100 = 0;
        for (int row = 0; row < reference.size(); row++) {
            reference.feed(bars, row);
            if (row == 99) {
                size100 = state(bars).length;
            }
        }
        final int sizeEnd = state(bars).length;
        System.out.printf("snapshot of one instrument maintaining %d indicators (every column and 12 parametric): %,d"
            + " bytes%n", indicators.specs().size(), sizeEnd);
        assertThat(sizeEnd).as("bytes after %d bars vs after 100", reference.size()).isEqualTo(size100);
    }

    @Test
    void shouldRestoreWhatAStrategyThatDeclaresNothingDiscovered() {
        final AppleBars apple = AppleBars.load();
        final InstrumentBars uninterrupted = new InstrumentBars(AAPL, FLAT);
        final double[] expected = new double[apple.size()];
        for (int t = 0; t < apple.size(); t++) {
            apple.feed(uninterrupted, t);
            expected[t] = uninterrupted.row().rsi(14) + uninterrupted.row().sma(20);
        }
        final InstrumentBars first = new InstrumentBars(AAPL, FLAT);
        for (int t = 0; t < 100; t++) {
            apple.feed(first, t);
            first.row().rsi(14);
            first.row().sma(20);
        }
        final InstrumentBars restored = new InstrumentBars(AAPL, FLAT);
        restored.readState(new StateReader(state(first)));
        for (int t = 100; t < apple.size(); t++) {
            apple.feed(restored, t);
            assertThat(Double.valueOf(restored.row().rsi(14) + restored.row().sma(20))).isEqualTo(expected[t]);
        }
        assertThat(state(restored)).isEqualTo(state(uninterrupted));
    }

    @Test
    void shouldRefuseASnapshotWrittenWithTheFormerLayoutSoRecoveryFallsBack() {
        // the layout before the bar history was shared: section "bars AAPL", then count, depth and six rings
        final StateWriter former = new StateWriter();
        former.section("bars AAPL");
        former.writeLong(1).writeInt(16);
        for (int ring = 0; ring < 6; ring++) {
            former.writeLongs(new long[16]);
        }
        former.writeInt(0).writeDoubles(new double[0]);
        final InstrumentBars bars = new InstrumentBars(AAPL, FLAT, new Indicators());
        assertThatThrownBy(() -> bars.readState(new StateReader(former.toByteArray())))
            .isInstanceOf(SnapshotFormatException.class)
            .hasMessage("expected section 'bars/2 AAPL' but found 'bars AAPL'");
        assertThat(bars.barCount()).isZero();
    }

    @Test
    void shouldRestoreLookBackIndicatorsAStrategyThatDeclaresNothingDiscoveredAtItsFirstBar() {
        // VWAP, MFI and ROC read the shared bar history, which grows (and computes bar 0's money flow) when the
        // first decision asks for them
        final AppleBars apple = AppleBars.load();
        final InstrumentBars uninterrupted = new InstrumentBars(AAPL, FLAT);
        final long[] expected = new long[apple.size()];
        for (int t = 0; t < apple.size(); t++) {
            apple.feed(uninterrupted, t);
            expected[t] = lookBacks(uninterrupted.row());
        }
        final InstrumentBars first = new InstrumentBars(AAPL, FLAT);
        for (int t = 0; t < 40; t++) {
            apple.feed(first, t);
            lookBacks(first.row());
        }
        final InstrumentBars restored = new InstrumentBars(AAPL, FLAT);
        restored.readState(new StateReader(state(first)));
        for (int t = 40; t < apple.size(); t++) {
            apple.feed(restored, t);
            assertThat(lookBacks(restored.row())).as("bar %d", t).isEqualTo(expected[t]);
        }
        assertThat(state(restored)).isEqualTo(state(uninterrupted));
    }

    private static long lookBacks(final Row row) {
        final double vwap = row.vwap(14);
        final double mfi = row.mfi(14);
        final double roc = row.roc(12);
        return Double.doubleToRawLongBits(vwap) * 31 * 31 + Double.doubleToRawLongBits(mfi) * 31
            + Double.doubleToRawLongBits(roc);
    }

    static Indicators declareEverything() {
        final Indicators indicators = new Indicators();
        for (final String name : Indicators.columnNames()) {
            indicators.column(name);
        }
        indicators.sma(50);
        indicators.ema(5);
        indicators.rsi(7);
        indicators.atr(5);
        indicators.bollinger(10, 1.5);
        indicators.macd(5, 35, 5);
        indicators.adx(7);
        indicators.keltner(20, 2.5);
        indicators.keltner(20);
        indicators.cci(10);
        indicators.mfi(7);
        indicators.vwap(20);
        return indicators;
    }

    private static List<Column> columnsOf(final Indicators indicators) {
        final List<Column> columns = new ArrayList<>();
        for (final String name : Indicators.columnNames()) {
            columns.add(indicators.column(name));
        }
        columns.add(indicators.sma(50));
        columns.add(indicators.keltner(20, 2.5).upper());
        columns.add(indicators.adx(7).adx());
        columns.add(indicators.bollinger(10, 1.5).percentB());
        columns.add(indicators.macd(5, 35, 5).signal());
        return columns;
    }

    private static long[] bits(final Row row, final List<Column> columns) {
        final long[] bits = new long[columns.size()];
        for (int c = 0; c < bits.length; c++) {
            bits[c] = Double.doubleToRawLongBits(row.get(columns.get(c)));
        }
        return bits;
    }

    static byte[] state(final InstrumentBars bars) {
        final StateWriter out = new StateWriter();
        bars.writeState(out);
        return out.toByteArray();
    }
}
