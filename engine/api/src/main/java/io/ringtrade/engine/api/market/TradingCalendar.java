package io.ringtrade.engine.api.market;

import java.util.Locale;

/**
 * When an instrument trades, for annualising per-bar statistics (Sharpe, Sortino, volatility, CAGR): bars per year
 * at each {@link Interval}. Set per instrument ({@code calendar} in the instruments' configuration). Immutable.
 */
public enum TradingCalendar {
    /**
     * No calendar given: the convention of {@link Interval#periodsPerYear()} (252 days of 24 hours; 52 weeks, 12
     * months), so results computed before calendars existed do not move.
     */
    UNSPECIFIED(""),
    /** Around the clock every day (crypto): 365 days of 24 hours, 52.18 weeks, 12 months. */
    ALWAYS_OPEN("24x7"),
    /** US equity markets: 252 sessions of 6.5 hours a year, 52 weeks, 12 months. */
    US_EQUITIES("us-equities");

    private static final double SECONDS_PER_DAY = 86_400.0;
    private static final double US_SESSION_SECONDS = 6.5 * 3_600.0;

    private final String label;

    TradingCalendar(final String label) {
        this.label = label;
    }

    /** The configuration label, {@code 24x7} or {@code us-equities}; empty for {@link #UNSPECIFIED}. */
    public String label() {
        return label;
    }

    /** Bars of {@code interval} in a year of this calendar. */
    public double periodsPerYear(final Interval interval) {
        return switch (this) {
            case UNSPECIFIED -> interval.periodsPerYear();
            case ALWAYS_OPEN -> switch (interval) {
                case W1 -> 365.0 / 7.0;
                case MO1 -> 12.0;
                default -> 365.0 * SECONDS_PER_DAY / (interval.nanos() / 1_000_000_000L);
            };
            case US_EQUITIES -> switch (interval) {
                case W1 -> 52.0;
                case MO1 -> 12.0;
                case D1 -> 252.0;
                // intraday bars: 6.5 trading hours a session; a 4h bar is a part of a session, not of a day
                default -> 252.0 * US_SESSION_SECONDS / (interval.nanos() / 1_000_000_000L);
            };
        };
    }

    /**
     * The bars per year of a run whose instruments follow {@code calendars}: their calendar when they all share one,
     * otherwise the convention of {@link #UNSPECIFIED}.
     */
    public static double periodsPerYearOf(final Interval interval, final TradingCalendar... calendars) {
        TradingCalendar shared = null;
        for (final TradingCalendar calendar : calendars) {
            if (shared == null) {
                shared = calendar;
            } else if (shared != calendar) {
                return UNSPECIFIED.periodsPerYear(interval);
            }
        }
        return (shared == null ? UNSPECIFIED : shared).periodsPerYear(interval);
    }

    /** The calendar with this label. */
    public static TradingCalendar parse(final String text) {
        for (final TradingCalendar calendar : values()) {
            if (calendar != UNSPECIFIED && calendar.label.equals(text.toLowerCase(Locale.ROOT))) {
                return calendar;
            }
        }
        throw new IllegalArgumentException("unknown calendar '" + text + "' (expected 24x7 or us-equities)");
    }
}
