package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.indicator.rolling.ExactSum;

/**
 * Adds or removes (H + L + C) × V, exactly, to a sum: the money flow of VWAP and MFI (three times the typical price
 * times the volume). With prices below 2^61 in magnitude (any real price) H + L + C fits in a long and it is one
 * 128-bit product; otherwise three. Either way the sum is the same exact integer. Stateless.
 */
final class TypicalFlow {
    private TypicalFlow() {
    }

    static void add(final ExactSum sum, final long h, final long l, final long c, final long v) {
        if (((Math.abs(h) | Math.abs(l) | Math.abs(c)) >>> 61) == 0) {
            sum.addProduct(h + l + c, v);
        } else {
            sum.addProduct(h, v);
            sum.addProduct(l, v);
            sum.addProduct(c, v);
        }
    }

    static void subtract(final ExactSum sum, final long h, final long l, final long c, final long v) {
        if (((Math.abs(h) | Math.abs(l) | Math.abs(c)) >>> 61) == 0) {
            sum.subtractProduct(h + l + c, v);
        } else {
            sum.subtractProduct(h, v);
            sum.subtractProduct(l, v);
            sum.subtractProduct(c, v);
        }
    }
}
