package io.ringtrade.adapters.marketdata;

import io.ringtrade.engine.api.money.FixedPoint;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Reads a price, quantity or volume into a fixed-point long at 1e-8. Plain decimals go through
 * {@link FixedPoint#parse} (no allocation; digits past the 8th decimal are rounded half up). Scientific notation
 * ({@code 1.5e-05}, which pandas and JSON writers produce for small volumes) takes a slower exact path through
 * {@link BigDecimal}, rounded half up to 8 decimals the same way. Stateless; loading thread.
 */
final class DecimalText {
    private DecimalText() {
    }

    /**
     * The fixed-point value of {@code text[start, end)}.
     *
     * @throws IllegalArgumentException with "is not a number" or "is too large" (the caller adds the value)
     */
    static long parse(final CharSequence text, final int start, final int end) {
        try {
            return FixedPoint.parse(text, start, end);
        } catch (final NumberFormatException plain) {
            if (!hasExponent(text, start, end)) {
                throw reason(plain);
            }
            try {
                return new BigDecimal(text.subSequence(start, end).toString())
                    .setScale(FixedPoint.SCALE_DIGITS, RoundingMode.HALF_UP)
                    .unscaledValue().longValueExact();
            } catch (final NumberFormatException e) {
                throw new IllegalArgumentException("is not a number", e);
            } catch (final ArithmeticException e) {
                throw new IllegalArgumentException("is too large", e);
            }
        }
    }

    private static boolean hasExponent(final CharSequence text, final int start, final int end) {
        for (int i = start; i < end; i++) {
            final char c = text.charAt(i);
            if (c == 'e' || c == 'E') {
                return true;
            }
        }
        return false;
    }

    private static IllegalArgumentException reason(final NumberFormatException e) {
        final String message = e.getMessage();
        return new IllegalArgumentException(
            message != null && message.startsWith("number out of range") ? "is too large" : "is not a number", e);
    }
}
