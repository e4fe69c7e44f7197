package io.ringtrade.strategies;

import static io.ringtrade.strategies.LibraryBacktest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.output.RecordingSink;
import io.ringtrade.strategies.LibraryBacktest.Rule;
import io.ringtrade.strategies.ReferenceBars.Market;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code alpha}, {@code momentum}, {@code mean_reversion}, {@code bollinger_breakout} and {@code crypto_momentum} with
 * their default managed exits, on real data, against a plain bar-by-bar simulation of the rules written here:
 * entries and signal exits at the next open; a fixed notional becomes floor(notional / decision close) to the lot;
 * stop-loss and take-profit from the entry price, the stop rounded down and the target up to the tick for a long
 * (mirrored for a short), live from the entry's own bar; within a bar the open first, then stops (at the stop, or the
 * open when the bar gaps through it, except on the entry bar), then the target (likewise), so the adverse one wins
 * when both are reached; a trailing stop at the highest high since entry × (1 − trail), rounded down to the tick,
 * recomputed at each close and live from the next bar; a time stop when the position is still open at the close of
 * the N-th bar from the entry bar, filled at the next open; the signal checked only when no time stop fired; and a
 * new entry possible at the close of a bar whose stop or target closed the position. Every fill's side, bar time,
 * price, quantity (for fixed notionals) and reason must match.
 */
class ManagedExitsTest {
    /** A fill as compared here. */
    private record Fill(int side, long time, long price, long quantity, String reason) {
        @Override
        public String toString() {
            return (side > 0 ? "BUY " : "SELL ") + java.time.Instant.ofEpochSecond(0, time) + " "
                + FixedPoint.toString(quantity) + " @ " + FixedPoint.toString(price) + " " + reason;
        }
    }

    /** The managed rules of one run: 0 or null where unused. */
    private record Managed(String notional, String stopLoss, String takeProfit, String trail, int timeStop) {
    }

