package io.ringtrade.engine.api.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

/**
 * Fixed-point longs at 1e-8: every expected value below is written out in units of 1e-8 and worked out by hand.
 */
final class FixedPointTest {

    // ---- parse ------------------------------------------------------------------------------------------

    @Test
    void shouldParsePlainDecimalsIntoUnitsOfOneHundredMillionth() {
        assertThat(FixedPoint.parse("800.01")).isEqualTo(80_001_000_000L); // 800.01 × 1e8
        assertThat(FixedPoint.parse("-12.5")).isEqualTo(-1_250_000_000L);
        assertThat(FixedPoint.parse("+3")).isEqualTo(300_000_000L);
        assertThat(FixedPoint.parse("0")).isEqualTo(0L);
        assertThat(FixedPoint.parse("0.00000001")).isEqualTo(1L); // one satoshi
        assertThat(FixedPoint.parse(".5")).isEqualTo(50_000_000L); // no whole digits, one fraction digit
        assertThat(FixedPoint.parse("5.")).isEqualTo(500_000_000L); // whole digits, empty fraction
    }

    @Test
    void shouldAcceptTrailingZerosBeyondTheEighthDecimal() {
        // 800.010000000000: the 9th..12th decimals are zeros, nothing to round
        assertThat(FixedPoint.parse("800.010000000000")).isEqualTo(80_001_000_000L);
    }

    @Test
    void shouldRoundTheNinthDecimalHalfUp() {
        // 0.00000001|4 → 1 unit; 0.00000001|5 → 2 units; the sign is applied after rounding the magnitude
        assertThat(FixedPoint.parse("0.000000014")).isEqualTo(1L);
        assertThat(FixedPoint.parse("0.000000015")).isEqualTo(2L);
        assertThat(FixedPoint.parse("0.0000000149999")).isEqualTo(1L); // only the 9th digit decides
        assertThat(FixedPoint.parse("-0.000000015")).isEqualTo(-2L);
        assertThat(FixedPoint.parse("1.999999995")).isEqualTo(200_000_000L); // 1.99999999 + 1 unit = 2
    }

    @Test
    void shouldParseASliceOfALongerText() {
        // "px=101.25;" characters 3..9 are "101.25"
        assertThat(FixedPoint.parse("px=101.25;", 3, 9)).isEqualTo(10_125_000_000L);
    }

