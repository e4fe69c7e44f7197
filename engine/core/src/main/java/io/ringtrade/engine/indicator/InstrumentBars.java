package io.ringtrade.engine.indicator;

import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

import io.ringtrade.engine.api.market.Instrument;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.Row;
import java.util.Arrays;
import java.util.Objects;

/**
 * The closed bars of one instrument (for one strategy book, or shared by books on the same thread) and the
 * {@link Row} a decision function sees for the latest bar. Owned by the business-logic thread: {@link #onBar}
 * and every read of {@link #row()} happen there.
 *
 * <p><b>History.</b> Bars are kept in a ring of the last {@code historyBars} bars (a power of two, 1024 by
 * default), so memory does not grow with the length of a backtest: 48 bytes per kept bar for OHLCV, plus 8
 * bytes per kept bar for each indicator asked for (about 48 KiB + 8 KiB per indicator by default, whether the
 * run has a thousand bars or ten million). The ring grows (doubling, at the request, never per bar) when a
 * strategy asks for an SMA period or a {@code barsAgo} that needs more. A value whose bar has already left the
 * ring reads as NaN; it becomes available again once the grown ring has filled.
 *
 * <p><b>Native indicators.</b> {@code sma}, {@code ema} and {@code rsi} are created on first request (a small
 * registry keyed by kind and period), computed at once over every kept bar, and then updated at every bar:
 * {@link #onBar} and the reads allocate nothing once they exist. Created while the ring still holds bar 0
 * (the first 1024 bars by default), an indicator has exactly the values it would have had if created at bar 0.
 * Created later, it starts at the oldest kept bar: SMA is exact after {@code period} bars; EMA and RSI are
 * seeded there and converge to the full-history values by a factor {@code 1 - k} per bar.
 *
 * <p><b>Named columns</b> ({@link NamedColumns}) come from ta4j. Its series is built when a column is first
 * asked for, from the last 1024 kept bars, is bounded to 1024 bars, and every column asked for so far is
 * evaluated at each later bar close (ta4j allocates then; reading a computed column does not). A column first
 * asked for before bar 1024 equals ta4j over the full history; later, it is ta4j over that 1024-bar window
 * (window columns exact, recursive ones converging, OBV counted from the window's first bar). By estimate
 * (not measured), the ta4j bars and caches take a few hundred KiB per instrument once columns are in use.
 */
public final class InstrumentBars {
    /** Bars kept by default. */
    public static final int DEFAULT_HISTORY_BARS = 1024;
    private static final int MAX_HISTORY_BARS = 1 << 30;

    private final int instrumentId;
    private final String symbol;
    private final PositionView positions;
    private final BarHistory history;
    private final Ta4jColumns columns;
    private final IndicatorRow row;
    private NativeIndicator[] indicators = new NativeIndicator[8];
    private int indicatorCount;

    /** Bars for {@code instrument} keeping {@link #DEFAULT_HISTORY_BARS} bars. */
    public InstrumentBars(final Instrument instrument, final PositionView positions) {
        this(instrument, positions, DEFAULT_HISTORY_BARS);
    }

    /**
     * Bars for {@code instrument} keeping at least {@code historyBars} bars (rounded up to a power of two).
     *
     * @param positions tells the row whether the book holds a position in the instrument
     */
    public InstrumentBars(final Instrument instrument, final PositionView positions, final int historyBars) {
        if (historyBars < 2 || historyBars > MAX_HISTORY_BARS) {
            throw new IllegalArgumentException("historyBars must be in [2, " + MAX_HISTORY_BARS + "]: " + historyBars);
        }
        this.instrumentId = instrument.id();
        this.symbol = instrument.symbol();
        this.positions = Objects.requireNonNull(positions, "positions");
        this.history = new BarHistory(powerOfTwoAtLeast(historyBars));
        this.columns = new Ta4jColumns(symbol);
        this.row = new IndicatorRow(this);
    }

    /**
     * Appends a closed bar (prices and volume fixed-point, 1e-8) and updates every indicator asked for so far.
     * Allocation-free unless a named column has been asked for (ta4j then evaluates at this bar close).
     *
     * @param startNanos bar start, epoch nanoseconds UTC; strictly increasing
     */
    public void onBar(final long startNanos, final long open, final long high, final long low, final long close,
                      final long volume) {
        history.append(startNanos, open, high, low, close, volume);
        final int bar = history.count() - 1;
        for (int i = 0; i < indicatorCount; i++) {
            indicators[i].update(history, bar);
        }
        columns.onBar(history, bar);
    }

