package io.ringtrade.engine.indicator;

import io.ringtrade.engine.api.market.Instrument;
import io.ringtrade.engine.api.strategy.Column;
import io.ringtrade.engine.api.strategy.IndicatorSpec;
import io.ringtrade.engine.api.strategy.Indicators;
import io.ringtrade.engine.api.strategy.Row;
import io.ringtrade.engine.indicator.ta.BarHistory;
import io.ringtrade.engine.indicator.ta.BarInput;
import io.ringtrade.engine.indicator.ta.IndicatorNode;
import io.ringtrade.engine.indicator.ta.IndicatorNodes;
import io.ringtrade.engine.indicator.ta.SharedIndicators;
import io.ringtrade.engine.snapshot.SnapshotFormatException;
import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The closed bars of one instrument for one strategy book and the {@link Row} its decision function sees for the
 * latest bar, with exactly the indicators the strategy declared ({@link Indicators}) kept up to date at every bar
 * close. Owned by the business-logic thread: {@link #onBar} and every read of {@link #row()} happen there.
 *
 * <p><b>What is computed.</b> The declared indicators, built before the first bar in declaration order: each is one
 * incremental node (a {@code ta} family; see {@code io.ringtrade.engine.indicator.ta}) updated once per bar in O(1)
 * amortised work with bounded state and no allocation; reading a column is an array read. A strategy that declares
 * nothing gets the parametric indicators ({@code row.sma(n)}, ...) its first {@code decide} call reads, computed
 * from bar 0; any other later read is refused. Nothing else is computed.
 *
 * <p><b>History.</b> The last {@code maxBarsAgo + 1} bars (rounded up to a power of two) of start times and of every
 * output are kept, and one {@link BarHistory} of OHLCV deep enough for both the row's {@code barsAgo} reads and the
 * indicators that look back by index, so memory does not grow with the run: {@code 8 + 8 × outputs} bytes per kept
 * bar, the history's 48 (72 with money flows) per bar, plus each node's own windows.
 *
 * <p><b>Snapshots.</b> {@link #writeState} writes the kept bars and values and every node's exact state, so a restore
 * continues bit for bit as if the run had never stopped.
 */
public final class InstrumentBars {
    /**
     * The snapshot section's tag, before the symbol. "bars/2": the bar history is kept once for the row and the
     * indicators and written after the indicator list; a snapshot with the former layout ("bars") is refused as not
     * matching, so recovery falls back to an older snapshot or a replay.
     */
    private static final String SECTION = "bars/2 ";
    /** The outputs a parametric read may reach: all of them (a strategy that declares nothing can read any). */
    private static final long ALL_OUTPUTS = -1L;
    private final int instrumentId;
    private final String symbol;
    private final PositionView positions;
    private final Indicators declared;
    private final int maxBarsAgo;
    private final int mask;
    private final long[] starts;
    private final BarInput input = new BarInput();
    /** What several indicators compute alike, kept once for all of them. */
    private final SharedIndicators shared = new SharedIndicators();
    /** The bars, kept once for the row's {@code barsAgo} reads and every indicator that looks back by index. */
    private final BarHistory history = shared.history();
    private final IndicatorRow row;
    private IndicatorSpec[] specs;
    private IndicatorNode[] nodes;
    private int[] bases;
    private int nodeCount;
    /** Whether every node reads only the close's double, so the bar's other doubles need not be computed. */
    private boolean closeOnly = true;
    private int width;
    private double[] values;
    /** Where the latest bar's values start in {@link #values}. */
    private int latestOffset;
    private long count;

    /** Bars for {@code instrument} for a strategy that declares nothing (see the class comment). */
    public InstrumentBars(final Instrument instrument, final PositionView positions) {
        this(instrument, positions, null);
    }

    /**
     * Bars for {@code instrument} maintaining what {@code declared} lists (null: what the first bar reads).
     * Seals {@code declared}.
     *
     * @param positions tells the row whether the book holds a position in the instrument
     */
    public InstrumentBars(final Instrument instrument, final PositionView positions, final Indicators declared) {
        this.instrumentId = instrument.id();
        this.symbol = instrument.symbol();
        this.positions = Objects.requireNonNull(positions, "positions");
        this.declared = declared;
        this.maxBarsAgo = declared == null ? Indicators.DEFAULT_MAX_BARS_AGO : declared.maxBarsAgo();
        final int depth = powerOfTwoAtLeast(maxBarsAgo + 1);
        this.mask = depth - 1;
        starts = new long[depth];
        history.need(maxBarsAgo + 1);
        final List<IndicatorSpec> list = declared == null ? List.of() : declared.specs();
        specs = new IndicatorSpec[Math.max(4, list.size())];
        nodes = new IndicatorNode[specs.length];
        bases = new int[specs.length];
        for (int i = 0; i < list.size(); i++) {
            add(list.get(i), declared.declaredOutputs(i));
        }
        values = new double[depth * width];
        row = new IndicatorRow(this);
    }

    /** Adds a node for {@code spec} whose outputs {@code outputsRead} (bit i: output i) can be read. */
    private int add(final IndicatorSpec spec, final long outputsRead) {
        if (nodeCount == specs.length) {
            specs = Arrays.copyOf(specs, nodeCount * 2);
            nodes = Arrays.copyOf(nodes, nodeCount * 2);
            bases = Arrays.copyOf(bases, nodeCount * 2);
        }
        specs[nodeCount] = spec;
        nodes[nodeCount] = IndicatorNodes.create(spec, shared, outputsRead);
        closeOnly &= nodes[nodeCount].readsOnlyTheClose();
        bases[nodeCount] = width;
        width += spec.outputCount();
        return nodeCount++;
    }

    /**
     * Appends a closed bar (prices and volume fixed-point, 1e-8) and updates every indicator. Allocation-free.
     *
     * @param startNanos bar start, epoch nanoseconds UTC; strictly increasing
     */
    public void onBar(final long startNanos, final long open, final long high, final long low, final long close,
                      final long volume) {
        final int slot = (int) (count & mask);
        starts[slot] = startNanos;
        input.set(count, open, high, low, close, volume, !closeOnly);
        history.push(input);
        final int at = slot * width;
        for (int i = 0; i < nodeCount; i++) {
            nodes[i].update(input, values, at + bases[i]);
        }
        latestOffset = at;
        count++;
    }

    /**
     * The row for the latest bar; the same object every time, reading the current state.
     *
     * @throws IllegalStateException before the first bar
     */
    public Row row() {
        if (count == 0) {
            throw new IllegalStateException(symbol + ": no bar yet");
        }
        row.resetWarmUp();
        return row;
    }

    /**
     * Whether the strategy, since it last got {@link #row()}, read an indicator (or a close before the first bar) that
     * was NaN: on that bar it was still warming up.
     */
    public boolean rowReadNaN() {
        return row.readNaN();
    }

    /** The instrument's id. */
    public int instrumentId() {
        return instrumentId;
    }

    /** The instrument's symbol. */
    public String symbol() {
        return symbol;
    }

    /** Bars appended so far. */
    public long barCount() {
        return count;
    }

    /** Bars of history kept for {@code barsAgo} reads (a power of two). */
    public int historyBars() {
        return mask + 1;
    }

    /** The indicators maintained, in slot order. */
    public List<IndicatorSpec> indicators() {
        return List.of(Arrays.copyOf(specs, nodeCount));
    }

    // ---- reads for IndicatorRow -----------------------------------------------------------------------------------

    long latestBar() {
        return count - 1;
    }

    long position() {
        return positions.position(instrumentId);
    }

    boolean inPosition() {
        return positions.hasPosition(instrumentId);
    }

    /** The slot of the bar {@code barsAgo} back, or -1 before the first bar. */
    int slotOf(final int barsAgo) {
        if (barsAgo < 0 || barsAgo > maxBarsAgo) {
            throw new IllegalArgumentException("barsAgo must be in [0, " + maxBarsAgo + "]: " + barsAgo
                + (barsAgo > maxBarsAgo ? " (declare Indicators.maxBarsAgo to reach further back)" : ""));
        }
        final long bar = count - 1 - barsAgo;
        return bar < 0 ? -1 : (int) (bar & mask);
    }

    long start(final int slot) {
        return starts[slot];
    }

    /** The bar history's slot of the bar {@code barsAgo} back, or -1 before the first bar. */
    int historySlotOf(final int barsAgo) {
        return slotOf(barsAgo) < 0 ? -1 : history.slot(barsAgo);
    }

    /** The latest bar's close as a double (a bar exists). */
    double latestClose() {
        return input.c;
    }

    long open(final int historySlot) {
        return history.open(historySlot);
    }

    long high(final int historySlot) {
        return history.high(historySlot);
    }

    long low(final int historySlot) {
        return history.low(historySlot);
    }

    long close(final int historySlot) {
        return history.close(historySlot);
    }

    long volume(final int historySlot) {
        return history.volume(historySlot);
    }

    double value(final int slot, final int column) {
        return values[slot * width + column];
    }

    /** A value of the latest bar (a bar exists). */
    double latestValue(final int column) {
        return values[latestOffset + column];
    }

    /** The value slot of a declared column. */
    int columnIndex(final Column column) {
        if (declared == null || !column.isDeclaredBy(declared)) {
            throw new IllegalStateException("column " + column.name() + " was not declared by this strategy's "
                + "Indicators (return indicators.strategy(...) from create)");
        }
        return column.slot();
    }

    /**
     * The value slot of the single-output indicator {@code kind(window)}: a declared one, or, for a strategy that
     * declares nothing, one first read during bar 0 (created then, so exact from bar 0).
     */
    int parametricIndex(final IndicatorSpec.Kind kind, final int window, final double x) {
        if (window < 1 && kind != IndicatorSpec.Kind.OBV) {
            throw new IllegalArgumentException(kind.name().toLowerCase(java.util.Locale.ROOT)
                + " window must be positive: " + window);
        }
        for (int i = 0; i < nodeCount; i++) {
            final IndicatorSpec spec = specs[i];
            if (spec.kind() == kind && spec.a() == window && spec.x() == x && spec.b() == 0 && spec.c() == 0
                && spec.y() == 0) {
                return bases[i];
            }
        }
        final IndicatorSpec wanted = new IndicatorSpec(kind, window, 0, 0, x, 0);
        if (declared != null || count != 1) {
            throw new IllegalStateException(symbol + ": " + wanted + " is not maintained: declare it when the strategy is"
                + " created (Indicators." + kind.name().toLowerCase(java.util.Locale.ROOT) + "(" + window
                + ") and return indicators.strategy(...))"
                + (declared == null ? "; a strategy that declares nothing gets only what its first bar reads" : ""));
        }
        return discover(wanted);
    }

    /** Adds an indicator during bar 0 and feeds it bar 0 (still in {@link #input}). */
    private int discover(final IndicatorSpec spec) {
        final int oldWidth = width;
        final int index = add(spec, ALL_OUTPUTS);
        // bar 0 was loaded before this node existed: with the close alone if every node until now read only that
        input.set(input.index, input.open, input.high, input.low, input.close, input.volume, !closeOnly);
        final double[] grown = new double[(mask + 1) * width];
        for (int slot = 0; slot <= mask; slot++) {
            System.arraycopy(values, slot * oldWidth, grown, slot * width, oldWidth);
        }
        values = grown;
        latestOffset = (int) ((count - 1) & mask) * width;
        nodes[index].update(input, values, latestOffset + bases[index]);
        return bases[index];
    }

    // ---- snapshots ------------------------------------------------------------------------------------------------

    /** Writes the kept bars and values and every indicator's exact state, for a snapshot. Business-logic thread. */
    public void writeState(final StateWriter out) {
        out.section(SECTION + symbol);
        out.writeLong(count).writeInt(mask + 1);
        out.writeLongs(starts);
        out.writeInt(nodeCount);
        for (int i = 0; i < nodeCount; i++) {
            final IndicatorSpec spec = specs[i];
            out.writeInt(spec.kind().ordinal()).writeInt(spec.a()).writeInt(spec.b()).writeInt(spec.c())
                .writeDouble(spec.x()).writeDouble(spec.y());
        }
        history.writeState(out);
        shared.writeState(out);
        out.writeDoubles(values);
        for (int i = 0; i < nodeCount; i++) {
            nodes[i].writeState(out);
        }
    }

    /**
     * Restores what {@link #writeState} wrote into a fresh instance built for the same strategy (the indicators must
     * be the same ones, in the same order).
     */
    public void readState(final StateReader in) {
        if (count != 0) {
            throw new IllegalStateException(symbol + ": restore into a fresh instance only");
        }
        in.section(SECTION + symbol);
        count = in.readLong();
        in.expectInt(mask + 1, symbol + " bars kept");
        in.readLongsInto(starts, "bar starts");
        final int written = in.readInt();
        final IndicatorSpec.Kind[] kinds = IndicatorSpec.Kind.values();
        for (int i = 0; i < written; i++) {
            final int ordinal = in.readInt();
            if (ordinal < 0 || ordinal >= kinds.length) {
                throw new SnapshotFormatException(symbol + ": unknown indicator kind " + ordinal);
            }
            final IndicatorSpec spec = new IndicatorSpec(kinds[ordinal], in.readInt(), in.readInt(), in.readInt(),
                in.readDouble(), in.readDouble());
            if (declared == null && i == nodeCount) {
                add(spec, ALL_OUTPUTS);
            } else if (i >= nodeCount || !specs[i].equals(spec)) {
                throw new SnapshotFormatException(symbol + ": the snapshot has indicator " + spec + " at position " + i
                    + " but this strategy maintains " + (i < nodeCount ? specs[i] : "fewer indicators"));
            }
        }
        if (written != nodeCount) {
            throw new SnapshotFormatException(symbol + ": the snapshot has " + written + " indicators, this strategy "
                + nodeCount);
        }
        history.readState(in);
        if (history.count() != count) {
            throw new SnapshotFormatException(symbol + ": the snapshot's bar history has " + history.count()
                + " bars, its row " + count);
        }
        shared.readState(in);
        values = new double[(mask + 1) * width];
        final double[] read = in.readDoubles();
        if (read.length != values.length) {
            throw new SnapshotFormatException(symbol + ": " + read.length + " indicator values, expected "
                + values.length);
        }
        System.arraycopy(read, 0, values, 0, values.length);
        for (int i = 0; i < nodeCount; i++) {
            nodes[i].readState(in);
        }
        if (count > 0) {
            final int slot = (int) ((count - 1) & mask);
            final int latest = history.slot(0);
            input.set(count - 1, history.open(latest), history.high(latest), history.low(latest),
                history.close(latest), history.volume(latest), !closeOnly);
            latestOffset = slot * width;
        }
    }

    private static int powerOfTwoAtLeast(final int n) {
        return n <= 1 ? 1 : Integer.highestOneBit(n - 1) << 1;
    }
}