    @Test
    void shouldParseTheLargestAndSmallestLong() {
        // Long.MAX_VALUE = 9 223 372 036 854 775 807 units = 92 233 720 368.54775807
        assertThat(FixedPoint.parse("92233720368.54775807")).isEqualTo(Long.MAX_VALUE);
        // Long.MIN_VALUE = −9 223 372 036 854 775 808 units = −92 233 720 368.54775808
        assertThat(FixedPoint.parse("-92233720368.54775808")).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void shouldRefuseValuesOutOfRangeNamingTheText() {
        assertThatThrownBy(() -> FixedPoint.parse("92233720368.54775808")) // MAX + 1 unit
            .isInstanceOf(NumberFormatException.class)
            .hasMessageContaining("out of range")
            .hasMessageContaining("'92233720368.54775808'");
        assertThatThrownBy(() -> FixedPoint.parse("-92233720368.54775809")) // MIN − 1 unit
            .isInstanceOf(NumberFormatException.class)
            .hasMessageContaining("out of range");
        assertThatThrownBy(() -> FixedPoint.parse("92233720368.547758075")) // MAX rounded up by the 9th digit
            .isInstanceOf(NumberFormatException.class)
            .hasMessageContaining("out of range");
        assertThatThrownBy(() -> FixedPoint.parse("100000000000")) // 1e11 × 1e8 = 1e19 > MAX
            .isInstanceOf(NumberFormatException.class)
            .hasMessageContaining("out of range");
    }

    @Test
    void shouldRefuseTextThatIsNotAPlainDecimal() {
        for (final String bad : new String[] {"1e3", "abc", "-", "+", ".", "1.2.3", " 1", "1 ", "1,5", "--1", "0x10"}) {
            assertThatThrownBy(() -> FixedPoint.parse(bad))
                .as("'%s'", bad)
                .isInstanceOf(NumberFormatException.class)
                .hasMessage("not a decimal number: '" + bad + "'");
        }
    }

    @Test
    void shouldRefuseEmptyText() {
        assertThatThrownBy(() -> FixedPoint.parse(""))
            .isInstanceOf(NumberFormatException.class)
            .hasMessage("empty number");
        assertThatThrownBy(() -> FixedPoint.parse("12", 1, 1))
            .isInstanceOf(NumberFormatException.class)
            .hasMessage("empty number");
    }

    // ---- format -----------------------------------------------------------------------------------------

    @Test
    void shouldFormatWithoutTrailingZeros() {
        assertThat(FixedPoint.toString(80_001_000_000L)).isEqualTo("800.01");
        assertThat(FixedPoint.toString(1_000_000_000L)).isEqualTo("10");
        assertThat(FixedPoint.toString(-50_000_000L)).isEqualTo("-0.5");
        assertThat(FixedPoint.toString(0L)).isEqualTo("0");
        assertThat(FixedPoint.toString(1L)).isEqualTo("0.00000001"); // leading zeros of the fraction kept
        assertThat(FixedPoint.toString(-1L)).isEqualTo("-0.00000001");
        assertThat(FixedPoint.toString(100_000_010L)).isEqualTo("1.0000001");
        assertThat(FixedPoint.toString(123_456_789L)).isEqualTo("1.23456789");
    }

    @Test
    void shouldAppendToAnExistingBuilder() {
        final StringBuilder out = new StringBuilder("price=");
        assertThat(FixedPoint.appendTo(out, 10_125_000_000L)).isSameAs(out);
        assertThat(out).hasToString("price=101.25");
    }

    @Test
    void shouldFormatTheExtremeLongsExactly() {
        assertThat(FixedPoint.toString(Long.MAX_VALUE)).isEqualTo("92233720368.54775807");
        assertThat(FixedPoint.toString(Long.MIN_VALUE)).isEqualTo("-92233720368.54775808");
    }

    @Test
    void shouldRoundTripEveryFormattedValueThroughParse() {
        final long[] values = {
            0L, 1L, -1L, 9L, 10L, 99_999_999L, 100_000_000L, 100_000_001L, -100_000_001L, 80_001_000_000L,
            123_456_789_012L, -987_654_321L, 50_000_000L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 1,
            Long.MIN_VALUE + 1,
        };
        for (final long value : values) {
            assertThat(FixedPoint.parse(FixedPoint.toString(value))).as("%d", value).isEqualTo(value);
        }
    }

    @Test
    void shouldRoundTripCanonicalTextThroughFormat() {
        for (final String text : new String[] {"800.01", "-0.5", "10", "0.00000001", "42.1", "-7", "0.1234"}) {
            assertThat(FixedPoint.toString(FixedPoint.parse(text))).isEqualTo(text);
        }
    }

    // ---- conversions ------------------------------------------------------------------------------------

    @Test
    void shouldConvertWholeUnitsAndDoubles() {
        assertThat(FixedPoint.of(10)).isEqualTo(1_000_000_000L);
        assertThat(FixedPoint.of(-3)).isEqualTo(-300_000_000L);
        assertThat(FixedPoint.fromDouble(0.1)).isEqualTo(10_000_000L);
        assertThat(FixedPoint.fromDouble(-2.5)).isEqualTo(-250_000_000L);
        assertThat(FixedPoint.toDouble(150_000_000L)).isEqualTo(1.5);
    }

    @Test
    void shouldRoundADoubleByItsExactValueHalfAwayFromZero() {
        // 1.000000005 is stored as 1.00000000499999996961...: below the tie, so down (value × 1e8 in doubles is
        // exactly 100000000.5 and Math.round would have given 100000001)
        assertThat(FixedPoint.fromDouble(1.000000005)).isEqualTo(100_000_000L);
        // ±5e-9 are stored as ±5.00000000000000010e-9: just beyond the tie, so away from zero on both sides
        assertThat(FixedPoint.fromDouble(5e-9)).isEqualTo(1L);
        assertThat(FixedPoint.fromDouble(-5e-9)).isEqualTo(-1L);
        assertThat(FixedPoint.fromDouble(123456.789012345)).isEqualTo(12_345_678_901_235L);
    }

    @Test
    void shouldRefuseADoubleOutsideTheRangeInsteadOfSaturating() {
        assertThat(FixedPoint.fromDouble(9.2e10)).isEqualTo(9_200_000_000_000_000_000L);
        assertThatThrownBy(() -> FixedPoint.fromDouble(9.3e10)).isInstanceOf(ArithmeticException.class)
            .hasMessageContaining("out of the fixed-point range");
        assertThatThrownBy(() -> FixedPoint.fromDouble(-1e300)).isInstanceOf(ArithmeticException.class);
        assertThat(FixedPoint.MAX_WHOLE_UNITS).isEqualTo(92_233_720_368L);
    }

    @Test
    void shouldRefuseWholeUnitsThatOverflowAndNonFiniteDoubles() {
        // 92 233 720 369 × 1e8 > Long.MAX_VALUE
        assertThatThrownBy(() -> FixedPoint.of(92_233_720_369L)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> FixedPoint.fromDouble(Double.NaN)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> FixedPoint.fromDouble(Double.POSITIVE_INFINITY))
            .isInstanceOf(ArithmeticException.class);
    }

    // ---- multiply / mulDiv / divideFloor ----------------------------------------------------------------

    @Test
    void shouldMultiplyPriceByQuantity() {
        // 100.5 × 2 = 201
        assertThat(FixedPoint.multiply(10_050_000_000L, 200_000_000L)).isEqualTo(20_100_000_000L);
        // 120.879 × 9 = 1087.911
        assertThat(FixedPoint.multiply(12_087_900_000L, 900_000_000L)).isEqualTo(108_791_100_000L);
        // (−10) × 1.5 = −15
        assertThat(FixedPoint.multiply(-1_000_000_000L, 150_000_000L)).isEqualTo(-1_500_000_000L);
    }

    @Test
    void shouldRoundProductsHalfAwayFromZero() {
        // 0.00000001 × 0.5 = 0.000000005 → 1 unit; × 0.49999999 → 0.0000000049999999 → 0 units
        assertThat(FixedPoint.multiply(1L, 50_000_000L)).isEqualTo(1L);
        assertThat(FixedPoint.multiply(1L, 49_999_999L)).isEqualTo(0L);
        assertThat(FixedPoint.multiply(-1L, 50_000_000L)).isEqualTo(-1L);
        // 1.23456789 × 0.001 = 0.00123456789 → 0.00123457 (123 457 units)
        assertThat(FixedPoint.multiply(123_456_789L, 100_000L)).isEqualTo(123_457L);
    }

    @Test
    void shouldMultiplyExactlyWhenTheRawProductExceeds63Bits() {
        // 50 000 × 50 000: raw product 5e12 × 5e12 = 2.5e25 units² (> 2^63 ≈ 9.22e18), result 2.5e9 fits
        assertThat(FixedPoint.multiply(FixedPoint.of(50_000), FixedPoint.of(50_000)))
            .isEqualTo(FixedPoint.of(2_500_000_000L));
        // 1 000 000 × 0.00000003 = 0.03: raw 1e14 × 3 fits; 92 233 720 368 × 0.5 = 46 116 860 184 via 128 bits
        assertThat(FixedPoint.multiply(FixedPoint.of(92_233_720_368L), 50_000_000L))
            .isEqualTo(FixedPoint.of(46_116_860_184L));
    }

    @Test
    void shouldThrowWhenTheProductDoesNotFitALong() {
        // 1 000 000 × 1 000 000 = 1e12 = 1e20 units > Long.MAX_VALUE
        assertThatThrownBy(() -> FixedPoint.multiply(FixedPoint.of(1_000_000), FixedPoint.of(1_000_000)))
            .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void shouldRoundMulDivInEverySupportedModeOnTheFastPath() {
        // 7 × 1 / 2 = 3.5
        assertThat(FixedPoint.mulDiv(7, 1, 2, RoundingMode.FLOOR)).isEqualTo(3);
        assertThat(FixedPoint.mulDiv(7, 1, 2, RoundingMode.CEILING)).isEqualTo(4);
        assertThat(FixedPoint.mulDiv(7, 1, 2, RoundingMode.DOWN)).isEqualTo(3);
        assertThat(FixedPoint.mulDiv(7, 1, 2, RoundingMode.UP)).isEqualTo(4);
        assertThat(FixedPoint.mulDiv(7, 1, 2, RoundingMode.HALF_UP)).isEqualTo(4);
        // −7 × 1 / 2 = −3.5
        assertThat(FixedPoint.mulDiv(-7, 1, 2, RoundingMode.FLOOR)).isEqualTo(-4);
        assertThat(FixedPoint.mulDiv(-7, 1, 2, RoundingMode.CEILING)).isEqualTo(-3);
        assertThat(FixedPoint.mulDiv(-7, 1, 2, RoundingMode.DOWN)).isEqualTo(-3);
        assertThat(FixedPoint.mulDiv(-7, 1, 2, RoundingMode.UP)).isEqualTo(-4);
        assertThat(FixedPoint.mulDiv(-7, 1, 2, RoundingMode.HALF_UP)).isEqualTo(-4);
        // 7 × 1 / −2 = −3.5: a negative divisor rounds like a negative dividend
        assertThat(FixedPoint.mulDiv(7, 1, -2, RoundingMode.FLOOR)).isEqualTo(-4);
        assertThat(FixedPoint.mulDiv(7, 1, -2, RoundingMode.CEILING)).isEqualTo(-3);
        assertThat(FixedPoint.mulDiv(7, 1, -2, RoundingMode.HALF_UP)).isEqualTo(-4);
        // 4 / 3 = 1.33 and 5 / 3 = 1.67 under HALF_UP; exact quotients are never rounded
        assertThat(FixedPoint.mulDiv(4, 1, 3, RoundingMode.HALF_UP)).isEqualTo(1);
        assertThat(FixedPoint.mulDiv(5, 1, 3, RoundingMode.HALF_UP)).isEqualTo(2);
        assertThat(FixedPoint.mulDiv(6, 1, 3, RoundingMode.UP)).isEqualTo(2);
    }

    @Test
    void shouldRoundMulDivInEverySupportedModeOnThe128BitPath() {
        // MAX × 2 / 3: MAX = 9 223 372 036 854 775 807, × 2 = 18 446 744 073 709 551 614 (> 63 bits),
        // / 3 = 6 148 914 691 236 517 204 remainder 2, i.e. ...204.67
        final long q = 6_148_914_691_236_517_204L;
        assertThat(FixedPoint.mulDiv(Long.MAX_VALUE, 2, 3, RoundingMode.FLOOR)).isEqualTo(q);
        assertThat(FixedPoint.mulDiv(Long.MAX_VALUE, 2, 3, RoundingMode.CEILING)).isEqualTo(q + 1);
        assertThat(FixedPoint.mulDiv(Long.MAX_VALUE, 2, 3, RoundingMode.DOWN)).isEqualTo(q);
        assertThat(FixedPoint.mulDiv(Long.MAX_VALUE, 2, 3, RoundingMode.UP)).isEqualTo(q + 1);
        assertThat(FixedPoint.mulDiv(Long.MAX_VALUE, 2, 3, RoundingMode.HALF_UP)).isEqualTo(q + 1);
        // MAX × (−2) / 3 = −...204.67
        assertThat(FixedPoint.mulDiv(Long.MAX_VALUE, -2, 3, RoundingMode.FLOOR)).isEqualTo(-q - 1);
        assertThat(FixedPoint.mulDiv(Long.MAX_VALUE, -2, 3, RoundingMode.CEILING)).isEqualTo(-q);
        assertThat(FixedPoint.mulDiv(Long.MAX_VALUE, -2, 3, RoundingMode.DOWN)).isEqualTo(-q);
        assertThat(FixedPoint.mulDiv(Long.MAX_VALUE, -2, 3, RoundingMode.UP)).isEqualTo(-q - 1);
        assertThat(FixedPoint.mulDiv(Long.MAX_VALUE, -2, 3, RoundingMode.HALF_UP)).isEqualTo(-q - 1);
        // MAX × 3 / 6 = MAX / 2 = 4 611 686 018 427 387 903.5: an exact half rounds away from zero, as on the fast path
        assertThat(FixedPoint.mulDiv(Long.MAX_VALUE, 3, 6, RoundingMode.HALF_UP)).isEqualTo(4_611_686_018_427_387_904L);
        assertThat(FixedPoint.mulDiv(Long.MAX_VALUE, -3, 6, RoundingMode.HALF_UP))
            .isEqualTo(-4_611_686_018_427_387_904L);
    }

    @Test
    void shouldThrowWhenMulDivResultDoesNotFitALong() {
        // MAX × 3 / 2 ≈ 1.38e19 > MAX
        assertThatThrownBy(() -> FixedPoint.mulDiv(Long.MAX_VALUE, 3, 2, RoundingMode.FLOOR))
            .isInstanceOf(ArithmeticException.class);
        // MIN × 1 / −1 = 2^63: the product fits 63 bits, the quotient does not
        assertThatThrownBy(() -> FixedPoint.mulDiv(Long.MIN_VALUE, 1, -1, RoundingMode.FLOOR))
            .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void shouldThrowOnDivisionByZero() {
        assertThatThrownBy(() -> FixedPoint.mulDiv(1, 1, 0, RoundingMode.FLOOR))
            .isInstanceOf(ArithmeticException.class)
            .hasMessage("division by zero");
        assertThatThrownBy(() -> FixedPoint.divideFloor(FixedPoint.of(1), 0)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void shouldDivideTowardNegativeInfinity() {
        // 100 / 3 = 33.333333333... → 33.33333333
        assertThat(FixedPoint.divideFloor(FixedPoint.of(100), FixedPoint.of(3))).isEqualTo(3_333_333_333L);
        // −100 / 3 = −33.333333333... → −33.33333334
        assertThat(FixedPoint.divideFloor(FixedPoint.of(-100), FixedPoint.of(3))).isEqualTo(-3_333_333_334L);
        // 1000 / 100.2001 = 9.98002...: the units affordable
        assertThat(FixedPoint.divideFloor(FixedPoint.of(1000), 10_020_010_000L)).isEqualTo(998_002_996L);
    }

    @Test
    void shouldDivideExactlyWhenTheScaledDividendExceeds63Bits() {
        // 50 000 000 000 / 1000 = 50 000 000: 5e18 × 1e8 = 5e26 needs 128 bits, the quotient 5e15 fits
        assertThat(FixedPoint.divideFloor(FixedPoint.of(50_000_000_000L), FixedPoint.of(1000)))
            .isEqualTo(FixedPoint.of(50_000_000));
    }

    @Test
    void shouldRoundDownToTheStepTowardZero() {
        // 1.23456789 to a step of 0.001 → 1.234
        assertThat(FixedPoint.roundDownToStep(123_456_789L, 100_000L)).isEqualTo(123_400_000L);
        // −1.23456789 → −1.234 (toward zero, not toward −∞)
        assertThat(FixedPoint.roundDownToStep(-123_456_789L, 100_000L)).isEqualTo(-123_400_000L);
        // already a multiple: unchanged
        assertThat(FixedPoint.roundDownToStep(FixedPoint.of(9), FixedPoint.of(1))).isEqualTo(FixedPoint.of(9));
        // 9.99 to whole units → 9
        assertThat(FixedPoint.roundDownToStep(999_000_000L, FixedPoint.of(1))).isEqualTo(FixedPoint.of(9));
    }

    @Test
    void shouldNotRoundWhenTheStepIsZero() {
        assertThat(FixedPoint.roundDownToStep(123_456_789L, 0)).isEqualTo(123_456_789L);
    }

    @Test
    void shouldRoundHalfUpAgainstTheSmallestLongDivisor() {
        // 1 / -2^63 is about -1.1e-19: nearer 0 than -1, so half up gives 0; a quarter of the way is still 0,
        // and exactly half (2^62 / -2^63 = -0.5) rounds away from zero to -1
        assertThat(FixedPoint.mulDiv(1, 1, Long.MIN_VALUE, RoundingMode.HALF_UP)).isZero();
        assertThat(FixedPoint.mulDiv(1L << 61, 1, Long.MIN_VALUE, RoundingMode.HALF_UP)).isZero();
        assertThat(FixedPoint.mulDiv(1L << 62, 1, Long.MIN_VALUE, RoundingMode.HALF_UP)).isEqualTo(-1);
    }
}
