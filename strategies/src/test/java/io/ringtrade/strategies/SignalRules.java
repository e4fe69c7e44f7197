package io.ringtrade.strategies;

import static io.ringtrade.strategies.LibraryBacktest.ema;

import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.strategies.LibraryBacktest.Rule;

/**
 * The entry and signal-exit rules of the strategies with managed exits, written out for the tests from {@code ta}'s
 * own columns and plain calculations: the decision at bar t given the position's sign at its close.
 */
final class SignalRules {
    private SignalRules() {
    }

    static Rule alpha(final ReferenceBars data) {
        final double[] fast = ema(data.closes(), 9);
        final double[] slow = ema(data.closes(), 21);
        final double[] rsi = data.column("momentum_rsi");
        return (t, position) -> {
            if (t < 1 || Double.isNaN(slow[t - 1]) || Double.isNaN(rsi[t - 1])) {
                return DecisionStrategy.HOLD;
            }
            final boolean up = fast[t] > slow[t] && fast[t - 1] <= slow[t - 1];
            final boolean down = fast[t] < slow[t] && fast[t - 1] >= slow[t - 1];
            if (position != 0) {
                return position > 0 ? (down ? -1 : 0) : (up ? 1 : 0);
            }
            return up && rsi[t] < 70 ? 1 : down && rsi[t] > 30 ? -1 : 0;
        };
    }

    static Rule momentum(final ReferenceBars data) {
        final double[] histogram = data.column("trend_macd_diff");
        final double[] trend = ema(data.closes(), 50);
        return (t, position) -> {
            if (t < 1 || Double.isNaN(histogram[t - 1]) || Double.isNaN(trend[t])) {
                return DecisionStrategy.HOLD;
            }
            final double close = data.close(t);
            if (position > 0) {
                return close < trend[t] ? -1 : 0;
            }
            if (position < 0) {
                return close > trend[t] ? 1 : 0;
            }
            if (histogram[t - 1] <= 0 && histogram[t] > 0 && close > trend[t]) {
                return 1;
            }
            return histogram[t - 1] >= 0 && histogram[t] < 0 && close < trend[t] ? -1 : 0;
        };
    }

    static Rule meanReversion(final ReferenceBars data) {
        final double[] middle = data.column("volatility_bbm");
        final double[] upper = data.column("volatility_bbh");
        final double[] lower = data.column("volatility_bbl");
        final double[] rsi = data.column("momentum_rsi");
        return (t, position) -> {
            if (Double.isNaN(middle[t]) || Double.isNaN(rsi[t])) {
                return DecisionStrategy.HOLD;
            }
            final double close = data.close(t);
            if (position > 0) {
                return close >= middle[t] ? -1 : 0;
            }
            if (position < 0) {
                return close <= middle[t] ? 1 : 0;
            }
            return close < lower[t] && rsi[t] < 40 ? 1 : close > upper[t] && rsi[t] > 60 ? -1 : 0;
        };
    }

    static Rule bollingerBreakout(final ReferenceBars data, final double multiple) {
        final double[] middle = data.column("volatility_bbm");
        final double[] upper = data.column("volatility_bbh");
        return (t, position) -> {
            if (t < 19 || Double.isNaN(upper[t - 1])) {
                return DecisionStrategy.HOLD;
            }
            final double close = data.close(t);
            if (position > 0) {
                return close <= middle[t] ? -1 : 0;
            }
            return close > upper[t] && data.close(t - 1) <= upper[t - 1]
                && volume(data, t) > multiple * meanVolume(data, t, 20) ? 1 : 0;
        };
    }

    static Rule cryptoMomentum(final ReferenceBars data) {
        final double[] roc = data.column("momentum_roc");
        return (t, position) -> {
            if (t < 19 || Double.isNaN(roc[t]) || position < 0) {
                return DecisionStrategy.HOLD;
            }
            return roc[t] > 1 && volume(data, t) > meanVolume(data, t, 20) ? 1 : 0;
        };
    }

    private static double volume(final ReferenceBars data, final int t) {
        return data.bars.volume(t) / 1e8;
    }

    /** The mean volume of the n bars ending at t, summed afresh. */
    private static double meanVolume(final ReferenceBars data, final int t, final int n) {
        double sum = 0;
        for (int i = t - n + 1; i <= t; i++) {
            sum += volume(data, i);
        }
        return sum / n;
    }
}
