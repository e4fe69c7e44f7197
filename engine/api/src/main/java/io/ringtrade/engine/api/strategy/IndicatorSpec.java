package io.ringtrade.engine.api.strategy;

import java.util.List;

/**
 * One indicator with its parameters, as a strategy declares it through {@link Indicators}: its {@link Kind} (a family
 * of the Python {@code ta} library, e.g. Bollinger bands), up to three whole-number parameters and two decimal ones.
 * Two equal specs are one indicator: the engine computes it once per instrument however many columns read it.
 * Immutable; built by {@link Indicators}, read by the engine when it builds an instrument's row.
 *
 * @param kind the family
 * @param a    first whole-number parameter (usually the window), 0 when unused
 * @param b    second whole-number parameter, 0 when unused
 * @param c    third whole-number parameter, 0 when unused
 * @param x    first decimal parameter (e.g. Bollinger's deviation multiplier), 0 when unused
 * @param y    second decimal parameter, 0 when unused
 */
public record IndicatorSpec(Kind kind, int a, int b, int c, double x, double y) {
    /**
     * The indicator families, each with the outputs it produces in order. The parameters each uses are those of the
     * {@code ta} class of the same name (0.11.0); {@link Indicators} documents them per accessor.
     */
    public enum Kind {
        /** Accumulation/distribution index. */
        ACC_DIST("adi"),
        /** On-balance volume. */
        OBV("obv"),
        /** Chaikin money flow (a = window). */
        CMF("cmf"),
        /** Force index (a = window). */
        FORCE_INDEX("fi"),
        /** Ease of movement and its moving average (a = window). */
        EASE_OF_MOVEMENT("em", "sma_em"),
        /** Volume-price trend. */
        VPT("vpt"),
        /** Rolling volume-weighted average price (a = window). */
        VWAP("vwap"),
        /** Money flow index (a = window). */
        MFI("mfi"),
        /** Negative volume index. */
        NVI("nvi"),
        /** Bollinger bands (a = window, x = deviations). */
        BOLLINGER("middle", "upper", "lower", "width", "percent", "upper_indicator", "lower_indicator"),
        /** Keltner channel, {@code ta}'s original version: typical-price average ± mean range (a = window). */
        KELTNER("middle", "upper", "lower", "width", "percent", "upper_indicator", "lower_indicator"),
        /** Keltner channel, {@code ta}'s ATR version: EMA of closes ± x × ATR (a = window, also the ATR's). */
        KELTNER_ATR("middle", "upper", "lower", "width", "percent", "upper_indicator", "lower_indicator"),
        /** Donchian channel (a = window). */
        DONCHIAN("lower", "upper", "middle", "width", "percent"),
        /** Average true range, {@code ta}'s definition (a = window). */
        ATR("atr"),
        /** Ulcer index (a = window). */
        ULCER("ui"),
        /** MACD (a = fast, b = slow, c = signal window). */
        MACD("macd", "signal", "histogram"),
        /** Simple moving average of closes (a = window). */
        SMA("sma"),
        /** Exponential moving average of closes (a = span). */
        EMA("ema"),
        /** Vortex indicator (a = window). */
        VORTEX("positive", "negative", "difference"),
        /** TRIX (a = window). */
        TRIX("trix"),
        /** Mass index (a = fast, b = slow window). */
        MASS_INDEX("mass_index"),
        /** Detrended price oscillator (a = window). */
        DPO("dpo"),
        /** Know Sure Thing with {@code ta}'s default lookbacks. */
        KST("kst", "signal", "difference"),
        /** Ichimoku (a, b, c = the three windows); the last two outputs are the visual (shifted) spans. */
        ICHIMOKU("conversion", "base", "span_a", "span_b", "visual_span_a", "visual_span_b"),
        /** Schaff trend cycle with {@code ta}'s default windows. */
        STC("stc"),
        /** Average directional index with +DI and −DI (a = window). */
        ADX("adx", "plus_di", "minus_di"),
        /** Commodity channel index (a = window, x = constant). */
        CCI("cci"),
        /** Aroon (a = window). */
        AROON("up", "down", "indicator"),
        /** Parabolic SAR (x = step, y = maximum step). */
        PSAR("up", "down", "up_indicator", "down_indicator"),
        /** Relative strength index, {@code ta}'s definition (a = window). */
        RSI("rsi"),
        /** Stochastic RSI (a = window, b and c = the two smoothing windows). */
        STOCH_RSI("stoch_rsi", "k", "d"),
        /** True strength index (a = slow, b = fast window). */
        TSI("tsi"),
        /** Ultimate oscillator with {@code ta}'s default windows and weights. */
        ULTIMATE("uo"),
        /** Stochastic oscillator (a = window, b = smoothing window). */
        STOCH("k", "d"),
        /** Williams %R (a = lookback). */
        WILLIAMS_R("wr"),
        /** Awesome oscillator (a = fast, b = slow window). */
        AWESOME("ao"),
        /** Rate of change in percent (a = window). */
        ROC("roc"),
        /** Percentage price oscillator (a = slow, b = fast, c = signal window). */
        PPO("ppo", "signal", "histogram"),
        /** Percentage volume oscillator (a = slow, b = fast, c = signal window). */
        PVO("pvo", "signal", "histogram"),
        /** Kaufman's adaptive moving average (a = window, b = fast, c = slow period). */
        KAMA("kama"),
        /** Close-to-close return in percent. */
        DAILY_RETURN("dr"),
        /** Close-to-close log return in percent. */
        DAILY_LOG_RETURN("dlr"),
        /** Return since the first close, in percent. */
        CUMULATIVE_RETURN("cr");

        private final List<String> outputs;

        Kind(final String... outputs) {
            this.outputs = List.of(outputs);
        }

        /** The names of the outputs, in slot order. */
        public List<String> outputs() {
            return outputs;
        }

        /** How many values the indicator produces per bar. */
        public int outputCount() {
            return outputs.size();
        }
    }

    /** Refuses a null kind. */
    public IndicatorSpec {
        if (kind == null) {
            throw new IllegalArgumentException("indicator kind must not be null");
        }
    }

    /** A spec with whole-number parameters only. */
    public static IndicatorSpec of(final Kind kind, final int a, final int b, final int c) {
        return new IndicatorSpec(kind, a, b, c, 0, 0);
    }

    /** How many values this indicator produces per bar. */
    public int outputCount() {
        return kind.outputCount();
    }

    /** Readable form for messages, e.g. {@code bollinger(20, 2.0)}. */
    @Override
    public String toString() {
        final StringBuilder out = new StringBuilder(kind.name().toLowerCase(java.util.Locale.ROOT)).append('(');
        boolean first = true;
        for (final int value : new int[] {a, b, c}) {
            if (value != 0) {
                out.append(first ? "" : ", ").append(value);
                first = false;
            }
        }
        for (final double value : new double[] {x, y}) {
            if (value != 0) {
                out.append(first ? "" : ", ").append(value);
                first = false;
            }
        }
        return out.append(')').toString();
    }
}
