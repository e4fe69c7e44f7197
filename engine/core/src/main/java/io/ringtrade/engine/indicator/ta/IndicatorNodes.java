package io.ringtrade.engine.indicator.ta;

import io.ringtrade.engine.api.strategy.IndicatorSpec;

/**
 * Builds the node that computes an {@link IndicatorSpec}: one class per {@code ta} family, each documenting its
 * definition. Stateless.
 */
public final class IndicatorNodes {
    private IndicatorNodes() {
    }

    /** A fresh node for {@code spec}, before its first bar. */
    public static IndicatorNode create(final IndicatorSpec spec) {
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
            case VWAP -> new VolumeWeightedAveragePrice(a);
            case MFI -> new MoneyFlowIndex(a);
            case NVI -> new NegativeVolumeIndex();
            case BOLLINGER -> new BollingerBands(a, spec.x());
            case KELTNER -> new KeltnerChannel(a);
            case KELTNER_ATR -> new KeltnerAtrChannel(a, spec.x());
            case DONCHIAN -> new DonchianChannel(a);
            case ATR -> new AverageTrueRange(a);
            case ULCER -> new UlcerIndex(a);
            case MACD -> new MovingAverageConvergenceDivergence(a, b, c);
            case SMA -> new SimpleMovingAverage(a);
            case EMA -> new ExponentialMovingAverage(a);
            case VORTEX -> new Vortex(a);
            case TRIX -> new Trix(a);
            case MASS_INDEX -> new MassIndex(a, b);
            case DPO -> new DetrendedPriceOscillator(a);
            case KST -> new KnowSureThing();
            case ICHIMOKU -> new Ichimoku(a, b, c);
            case STC -> new SchaffTrendCycle();
            case ADX -> new AverageDirectionalIndex(a);
            case CCI -> new CommodityChannelIndex(a, spec.x());
            case AROON -> new Aroon(a);
            case PSAR -> new ParabolicSar(spec.x(), spec.y());
            case RSI -> new RelativeStrengthIndex(a);
            case STOCH_RSI -> new StochasticRsi(a, b, c);
            case TSI -> new TrueStrengthIndex(a, b);
            case ULTIMATE -> new UltimateOscillator();
            case STOCH -> new StochasticOscillator(a, b);
            case WILLIAMS_R -> new WilliamsR(a);
            case AWESOME -> new AwesomeOscillator(a, b);
            case ROC -> new RateOfChange(a);
            case PPO -> new PercentageOscillator(false, a, b, c);
            case PVO -> new PercentageOscillator(true, a, b, c);
            case KAMA -> new KaufmanAdaptiveMovingAverage(a, b, c);
            case DAILY_RETURN -> new Returns(Returns.Kind.DAILY);
            case DAILY_LOG_RETURN -> new Returns(Returns.Kind.DAILY_LOG);
            case CUMULATIVE_RETURN -> new Returns(Returns.Kind.CUMULATIVE);
        };
    }
}
