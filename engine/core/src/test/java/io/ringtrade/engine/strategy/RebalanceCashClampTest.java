package io.ringtrade.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrade.engine.api.money.FixedPoint;
import org.junit.jupiter.api.Test;

/** The rebalance cash clamp, worked by hand. */
final class RebalanceCashClampTest {
    private static long fp(final String decimal) {
        return FixedPoint.parse(decimal);
    }

    @Test
    void shouldLeaveBuysThatFitTheCashAlone() {
        final long[] buys = {fp("300"), fp("200")};
        final boolean[] dropped = new boolean[2];
        assertThat(RebalanceCashClamp.clamp(buys, 2, fp("500"), 50, fp("10"), dropped)).isEqualTo(2);
        assertThat(buys).containsExactly(fp("300"), fp("200"));
        assertThat(dropped).containsExactly(false, false);
    }

    @Test
    void shouldScaleBuysTogetherToTheCashLessTheBufferAndDropThoseBelowTheMinimum() {
        // buys 600 + 300 + 12 = 912 after sells whose proceeds have not settled; cash 500, buffer 50 bps: 497.50
        // 600 × 497.5 / 912 = 327.30263157..., 300 × 497.5 / 912 = 163.65131578..., 12 × 497.5 / 912 = 6.546...
        // (below the minimum notional of 10: dropped)
        final long[] buys = {fp("600"), fp("300"), fp("12")};
        final boolean[] dropped = new boolean[3];
        assertThat(RebalanceCashClamp.clamp(buys, 3, fp("500"), 50, fp("10"), dropped)).isEqualTo(2);
        assertThat(buys).containsExactly(fp("327.30263157"), fp("163.65131578"), 0L);
        assertThat(dropped).containsExactly(false, false, true);
    }

    @Test
    void shouldClampOneBuyToTheCashLessTheBuffer() {
        assertThat(RebalanceCashClamp.clampOne(fp("500"), fp("500"), 50, fp("10"))).isEqualTo(fp("500"));
        assertThat(RebalanceCashClamp.clampOne(fp("501"), fp("500"), 50, fp("10"))).isEqualTo(fp("497.5"));
        assertThat(RebalanceCashClamp.clampOne(fp("501"), fp("10"), 50, fp("10"))).isEqualTo(-1);
        assertThat(RebalanceCashClamp.clampOne(fp("501"), 0, 50, fp("10"))).isEqualTo(-1);
    }
}
