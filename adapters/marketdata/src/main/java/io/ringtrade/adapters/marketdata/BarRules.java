package io.ringtrade.adapters.marketdata;

import io.ringtrade.engine.api.money.FixedPoint;

/**
 * The checks every bar and trade must pass, wherever it comes from (CSV, JSON, or built in code), written once
 * so that all loaders refuse the same things with the same words. Each check returns null when the values are
 * fine, otherwise the problem in plain words for the caller to place (file and line, or index).
 *
 * <p>Prices must be positive because everything downstream divides by them (returns, affordable quantity);
 * quantities and volumes may be zero (the Bitstamp file has zero-amount trades) but not negative. Stateless.
 */
final class BarRules {
    private BarRules() {
    }

    /** Null when the bar is consistent: positive prices, low ≤ open, close ≤ high, volume ≥ 0. */
    static String barProblem(final long open, final long high, final long low, final long close, final long volume) {
        if (open <= 0) {
            return notPositive("open", open);
        }
        if (high <= 0) {
            return notPositive("high", high);
        }
        if (low <= 0) {
            return notPositive("low", low);
        }
        if (close <= 0) {
            return notPositive("close", close);
        }
        if (high < low) {
            return "high " + FixedPoint.toString(high) + " is below low " + FixedPoint.toString(low);
        }
        if (open < low || open > high) {
            return outside("open", open, low, high);
        }
        if (close < low || close > high) {
            return outside("close", close, low, high);
        }
        if (volume < 0) {
            return negative("volume", volume);
        }
        return null;
    }

    /** Null when the trade is acceptable: positive price, quantity ≥ 0. */
    static String tradeProblem(final long price, final long quantity, final String quantityName) {
        if (price <= 0) {
            return notPositive("price", price);
        }
        if (quantity < 0) {
            return negative(quantityName, quantity);
        }
        return null;
    }

    private static String notPositive(final String name, final long value) {
        return name + " " + FixedPoint.toString(value) + " is not a positive price";
    }

    private static String negative(final String name, final long value) {
        return name + " " + FixedPoint.toString(value) + " is negative";
    }

    private static String outside(final String name, final long value, final long low, final long high) {
        return name + " " + FixedPoint.toString(value) + " is outside the bar's range (low "
            + FixedPoint.toString(low) + ", high " + FixedPoint.toString(high) + ")";
    }
}
