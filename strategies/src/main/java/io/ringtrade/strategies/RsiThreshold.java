package io.ringtrade.strategies;

/**
 * {@code rsi_threshold}: the earlier name of {@code rsi_mean_reversion} ({@link RsiMeanReversion}), kept so that
 * existing configurations still run: the same parameters, defaults and decisions.
 */
public final class RsiThreshold extends RsiMeanReversion {
    @Override
    public String name() {
        return "rsi_threshold";
    }

    @Override
    public String description() {
        return "alias of rsi_mean_reversion: buy when RSI(period) is below buy_below, sell when it is above sell_above";
    }
}
