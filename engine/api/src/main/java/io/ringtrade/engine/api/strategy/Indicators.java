package io.ringtrade.engine.api.strategy;

import io.ringtrade.engine.api.strategy.IndicatorSpec.Kind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a decision function reads, declared once when the strategy instance is created, so that the engine maintains
 * exactly those indicators from the first bar on and nothing else. Each declaration returns a {@link Column} handle
 * that {@link Row#get(Column)} reads with an array index:
 *
 * <pre>{@code
 * public DecisionStrategy create(Parameters parameters) {
 *     Indicators indicators = new Indicators();
 *     Column rsi = indicators.rsi(parameters.getInt("period"));
 *     Column upper = indicators.column("volatility_bbh");
 *     return indicators.strategy(row -> row.get(rsi) < 30 && row.close() < row.get(upper) ? BUY : HOLD);
 * }
 * }</pre>
 *
 * <p><b>Columns</b> are the 86 that {@code ta.add_all_ta_features} (Python {@code ta} 0.11.0) adds, with its names,
 * its order ({@link #columnNames()}) and the parameters its wrapper passes; an unknown name is refused here, with the
 * close matches. <b>Parametric indicators</b> ({@link #sma}, {@link #bollinger}, ...) use the same definitions as the
 * columns: {@code rsi(14)} is {@code momentum_rsi}, {@code ema(12)} is {@code trend_ema_fast}. Every value is
 * {@link Double#NaN} where {@code ta} gives NaN (warm-up, division by zero), and keeps {@code ta}'s visible quirks
 * (ATR and ADX read 0.0 during their warm-up).
 *
 * <p><b>History.</b> Reads reach back {@link #maxBarsAgo()} bars ({@value #DEFAULT_MAX_BARS_AGO} unless declared
 * with {@link #maxBarsAgo(int)}), for OHLCV and every column.
 *
 * <p>{@link #strategy(DecisionStrategy)} wraps the decision function so that the engine finds this declaration;
 * after that (or once the engine has read {@link #specs()}) nothing more can be declared. A strategy that declares
 * nothing (returns a bare function) gets the parametric indicators its first {@code decide} call reads. Used on the
 * thread that creates strategies; immutable once sealed.
 */
public final class Indicators {
    /** How many bars back reads reach unless a strategy declares more. */
    public static final int DEFAULT_MAX_BARS_AGO = 15;
    /** The most bars back a strategy may declare. */
    public static final int MAX_BARS_AGO_LIMIT = 100_000;
    /** The longest window an indicator may have. */
    public static final int MAX_WINDOW = 1 << 20;

    private static final Map<String, Entry> COLUMNS = new LinkedHashMap<>();

    static {
        final IndicatorSpec bollinger = new IndicatorSpec(Kind.BOLLINGER, 20, 0, 0, 2.0, 0);
        final IndicatorSpec keltner = IndicatorSpec.of(Kind.KELTNER, 10, 0, 0);
        final IndicatorSpec donchian = IndicatorSpec.of(Kind.DONCHIAN, 20, 0, 0);
        final IndicatorSpec macd = IndicatorSpec.of(Kind.MACD, 12, 26, 9);
        final IndicatorSpec vortex = IndicatorSpec.of(Kind.VORTEX, 14, 0, 0);
        final IndicatorSpec kst = IndicatorSpec.of(Kind.KST, 0, 0, 0);
        final IndicatorSpec ichimoku = IndicatorSpec.of(Kind.ICHIMOKU, 9, 26, 52);
        final IndicatorSpec adx = IndicatorSpec.of(Kind.ADX, 14, 0, 0);
        final IndicatorSpec aroon = IndicatorSpec.of(Kind.AROON, 25, 0, 0);
        final IndicatorSpec psar = new IndicatorSpec(Kind.PSAR, 0, 0, 0, 0.02, 0.20);
        final IndicatorSpec stochRsi = IndicatorSpec.of(Kind.STOCH_RSI, 14, 3, 3);
        final IndicatorSpec stoch = IndicatorSpec.of(Kind.STOCH, 14, 3, 0);
        final IndicatorSpec ppo = IndicatorSpec.of(Kind.PPO, 26, 12, 9);
        final IndicatorSpec pvo = IndicatorSpec.of(Kind.PVO, 26, 12, 9);
        final IndicatorSpec ease = IndicatorSpec.of(Kind.EASE_OF_MOVEMENT, 14, 0, 0);

        define("volume_adi", IndicatorSpec.of(Kind.ACC_DIST, 0, 0, 0), 0);
        define("volume_obv", IndicatorSpec.of(Kind.OBV, 0, 0, 0), 0);
        define("volume_cmf", IndicatorSpec.of(Kind.CMF, 20, 0, 0), 0);
        define("volume_fi", IndicatorSpec.of(Kind.FORCE_INDEX, 13, 0, 0), 0);
        define("volume_em", ease, 0);
        define("volume_sma_em", ease, 1);
        define("volume_vpt", IndicatorSpec.of(Kind.VPT, 0, 0, 0), 0);
        define("volume_vwap", IndicatorSpec.of(Kind.VWAP, 14, 0, 0), 0);
        define("volume_mfi", IndicatorSpec.of(Kind.MFI, 14, 0, 0), 0);
        define("volume_nvi", IndicatorSpec.of(Kind.NVI, 0, 0, 0), 0);
        defineAll(bollinger, "volatility_bbm", "volatility_bbh", "volatility_bbl", "volatility_bbw", "volatility_bbp",
            "volatility_bbhi", "volatility_bbli");
        defineAll(keltner, "volatility_kcc", "volatility_kch", "volatility_kcl", "volatility_kcw", "volatility_kcp",
            "volatility_kchi", "volatility_kcli");
        defineAll(donchian, "volatility_dcl", "volatility_dch", "volatility_dcm", "volatility_dcw", "volatility_dcp");
        define("volatility_atr", IndicatorSpec.of(Kind.ATR, 10, 0, 0), 0);
        define("volatility_ui", IndicatorSpec.of(Kind.ULCER, 14, 0, 0), 0);
        defineAll(macd, "trend_macd", "trend_macd_signal", "trend_macd_diff");
        define("trend_sma_fast", IndicatorSpec.of(Kind.SMA, 12, 0, 0), 0);
        define("trend_sma_slow", IndicatorSpec.of(Kind.SMA, 26, 0, 0), 0);
        define("trend_ema_fast", IndicatorSpec.of(Kind.EMA, 12, 0, 0), 0);
        define("trend_ema_slow", IndicatorSpec.of(Kind.EMA, 26, 0, 0), 0);
        defineAll(vortex, "trend_vortex_ind_pos", "trend_vortex_ind_neg", "trend_vortex_ind_diff");
        define("trend_trix", IndicatorSpec.of(Kind.TRIX, 15, 0, 0), 0);
        define("trend_mass_index", IndicatorSpec.of(Kind.MASS_INDEX, 9, 25, 0), 0);
        define("trend_dpo", IndicatorSpec.of(Kind.DPO, 20, 0, 0), 0);
        defineAll(kst, "trend_kst", "trend_kst_sig", "trend_kst_diff");
        defineAll(ichimoku, "trend_ichimoku_conv", "trend_ichimoku_base", "trend_ichimoku_a", "trend_ichimoku_b");
        define("trend_stc", IndicatorSpec.of(Kind.STC, 0, 0, 0), 0);
        defineAll(adx, "trend_adx", "trend_adx_pos", "trend_adx_neg");
        define("trend_cci", new IndicatorSpec(Kind.CCI, 20, 0, 0, 0.015, 0), 0);
        define("trend_visual_ichimoku_a", ichimoku, 4);
        define("trend_visual_ichimoku_b", ichimoku, 5);
        defineAll(aroon, "trend_aroon_up", "trend_aroon_down", "trend_aroon_ind");
        defineAll(psar, "trend_psar_up", "trend_psar_down", "trend_psar_up_indicator", "trend_psar_down_indicator");
        define("momentum_rsi", IndicatorSpec.of(Kind.RSI, 14, 0, 0), 0);
        defineAll(stochRsi, "momentum_stoch_rsi", "momentum_stoch_rsi_k", "momentum_stoch_rsi_d");
        define("momentum_tsi", IndicatorSpec.of(Kind.TSI, 25, 13, 0), 0);
        define("momentum_uo", IndicatorSpec.of(Kind.ULTIMATE, 0, 0, 0), 0);
        defineAll(stoch, "momentum_stoch", "momentum_stoch_signal");
        define("momentum_wr", IndicatorSpec.of(Kind.WILLIAMS_R, 14, 0, 0), 0);
        define("momentum_ao", IndicatorSpec.of(Kind.AWESOME, 5, 34, 0), 0);
        define("momentum_roc", IndicatorSpec.of(Kind.ROC, 12, 0, 0), 0);
        defineAll(ppo, "momentum_ppo", "momentum_ppo_signal", "momentum_ppo_hist");
        defineAll(pvo, "momentum_pvo", "momentum_pvo_signal", "momentum_pvo_hist");
        define("momentum_kama", IndicatorSpec.of(Kind.KAMA, 10, 2, 30), 0);
        define("others_dr", IndicatorSpec.of(Kind.DAILY_RETURN, 0, 0, 0), 0);
        define("others_dlr", IndicatorSpec.of(Kind.DAILY_LOG_RETURN, 0, 0, 0), 0);
        define("others_cr", IndicatorSpec.of(Kind.CUMULATIVE_RETURN, 0, 0, 0), 0);
    }

    private final List<IndicatorSpec> specs = new ArrayList<>();
    private final List<Integer> bases = new ArrayList<>();
    /** Per declared indicator, bit i set when its output i was declared as a column. */
    private final List<Long> declaredOutputs = new ArrayList<>();
    private int width;
    private int maxBarsAgo = DEFAULT_MAX_BARS_AGO;
    private boolean sealed;

    /** An empty declaration. */
    public Indicators() {
    }

    private record Entry(IndicatorSpec spec, int output) {
    }

    private static void define(final String name, final IndicatorSpec spec, final int output) {
        COLUMNS.put(name, new Entry(spec, output));
    }

    private static void defineAll(final IndicatorSpec spec, final String... names) {
        for (int i = 0; i < names.length; i++) {
            define(names[i], spec, i);
        }
    }

    // ---- the ta columns -----------------------------------------------------------------------------------------

    /** The 86 column names of {@code ta.add_all_ta_features}, in its order. */
    public static List<String> columnNames() {
        return List.copyOf(COLUMNS.keySet());
    }

    /** True when {@code name} is one of {@link #columnNames()}. */
    public static boolean isColumn(final String name) {
        return COLUMNS.containsKey(name);
    }

    /**
     * Declares the {@code ta} column {@code name}, e.g. {@code momentum_rsi}.
     *
     * @throws IllegalArgumentException for an unknown name, with the close matches
     */
    public Column column(final String name) {
        final Entry entry = COLUMNS.get(name);
        if (entry == null) {
            throw new IllegalArgumentException(unknownColumnMessage(name));
        }
        return output(name, entry.spec(), entry.output());
    }

    /** One line saying that {@code name} is not a column, with the close matches (or the first columns). */
    public static String unknownColumnMessage(final String name) {
        final List<String> close = closeMatches(String.valueOf(name));
        return "unknown column '" + name + "'" + (close.isEmpty()
            ? " (no similar name; the columns are those of ta's add_all_ta_features, e.g. momentum_rsi, trend_macd_diff,"
                + " volatility_bbh)"
            : " (close matches: " + String.join(", ", close) + ")");
    }

    /**
     * Up to five column names close to {@code name}: the ones at the smallest edit distance (if it is small), then
     * the ones that contain it.
     */
    public static List<String> closeMatches(final String name) {
        final String wanted = name.toLowerCase(Locale.ROOT).strip();
        int best = Integer.MAX_VALUE;
        for (final String candidate : COLUMNS.keySet()) {
            best = Math.min(best, editDistance(wanted, candidate));
        }
        final List<String> names = new ArrayList<>();
        if (best <= Math.max(2, wanted.length() / 4)) {
            for (final String candidate : COLUMNS.keySet()) {
                if (editDistance(wanted, candidate) == best) {
                    names.add(candidate);
                }
            }
        }
        if (wanted.length() >= 2) {
            for (final String candidate : COLUMNS.keySet()) {
                if (candidate.contains(wanted) && !names.contains(candidate)) {
                    names.add(candidate);
                }
            }
        }
        return names.size() > 5 ? List.copyOf(names.subList(0, 5)) : names;
    }

    private static int editDistance(final String a, final String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                final int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            final int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    // ---- parametric indicators ------------------------------------------------------------------------------------

    /** Simple moving average of closes over {@code n} bars ({@code trend_sma_fast} is {@code sma(12)}). */
    public Column sma(final int n) {
        return single(IndicatorSpec.of(Kind.SMA, window("sma", n), 0, 0));
    }

    /**
     * Exponential moving average of closes, {@code ta}'s definition ({@code trend_ema_fast} is {@code ema(12)}):
     * α = 2/(n+1), starting from the first close with no SMA seed, NaN until n closes have been seen.
     */
    public Column ema(final int n) {
        return single(IndicatorSpec.of(Kind.EMA, window("ema", n), 0, 0));
    }

    /**
     * Relative strength index, {@code ta}'s definition ({@code momentum_rsi} is {@code rsi(14)}): Wilder averages
     * (α = 1/n) of gains and losses that start from zero at bar 0, first value at bar n−1, 100 where the average
     * loss is 0.
     */
    public Column rsi(final int n) {
        return single(IndicatorSpec.of(Kind.RSI, window("rsi", n), 0, 0));
    }

    /**
     * Average true range, {@code ta}'s definition ({@code volatility_atr} is {@code atr(10)}): 0.0 for bars
     * 0..n−2, the mean true range at bar n−1, then (ATR × (n−1) + TR) / n.
     */
    public Column atr(final int n) {
        return single(IndicatorSpec.of(Kind.ATR, window("atr", n), 0, 0));
    }

    /** Commodity channel index with {@code ta}'s constant 0.015 ({@code trend_cci} is {@code cci(20)}). */
    public Column cci(final int n) {
        return single(new IndicatorSpec(Kind.CCI, window("cci", n), 0, 0, 0.015, 0));
    }

    /** Rate of change in percent over {@code n} bars ({@code momentum_roc} is {@code roc(12)}). */
    public Column roc(final int n) {
        return single(IndicatorSpec.of(Kind.ROC, window("roc", n), 0, 0));
    }

    /** Williams %R over {@code n} bars, −100..0 ({@code momentum_wr} is {@code williamsR(14)}). */
    public Column williamsR(final int n) {
        return single(IndicatorSpec.of(Kind.WILLIAMS_R, window("williamsR", n), 0, 0));
    }

    /** Volume-weighted average typical price over the last {@code n} bars ({@code volume_vwap} is {@code vwap(14)}). */
    public Column vwap(final int n) {
        return single(IndicatorSpec.of(Kind.VWAP, window("vwap", n), 0, 0));
    }

    /** On-balance volume ({@code volume_obv}). */
    public Column obv() {
        return single(IndicatorSpec.of(Kind.OBV, 0, 0, 0));
    }

    /** Money flow index over {@code n} bars ({@code volume_mfi} is {@code mfi(14)}). */
    public Column mfi(final int n) {
        return single(IndicatorSpec.of(Kind.MFI, window("mfi", n), 0, 0));
    }

    /**
     * Bollinger bands: the {@code n}-bar mean of closes ± {@code k} population standard deviations; width in percent
     * of the middle band and %b as a fraction ({@code volatility_bb*} is {@code bollinger(20, 2)}).
     */
    public Bollinger bollinger(final int n, final double k) {
        final IndicatorSpec spec = new IndicatorSpec(Kind.BOLLINGER, window("bollinger", n), 0, 0, finite("k", k), 0);
        return new Bollinger(out(spec, 0), out(spec, 1), out(spec, 2), out(spec, 3), out(spec, 4));
    }

    /** MACD line, signal and histogram ({@code trend_macd*} is {@code macd(12, 26, 9)}). */
    public Macd macd(final int fast, final int slow, final int signal) {
        final IndicatorSpec spec = IndicatorSpec.of(Kind.MACD, window("macd fast", fast), window("macd slow", slow),
            window("macd signal", signal));
        return new Macd(out(spec, 0), out(spec, 1), out(spec, 2));
    }

    /** Stochastic oscillator %K over {@code n} bars and its {@code d}-bar mean ({@code momentum_stoch*} is (14, 3)). */
    public Stochastic stoch(final int n, final int d) {
        final IndicatorSpec spec = IndicatorSpec.of(Kind.STOCH, window("stoch", n), window("stoch d", d), 0);
        return new Stochastic(out(spec, 0), out(spec, 1));
    }

    /**
     * Average directional index with +DI and −DI, {@code ta}'s definition ({@code trend_adx*} is {@code adx(14)}):
     * ADX is 0.0 for bars 0..2n−2, ±DI for bars 0..n.
     */
    public Adx adx(final int n) {
        final IndicatorSpec spec = IndicatorSpec.of(Kind.ADX, window("adx", n), 0, 0);
        return new Adx(out(spec, 0), out(spec, 1), out(spec, 2));
    }

    /** Donchian channel over {@code n} bars ({@code volatility_dc*} is {@code donchian(20)}). */
    public Donchian donchian(final int n) {
        final IndicatorSpec spec = IndicatorSpec.of(Kind.DONCHIAN, window("donchian", n), 0, 0);
        return new Donchian(out(spec, 0), out(spec, 1), out(spec, 2), out(spec, 3), out(spec, 4));
    }

    /**
     * Keltner channel as {@code ta}'s {@code KeltnerChannel(window=n, window_atr=n, multiplier=m,
     * original_version=False)}: the {@code n}-bar EMA of closes ± {@code m} × ATR(n). The {@code volatility_kc*}
     * columns are {@code ta}'s original version instead (see {@link #keltner(int)}).
     */
    public Keltner keltner(final int n, final double m) {
        final IndicatorSpec spec = new IndicatorSpec(Kind.KELTNER_ATR, window("keltner", n), 0, 0, finite("m", m), 0);
        return new Keltner(out(spec, 0), out(spec, 1), out(spec, 2), out(spec, 3), out(spec, 4));
    }

    /**
     * Keltner channel, {@code ta}'s original version: the {@code n}-bar mean of the typical price ± the mean high−low
     * range ({@code volatility_kc*} is {@code keltner(10)}; the upper and lower bands average whatever bars exist
     * during the first n−1 bars, as {@code ta} does).
     */
    public Keltner keltner(final int n) {
        final IndicatorSpec spec = IndicatorSpec.of(Kind.KELTNER, window("keltner", n), 0, 0);
        return new Keltner(out(spec, 0), out(spec, 1), out(spec, 2), out(spec, 3), out(spec, 4));
    }

    /**
     * Declares that reads reach back up to {@code bars} bars ({@code barsAgo ≤ bars}); the default is
     * {@value #DEFAULT_MAX_BARS_AGO}. Returns this declaration.
     */
    public Indicators maxBarsAgo(final int bars) {
        checkOpen();
        if (bars < 0 || bars > MAX_BARS_AGO_LIMIT) {
            throw new IllegalArgumentException("maxBarsAgo must be in [0, " + MAX_BARS_AGO_LIMIT + "]: " + bars);
        }
        maxBarsAgo = bars;
        return this;
    }

    /** How far back reads reach. */
    public int maxBarsAgo() {
        return maxBarsAgo;
    }

    // ---- the engine's side ----------------------------------------------------------------------------------------

    /**
     * The decision function the engine runs, carrying this declaration: return it from
     * {@link StrategyDefinition#create}. Seals the declaration.
     */
    public DecisionStrategy strategy(final DecisionStrategy decide) {
        if (decide == null) {
            throw new IllegalArgumentException("decision function must not be null");
        }
        sealed = true;
        return new Declared(this, decide);
    }

    /** The declaration {@code strategy} was built with by {@link #strategy}, or null when it declares nothing. */
    public static Indicators declaredBy(final DecisionStrategy strategy) {
        return strategy instanceof Declared declared ? declared.indicators : null;
    }

    /** The declared indicators in declaration order (their outputs take consecutive slots). Seals the declaration. */
    public List<IndicatorSpec> specs() {
        sealed = true;
        return Collections.unmodifiableList(specs);
    }

    /**
     * Which outputs of the {@code index}-th declared indicator ({@link #specs()} order) were declared as columns: bit i
     * for output i. The engine may skip computing the others, which no column can read.
     */
    public long declaredOutputs(final int index) {
        return declaredOutputs.get(index);
    }

    /** Slots used by all declared indicators' outputs. */
    public int width() {
        return width;
    }

    /** True once nothing more can be declared. */
    public boolean isSealed() {
        return sealed;
    }

    private Column single(final IndicatorSpec spec) {
        return out(spec, 0);
    }

    private Column out(final IndicatorSpec spec, final int output) {
        final String name = spec.outputCount() == 1 ? spec.toString() : spec + "." + spec.kind().outputs().get(output);
        return output(name, spec, output);
    }

    private Column output(final String name, final IndicatorSpec spec, final int output) {
        int index = specs.indexOf(spec);
        if (index < 0) {
            checkOpen();
            specs.add(spec);
            bases.add(width);
            declaredOutputs.add(0L);
            width += spec.outputCount();
            index = specs.size() - 1;
        }
        declaredOutputs.set(index, declaredOutputs.get(index) | 1L << output);
        return new Column(name, bases.get(index) + output, this);
    }

    private void checkOpen() {
        if (sealed) {
            throw new IllegalStateException("indicators can only be declared before the strategy is handed to the engine");
        }
    }

    private static int window(final String what, final int n) {
        if (n < 1 || n > MAX_WINDOW) {
            throw new IllegalArgumentException(what + " window must be in [1, " + MAX_WINDOW + "]: " + n);
        }
        return n;
    }

    private static double finite(final String what, final double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be a finite number: " + value);
        }
        return value;
    }

    /** Bollinger band columns. */
    public record Bollinger(Column middle, Column upper, Column lower, Column width, Column percentB) {
    }

    /** MACD columns. */
    public record Macd(Column line, Column signal, Column histogram) {
    }

    /** Stochastic oscillator columns, in percent. */
    public record Stochastic(Column k, Column d) {
    }

    /** ADX columns. */
    public record Adx(Column adx, Column plusDi, Column minusDi) {
    }

    /** Donchian channel columns. */
    public record Donchian(Column lower, Column upper, Column middle, Column width, Column percent) {
    }

    /** Keltner channel columns. */
    public record Keltner(Column middle, Column upper, Column lower, Column width, Column percent) {
    }

    /** A decision function with its declaration. */
    private static final class Declared implements DecisionStrategy {
        private final Indicators indicators;
        private final DecisionStrategy decide;

        Declared(final Indicators indicators, final DecisionStrategy decide) {
            this.indicators = indicators;
            this.decide = decide;
        }

        @Override
        public int decide(final Row row) {
            return decide.decide(row);
        }
    }
}