    /**
     * The row for the latest bar; the same object every time, reading the current state.
     *
     * @throws IllegalStateException before the first bar
     */
    public Row row() {
        if (history.count() == 0) {
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
    public int barCount() {
        return history.count();
    }

    /** Bars currently kept (a power of two; grows when an indicator needs more). */
    public int historyBars() {
        return history.capacity();
    }

    /**
     * Writes the kept bars and every native indicator's exact state, and the names of the ta4j columns in use, for a
     * snapshot. Business-logic thread.
     */
    public void writeState(final StateWriter out) {
        out.section("bars " + symbol);
        history.writeState(out);
        out.writeInt(indicatorCount);
        for (int i = 0; i < indicatorCount; i++) {
            out.writeInt(indicators[i].kind().ordinal()).writeInt(indicators[i].period());
            indicators[i].writeState(out);
        }
        final java.util.List<String> names = columns.names();
        out.writeInt(names.size());
        for (final String name : names) {
            out.writeString(name);
        }
    }

    /**
     * Restores what {@link #writeState} wrote into a fresh instance. Native indicators come back exactly; ta4j
     * columns are rebuilt over the kept bars (exact while the first bar is still kept, converging after that for
     * the recursive ones such as EMA-based columns).
     */
    public void readState(final StateReader in) {
        if (history.count() != 0 || indicatorCount != 0) {
            throw new IllegalStateException(symbol + ": restore into a fresh instance only");
        }
        in.section("bars " + symbol);
        history.readState(in);
        final int count = in.readInt();
        for (int i = 0; i < count; i++) {
            final NativeIndicator.Kind kind = NativeIndicator.Kind.values()[in.readInt()];
            final int period = in.readInt();
            final NativeIndicator restored = switch (kind) {
                case SMA -> new SimpleMovingAverage(period, history.capacity());
                case EMA -> new ExponentialMovingAverage(period, history.capacity());
                case RSI -> new RelativeStrengthIndex(period, history.capacity());
            };
            restored.readState(in);
            if (indicatorCount == indicators.length) {
                indicators = Arrays.copyOf(indicators, indicatorCount * 2);
            }
            indicators[indicatorCount++] = restored;
        }
        final int columnCount = in.readInt();
        for (int i = 0; i < columnCount; i++) {
            columns.column(in.readString(), history);
        }
    }

    // ---- reads for IndicatorRow: all relative to the latest bar -------------------------------------------

    int latestBar() {
        return history.count() - 1;
    }

    BarHistory history() {
        return history;
    }

    boolean inPosition() {
        return positions.hasPosition(instrumentId);
    }

    double close(final int barsAgo) {
        ensureCapacity(checkBarsAgo(barsAgo) + 1L);
        final int bar = latestBar() - barsAgo;
        return history.isKept(bar) ? FixedPoint.toDouble(history.close(bar)) : Double.NaN;
    }

    double indicator(final NativeIndicator.Kind kind, final int period, final int barsAgo) {
        if (period < 1) {
            throw new IllegalArgumentException(kind + " period must be positive: " + period);
        }
        checkBarsAgo(barsAgo);
        // The SMA subtracts the close that leaves its window, so it needs period + 1 bars.
        ensureCapacity(Math.max(barsAgo + 1L, kind == NativeIndicator.Kind.SMA ? period + 1L : 2L));
        final NativeIndicator indicator = nativeIndicator(kind, period);
        final int bar = latestBar() - barsAgo;
        return history.isKept(bar) ? indicator.valueAt(bar) : Double.NaN;
    }

    double column(final String name, final int barsAgo) {
        Objects.requireNonNull(name, "column");
        ensureCapacity(checkBarsAgo(barsAgo) + 1L);
        final Ta4jColumns.Column column = columns.column(name, history);
        final int bar = latestBar() - barsAgo;
        return history.isKept(bar) ? column.valueAt(bar) : Double.NaN;
    }

    private NativeIndicator nativeIndicator(final NativeIndicator.Kind kind, final int period) {
        // A linear scan: a strategy asks for a handful of indicators, and this allocates nothing.
        for (int i = 0; i < indicatorCount; i++) {
            final NativeIndicator candidate = indicators[i];
            if (candidate.kind() == kind && candidate.period() == period) {
                return candidate;
            }
        }
        final NativeIndicator created = switch (kind) {
            case SMA -> new SimpleMovingAverage(period, history.capacity());
            case EMA -> new ExponentialMovingAverage(period, history.capacity());
            case RSI -> new RelativeStrengthIndex(period, history.capacity());
        };
        // Catch up over the kept bars so that a late request sees the same values an early one would have.
        for (int bar = history.firstKept(); bar < history.count(); bar++) {
            created.update(history, bar);
        }
        if (indicatorCount == indicators.length) {
            indicators = Arrays.copyOf(indicators, indicatorCount * 2);
        }
        indicators[indicatorCount++] = created;
        return created;
    }

    private static int checkBarsAgo(final int barsAgo) {
        if (barsAgo < 0) {
            throw new IllegalArgumentException("barsAgo must not be negative: " + barsAgo);
        }
        return barsAgo;
    }

    private void ensureCapacity(final long bars) {
        if (bars <= history.capacity()) {
            return;
        }
        if (bars > MAX_HISTORY_BARS) {
            throw new IllegalArgumentException(symbol + ": cannot keep " + bars + " bars (at most " + MAX_HISTORY_BARS + ")");
        }
        final int capacity = powerOfTwoAtLeast((int) bars);
        final int first = history.firstKept();
        final int end = history.count();
        history.grow(capacity);
        for (int i = 0; i < indicatorCount; i++) {
            indicators[i].grow(capacity, first, end);
        }
        columns.grow(capacity, first, end);
    }

    private static int powerOfTwoAtLeast(final int n) {
        return n <= 1 ? 1 : Integer.highestOneBit(n - 1) << 1;
    }
}
