package io.ringtrade.engine.risk;

import io.ringtrade.engine.api.event.CommandCode;
import io.ringtrade.engine.api.money.FixedPoint;

import java.util.Arrays;

/**
 * The risk limits an operator may change while the engine runs, a book's or the engine-wide cap of the same name, each
 * by its own journaled command ({@code POST /books/{name}/limits}, {@code POST /limits}): the ones pre-trade risk and
 * the daily-loss check read afresh on every order and input; the order rate, whose sliding window is resized keeping
 * its latest releases; the leverage and whether books may go short, which the decision sizing, the strategies' stages
 * and the simulated venue's fills read afresh too; and five a book has with no engine-wide cap ({@link #bookOnly}):
 * the maintenance margin, checked after every input that moves prices, the simulated venue's rate on borrowed cash
 * and fee on shorts, charged per day, the minimum notional and the short cap. Only the large-transaction threshold
 * stays as the journal's manifest has it. Every value travels fixed-point (1e-8), the order rate too: a whole number
 * of orders, and {@code allow_short} 1 or 0.
 *
 * <p>Immutable; any thread.
 */
public enum RiskLimit {
    /** Largest notional of one order, in the book's currency; 0 = none. */
    MAX_ORDER_NOTIONAL("max_order_notional", CommandCode.SET_MAX_ORDER_NOTIONAL, Long.MAX_VALUE, false, false, false),
    /** Largest position, percent of the book's equity; 0 = none. */
    MAX_POSITION_PCT("max_position_pct", CommandCode.SET_MAX_POSITION_PCT, RiskLimits.MAX_POSITION_PCT, false, false,
        false),
    /** Largest loss within a UTC day before the book halts, in the book's currency; 0 = none. */
    MAX_DAILY_LOSS("max_daily_loss", CommandCode.SET_MAX_DAILY_LOSS, Long.MAX_VALUE, false, false, false),
    /** Largest distance of a limit price from the last price, percent; 0 = none. */
    PRICE_BAND_PCT("price_band_pct", CommandCode.SET_PRICE_BAND_PCT, RiskLimits.MAX_PERCENT, false, false, false),
    /** Most orders in any second of event time (a whole number); 0 = none. */
    MAX_ORDERS_PER_SECOND("max_orders_per_second", CommandCode.SET_MAX_ORDERS_PER_SECOND,
        FixedPoint.of(RiskLimits.MAX_ORDERS_PER_SECOND), true, false, false),
    /** Equity a book must keep, percent of its gross exposure, else a margin call; 0 = none. A book's own only. */
    MAINTENANCE_MARGIN_PCT("maintenance_margin_pct", CommandCode.SET_MAINTENANCE_MARGIN_PCT, RiskLimits.MAX_PERCENT,
        false, true, false),
    /** The simulated venue's yearly interest on a book's borrowed cash, percent; 0 = none. A book's own only. */
    BORROW_RATE_PCT("borrow_rate_pct", CommandCode.SET_BORROW_RATE_PCT, RiskLimits.MAX_PERCENT, false, true, true),
    /** The simulated venue's yearly fee on the value of a book's shorts, percent; 0 = none. A book's own only. */
    SHORT_FEE_PCT("short_fee_pct", CommandCode.SET_SHORT_FEE_PCT, RiskLimits.MAX_PERCENT, false, true, true),
    /**
     * Multiple of the book's equity its long exposure may reach, 1 to 100 (a book's 0 or 1 is a cash account; the
     * engine-wide cap's 0 is none). Lowering it refuses the buys and shorts the new terms do not allow; it closes
     * nothing (the maintenance margin does).
     */
    MAX_LEVERAGE("max_leverage", CommandCode.SET_MAX_LEVERAGE, RiskLimits.MAX_LEVERAGE, false, false, false),
    /**
     * Whether the book may open or extend shorts: 1 or 0 ({@code true} or {@code false} as typed). Stopping it refuses
     * new shorts and makes a sell while flat, or a reversing answer, only close; what is short may still be covered.
     * Engine-wide, 0 stops every book's shorts and 1 leaves each to its own.
     */
    ALLOW_SHORT("allow_short", CommandCode.SET_ALLOW_SHORT, FixedPoint.of(1), true, false, false),
    /** Smallest notional of one order, in the book's currency; 0 = none. A book's own only. */
    MIN_NOTIONAL("min_notional", CommandCode.SET_MIN_NOTIONAL, Long.MAX_VALUE, false, true, false),
    /** Largest short value, in the book's currency; 0 = the default cap, the book's leverage × its equity. */
    MAX_SHORT_NOTIONAL("max_short_notional", CommandCode.SET_MAX_SHORT_NOTIONAL, Long.MAX_VALUE, false, true, false);

