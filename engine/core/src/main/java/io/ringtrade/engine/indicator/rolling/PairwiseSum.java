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

    /** The sum of {@code values[from .. from+n)}. */
    public static double of(final double[] values, final int from, final int n) {
        return sum(values, from, n, false, 0.0);
    }

    /**
     * The sum of {@code |values[i] − centre|} over {@code [from, from+n)}, in the same order as {@link #of} would sum
     * the deviations if they were stored first (CCI's mean deviation), without storing them.
     */
    public static double ofAbsoluteDeviations(final double[] values, final int from, final int n, final double centre) {
        return sum(values, from, n, true, centre);
    }

    private static double term(final double value, final boolean deviation, final double centre) {
        return deviation ? Math.abs(value - centre) : value;
    }

    private static double sum(final double[] values, final int from, final int n, final boolean deviation,
                              final double centre) {
        if (n < 8) {
            double sum = 0.0;
            for (int i = 0; i < n; i++) {
                sum += term(values[from + i], deviation, centre);
            }
            return sum;
        }
        if (n <= BLOCK) {
            return blocked(values, from, n, deviation, centre);
        }
        int half = n / 2;
        half -= half % 8;
        return sum(values, from, half, deviation, centre) + sum(values, from + half, n - half, deviation, centre);
    }

    /** One block: eight partial sums (locals, so that each add waits only for the previous add of its lane). */
    private static double blocked(final double[] values, final int from, final int n, final boolean deviation,
                                  final double centre) {
        double r0 = term(values[from], deviation, centre);
        double r1 = term(values[from + 1], deviation, centre);
        double r2 = term(values[from + 2], deviation, centre);
        double r3 = term(values[from + 3], deviation, centre);
        double r4 = term(values[from + 4], deviation, centre);
        double r5 = term(values[from + 5], deviation, centre);
        double r6 = term(values[from + 6], deviation, centre);
        double r7 = term(values[from + 7], deviation, centre);
        int i = 8;
        for (; i < n - (n % 8); i += 8) {
            final int at = from + i;
            r0 += term(values[at], deviation, centre);
            r1 += term(values[at + 1], deviation, centre);
            r2 += term(values[at + 2], deviation, centre);
            r3 += term(values[at + 3], deviation, centre);
            r4 += term(values[at + 4], deviation, centre);
            r5 += term(values[at + 5], deviation, centre);
            r6 += term(values[at + 6], deviation, centre);
            r7 += term(values[at + 7], deviation, centre);
        }
        double sum = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
        for (; i < n; i++) {
            sum += term(values[from + i], deviation, centre);
        }
        return sum;
    }
}
