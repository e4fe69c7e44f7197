package io.ringtrade.cli;

import io.ringtrade.adapters.marketdata.MarketDataFiles;
import io.ringtrade.adapters.marketdata.TradeSeriesSource;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.config.EngineConfig;
import io.ringtrade.engine.config.EngineConfigLoader;
import io.ringtrade.engine.logic.BusinessLogic;
import io.ringtrade.engine.snapshot.SnapshotFormatException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * DESIGN.md §4: recovery from a snapshot plus the journal's tail gives the same state as replaying every input.
 * Uses the embedded default configuration (three books: SMA crossovers on 1m and 5m bars, RSI on 1m bars) on the
 * real Bitstamp trades with a stream of external signals, and compares the full serialised state byte for byte.
 */
class SnapshotRecoveryTest {
    private static final EngineConfig CONFIG = EngineConfigLoader.load(EngineConfigLoader.DEFAULT_LOCATION);

    @Test
    void shouldReachTheSameStateFromASnapshotAndTheTailAsFromEveryInput() {
        final List<EngineEvent> inputs = inputs(30_000);
        final BusinessLogic full = logic();
        inputs.forEach(e -> feed(full, e));

        for (final int cut : new int[] {1, 777, 12_345, 29_999}) {
            final BusinessLogic before = logic();
            inputs.subList(0, cut).forEach(e -> feed(before, e));
            final byte[] snapshot = before.snapshot();

            final BusinessLogic recovered = logic();
            recovered.restore(snapshot);
            inputs.subList(cut, inputs.size()).forEach(e -> feed(recovered, e));

            assertThat(recovered.snapshot()).as("state after restoring at input %d", cut).isEqualTo(full.snapshot());
        }
        assertThat(full.fills()).isGreaterThan(50);
        assertThat(full.duplicateSignals()).isEqualTo(inputs.stream().filter(e -> e.signalKey == 42).count() - 1);
    }

    @Test
    void shouldRestoreWorkingOrdersAndBarsBeingBuiltExactly() {
        final List<EngineEvent> inputs = inputs(5_000);
        final BusinessLogic before = logic();
        int cut = 0;
        // stop right after an input that left an order working at the venue
        for (final EngineEvent input : inputs) {
            feed(before, input);
            cut++;
            if (before.workingOrders() > 0 && cut > 100) {
                break;
            }
        }
        assertThat(before.workingOrders()).isPositive();
        final BusinessLogic recovered = logic();
        recovered.restore(before.snapshot());
        assertThat(recovered.workingOrders()).isEqualTo(before.workingOrders());
        assertThat(recovered.snapshot()).isEqualTo(before.snapshot());
    }

    @Test
    void shouldRefuseStateWrittenForAnotherConfiguration() {
        final BusinessLogic source = logic();
        inputs(100).forEach(e -> feed(source, e));
        final byte[] state = source.snapshot();
        final EngineConfig twoBooks = new EngineConfig(CONFIG.mode(), CONFIG.outputDir(), CONFIG.statusInterval(),
            CONFIG.pipeline(), CONFIG.journal(), CONFIG.feed(), CONFIG.instruments(), CONFIG.books().subList(0, 2));
        final BusinessLogic other = EngineAssembly.businessLogic(twoBooks, twoBooks.newInstrumentRegistry());
        assertThatThrownBy(() -> other.restore(state)).isInstanceOf(SnapshotFormatException.class)
            .hasMessage("number of books: expected 2 but found 3");
    }

    private static BusinessLogic logic() {
        return EngineAssembly.businessLogic(CONFIG, CONFIG.newInstrumentRegistry());
    }

    private static void feed(final BusinessLogic logic, final EngineEvent input) {
        input.effects.clear();
        logic.onEvent(input);
    }

    /** The first {@code count} Bitstamp trades with a signal for btc-rsi every 500 inputs (key 42 repeated). */
    private static List<EngineEvent> inputs(final int count) {
        final InstrumentRegistry registry = CONFIG.newInstrumentRegistry();
        final int btc = registry.find("BTC/USD").id();
        final TradeSeriesSource trades = new TradeSeriesSource(MarketDataFiles.loadTrades(RealData.bitstamp(), "BTC/USD"), btc);
        final List<EngineEvent> inputs = new ArrayList<>();
        final EngineEvent slot = new EngineEvent();
        long sequence = 0;
        while (inputs.size() < count && trades.next(slot)) {
            final EngineEvent input = new EngineEvent();
            input.copyInputFrom(slot);
            input.sequence = sequence++;
            inputs.add(input);
            if (inputs.size() % 500 == 0) {
                final long key = inputs.size() % 1500 == 0 ? 42 : inputs.size();
                final EngineEvent signal = new EngineEvent().setSignal(slot.eventTimeNanos, key, 1, btc,
                    inputs.size() % 1000 == 0 ? 1 : 0, io.ringtrade.engine.api.event.SignalSizeKind.NOTIONAL,
                    io.ringtrade.engine.api.money.FixedPoint.of(500), 0);
                signal.sequence = sequence++;
                inputs.add(signal);
            }
        }
        return inputs;
    }
}
