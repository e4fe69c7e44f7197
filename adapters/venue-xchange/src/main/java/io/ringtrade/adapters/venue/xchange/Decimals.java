package io.ringtrade.adapters.venue.xchange;

import io.ringtrade.engine.api.money.FixedPoint;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** XChange's {@link BigDecimal}s to the engine's fixed-point longs at 1e-8 and back. Stateless; any thread. */
final class Decimals {
    private Decimals() {
    }

    /** A decimal as fixed-point (half up past 8 places); 0 for null. */
    static long fixed(final BigDecimal value) {
        if (value == null) {
            return 0;
        }
        return value.setScale(FixedPoint.SCALE_DIGITS, RoundingMode.HALF_UP).unscaledValue().longValueExact();
    }

    /** A fixed-point amount as a decimal, trailing zeros stripped. */
    static BigDecimal decimal(final long fixed) {
        return BigDecimal.valueOf(fixed, FixedPoint.SCALE_DIGITS).stripTrailingZeros();
    }
}
