package io.ringtrade.engine.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ringtrade.engine.api.market.Instrument;
import org.ta4j.core.Indicator;
import org.ta4j.core.num.Num;

/** Small shared assertions and fixtures for the indicator tests. */
final class Values {
    static final Instrument AAPL = new Instrument(3, "AAPL", "USD", 1_000_000L, 1L);
    static final PositionView FLAT = instrumentId -> false;

    private Values() {
    }

    /** Both NaN, or both numbers within {@code tolerance}. */
    static void assertSame(final double actual, final double expected, final double tolerance, final String what) {
        if (Double.isNaN(expected)) {
            assertThat(actual).as(what + " should be NaN").isNaN();
        } else {
            assertThat(actual).as(what).isCloseTo(expected, within(tolerance));
        }
    }

    /** Bit-for-bit the same double (NaN equals NaN). */
    static void assertIdentical(final double actual, final double expected, final String what) {
        assertThat(Double.valueOf(actual)).as(what).isEqualTo(Double.valueOf(expected));
    }

    static double ta4j(final Indicator<Num> indicator, final int index) {
        final Num value = indicator.getValue(index);
        return value.isNaN() ? Double.NaN : value.doubleValue();
    }
}
