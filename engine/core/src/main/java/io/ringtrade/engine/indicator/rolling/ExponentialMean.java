package io.ringtrade.engine.indicator.rolling;

import io.ringtrade.engine.snapshot.StateReader;
import io.ringtrade.engine.snapshot.StateWriter;

/**
 * An exponentially weighted mean exactly as {@code pandas} 1.5 computes {@code ewm(..., adjust=False).mean()} with
 * {@code ignore_na=False}, which is what the {@code ta} library uses for every EMA and Wilder average:
 * <ul>
 *   <li>α is derived the way {@code pandas} derives it (from the centre of mass), so it is the same double;</li>
 *   <li>it starts from the first non-NaN input, with no SMA seed; each later input x updates the mean m to
 *       {@code (w·m + α·x) / (w + α)} with {@code w = 1 − α} (evaluated in that order, so the doubles agree);</li>
 *   <li>a NaN input (or an infinite one, which {@code pandas} turns into NaN first) leaves m unchanged but decays the
 *       weight of the past ({@code w} is multiplied by 1 − α again), and still reads m;</li>
 *   <li>the output is NaN until {@code minPeriods} non-NaN inputs have been seen.</li>
 * </ul>
 * Business-logic thread only; allocation-free.
 */
public final class ExponentialMean {
    private final double oldWeightFactor;
    private final double newWeight;
    private final int minPeriods;
    private double mean = Double.NaN;
    private double oldWeight = 1.0;
    private int observations;
    private boolean started;
    /**
     * True when the next finite input takes the one step nearly every bar takes: a mean is established, no gap is
     * being decayed (the past's weight is 1), the warm-up is over and the weights sum to exactly 1. Derived from
     * the fields above, so not part of the state written.
     */
    private boolean steady;
    /** Whether (1 − α) + α rounds to exactly 1.0 (so a step needs no division); fixed by α. */
    private final boolean weightsSumToOne;

    private ExponentialMean(final double comass, final int minPeriods) {
        final double alpha = 1.0 / (1.0 + comass);
        this.oldWeightFactor = 1.0 - alpha;
        this.newWeight = alpha;
        this.minPeriods = Math.max(minPeriods, 1);
        this.weightsSumToOne = oldWeightFactor + newWeight == 1.0;
    }

    /** {@code ewm(span=span, min_periods=span, adjust=False)}: α = 2/(span+1); {@code ta}'s EMA. */
    public static ExponentialMean ofSpan(final int span) {
        return new ExponentialMean((span - 1) / 2.0, span);
    }

    /** {@code ewm(alpha=1/window, min_periods=window, adjust=False)}: Wilder's smoothing as {@code ta}'s RSI uses it. */
    public static ExponentialMean wilder(final int window) {
        final double alpha = 1.0 / window;
        return new ExponentialMean((1.0 - alpha) / alpha, window);
    }

    /** Feeds the next input and returns the mean (NaN before {@code minPeriods} observations). */
    public double update(final double raw) {
        // the steady step, without the general path's branches: a finite input (NaN and infinities fail the
        // comparison) moves the mean exactly as the general path would (its past weight becomes 1 − α, the weights
        // sum to 1, so the division is skipped) and leaves the state steady
        if (steady && Math.abs(raw) <= Double.MAX_VALUE) {
            if (mean != raw) {
                mean = oldWeightFactor * mean + newWeight * raw;
            }
            return mean;
        }
        return generalUpdate(raw);
    }

    private double generalUpdate(final double raw) {
        final double value = Double.isInfinite(raw) ? Double.NaN : raw;
        final boolean observation = !Double.isNaN(value);
        if (!started) {
            started = true;
            mean = value;
        } else if (!Double.isNaN(mean)) {
            oldWeight *= oldWeightFactor;
            if (observation) {
                if (mean != value) {
                    final double weights = oldWeight + newWeight;
                    final double weighted = oldWeight * mean + newWeight * value;
                    // (1 − α) + α rounds to exactly 1 for every α, so between gaps the division is the identity
                    // and is skipped; the result is the same double pandas computes
                    mean = weights == 1.0 ? weighted : weighted / weights;
                }
                oldWeight = 1.0;
            }
        } else if (observation) {
            mean = value;
        }
        if (observation && observations < minPeriods) {
            observations++;
        }
        steady = isSteady();
        return observations >= minPeriods ? mean : Double.NaN;
    }

    /** The latest output, as {@link #update} last returned it. */
    public double value() {
        return observations >= minPeriods ? mean : Double.NaN;
    }

    /** Writes the running state. */
    public void writeState(final StateWriter out) {
        out.writeDouble(mean).writeDouble(oldWeight).writeInt(observations).writeBoolean(started);
    }

    /** Reads what {@link #writeState} wrote. */
    public void readState(final StateReader in) {
        mean = in.readDouble();
        oldWeight = in.readDouble();
        observations = in.readInt();
        started = in.readBoolean();
        steady = isSteady();
    }

    private boolean isSteady() {
        return started && !Double.isNaN(mean) && oldWeight == 1.0 && observations >= minPeriods && weightsSumToOne;
    }
}
