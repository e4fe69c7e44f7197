package io.ringtrade.engine.api.strategy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parameters a strategy accepts: its own ({@link StrategyDefinition#parameters()}) followed by the managed-position
 * parameters every strategy takes, whose defaults are the strategy's {@link StrategyDefinition#positionDefaults()}:
 * <pre>
 *  trade_usd        DOUBLE ≥ 0   fixed notional per entry (book currency)       } at most one of the three;
 *  equity_fraction  DOUBLE 0–1   fraction of equity per entry                   } none = all cash (or an equal
 *  quantity         DOUBLE ≥ 0   fixed quantity per entry                       } share with several instruments)
 *  stop_loss        DOUBLE       fraction of the average entry, in (0, 1)
 *  take_profit      DOUBLE       fraction of the average entry, &gt; 0
 *  trailing_stop    DOUBLE       fraction below the highest high since entry, in (0, 1)
 *  time_stop_bars   INT          bars from the entry bar (the first), ≥ 1
 *  max_adds         INT 0–1000   further entries in the same direction
 *  average_last     INT 1–1000   act on the mean of the last N decisions, rounded toward zero
 * </pre>
 * A stop, take-profit, trailing or time stop given as 0 is refused (leave the parameter out for none), as is a
 * fraction of 100 % or more. Giving one sizing parameter replaces the strategy's default sizing. Stateless; start-up
 * thread.
 */
public final class StrategyParameters {
    private static final double MAX_MONEY = 1e12;

    private StrategyParameters() {
    }

    /** The strategy's own parameters, then the managed-position ones with its defaults. */
    public static List<ParameterSpec> of(final StrategyDefinition definition) {
        final List<ParameterSpec> own = definition.parameters();
        final PositionRules defaults = definition.positionDefaults();
        final List<ParameterSpec> all = new ArrayList<>(own);
        for (final ParameterSpec managed : managed(defaults)) {
            for (final ParameterSpec mine : own) {
                if (mine.name().equals(managed.name())) {
                    throw new IllegalStateException("strategy " + definition.name() + " declares parameter "
                        + mine.name() + ", which is a managed-position parameter every strategy takes");
                }
            }
            all.add(managed);
        }
        return List.copyOf(all);
    }

    /** The managed-position parameters with {@code defaults}. */
    public static List<ParameterSpec> managed(final PositionRules defaults) {
        final PositionRules.Sizing sizing = defaults.sizing();
        return List.of(
            ParameterSpec.ofDouble(PositionRules.TRADE_USD, sizing == PositionRules.Sizing.NOTIONAL ? defaults.size() : 0,
                0, MAX_MONEY, List.of(), "fixed notional per entry, in the book's currency (0 = not this sizing)"),
            ParameterSpec.ofDouble(PositionRules.EQUITY_FRACTION,
                sizing == PositionRules.Sizing.EQUITY_FRACTION ? defaults.size() : 0, 0, 1, List.of(),
                "fraction of equity per entry (0 = not this sizing)"),
            ParameterSpec.ofDouble(PositionRules.QUANTITY, sizing == PositionRules.Sizing.QUANTITY ? defaults.size() : 0,
                0, MAX_MONEY, List.of(), "fixed quantity per entry (0 = not this sizing)"),
            ParameterSpec.ofDouble(PositionRules.STOP_LOSS, defaults.stopLoss(), 0, 1, List.of(),
                "stop-loss as a fraction of the average entry (omit for none)"),
            ParameterSpec.ofDouble(PositionRules.TAKE_PROFIT, defaults.takeProfit(), 0, 100, List.of(),
                "take-profit as a fraction of the average entry (omit for none)"),
            ParameterSpec.ofDouble(PositionRules.TRAILING_STOP, defaults.trailingStop(), 0, 1, List.of(),
                "trailing stop below the highest high since entry, as a fraction (omit for none)"),
            ParameterSpec.ofInt(PositionRules.TIME_STOP_BARS, defaults.timeStopBars(), 0, 1_000_000, List.of(),
                "exit at the next open after this many bars from the entry bar (omit for none)"),
            ParameterSpec.ofInt(PositionRules.MAX_ADDS, defaults.maxAdds(), 0, 1_000, List.of(),
                "further entries in the same direction while in a position"),
            ParameterSpec.ofInt(PositionRules.AVERAGE_LAST, defaults.averageLast(), 1, 1_000, List.of(),
                "act on the mean of the last N decisions, rounded toward zero"));
    }

