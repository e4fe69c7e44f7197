package io.ringtrade.bench;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The median of a sample and a percentile-bootstrap interval for it: resample with replacement, take each resample's
 * median, read the interval off their distribution. For paired measurements whose spread is not normal (throughput
 * changes on two oversubscribed cores have long tails both ways), where a mean and a t-interval would mislead. The
 * resampling is seeded, so the same sample always prints the same interval. Any thread; stateless.
 */
final class BootstrapMedian {
    private BootstrapMedian() {
    }

    /** The median of {@code values} (the mean of the two middle ones for an even count). */
    static double median(final double[] values) {
        return quantile(values, 0.5);
    }

    /** The {@code q} quantile of {@code values}, interpolated linearly between order statistics. */
    static double quantile(final double[] values, final double q) {
        if (values.length == 0) {
            return Double.NaN;
        }
        final double[] sorted = values.clone();
        Arrays.sort(sorted);
        final double at = q * (sorted.length - 1);
        final int below = (int) Math.floor(at);
        final int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (at - below) * (sorted[above] - sorted[below]);
    }

    /**
     * The central {@code confidence} interval of the median of {@code values} from {@code resamples} bootstrap
     * resamples drawn with {@code seed}: {lower, upper}.
     */
    static double[] interval(final double[] values, final double confidence, final int resamples, final long seed) {
        if (values.length == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        final SplittableRandom random = new SplittableRandom(seed);
        final double[] medians = new double[resamples];
        final double[] resample = new double[values.length];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < resample.length; i++) {
                resample[i] = values[random.nextInt(values.length)];
            }
            medians[r] = median(resample);
        }
        final double tail = (1 - confidence) / 2;
        return new double[] {quantile(medians, tail), quantile(medians, 1 - tail)};
    }
}