    @ParameterizedTest(name = "{0} {1} shorts={2}")
    @CsvSource({"alpha, APPLE_DAILY, true", "alpha, ETH_5M, true", "alpha, BITSTAMP_5M, true",
        "alpha, BITSTAMP_5M, false", "momentum, APPLE_DAILY, true", "momentum, ETH_5M, true",
        "momentum, BITSTAMP_5M, true", "mean_reversion, APPLE_DAILY, true", "mean_reversion, ETH_5M, true",
        "mean_reversion, BITSTAMP_5M, true", "bollinger_breakout, APPLE_DAILY, false",
        "mean_reversion, BITSTAMP_5M, false", "bollinger_breakout, BITSTAMP_5M, false",
        "crypto_momentum, ETH_5M, false", "crypto_momentum, BITSTAMP_5M, false"})
    void shouldExitWhereTheManagedRulesSayWithTheDefaults(final String strategy, final Market market,
                                                          final boolean shorts) {
        final ReferenceBars data = ReferenceBars.of(market);
        final LibraryStrategy definition;
        final Rule rule;
        final Managed managed;
        switch (strategy) {
            case "alpha" -> {
                definition = new Alpha();
                rule = SignalRules.alpha(data);
                managed = new Managed("3000", "0.02", "0.04", null, 0);
            }
            case "momentum" -> {
                definition = new Momentum();
                rule = SignalRules.momentum(data);
                managed = new Managed("2500", "0.015", "0.03", null, 0);
            }
            case "mean_reversion" -> {
                definition = new MeanReversion();
                rule = SignalRules.meanReversion(data);
                managed = new Managed("2500", "0.015", null, null, 30);
            }
            case "bollinger_breakout" -> {
                definition = new BollingerBreakout();
                rule = SignalRules.bollingerBreakout(data, 1.5);
                managed = new Managed(null, "0.02", null, null, 0);
            }
            default -> {
                definition = new CryptoMomentum();
                rule = SignalRules.cryptoMomentum(data);
                managed = new Managed(null, null, null, "0.03", 0);
            }
        }
        final List<Fill> expected = simulate(data, rule, managed, shorts);
        final RecordingSink sink = run(definition, Map.of(), market, data.bars, shorts);
        final List<Fill> actual = new ArrayList<>();
        for (int i = 0; i < sink.fills.size(); i++) {
            final RecordingSink.Fill fill = sink.fills.get(i);
            actual.add(new Fill(fill.side(), fill.time(), fill.price(), managed.notional() == null ? 0
                : fill.quantity(), sink.fillReasons.get(i)));
        }

        assertThat(expected).as("fills the rules imply (the comparison must not be vacuous)")
            .hasSizeGreaterThanOrEqualTo(2);
        assertThat(expected.stream().map(Fill::reason)).as("a managed exit happens on this data")
            .containsAnyOf("stop_loss", "take_profit", "trailing_stop", "time_stop");
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    private static List<Fill> simulate(final ReferenceBars data, final Rule rule, final Managed managed,
                                       final boolean shorts) {
        final long tick = data.market.tick;
        final long lot = data.market.lot;
        final List<Fill> fills = new ArrayList<>();
        int position = 0;
        long quantity = 0;
        long stop = 0;
        long target = 0;
        long trail = 0;
        long extreme = 0;
        int held = 0;
        int pendingSide = 0;
        long pendingQuantity = 0;
        String pendingReason = null;
        for (int t = 0; t < data.size(); t++) {
            final long open = data.bars.open(t);
            final long high = data.bars.high(t);
            final long low = data.bars.low(t);
            final long close = data.bars.close(t);
            final long time = data.bars.timeNanos(t);
            boolean entryBar = false;
            if (pendingSide != 0) {
                fills.add(new Fill(pendingSide, time, open, managed.notional() == null ? 0 : pendingQuantity,
                    pendingReason));
                if (pendingReason.equals("entry")) {
                    position = pendingSide;
                    quantity = pendingQuantity;
                    stop = managed.stopLoss() == null ? 0 : position > 0 ? toTick(open, "1", "-" + managed.stopLoss(),
                        tick, RoundingMode.FLOOR) : toTick(open, "1", managed.stopLoss(), tick, RoundingMode.CEILING);
                    target = managed.takeProfit() == null ? 0 : position > 0 ? toTick(open, "1", managed.takeProfit(),
                        tick, RoundingMode.CEILING) : toTick(open, "1", "-" + managed.takeProfit(), tick,
                        RoundingMode.FLOOR);
                    trail = 0;
                    extreme = 0;
                    held = 0;
                    entryBar = true;
                } else {
                    position = 0;
                }
                pendingSide = 0;
            }
            if (position != 0) {
                // stops first: the stop-loss, then (from the bar after entry) the trailing stop
                final long[] stops = {stop, trail};
                final String[] reasons = {"stop_loss", "trailing_stop"};
                for (int k = 0; k < 2 && position != 0; k++) {
                    final long price = stops[k];
                    if (price != 0 && (position > 0 ? low <= price : high >= price)) {
                        final boolean gap = !entryBar && (position > 0 ? open <= price : open >= price);
                        fills.add(new Fill(-position, time, gap ? open : price, managed.notional() == null ? 0
                            : quantity, reasons[k]));
                        position = 0;
                    }
                }
                if (position != 0 && target != 0 && (position > 0 ? high >= target : low <= target)) {
                    final boolean gap = !entryBar && (position > 0 ? open >= target : open <= target);
                    fills.add(new Fill(-position, time, gap ? open : target, managed.notional() == null ? 0
                        : quantity, "take_profit"));
                    position = 0;
                }
            }
            if (t + 1 >= data.size()) {
                break;
            }
            if (position != 0) {
                held++;
                extreme = held == 1 ? (position > 0 ? high : low)
                    : position > 0 ? Math.max(extreme, high) : Math.min(extreme, low);
                if (managed.trail() != null) {
                    trail = position > 0 ? toTick(extreme, "1", "-" + managed.trail(), tick, RoundingMode.FLOOR)
                        : toTick(extreme, "1", managed.trail(), tick, RoundingMode.CEILING);
                }
                if (managed.timeStop() > 0 && held >= managed.timeStop()) {
                    pendingSide = -position;
                    pendingReason = "time_stop";
                } else if (rule.decide(t, position) == -position) {
                    pendingSide = -position;
                    pendingReason = "signal";
                }
                pendingQuantity = quantity;
            } else {
                final int decision = rule.decide(t, 0);
                if (decision > 0 || (decision < 0 && shorts)) {
                    pendingSide = decision;
                    pendingReason = "entry";
                    pendingQuantity = managed.notional() == null ? 0 : new BigDecimal(managed.notional())
                        .divide(BigDecimal.valueOf(close, FixedPoint.SCALE_DIGITS), FixedPoint.SCALE_DIGITS,
                            RoundingMode.FLOOR).unscaledValue().longValueExact() / lot * lot;
                }
            }
        }
        return fills;
    }

    /** price × (base + fraction), rounded to 8 decimals and then to the tick, both in {@code rounding}. */
    private static long toTick(final long price, final String base, final String fraction, final long tick,
                               final RoundingMode rounding) {
        final BigDecimal exact = BigDecimal.valueOf(price, FixedPoint.SCALE_DIGITS)
            .multiply(new BigDecimal(base).add(new BigDecimal(fraction)));
        final BigDecimal ticks = exact.divide(BigDecimal.valueOf(tick, FixedPoint.SCALE_DIGITS), 0, rounding);
        return ticks.multiply(BigDecimal.valueOf(tick)).longValueExact();
    }
}
