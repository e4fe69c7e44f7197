package io.ringtrade.adapters.marketdata;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.EventType;
import io.ringtrade.engine.api.event.MarketDataKind;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.MarketDataSource;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourcesTest {
    private static final long S = 1_000_000_000L;

    private static BarSeriesData bars(final String symbol, final long... times) {
        final long[] one = new long[times.length];
        final long[] volume = new long[times.length];
        for (int i = 0; i < times.length; i++) {
            one[i] = 100_000_000L * (i + 1);
            volume[i] = i;
        }
        return BarSeriesData.of(symbol, times, one, one, one, one, volume);
    }

    private static TradeSeriesData trades(final String symbol, final long... times) {
        final long[] price = new long[times.length];
        final long[] quantity = new long[times.length];
        for (int i = 0; i < times.length; i++) {
            price[i] = 1_000_000_000L + i;
            quantity[i] = 7L * i;
        }
        return TradeSeriesData.of(symbol, times, price, quantity);
    }

    /** "kind:instrument@seconds" per event, to compare orders in one assertion. */
    private static List<String> drain(final MarketDataSource source) {
        final List<String> out = new ArrayList<>();
        final EngineEvent slot = new EngineEvent();
        while (source.next(slot)) {
            out.add(MarketDataKind.name(slot.marketDataKind) + ":" + slot.instrumentId + "@" + slot.eventTimeNanos / S);
        }
        return out;
    }

    @Test
    void shouldFillBarSlots() {
        final InstrumentRegistry instruments = new InstrumentRegistry();
        instruments.intern("OTHER");
        final BarSeriesSource source = BarSeriesSource.of(
            BarSeriesData.of("AAPL", new long[] {10 * S}, new long[] {2}, new long[] {4}, new long[] {1},
                new long[] {3}, new long[] {9}), instruments);
        final EngineEvent slot = new EngineEvent();

        assertThat(source.size()).isEqualTo(1);
        assertThat(source.next(slot)).isTrue();
        assertThat(slot.type).isEqualTo(EventType.MARKET_DATA);
        assertThat(slot.marketDataKind).isEqualTo(MarketDataKind.BAR);
        assertThat(slot.instrumentId).isEqualTo(1);
        assertThat(slot.eventTimeNanos).isEqualTo(10 * S);
        assertThat(new long[] {slot.open, slot.high, slot.low, slot.close, slot.volume}).containsExactly(2, 4, 1, 3, 9);
        assertThat(source.next(slot)).isFalse();
        source.rewind();
        assertThat(source.next(slot)).isTrue();
    }

    @Test
    void shouldFillTradeSlotsInFileOrder() {
        final TradeSeriesSource source = new TradeSeriesSource(trades("BTC", 5 * S, 5 * S), 3);
        final EngineEvent slot = new EngineEvent();

        assertThat(source.next(slot)).isTrue();
        assertThat(slot.marketDataKind).isEqualTo(MarketDataKind.TRADE);
        assertThat(slot.instrumentId).isEqualTo(3);
        assertThat(slot.eventTimeNanos).isEqualTo(5 * S);
        assertThat(slot.price).isEqualTo(1_000_000_000L);
        assertThat(slot.quantity).isZero();
        assertThat(source.next(slot)).isTrue();
        assertThat(slot.price).isEqualTo(1_000_000_001L);
        assertThat(slot.quantity).isEqualTo(7L);
        assertThat(source.next(slot)).isFalse();
    }

    @Test
    void shouldMergeInTimeOrderBreakingTiesBySourceOrder() {
        final MergedMarketDataSource merged = MergedMarketDataSource.of(
            new BarSeriesSource(bars("A", 1 * S, 3 * S, 5 * S), 0),
            new TradeSeriesSource(trades("B", 1 * S, 2 * S, 3 * S, 3 * S), 1),
            new BarSeriesSource(bars("C", 0, 3 * S), 2));

        assertThat(merged.size()).isEqualTo(9);
        assertThat(drain(merged)).containsExactly(
            "BAR:2@0", "BAR:0@1", "TRADE:1@1", "TRADE:1@2", "BAR:0@3", "TRADE:1@3", "TRADE:1@3", "BAR:2@3", "BAR:0@5");
    }

    @Test
    void shouldMergeTheSameWayWhateverTheInput() {
        final List<String> first = drain(MergedMarketDataSource.of(
            new BarSeriesSource(bars("A", 1 * S, 2 * S), 0), new BarSeriesSource(bars("B", 1 * S, 2 * S), 1)));
        final List<String> swapped = drain(MergedMarketDataSource.of(
            new BarSeriesSource(bars("B", 1 * S, 2 * S), 1), new BarSeriesSource(bars("A", 1 * S, 2 * S), 0)));

        assertThat(first).containsExactly("BAR:0@1", "BAR:1@1", "BAR:0@2", "BAR:1@2");
        assertThat(swapped).containsExactly("BAR:1@1", "BAR:0@1", "BAR:1@2", "BAR:0@2");
    }

    @Test
    void shouldCopyEveryFieldOfTheMergedEvent() {
        final MergedMarketDataSource merged = MergedMarketDataSource.of(new TradeSeriesSource(trades("B", 4 * S), 6));
        final EngineEvent slot = new EngineEvent();
        slot.open = 99; // left over from an earlier use of the slot

        assertThat(merged.next(slot)).isTrue();
        assertThat(slot.marketDataKind).isEqualTo(MarketDataKind.TRADE);
        assertThat(slot.instrumentId).isEqualTo(6);
        assertThat(slot.price).isEqualTo(1_000_000_000L);
        assertThat(slot.open).isZero();
        assertThat(merged.next(slot)).isFalse();
    }

    @Test
    void shouldRefuseSourceGoingBackInTime() {
        final MarketDataSource backwards = new MarketDataSource() {
            private int n;

            @Override
            public boolean next(final EngineEvent slot) {
                slot.setTrade(0, n == 0 ? 10 : 5, 1, 1);
                return n++ < 2;
            }
        };
        final MergedMarketDataSource merged = MergedMarketDataSource.of(backwards);
        final EngineEvent slot = new EngineEvent();

        assertThatThrownBy(() -> merged.next(slot))
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("market-data source 0 went back in time");
    }

    @Test
    void shouldNotAllocateInNext() {
        final long[] times = new long[10_000];
        for (int i = 0; i < times.length; i++) {
            times[i] = i * S;
        }
        final BarSeriesSource barSource = new BarSeriesSource(bars("A", times), 0);
        final TradeSeriesSource tradeSource = new TradeSeriesSource(trades("B", times), 1);
        final MergedMarketDataSource merged = MergedMarketDataSource.of(barSource, tradeSource);
        final EngineEvent slot = new EngineEvent();
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        final long threadId = Thread.currentThread().threadId();
        long count = 0;
        while (merged.next(slot)) { // warm up: first calls load classes
            count++;
        }
        assertThat(count).isEqualTo(20_000);

        for (int round = 0; round < 5; round++) {
            barSource.rewind();
            tradeSource.rewind();
            final MergedMarketDataSource again = MergedMarketDataSource.of(barSource, tradeSource);
            again.next(slot);
            final long before = threads.getThreadAllocatedBytes(threadId);
            while (again.next(slot)) {
                count++;
            }
            final long after = threads.getThreadAllocatedBytes(threadId);
            // 20,000 calls: even 8 bytes per call would be 160 KB. A few dozen bytes can come from the JIT
            // (deoptimisation, OSR) on a busy machine, so the bound is 1 KB, not 0.
            assertThat(after - before).as("bytes allocated by next() in round %d", round).isLessThan(1024);
        }
    }
}
