package io.ringtrade.adapters.marketdata;

import static io.ringtrade.adapters.marketdata.TestFiles.realData;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.money.FixedPoint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code feed.loop}: a looping source plays its file again and again, pass k shifted by k × span, where span = last
 * time − first time + the smallest positive gap. Worked by hand on small series, then on the real Bitstamp file.
 */
class LoopingSourceTest {
    private static final long P = FixedPoint.of(100);
    private static final long Q = FixedPoint.of(1);

    @Test
    void shouldShiftEachPassOfTradesByTheSpanKeepingTimesNonDecreasing() {
        // times 10, 10, 20, 35: smallest positive gap 10, span 35 - 10 + 10 = 35
        final TradeSeriesData trades = TradeSeriesData.of("X", new long[] {10, 10, 20, 35},
            new long[] {P, P + 1, P + 2, P + 3}, new long[] {Q, Q, Q, Q});
        assertThat(trades.loopSpanNanos()).isEqualTo(35);
        final TradeSeriesSource source = TradeSeriesSource.looping(trades, 7);

        final List<Long> times = new ArrayList<>();
        final List<Long> prices = new ArrayList<>();
        final EngineEvent slot = new EngineEvent();
        for (int i = 0; i < 12; i++) {
            assertThat(source.next(slot)).isTrue();
            assertThat(slot.instrumentId).isEqualTo(7);
            times.add(slot.eventTimeNanos);
            prices.add(slot.price - P);
        }

        assertThat(times).containsExactly(10L, 10L, 20L, 35L, 45L, 45L, 55L, 70L, 80L, 80L, 90L, 105L);
        assertThat(prices).containsExactly(0L, 1L, 2L, 3L, 0L, 1L, 2L, 3L, 0L, 1L, 2L, 3L);
        assertThat(source.passes()).isEqualTo(2);
        assertThat(source.size()).isEqualTo(-1);
    }

    @Test
    void shouldShiftEachPassOfBarsByTheSpanKeepingStartsStrictlyIncreasing() {
        // starts 0, 60 s, 180 s: smallest gap 60 s, span 180 + 60 = 240 s
        final long s = 1_000_000_000L;
        final BarSeriesData bars = BarSeriesData.of("X", new long[] {0, 60 * s, 180 * s}, new long[] {P, P, P},
            new long[] {P + 2, P + 2, P + 2}, new long[] {P, P, P}, new long[] {P, P + 1, P + 2}, new long[] {Q, Q, Q});
        assertThat(bars.loopSpanNanos()).isEqualTo(240 * s);
        final BarSeriesSource source = BarSeriesSource.looping(bars, 3);

        final List<Long> starts = new ArrayList<>();
        final EngineEvent slot = new EngineEvent();
        for (int i = 0; i < 7; i++) {
            assertThat(source.next(slot)).isTrue();
            starts.add(slot.eventTimeNanos / s);
        }

        assertThat(starts).containsExactly(0L, 60L, 180L, 240L, 300L, 420L, 480L);
    }

    @Test
    void shouldStepOneNanosecondWhenTheFileHasASingleTime() {
        final TradeSeriesData one = TradeSeriesData.of("X", new long[] {500}, new long[] {P}, new long[] {Q});
        final TradeSeriesSource source = TradeSeriesSource.looping(one, 0);
        final EngineEvent slot = new EngineEvent();
        final List<Long> times = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            assertThat(source.next(slot)).isTrue();
            times.add(slot.eventTimeNanos);
        }
        assertThat(times).containsExactly(500L, 501L, 502L);
    }

    @Test
    void shouldEndWhenTheNextPassWouldNotFitInTheClock() {
        final TradeSeriesData late = TradeSeriesData.of("X", new long[] {Long.MAX_VALUE - 10, Long.MAX_VALUE - 5},
            new long[] {P, P}, new long[] {Q, Q});
        final TradeSeriesSource source = TradeSeriesSource.looping(late, 0);
        final EngineEvent slot = new EngineEvent();
        assertThat(source.next(slot)).isTrue();
        assertThat(source.next(slot)).isTrue();
        assertThat(source.next(slot)).isFalse();
        assertThat(source.next(slot)).isFalse();
    }

    @Test
    void shouldPlayAFileOnceWhenNotLooping() {
        final TradeSeriesData trades = TradeSeriesData.of("X", new long[] {1, 2}, new long[] {P, P}, new long[] {Q, Q});
        final TradeSeriesSource source = new TradeSeriesSource(trades, 0);
        final EngineEvent slot = new EngineEvent();
        assertThat(source.next(slot)).isTrue();
        assertThat(source.next(slot)).isTrue();
        assertThat(source.next(slot)).isFalse();
        assertThat(source.size()).isEqualTo(2);
    }

    @Test
    void shouldLoopTheRealBitstampTradesDeterministically() {
        final TradeSeriesData trades = MarketDataFiles.loadTrades(realData("bitstamp_trades_from_20131125_usd.csv"),
            "BTC/USD");
        // read off the file: first trade 1385337600 s, last 1385913725 s, and the smallest positive gap between
        // consecutive whole-second times is 1 s (awk over the raw text)
        assertThat(trades.size()).isEqualTo(100_000);
        assertThat(trades.timeNanos(0)).isEqualTo(1_385_337_600_000_000_000L);
        assertThat(trades.timeNanos(99_999)).isEqualTo(1_385_913_725_000_000_000L);
        final long span = (1_385_913_725L - 1_385_337_600L + 1) * 1_000_000_000L;
        assertThat(trades.loopSpanNanos()).isEqualTo(span);

        final TradeSeriesSource a = TradeSeriesSource.looping(trades, 0);
        final TradeSeriesSource b = TradeSeriesSource.looping(trades, 0);
        final EngineEvent slotA = new EngineEvent();
        final EngineEvent slotB = new EngineEvent();
        long previous = Long.MIN_VALUE;
        // two and a half passes, checked event by event against the file and against a second source
        for (int i = 0; i < 250_000; i++) {
            assertThat(a.next(slotA)).isTrue();
            b.next(slotB);
            final int row = i % 100_000;
            final long expected = trades.timeNanos(row) + (i / 100_000) * span;
            if (slotA.eventTimeNanos != expected || slotA.price != trades.price(row) || slotB.eventTimeNanos != expected
                || slotA.eventTimeNanos < previous) {
                throw new AssertionError("event " + i + ": time " + slotA.eventTimeNanos + " (expected " + expected
                    + ", previous " + previous + ")");
            }
            previous = slotA.eventTimeNanos;
        }
        assertThat(a.passes()).isEqualTo(2);
    }
}
