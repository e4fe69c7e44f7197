package io.ringtrade.strategies;

import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.engine.api.strategy.DoubleArrayCell;
import io.ringtrade.engine.api.strategy.Indicators;
import io.ringtrade.engine.api.strategy.LongArrayCell;
import io.ringtrade.engine.api.strategy.LongCell;
import io.ringtrade.engine.api.strategy.MemberText;
import io.ringtrade.engine.api.strategy.ParameterSpec;
import io.ringtrade.engine.api.strategy.Parameters;
import io.ringtrade.engine.api.strategy.StrategyState;
import io.ringtrade.engine.api.strategy.WeightLog;
import io.ringtrade.engine.api.strategy.WeightLog.Reason;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code ensemble}: member strategies vote by weight, and the weights learn from each member's closed trades. The
 * members ({@code members}, by default {@code rsi_mean_reversion}, {@code macd_crossover}, {@code vwap},
 * {@code stochastic_oscillator} and {@code swing}) run with their own defaults unless given their own parameters in
 * parentheses, {@code ;}-separated ({@code sma_crossover(fast=10;slow=40)}), all reading one shared row; any of
 * {@code sma_crossover}, {@code rsi_mean_reversion}, {@code macd_crossover}, {@code vwap},
 * {@code stochastic_oscillator}, {@code ta_regime} and {@code swing} may be a member, the same one more than once with
 * other parameters. A member is named as it is written ({@code weights.csv}'s {@code member} column, its state's
 * prefix), parameters in the order given.
 *
 * <p><b>Members' trades.</b> Each member trades a virtual long-only position of its own: its buy while flat opens it
 * and its sell while long closes it, each at the next bar's open (as the engine fills); its return per trade is exit
 * open / entry open − 1. A member's row says it is in a position when its virtual position is open.
 *
 * <p><b>Vote.</b> At each bar close, after the members decide, score = Σ weight × stance, where a member's stance is
 * 1 when its virtual position is open or it has just decided to open it, and 0 when it is flat or has just decided to
 * close it. The ensemble buys when score ≥ {@code threshold} while flat, and sells when score &lt; {@code threshold}
 * while long. It never goes short.
 *
 * <p><b>Learning</b> (when a member's trade closes, at the open it closes at): its decayed mean return per trade is
 * m = Σ decay^k r_k / Σ decay^k (k = 0 for the newest), its reward is clamp(0.5 + m / (2 × {@code reward_scale}), 0,
 * 1) (a mean return of −{@code reward_scale} or worse maps to 0, +{@code reward_scale} or better to 1). With fewer
 * than {@code min_trades} closed trades nothing moves. Otherwise its weight becomes (1 − lr) × old + lr × reward,
 * limited to old × (1 ± {@code max_step}); then all weights are divided by their sum; then any weight below
 * {@code floor} is raised to it, the others giving up the difference in proportion to what they hold above the
 * floor, so the weights sum to 1 and none is below the floor. Every weight that changed is a row of
 * {@code weights.csv} (the learner's with reason {@code learn} or {@code learn_capped}, the others' {@code normalise}
 * or {@code floor}); the starting weights (1/n each) are rows with reason {@code start} at the first bar.
 *
 * <p>All of it lives in state cells, so a restore from a snapshot continues exactly. Allocates nothing per bar: each
 * member decides on {@link io.ringtrade.engine.api.strategy.Row#withPosition} views the engine keeps, and a learning
 * step works on the weight cells in place. Business-logic thread.
 */
public final class Ensemble extends LibraryStrategy {
    /** The members by default. */
    public static final String DEFAULT_MEMBERS = "rsi_mean_reversion,macd_crossover,vwap,stochastic_oscillator,swing";
    /**
     * The strategies that may be members: decision rules without managed exits or state of their own, whose virtual
     * trades are what they would trade alone.
     */
    private static final List<LibraryStrategy> ELIGIBLE = List.of(new SmaCrossover(), new RsiMeanReversion(),
        new MacdCrossover(), new VwapReversion(), new StochasticOscillator(), new TaRegime(), new SwingPoints());

    @Override
    public String name() {
        return "ensemble";
    }

    @Override
    public String description() {
        return "member strategies vote by weight; weights learn from each member's closed trades (weights.csv)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
            ParameterSpec.ofText("members", DEFAULT_MEMBERS, "comma-separated member strategies, each with its"
                + " defaults or its own parameters in parentheses, ;-separated (sma_crossover(fast=10;slow=40)), from "
                + String.join(", ", ELIGIBLE.stream().map(LibraryStrategy::name).toList())),
            ParameterSpec.ofDouble("threshold", 0.5, 0.01, 1, List.of(0.3, 0.5, 0.7),
                "buy when the weighted stance of the members reaches this, sell below it"),
            ParameterSpec.ofDouble("lr", 0.1, 0.001, 1, List.of(0.05, 0.1, 0.2), "learning rate of a weight"),
            ParameterSpec.ofDouble("decay", 0.95, 0, 1, List.of(0.9, 0.95, 1.0),
                "weight of each older trade in a member's mean return (1 = plain mean)"),
            ParameterSpec.ofInt("min_trades", 20, 1, 100_000, List.of(10, 20, 40),
                "closed trades a member needs before its weight moves"),
            ParameterSpec.ofDouble("max_step", 0.10, 0.001, 1, List.of(0.05, 0.1),
                "largest move of a weight in one adjustment, a fraction of it"),
            ParameterSpec.ofDouble("floor", 0.05, 0.001, 0.2, List.of(0.05), "no weight falls below this"),
            ParameterSpec.ofDouble("reward_scale", 0.01, 0.000001, 1, List.of(0.005, 0.01, 0.02),
                "mean return per trade that earns the full reward (1); its negative earns 0"));
    }

    /** The default members' names, in member order (the {@code member} column of {@code weights.csv}). */
    public static List<String> memberNames() {
        return List.of(DEFAULT_MEMBERS.split(","));
    }

    /** One member: its name as written, its strategy, and the parameters it was given (resolved, defaults filled). */
    record Member(String label, LibraryStrategy strategy, Parameters parameters) {
    }

    /**
     * The members {@code text} names (comma-separated, blanks ignored), each {@code name} or
     * {@code name(key=value;key=value)}.
     *
     * @throws IllegalArgumentException naming an unknown or repeated member, a parameter its strategy refuses, or
     *                                  fewer than two
     */
    static List<Member> members(final String text) {
        final List<MemberText> written;
        try {
            written = MemberText.parseAll(text);
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException("strategy ensemble: members: " + e.getMessage(), e);
        }
        final List<Member> members = new ArrayList<>();
        for (final MemberText given : written) {
            final String name = given.name();
            final LibraryStrategy member = ELIGIBLE.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("strategy ensemble: members: '" + name + "' is not a"
                    + " strategy that can be a member (members can be: " + String.join(", ",
                    ELIGIBLE.stream().map(LibraryStrategy::name).toList()) + ")"));
            final Parameters parameters;
            try {
                parameters = Parameters.resolve(member.name(), member.parameters(), given.parameters());
            } catch (final IllegalArgumentException e) {
                throw new IllegalArgumentException("strategy ensemble: members: " + e.getMessage(), e);
            }
            final String label = given.written();
            if (members.stream().anyMatch(m -> m.label().equals(label))) {
                throw new IllegalArgumentException("strategy ensemble: members: " + label + " is named twice");
            }
            members.add(new Member(label, member, parameters));
        }
        if (members.size() < 2) {
            throw new IllegalArgumentException("strategy ensemble: members: give at least two (got '" + text + "')");
        }
        return members;
    }

    @Override
    protected DecisionStrategy rule(final Parameters parameters, final Indicators indicators,
                                    final StrategyState state) {
        final List<Member> chosen = members(parameters.getText("members"));
        final int n = chosen.size();
        final List<DecisionStrategy> members = new ArrayList<>();
        for (final Member member : chosen) {
            members.add(member.strategy().rule(member.parameters(), indicators, new MemberState(state,
                member.label())));
        }
        final Learning learning = new Learning(n, parameters, state);
        final WeightLog log = state.weightLog(chosen.stream().map(Member::label).toList());
        final List<DecisionStrategy> voters = List.copyOf(members);
        final double threshold = parameters.get("threshold");
        final LongCell started = state.longCell("started", 0);
        final LongArrayCell stance = state.longArray("stance", n, 0);
        final LongArrayCell pending = state.longArray("pending", n, 0);
        final DoubleArrayCell entry = state.doubleArray("entry", n, Double.NaN);
        return row -> {
            final long time = row.timeNanos();
            if (started.get() == 0) {
                started.set(1);
                for (int i = 0; i < n; i++) {
                    log.record(time, i, learning.weights.get(i), learning.weights.get(i), Reason.START, Double.NaN, 0);
                }
            }
            for (int i = 0; i < n; i++) {
                if (pending.get(i) > 0) {
                    stance.set(i, 1);
                    entry.set(i, row.open());
                } else if (pending.get(i) < 0) {
                    stance.set(i, 0);
                    learning.onTradeClosed(i, row.open() / entry.get(i) - 1, time, log);
                }
                pending.set(i, 0);
            }
            double score = 0;
            for (int i = 0; i < n; i++) {
                final boolean open = stance.get(i) == 1;
                final int decision = voters.get(i).decide(row.withPosition(open ? 1 : 0));
                if (decision == DecisionStrategy.BUY && !open) {
                    pending.set(i, 1);
                } else if (decision == DecisionStrategy.SELL && open) {
                    pending.set(i, -1);
                }
                final boolean stanceAfter = pending.get(i) > 0 || (open && pending.get(i) == 0);
                if (stanceAfter) {
                    score += learning.weights.get(i);
                }
            }
            final double position = row.position();
            if (score >= threshold) {
                return position == 0 ? DecisionStrategy.BUY : DecisionStrategy.HOLD;
            }
            return position > 0 ? DecisionStrategy.SELL : DecisionStrategy.HOLD;
        };
    }

    /** The members' weights and what they learn from: cells, and the rules of the class comment. */
    private static final class Learning {
        private final int n;
        private final double lr;
        private final double decay;
        private final long minTrades;
        private final double maxStep;
        private final double floor;
        private final double rewardScale;
        private final DoubleArrayCell weights;
        private final DoubleArrayCell decayedReturns;
        private final DoubleArrayCell decayedCounts;
        private final LongArrayCell trades;
        private final DoubleArrayCell rewards;

        Learning(final int n, final Parameters parameters, final StrategyState state) {
            this.n = n;
            this.lr = parameters.get("lr");
            this.decay = parameters.get("decay");
            this.minTrades = parameters.getInt("min_trades");
            this.maxStep = parameters.get("max_step");
            this.floor = parameters.get("floor");
            this.rewardScale = parameters.get("reward_scale");
            if (floor * n > 1) {
                throw new IllegalArgumentException("strategy ensemble: floor (" + floor + ") times " + n
                    + " members exceeds 1");
            }
            this.weights = state.doubleArray("weights", n, 1.0 / n);
            this.decayedReturns = state.doubleArray("decayed_returns", n, 0);
            this.decayedCounts = state.doubleArray("decayed_counts", n, 0);
            this.trades = state.longArray("trades", n, 0);
            this.rewards = state.doubleArray("rewards", n, Double.NaN);
        }

        void onTradeClosed(final int member, final double tradeReturn, final long time, final WeightLog log) {
            trades.set(member, trades.get(member) + 1);
            decayedReturns.set(member, decay * decayedReturns.get(member) + tradeReturn);
            decayedCounts.set(member, decay * decayedCounts.get(member) + 1);
            final double mean = decayedReturns.get(member) / decayedCounts.get(member);
            final double reward = Math.max(0, Math.min(1, 0.5 + mean / (2 * rewardScale)));
            rewards.set(member, reward);
            if (trades.get(member) < minTrades) {
                return;
            }
            // Three passes over the cells instead of copies of the weights, so that a learning step allocates
            // nothing; each weight goes through the same operations in the same order as written out step by step
            // (clamp the member's, divide all by their sum, then lift any below the floor), so the bits are those.
            final double before = weights.get(member);
            final double target = (1 - lr) * before + lr * reward;
            final double low = before * (1 - maxStep);
            final double high = before * (1 + maxStep);
            final boolean capped = target < low || target > high;
            final double stepped = Math.max(low, Math.min(high, target));
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += i == member ? stepped : weights.get(i);
            }
            double deficit = 0;
            double surplus = 0;
            for (int i = 0; i < n; i++) {
                final double weight = (i == member ? stepped : weights.get(i)) / sum;
                if (weight < floor) {
                    deficit += floor - weight;
                } else {
                    surplus += weight - floor;
                }
            }
            final boolean floored = deficit > 0;
            for (int i = 0; i < n; i++) {
                final double old = weights.get(i);
                final double normalised = (i == member ? stepped : old) / sum;
                final double weight = !floored ? normalised
                    : normalised < floor ? floor : floor + (normalised - floor) * (1 - deficit / surplus);
                weights.set(i, weight);
                if (i == member) {
                    log.record(time, i, old, weight, capped ? Reason.LEARN_CAPPED : Reason.LEARN, reward,
                        trades.get(i));
                } else if (weight != old) {
                    log.record(time, i, old, weight, floored ? Reason.FLOOR : Reason.NORMALISE, rewards.get(i),
                        trades.get(i));
                }
            }
        }
    }
}
