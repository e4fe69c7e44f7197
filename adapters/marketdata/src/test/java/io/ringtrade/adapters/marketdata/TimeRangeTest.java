package io.ringtrade.adapters.marketdata;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeRangeTest {
    private static final long DAY_NANOS = 86_400_000_000_000L;
    private static final long MARCH_1_2013_DAY = 15_765; // days from 1970-01-01 to 2013-03-01
    private static final long JULY_1_2013_DAY = 15_887;

    @Test
    void shouldIncludeTheWholeToDay() {
        final TimeRange range = TimeRange.parse("2013-03-01", "2013-06-30");

        assertThat(range.fromNanos()).isEqualTo(MARCH_1_2013_DAY * DAY_NANOS);
        assertThat(range.untilNanos()).isEqualTo(JULY_1_2013_DAY * DAY_NANOS);
        assertThat(range.contains(JULY_1_2013_DAY * DAY_NANOS - 1)).isTrue();
        assertThat(range.contains(JULY_1_2013_DAY * DAY_NANOS)).isFalse();
        assertThat(range.contains(MARCH_1_2013_DAY * DAY_NANOS)).isTrue();
        assertThat(range.contains(MARCH_1_2013_DAY * DAY_NANOS - 1)).isFalse();
    }

    @Test
    void shouldLeaveBlankEndsOpen() {
        assertThat(TimeRange.parse(null, " ")).isEqualTo(TimeRange.ALL);
        assertThat(TimeRange.parse("2013-03-01", null).untilNanos()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void shouldRefuseBadDate() {
        assertThatThrownBy(() -> TimeRange.parse("2013-3-1", null))
            .hasMessage("--from '2013-3-1' is not a date (expected YYYY-MM-DD, UTC)");
    }

    @Test
    void shouldRefuseReversedRange() {
        assertThatThrownBy(() -> TimeRange.parse("2013-07-01", "2013-06-30"))
            .hasMessage("--to 2013-06-30 is before --from 2013-07-01");
    }
}
