package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.api.strategy.IndicatorSpec;

/**
 * Builds the node that computes an {@link IndicatorSpec}: one class per {@code ta} family, each documenting its
 * definition. Stateless.
 */
public final class IndicatorNodes {
    private IndicatorNodes() {
    }

    /**
     * A fresh node for {@code spec}, before its first bar, sharing with the other nodes of the same instrument the
     * sub-indicators they compute alike ({@code shared}, one per instrument). Outputs whose bit is clear in
     * {@code outputsRead} (bit i: output i) are never read: a node may leave them unwritten after its warm-up when
     * computing them costs something (Bollinger's width and %b each take a division).
     */
    public static IndicatorNode create(final IndicatorSpec spec, final SharedIndicators shared, final long outputsRead) {
        final int a = spec.a();
        final int b = spec.b();
        final int c = spec.c();
        return switch (spec.kind()) {
            case ACC_DIST -> new AccumulationDistribution();
            case OBV -> new OnBalanceVolume();
            case CMF -> new ChaikinMoneyFlow(a);
            case FORCE_INDEX -> new ForceIndex(a);
            case EASE_OF_MOVEMENT -> new EaseOfMovement(a);
            case VPT -> new VolumePriceTrend();
            case VWAP -> new VolumeWeightedAveragePrice(shared.history(), a);
            case MFI -> new MoneyFlowIndex(shared.history(), a);
            case NVI -> new NegativeVolumeIndex();
            case BOLLINGER -> new BollingerBands(shared, a, spec.x(), outputsRead);
            case KELTNER -> new KeltnerChannel(shared.history(), a);
            case KELTNER_ATR -> new KeltnerAtrChannel(shared, a, spec.x());
            case DONCHIAN -> new DonchianChannel(shared, a);
            case ATR -> new AverageTrueRange(a);
            case ULCER -> new UlcerIndex(a);
            case MACD -> new MovingAverageConvergenceDivergence(shared, a, b, c);
            case SMA -> new SimpleMovingAverage(a);
            case EMA -> new ExponentialMovingAverage(shared.closeEma(a));
            case VORTEX -> new Vortex(a);
            case TRIX -> new Trix(shared, a);
            case MASS_INDEX -> new MassIndex(a, b);
            case DPO -> new DetrendedPriceOscillator(shared, a);
            case KST -> new KnowSureThing(shared.history());
            case ICHIMOKU -> new Ichimoku(shared, a, b, c);
            case STC -> new SchaffTrendCycle(shared);
            case ADX -> new AverageDirectionalIndex(a);
            case CCI -> new CommodityChannelIndex(a, spec.x());
            case AROON -> new Aroon(shared, a);
            case PSAR -> new ParabolicSar(spec.x(), spec.y());
            case RSI -> shared.rsi(a);
            case STOCH_RSI -> new StochasticRsi(shared.rsi(a), a, b, c);
            case TSI -> new TrueStrengthIndex(a, b);
            case ULTIMATE -> new UltimateOscillator();
            case STOCH -> new StochasticOscillator(shared, a, b);
            case WILLIAMS_R -> new WilliamsR(shared, a);
            case AWESOME -> new AwesomeOscillator(shared.history(), a, b);
            case ROC -> new RateOfChange(shared.history(), a);
            case PPO -> new PercentageOscillator(shared, false, a, b, c);
            case PVO -> new PercentageOscillator(shared, true, a, b, c);
            case KAMA -> new KaufmanAdaptiveMovingAverage(shared.history(), a, b, c);
            case DAILY_RETURN -> new Returns(Returns.Kind.DAILY);
            case DAILY_LOG_RETURN -> new Returns(Returns.Kind.DAILY_LOG);
            case CUMULATIVE_RETURN -> new Returns(Returns.Kind.CUMULATIVE);
        };
    }
}
