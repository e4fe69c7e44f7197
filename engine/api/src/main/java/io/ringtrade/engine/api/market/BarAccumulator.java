package io.ringtrade.engine.api.market;

/**
 * Builds time bars of one {@link Interval} from trades or from finer bars, one instrument at a time: the single
 * aggregation rule used by both file adapters and the engine. A bar's time is the start of its interval
 * (UTC); open is the first price, close the last, high/low the extremes, volume the sum. Intervals with no
 * data produce no bar. The bar's end is computed once when it opens, so per-input checks allocate nothing even for
 * 1wk/1mo (whose calendar maths allocates once per bar).
 *
 * <p>Usage: call {@link #wouldClose(long)} before adding an input; if it returns true the bar held so far is
 * complete: read it, then {@link #reset()}. Single-threaded.
 */
public final class BarAccumulator {
    private final Interval interval;
    private boolean open;
    private long bucketStart;
    private long bucketEnd;
    private boolean boundaryKnown; // bucketEnd is the start of a bar of the interval (a bar has been opened)
    private long openPrice;
    private long highPrice;
    private long lowPrice;
    private long closePrice;
    private long volume;

    /** An empty accumulator for {@code interval}. */
    public BarAccumulator(final Interval interval) {
        this.interval = interval;
    }

    /** True when an input at {@code timeNanos} belongs to a later bar than the one being built. */
    public boolean wouldClose(final long timeNanos) {
        return open && (timeNanos >= bucketEnd || timeNanos < bucketStart);
    }

    /**
     * The time an input stamped {@code timeNanos} is built at when late inputs are folded forward: not before the
     * start of the bar being built, nor, between bars, before the end of the last one closed (a bar closed on the
     * engine clock's time stays closed). Inputs on time are returned unchanged.
     */
    public long notBefore(final long timeNanos) {
        if (!boundaryKnown) {
            return timeNanos;
        }
        final long earliest = open ? bucketStart : bucketEnd;
        return Math.max(timeNanos, earliest);
    }

    /** True when a bar is being built and it ends at or before {@code timeNanos}. */
    public boolean endedBy(final long timeNanos) {
        return open && bucketEnd <= timeNanos;
    }

    /** Adds a trade. */
    public void addTrade(final long timeNanos, final long price, final long quantity) {
        add(timeNanos, price, price, price, price, quantity);
    }

    /** Adds a finer bar that starts at {@code timeNanos}. */
    public void add(final long timeNanos, final long o, final long h, final long l, final long c, final long v) {
        if (!open) {
            open = true;
            bucketStart = boundaryKnown ? interval.bucketStartAfter(bucketEnd, timeNanos)
                : interval.bucketStart(timeNanos);
            bucketEnd = interval.nextBucketStart(bucketStart);
            boundaryKnown = true;
            openPrice = o;
            highPrice = h;
            lowPrice = l;
            volume = 0;
        } else {
            highPrice = Math.max(highPrice, h);
            lowPrice = Math.min(lowPrice, l);
        }
        closePrice = c;
        volume = Math.addExact(volume, v);
    }

    /** Starts a new bar: the next input opens it. */
    public void reset() {
        open = false;
    }

    /** True once a bar has been opened (its start, and so the last bar's end, is known). */
    public boolean boundaryKnown() {
        return boundaryKnown;
    }

    /** True while a bar has at least one input. */
    public boolean hasBar() {
        return open;
    }

    /**
     * Puts the accumulator back into a recorded state (snapshot restore): {@code building} false means no bar has
     * inputs yet, and the prices are then ignored; {@code boundaryKnown} says whether a bar was ever opened, and then
     * {@code startNanos} is the start of the bar being built or of the last one closed.
     */
    public void restore(final boolean building, final boolean boundaryKnown, final long startNanos, final long o,
                        final long h, final long l, final long c, final long v) {
        open = building;
        this.boundaryKnown = building || boundaryKnown;
        bucketStart = startNanos;
        bucketEnd = this.boundaryKnown ? interval.nextBucketStart(startNanos) : 0;
        openPrice = o;
        highPrice = h;
        lowPrice = l;
        closePrice = c;
        volume = v;
    }

    /** End of the bar being built (the next bar's start), epoch nanoseconds UTC; valid while {@link #hasBar()}. */
    public long endNanos() {
        return bucketEnd;
    }

    /** The interval this accumulator builds. */
    public Interval interval() {
        return interval;
    }

    /** Start of the bar being built (epoch nanos). */
    public long startNanos() {
        return bucketStart;
    }

    /** Open (fixed-point). */
    public long open() {
        return openPrice;
    }

    /** High (fixed-point). */
    public long high() {
        return highPrice;
    }

    /** Low (fixed-point). */
    public long low() {
        return lowPrice;
    }

    /** Close (fixed-point). */
    public long close() {
        return closePrice;
    }

    /** Volume (fixed-point). */
    public long volume() {
        return volume;
    }
}