    private final String label;
    private final int command;
    private final long max;
    /** Whether only whole numbers are accepted (a count, carried fixed-point like the others). */
    private final boolean whole;
    /** Whether only a book has it (no engine-wide cap of that name). */
    private final boolean bookOnly;
    /** Whether it is a charge of the simulated venue, which a live venue's book cannot have (it pays its venue's). */
    private final boolean simulatedVenueCharge;

    RiskLimit(final String label, final int command, final long max, final boolean whole, final boolean bookOnly,
              final boolean simulatedVenueCharge) {
        this.label = label;
        this.command = command;
        this.max = max;
        this.whole = whole;
        this.bookOnly = bookOnly;
        this.simulatedVenueCharge = simulatedVenueCharge;
    }

    /** Whether it is a charge of the simulated venue: other than 0, refused for a book on a live venue. */
    public boolean simulatedVenueCharge() {
        return simulatedVenueCharge;
    }

    /** Whether only a book has this limit: there is no engine-wide cap of its name to set. */
    public boolean bookOnly() {
        return bookOnly;
    }

    /** The name the configuration, the ops API and the audit log use ({@code max_position_pct}). */
    public String label() {
        return label;
    }

    /** The command code that sets it. */
    public int command() {
        return command;
    }

    /** The limit set by command {@code code}, or null when the code sets no limit. */
    public static RiskLimit ofCommand(final int code) {
        for (final RiskLimit limit : values()) {
            if (limit.command == code) {
                return limit;
            }
        }
        return null;
    }

    /** The limit labelled {@code label}, or null. */
    public static RiskLimit ofLabel(final String label) {
        for (final RiskLimit limit : values()) {
            if (limit.label.equals(label)) {
                return limit;
            }
        }
        return null;
    }

    /**
     * The fixed-point value an operator typed for this limit: as {@link #parseValue}, and for {@link #ALLOW_SHORT}
     * also {@code true} (1) or {@code false} (0).
     */
    public long parse(final String text) {
        if (this == ALLOW_SHORT && (text.strip().equals("true") || text.strip().equals("false"))) {
            return text.strip().equals("true") ? FixedPoint.of(1) : 0;
        }
        return parseValue(text);
    }

    /**
     * The fixed-point value an operator typed ({@code "20"}, {@code "2.5"}), or -1, which no limit accepts, when
     * {@code text} is not a plain decimal: then {@link #accepts} refuses it like a value out of range.
     */
    public static long parseValue(final String text) {
        try {
            return FixedPoint.parse(text.strip());
        } catch (final RuntimeException notADecimal) {
            return -1;
        }
    }

    /** Whether {@code value} (fixed-point) is one {@link RiskLimits} accepts for this limit. */
    public boolean accepts(final long value) {
        return value >= 0 && value <= max && (!whole || value % FixedPoint.SCALE == 0)
            && (this != MAX_LEVERAGE || value == 0 || value >= RiskLimits.CASH_ACCOUNT);
    }

    private void requireAccepted(final long value) {
        if (!accepts(value)) {
            throw new IllegalArgumentException(label + " must be " + range() + ", got " + FixedPoint.toString(value));
        }
    }

    /** The labels of all the limits, comma-separated, for messages naming what may be set. */
    public static String labels() {
        return String.join(", ", Arrays.stream(values()).map(RiskLimit::label).toList());
    }

    /** The values accepted and what 0 means, for a refusal's message ({@code "a decimal 0 to 100 (0 = none)"}). */
    public String range() {
        return switch (this) {
            case MAX_LEVERAGE -> "0 or a decimal 1 to " + FixedPoint.toString(max)
                + " (a book's 0 is a cash account, the engine-wide cap's 0 is none)";
            case ALLOW_SHORT -> "1 or true (shorts allowed), 0 or false (no new shorts)";
            case MAX_SHORT_NOTIONAL -> "a decimal 0 or more (0 = the default cap, leverage × equity)";
            default -> (whole ? "a whole number " : "a decimal ")
                + (max == Long.MAX_VALUE ? "0 or more" : "0 to " + FixedPoint.toString(max)) + " (0 = none)";
        };
    }

