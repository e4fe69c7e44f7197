package io.ringtrade.engine.indicator.rolling;

/**
 * Sums doubles in the order NumPy's {@code add.reduce} does (pairwise summation with eight partial sums per block of
 * up to 128 values), which is how {@code ta} sums a window once with {@code .sum()} or {@code .mean()} (the seeds of
 * ATR and ADX, CCI's mean deviation). Using the same order gives the same double, bit for bit. Stateless.
 */
public final class PairwiseSum {
    private static final int BLOCK = 128;

    private PairwiseSum() {
    }

    /** The sum of {@code values[from .. from+n)}, using {@code scratch} (length ≥ 8) for the partial sums. */
    public static double of(final double[] values, final int from, final int n, final double[] scratch) {
        if (n < 8) {
            double sum = 0.0;
            for (int i = 0; i < n; i++) {
                sum += values[from + i];
            }
            return sum;
        }
        if (n <= BLOCK) {
            return blocked(values, from, n, scratch);
        }
        int half = n / 2;
        half -= half % 8;
        return of(values, from, half, scratch) + of(values, from + half, n - half, scratch);
    }

    private static double blocked(final double[] values, final int from, final int n, final double[] r) {
        for (int j = 0; j < 8; j++) {
            r[j] = values[from + j];
        }
        int i = 8;
        for (; i < n - (n % 8); i += 8) {
            for (int j = 0; j < 8; j++) {
                r[j] += values[from + i + j];
            }
        }
        double sum = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < n; i++) {
            sum += values[from + i];
        }
        return sum;
    }
}
