package io.ringtrade.engine.logic;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.engine.risk.RiskLimits;
import io.ringtrade.engine.risk.RiskSettings;
import io.ringtrade.engine.venue.SimulatedFillModel;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The risk layer keeps business logic's tick path allocation-free: with every limit on (the daily-loss check runs on
 * every trade, the position limit sizes every decision, the order-rate windows count every order) and a strategy that
 * trades on every bar, a warm business logic allocates nothing per trade on its own thread (measured with the JVM's
 * per-thread allocation counter; the JMH {@code -prof gc} benchmark in BENCHMARKS.md §2 measures the same path).
 */
final class RiskTickPathAllocationTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void shouldAllocateNothingPerTradeWithEveryLimitOn() {
        final InstrumentRegistry instruments = new InstrumentRegistry();
        instruments.register("ACME", "USD", FixedPoint.parse("0.01"), FixedPoint.parse("0.001"));
        final RiskLimits limits = new RiskLimits(false, FixedPoint.of(10), 0, FixedPoint.of(5_000), FixedPoint.of(50),
            FixedPoint.of(1_000_000), 1_000, FixedPoint.of(10));
        final BusinessLogic logic = new BusinessLogic(instruments, List.of(new BookSpec("flip",
            row -> row.barIndex() % 2 == 0 ? DecisionStrategy.BUY : DecisionStrategy.SELL, new int[] {0},
            Interval.M1, FixedPoint.of(10_000), new SimulatedFillModel(5, 10, false, 0), limits)),
            LogicSettings.DEFAULT.withRisk(new RiskSettings(0, FixedPoint.of(50), FixedPoint.of(1_000_000), 1_000, 0,
                FixedPoint.of(100))));
        final EngineEvent trade = new EngineEvent();
        long sequence = 0;
        long time = 0;
        // warm-up: every code path JIT-compiled, every lazily grown array at its size
        for (int i = 0; i < 300_000; i++) {
            time += SECOND;
            trade.setTrade(0, time, price(i), FixedPoint.of(1));
            trade.sequence = sequence++;
            logic.onEvent(trade);
        }
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        final long before = threads.getCurrentThreadAllocatedBytes();
        final long ordersBefore = logic.ordersAccepted();
        for (int i = 0; i < 120_000; i++) {
            time += SECOND;
            trade.setTrade(0, time, price(i), FixedPoint.of(1));
            trade.sequence = sequence++;
            logic.onEvent(trade);
        }
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(logic.ordersAccepted() - ordersBefore).as("orders placed while measured").isGreaterThan(1_000);
        // 120,000 trades, 2,000 bars with a decision each: a few stray bytes at most, not bytes per trade
        assertThat(allocated).as("bytes allocated over 120,000 trades").isLessThan(16_384);
    }

    /** A saw-tooth between 90 and 110, so the book keeps trading and the loss limit is never reached. */
    private static long price(final int i) {
        return FixedPoint.of(90) + FixedPoint.parse("0.01") * (i % 2_000);
    }
}
