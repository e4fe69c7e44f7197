package io.ringtrade.adapters.marketdata;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeTextTest {
    // 2013-01-02T00:00:00Z = 15_707 days after the epoch = 1_357_084_800 s.
    private static final long JAN_2_2013_NANOS = 1_357_084_800_000_000_000L;
    private static final long HOUR_NANOS = 3_600_000_000_000L;

    @Test
    void shouldReadIsoDateAsMidnightUtc() {
        assertThat(TimeText.parseNanos("2013-01-02")).isEqualTo(JAN_2_2013_NANOS);
    }

    @Test
    void shouldReadIsoDateTimeWithZ() {
        assertThat(TimeText.parseNanos("2013-01-02T10:00:00Z")).isEqualTo(JAN_2_2013_NANOS + 10 * HOUR_NANOS);
    }

    @Test
    void shouldApplyOffsetOfIsoDateTime() {
        assertThat(TimeText.parseNanos("2013-01-02T10:00:00+01:00")).isEqualTo(JAN_2_2013_NANOS + 9 * HOUR_NANOS);
        assertThat(TimeText.parseNanos("2013-01-02T10:00:00-0500")).isEqualTo(JAN_2_2013_NANOS + 15 * HOUR_NANOS);
    }

    @Test
    void shouldReadDateTimeWithoutZoneAsUtc() {
        assertThat(TimeText.parseNanos("2013-01-02T10:00:00")).isEqualTo(JAN_2_2013_NANOS + 10 * HOUR_NANOS);
        assertThat(TimeText.parseNanos("2013-01-02 10:00:00")).isEqualTo(JAN_2_2013_NANOS + 10 * HOUR_NANOS);
        assertThat(TimeText.parseNanos("2013-01-02 10:00")).isEqualTo(JAN_2_2013_NANOS + 10 * HOUR_NANOS);
    }

    @Test
    void shouldKeepFractionOfIsoDateTime() {
        assertThat(TimeText.parseNanos("2013-01-02T00:00:00.123456789Z")).isEqualTo(JAN_2_2013_NANOS + 123_456_789L);
    }

    @Test
    void shouldReadSmallNumbersAsEpochSeconds() {
        assertThat(TimeText.parseNanos("1357084800")).isEqualTo(JAN_2_2013_NANOS);
    }

    @Test
    void shouldReadNumbersFromOneHundredBillionAsEpochMillis() {
        assertThat(TimeText.parseNanos("1357084800000")).isEqualTo(JAN_2_2013_NANOS);
        assertThat(TimeText.parseNanos("100000000000")).isEqualTo(100_000_000_000_000_000L);
    }

    @Test
    void shouldKeepFractionOfEpochSecondsAndMillis() {
        assertThat(TimeText.parseNanos("1357084800.25")).isEqualTo(JAN_2_2013_NANOS + 250_000_000L);
        assertThat(TimeText.parseNanos("1357084800000.5")).isEqualTo(JAN_2_2013_NANOS + 500_000L);
    }

    @Test
    void shouldReadNegativeEpochSeconds() {
        assertThat(TimeText.parseNanos("-86400")).isEqualTo(-86_400_000_000_000L);
    }

    @Test
    void shouldReadEightDigitsAsCompactDate() {
        assertThat(TimeText.parseNanos("20130102")).isEqualTo(JAN_2_2013_NANOS);
    }

    @Test
    void shouldRefuseMicrosecondStamps() {
        assertThatThrownBy(() -> TimeText.parseNanos("1357084800000000"))
            .hasMessageStartingWith("is too large for epoch seconds or milliseconds (16 digits");
    }

    @Test
    void shouldRefuseSecondsBeyondNanosecondRange() {
        assertThatThrownBy(() -> TimeText.parseNanos("99999999999"))
            .hasMessage("is out of range (epoch nanoseconds end in the year 2262)");
    }

    @Test
    void shouldRefuseTextThatIsNoTime() {
        for (final String text : new String[] {"abc", "2013-13-01", "2013-01-02X10:00", "2013/01/02", "1e9", "12.",
            "2013-01-02T25:00:00Z", "20131301"}) {
            assertThatThrownBy(() -> TimeText.parseNanos(text)).as(text).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("is not a");
        }
    }
}
