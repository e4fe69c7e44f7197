package io.ringtrade.engine.api.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Bars per year by calendar: crypto trades 24 × 365, US equities 252 sessions of 6.5 hours, no calendar as before. */
final class TradingCalendarTest {
    @Test
    void shouldCountBarsOfAnAlwaysOpenMarketOver365DaysOf24Hours() {
        assertThat(TradingCalendar.ALWAYS_OPEN.periodsPerYear(Interval.D1)).isEqualTo(365.0);
        assertThat(TradingCalendar.ALWAYS_OPEN.periodsPerYear(Interval.H1)).isEqualTo(8_760.0);
        assertThat(TradingCalendar.ALWAYS_OPEN.periodsPerYear(Interval.M1)).isEqualTo(525_600.0);
        assertThat(TradingCalendar.ALWAYS_OPEN.periodsPerYear(Interval.W1)).isEqualTo(365.0 / 7.0);
        assertThat(TradingCalendar.ALWAYS_OPEN.periodsPerYear(Interval.MO1)).isEqualTo(12.0);
    }

    @Test
    void shouldCountBarsOfUsEquitiesOver252SessionsOfSixAndAHalfHours() {
        assertThat(TradingCalendar.US_EQUITIES.periodsPerYear(Interval.D1)).isEqualTo(252.0);
        assertThat(TradingCalendar.US_EQUITIES.periodsPerYear(Interval.H1)).isEqualTo(1_638.0);
        assertThat(TradingCalendar.US_EQUITIES.periodsPerYear(Interval.M5)).isEqualTo(19_656.0);
        assertThat(TradingCalendar.US_EQUITIES.periodsPerYear(Interval.M1)).isEqualTo(98_280.0);
        assertThat(TradingCalendar.US_EQUITIES.periodsPerYear(Interval.W1)).isEqualTo(52.0);
        assertThat(TradingCalendar.US_EQUITIES.periodsPerYear(Interval.MO1)).isEqualTo(12.0);
    }

    @Test
    void shouldKeepTodaysConventionWithoutACalendarOrWhenCalendarsDiffer() {
        assertThat(TradingCalendar.UNSPECIFIED.periodsPerYear(Interval.D1)).isEqualTo(252.0);
        assertThat(TradingCalendar.UNSPECIFIED.periodsPerYear(Interval.H1)).isEqualTo(6_048.0);
        assertThat(TradingCalendar.periodsPerYearOf(Interval.H1, TradingCalendar.ALWAYS_OPEN,
            TradingCalendar.ALWAYS_OPEN)).isEqualTo(8_760.0);
        assertThat(TradingCalendar.periodsPerYearOf(Interval.H1, TradingCalendar.ALWAYS_OPEN,
            TradingCalendar.US_EQUITIES)).isEqualTo(6_048.0);
        assertThat(TradingCalendar.periodsPerYearOf(Interval.D1)).isEqualTo(252.0);
    }

    @Test
    void shouldParseTheConfigurationLabels() {
        assertThat(TradingCalendar.parse("24x7")).isEqualTo(TradingCalendar.ALWAYS_OPEN);
        assertThat(TradingCalendar.parse("us-equities")).isEqualTo(TradingCalendar.US_EQUITIES);
        assertThatThrownBy(() -> TradingCalendar.parse("nyse"))
            .hasMessage("unknown calendar 'nyse' (expected 24x7 or us-equities)");
    }
}
