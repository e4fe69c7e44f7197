package io.ringtrade.engine.indicator;

import static io.ringtrade.engine.indicator.Values.AAPL;
import static io.ringtrade.engine.indicator.Values.FLAT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.Row;
import org.junit.jupiter.api.Test;

/** The row's bar fields, its position flag and its life cycle. */
class InstrumentBarsTest {
    private final AppleBars apple = AppleBars.load();

    @Test
    void shouldShowTheLatestBarThroughTheRow() {
        final InstrumentBars bars = new InstrumentBars(AAPL, FLAT);
        apple.feed(bars, 0, 3);
        final Row row = bars.row();
        // 2013-01-04,536.97,538.63,525.83,527.00,21226200
        assertThat(row.symbol()).isEqualTo("AAPL");
        assertThat(row.barIndex()).isEqualTo(2);
        assertThat(row.timeNanos()).isEqualTo(1_357_257_600_000_000_000L);
        assertThat(row.open()).isEqualTo(536.97);
        assertThat(row.high()).isEqualTo(538.63);
        assertThat(row.low()).isEqualTo(525.83);
        assertThat(row.close()).isEqualTo(527.00);
        assertThat(row.volume()).isEqualTo(21_226_200.0);
        assertThat(row.close(2)).isEqualTo(549.03);
        assertThat(bars.barCount()).isEqualTo(3);
        assertThat(bars.instrumentId()).isEqualTo(AAPL.id());
    }

    @Test
    void shouldReuseOneRowThatFollowsTheLatestBar() {
        final InstrumentBars bars = new InstrumentBars(AAPL, FLAT);
        apple.feed(bars, 0);
        final Row row = bars.row();
        apple.feed(bars, 1);
        assertThat(bars.row()).isSameAs(row);
        assertThat(row.close()).isEqualTo(FixedPoint.toDouble(apple.close[1]));
    }

    @Test
    void shouldAskThePositionViewAboutItsOwnInstrument() {
        final boolean[] holding = {false};
        final InstrumentBars bars = new InstrumentBars(AAPL, id -> id == AAPL.id() && holding[0]);
        apple.feed(bars, 0);
        assertThat(bars.row().inPosition()).isFalse();
        holding[0] = true;
        assertThat(bars.row().inPosition()).isTrue();
    }

    @Test
    void shouldRefuseARowBeforeTheFirstBar() {
        final InstrumentBars bars = new InstrumentBars(AAPL, FLAT);
        assertThatThrownBy(bars::row).isInstanceOf(IllegalStateException.class).hasMessageContaining("AAPL");
    }

    @Test
    void shouldRoundTheHistoryUpToAPowerOfTwo() {
        assertThat(new InstrumentBars(AAPL, FLAT).historyBars()).isEqualTo(InstrumentBars.DEFAULT_HISTORY_BARS);
        assertThat(new InstrumentBars(AAPL, FLAT, 1000).historyBars()).isEqualTo(1024);
        assertThatThrownBy(() -> new InstrumentBars(AAPL, FLAT, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
