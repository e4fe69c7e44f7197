package io.ringtrade.engine.api.strategy;

/**
 * How the engine sizes and manages a decision strategy's positions (the README's "Managed positions"): the sizing of
 * each entry, a stop-loss and a take-profit as fractions of the average entry price (a one-cancels-other pair attached
 * when an entry fills), a trailing stop, a time stop, pyramiding, and {@code average_last} (act on the mean of the
 * last N decisions, rounded toward zero). Every strategy takes them as parameters ({@link StrategyParameters}); a
 * strategy gives its own defaults by overriding {@link StrategyDefinition#positionDefaults()}, e.g.
 * {@code PositionRules.DEFAULT.tradeNotional(3_000).stopLoss(0.02).takeProfit(0.04)}. Immutable.
 *
 * @param sizing       how an entry is sized
 * @param size         the notional ({@link Sizing#NOTIONAL}), fraction ({@link Sizing#EQUITY_FRACTION}) or quantity
 *                     ({@link Sizing#QUANTITY}); 0 for {@link Sizing#ALL_CASH}
 * @param stopLoss     fraction of the average entry below (long) or above (short) which the protective stop sits,
 *                     in (0, 1); 0 = none
 * @param takeProfit   fraction of the average entry above (long) or below (short) which the take-profit limit sits,
 *                     &gt; 0; 0 = none
 * @param trailingStop fraction below the highest high since entry (above the lowest low for a short), in (0, 1);
 *                     0 = none
 * @param timeStopBars exit at the next open when still open at the close of this many bars counted from the entry
 *                     bar (which is the first); 0 = none
 * @param maxAdds      further entries in the same direction while in a position (pyramiding); 0 = none
 * @param averageLast  act on the mean of the last N decisions per instrument, rounded toward zero; 1 = each decision
 */
public record PositionRules(Sizing sizing, double size, double stopLoss, double takeProfit, double trailingStop,
                            int timeStopBars, int maxAdds, int averageLast) {
    /** Parameter: fixed notional per entry, in the book's currency ({@link Sizing#NOTIONAL}). */
    public static final String TRADE_USD = "trade_usd";
    /** Parameter: fraction of the book's equity per entry ({@link Sizing#EQUITY_FRACTION}). */
    public static final String EQUITY_FRACTION = "equity_fraction";
    /** Parameter: fixed quantity per entry, in the instrument's units ({@link Sizing#QUANTITY}). */
    public static final String QUANTITY = "quantity";
    /** Parameter: stop-loss fraction. */
    public static final String STOP_LOSS = "stop_loss";
    /** Parameter: take-profit fraction. */
    public static final String TAKE_PROFIT = "take_profit";
    /** Parameter: trailing-stop fraction. */
    public static final String TRAILING_STOP = "trailing_stop";
    /** Parameter: time stop in bars. */
    public static final String TIME_STOP_BARS = "time_stop_bars";
    /** Parameter: most further entries in the same direction. */
    public static final String MAX_ADDS = "max_adds";
    /** Parameter: decisions averaged. */
    public static final String AVERAGE_LAST = "average_last";

    /** Today's rules: all cash (or an equal share with several instruments), no stops, no adds, each decision. */
    public static final PositionRules DEFAULT = new PositionRules(Sizing.ALL_CASH, 0, 0, 0, 0, 0, 0, 1);

    /** How an entry is sized: decided with the order, at the decision bar's close. */
    public enum Sizing {
        /**
         * One instrument: a notional market order for all cash not reserved (the venue converts it at the fill);
         * several: an equal share of equity, in whole lots at the close with expected costs.
         */
        ALL_CASH,
        /** A fixed notional ({@code trade_usd}), as a quantity at the decision bar's close, rounded down to the lot. */
        NOTIONAL,
        /** A fraction of equity ({@code equity_fraction}), as a quantity at the close, rounded down to the lot. */
        EQUITY_FRACTION,
        /** A fixed quantity ({@code quantity}), rounded down to the lot. */
        QUANTITY
    }

    /** Checks ranges (the parameters' messages name the parameter; these guard strategies' own defaults). */
    public PositionRules {
        if (sizing == null || (sizing == Sizing.ALL_CASH) != (size == 0) || size < 0 || !Double.isFinite(size)
            || (sizing == Sizing.EQUITY_FRACTION && size > 1)) {
            throw new IllegalArgumentException("position sizing " + sizing + " " + size + " is not valid");
        }
        if (!(stopLoss >= 0 && stopLoss < 1) || !(trailingStop >= 0 && trailingStop < 1)
            || !(takeProfit >= 0 && Double.isFinite(takeProfit)) || timeStopBars < 0 || maxAdds < 0
            || averageLast < 1) {
            throw new IllegalArgumentException("position rules out of range: stop_loss " + stopLoss + ", take_profit "
                + takeProfit + ", trailing_stop " + trailingStop + ", time_stop_bars " + timeStopBars + ", max_adds "
                + maxAdds + ", average_last " + averageLast);
        }
    }

    /** These rules with a fixed notional per entry. */
    public PositionRules tradeNotional(final double notional) {
        return new PositionRules(Sizing.NOTIONAL, notional, stopLoss, takeProfit, trailingStop, timeStopBars, maxAdds,
            averageLast);
    }

    /** These rules with a fraction of equity per entry. */
    public PositionRules equityFraction(final double fraction) {
        return new PositionRules(Sizing.EQUITY_FRACTION, fraction, stopLoss, takeProfit, trailingStop, timeStopBars,
            maxAdds, averageLast);
    }

    /** These rules with a fixed quantity per entry. */
    public PositionRules quantity(final double units) {
        return new PositionRules(Sizing.QUANTITY, units, stopLoss, takeProfit, trailingStop, timeStopBars, maxAdds,
            averageLast);
    }

    /** These rules with a stop-loss. */
    public PositionRules stopLoss(final double fraction) {
        return new PositionRules(sizing, size, fraction, takeProfit, trailingStop, timeStopBars, maxAdds, averageLast);
    }

    /** These rules with a take-profit. */
    public PositionRules takeProfit(final double fraction) {
        return new PositionRules(sizing, size, stopLoss, fraction, trailingStop, timeStopBars, maxAdds, averageLast);
    }

    /** These rules with a trailing stop. */
    public PositionRules trailingStop(final double fraction) {
        return new PositionRules(sizing, size, stopLoss, takeProfit, fraction, timeStopBars, maxAdds, averageLast);
    }

    /** These rules with a time stop. */
    public PositionRules timeStopBars(final int bars) {
        return new PositionRules(sizing, size, stopLoss, takeProfit, trailingStop, bars, maxAdds, averageLast);
    }

    /** These rules with pyramiding. */
    public PositionRules maxAdds(final int adds) {
        return new PositionRules(sizing, size, stopLoss, takeProfit, trailingStop, timeStopBars, adds, averageLast);
    }

    /** These rules acting on the mean of the last {@code n} decisions. */
    public PositionRules averageLast(final int n) {
        return new PositionRules(sizing, size, stopLoss, takeProfit, trailingStop, timeStopBars, maxAdds, n);
    }

    /** Whether the engine attaches or watches exits (stop-loss, take-profit, trailing or time stop). */
    public boolean managesExits() {
        return stopLoss > 0 || takeProfit > 0 || trailingStop > 0 || timeStopBars > 0;
    }

    /** Whether these are today's rules (nothing managed beyond the plain decision sizing). */
    public boolean isDefault() {
        return equals(DEFAULT);
    }
}