    /** The engine-wide cap's value in {@code settings}; 0 for a {@link #bookOnly} limit, which has none. */
    public long of(final RiskSettings settings) {
        return switch (this) {
            case MAX_ORDER_NOTIONAL -> settings.maxOrderNotional();
            case MAX_POSITION_PCT -> settings.maxPositionPct();
            case MAX_DAILY_LOSS -> settings.maxDailyLoss();
            case PRICE_BAND_PCT -> settings.priceBandPct();
            case MAX_ORDERS_PER_SECOND -> FixedPoint.of(settings.maxOrdersPerSecond());
            case MAINTENANCE_MARGIN_PCT, BORROW_RATE_PCT, SHORT_FEE_PCT, MIN_NOTIONAL, MAX_SHORT_NOTIONAL -> 0;
            case MAX_LEVERAGE -> settings.maxLeverage();
            case ALLOW_SHORT -> settings.allowShort() ? FixedPoint.of(1) : 0;
        };
    }

    /**
     * {@code settings} with this engine-wide cap at {@code value}, everything else kept.
     *
     * @throws IllegalArgumentException unless {@link #accepts} the value, or for a {@link #bookOnly} limit
     */
    public RiskSettings in(final RiskSettings settings, final long value) {
        if (bookOnly) {
            throw new IllegalArgumentException(label + " is a book's own limit: there is no engine-wide cap of it");
        }
        requireAccepted(value);
        return new RiskSettings(this == MAX_ORDER_NOTIONAL ? value : settings.maxOrderNotional(),
            this == MAX_POSITION_PCT ? value : settings.maxPositionPct(),
            this == MAX_DAILY_LOSS ? value : settings.maxDailyLoss(),
            this == MAX_ORDERS_PER_SECOND ? wholeOrders(value) : settings.maxOrdersPerSecond(),
            this == PRICE_BAND_PCT ? value : settings.priceBandPct(), settings.largeTransactionThreshold(),
            this == MAX_LEVERAGE ? value : settings.maxLeverage(),
            this == ALLOW_SHORT ? value != 0 : settings.allowShort());
    }

    /** The limit's value in {@code limits}. */
    public long of(final RiskLimits limits) {
        return switch (this) {
            case MAX_ORDER_NOTIONAL -> limits.maxOrderNotional();
            case MAX_POSITION_PCT -> limits.maxPositionPct();
            case MAX_DAILY_LOSS -> limits.maxDailyLoss();
            case PRICE_BAND_PCT -> limits.priceBandPct();
            case MAX_ORDERS_PER_SECOND -> FixedPoint.of(limits.maxOrdersPerSecond());
            case MAINTENANCE_MARGIN_PCT -> limits.maintenanceMarginPct();
            case BORROW_RATE_PCT -> limits.borrowRatePct();
            case SHORT_FEE_PCT -> limits.shortFeePct();
            case MAX_LEVERAGE -> limits.maxLeverage();
            case ALLOW_SHORT -> limits.allowShort() ? FixedPoint.of(1) : 0;
            case MIN_NOTIONAL -> limits.minNotional();
            case MAX_SHORT_NOTIONAL -> limits.maxShortNotional();
        };
    }

    /**
     * {@code limits} with this limit at {@code value}, everything else kept.
     *
     * @throws IllegalArgumentException unless {@link #accepts} the value
     */
    public RiskLimits in(final RiskLimits limits, final long value) {
        requireAccepted(value);
        return new RiskLimits(this == ALLOW_SHORT ? value != 0 : limits.allowShort(),
            this == MIN_NOTIONAL ? value : limits.minNotional(),
            this == MAX_SHORT_NOTIONAL ? value : limits.maxShortNotional(),
            this == MAX_ORDER_NOTIONAL ? value : limits.maxOrderNotional(),
            this == MAX_POSITION_PCT ? value : limits.maxPositionPct(),
            this == MAX_DAILY_LOSS ? value : limits.maxDailyLoss(),
            this == MAX_ORDERS_PER_SECOND ? wholeOrders(value) : limits.maxOrdersPerSecond(),
            this == PRICE_BAND_PCT ? value : limits.priceBandPct(),
            this != MAX_LEVERAGE ? limits.maxLeverage() : value == 0 ? RiskLimits.CASH_ACCOUNT : value,
            this == MAINTENANCE_MARGIN_PCT ? value : limits.maintenanceMarginPct(),
            this == BORROW_RATE_PCT ? value : limits.borrowRatePct(),
            this == SHORT_FEE_PCT ? value : limits.shortFeePct(), limits.marginCallReduces());
    }

    /** An accepted order-rate value (fixed-point whole number, at most 100,000) as a count. */
    private static int wholeOrders(final long value) {
        return (int) (value / FixedPoint.SCALE);
    }
}