    /**
     * What a run states of its parameters ({@code backtest}'s first line, {@code summary.json}): the strategy's own,
     * then the managed-position parameters that are not off, i.e. whose value differs from
     * {@link PositionRules#DEFAULT}'s (alpha's {@code stop_loss=0.02}, a given {@code trade_usd=500}).
     */
    public static String describe(final Parameters values) {
        final List<ParameterSpec> off = managed(PositionRules.DEFAULT);
        return values.describe(spec -> {
            for (final ParameterSpec managed : off) {
                if (managed.name().equals(spec.name())) {
                    return values.get(spec.name()) != managed.defaultValue();
                }
            }
            return true;
        });
    }

    /**
     * Resolves {@code given} against every parameter the strategy accepts ({@link #of}) and derives its
     * {@link PositionRules} ({@link Parameters#positionRules()}).
     *
     * @throws IllegalArgumentException naming the strategy and the parameter: an unknown name, a value that does not
     *                                  parse or is out of range, a stop of 0 or of 100 % or more, two sizings
     */
    public static Parameters resolve(final StrategyDefinition definition, final Map<String, String> given) {
        final String name = definition.name();
        final Parameters values = Parameters.resolve(name, of(definition), given);
        refuseZero(name, given, values, PositionRules.STOP_LOSS, "a stop-loss of 0 would stop out at the entry");
        refuseZero(name, given, values, PositionRules.TAKE_PROFIT, "a take-profit of 0 would exit at the entry");
        refuseZero(name, given, values, PositionRules.TRAILING_STOP, "a trailing stop of 0 would exit at the high");
        refuseZero(name, given, values, PositionRules.TIME_STOP_BARS, "a time stop of 0 bars would never hold");
        refuseWhole(name, values, PositionRules.STOP_LOSS, "stop-loss");
        refuseWhole(name, values, PositionRules.TRAILING_STOP, "trailing stop");
        final PositionRules defaults = definition.positionDefaults();
        PositionRules rules = new PositionRules(defaults.sizing(), defaults.size(), values.get(PositionRules.STOP_LOSS),
            values.get(PositionRules.TAKE_PROFIT), values.get(PositionRules.TRAILING_STOP),
            values.getInt(PositionRules.TIME_STOP_BARS), values.getInt(PositionRules.MAX_ADDS),
            values.getInt(PositionRules.AVERAGE_LAST));
        final String[] sizings = {PositionRules.TRADE_USD, PositionRules.EQUITY_FRACTION, PositionRules.QUANTITY};
        String chosen = null;
        for (final String sizing : sizings) {
            if (given.containsKey(sizing) && values.get(sizing) > 0) {
                if (chosen != null) {
                    throw new IllegalArgumentException("strategy " + name + ": give at most one of trade_usd, "
                        + "equity_fraction and quantity (got " + chosen + " and " + sizing + ")");
                }
                chosen = sizing;
            }
        }
        if (chosen != null) {
            final double size = values.get(chosen);
            rules = switch (chosen) {
                case PositionRules.TRADE_USD -> rules.tradeNotional(size);
                case PositionRules.EQUITY_FRACTION -> rules.equityFraction(size);
                default -> rules.quantity(size);
            };
        } else if (anyGivenZero(given, values, sizings)) {
            rules = new PositionRules(PositionRules.Sizing.ALL_CASH, 0, rules.stopLoss(), rules.takeProfit(),
                rules.trailingStop(), rules.timeStopBars(), rules.maxAdds(), rules.averageLast());
        }
        return values.withPositionRules(rules);
    }

    private static boolean anyGivenZero(final Map<String, String> given, final Parameters values,
                                        final String[] names) {
        for (final String name : names) {
            if (given.containsKey(name) && values.get(name) == 0) {
                return true;
            }
        }
        return false;
    }

    private static void refuseZero(final String strategy, final Map<String, String> given, final Parameters values,
                                   final String parameter, final String why) {
        if (given.containsKey(parameter) && values.get(parameter) == 0) {
            throw new IllegalArgumentException("strategy " + strategy + " parameter " + parameter + "=" + given.get(
                parameter).trim() + " is refused: " + why + " (leave " + parameter + " out for none)");
        }
    }

    private static void refuseWhole(final String strategy, final Parameters values, final String parameter,
                                    final String what) {
        if (values.get(parameter) >= 1) {
            throw new IllegalArgumentException("strategy " + strategy + " parameter " + parameter + "="
                + values.get(parameter) + " is refused: a " + what + " of 100 % or more of the price (give a fraction"
                + " such as 0.02 for 2 %)");
        }
    }
}
