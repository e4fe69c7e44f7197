package io.ringtrade.cli;

import io.ringtrade.adapters.marketdata.MarketDataFiles;
import io.ringtrade.adapters.marketdata.TradeSeriesSource;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.SignalSizeKind;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.config.BookConfig;
import io.ringtrade.engine.config.EngineConfig;
import io.ringtrade.engine.config.EngineConfigLoader;
import io.ringtrade.engine.logic.BusinessLogic;
import io.ringtrade.engine.logic.LogicSettings;
import io.ringtrade.engine.output.CsvOutputWriter;
import io.ringtrade.engine.output.OutputRows;
import io.ringtrade.engine.output.OutputSink;
import io.ringtrade.engine.runtime.BookAssembly;
import io.ringtrade.engine.snapshot.SnapshotFormatException;
import io.ringtrade.engine.strategy.StrategyCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * DESIGN.md §4: recovery from a snapshot plus the journal's tail gives the same results as replaying every input,
 * judged by the outputs. Uses the embedded default configuration (three books: SMA crossovers on 1m and 5m bars, RSI
 * on 1m bars) on the real Bitstamp trades with a stream of external signals. A full run writes its files; a second run
 * is cut at a snapshot and goes on past it (as a crashed engine would have, leaving rows the snapshot does not cover);
 * recovery cuts its files back to the snapshot's rows, restores the snapshot and replays the rest. Every output file
 * and the summary must then be identical to the full run's.
 */
class SnapshotRecoveryTest {
    private static final EngineConfig CONFIG = EngineConfigLoader.load(EngineConfigLoader.DEFAULT_LOCATION);
    private static final List<String> FILES = List.of("trades.csv", "equity.csv", "order_events.csv",
        "round_trips.csv", "orders.csv");

    @TempDir
    Path temp;

    @Test
    void shouldGiveTheSameOutputsFromASnapshotAndTheTailAsFromEveryInput() throws Exception {
        final List<EngineEvent> inputs = inputs(30_000);
        final Path fullDir = temp.resolve("full");
        final CsvOutputWriter fullOutputs = open(fullDir, OutputRows.NONE);
        final BusinessLogic full = logic(fullOutputs);
        inputs.forEach(e -> feed(full, e));
        full.finish();
        fullOutputs.close();
        assertThat(full.fills()).isGreaterThan(50);
        assertThat(full.signals().duplicates()).isEqualTo(inputs.stream().filter(e -> e.signalKey == 42).count() - 1);

        for (final int cut : new int[] {1, 777, 12_345, 29_999}) {
            final Path dir = temp.resolve("cut-" + cut);
            final CsvOutputWriter beforeOutputs = open(dir, OutputRows.NONE);
            final BusinessLogic before = logic(beforeOutputs);
            inputs.subList(0, cut).forEach(e -> feed(before, e));
            final byte[] snapshot = before.snapshot();
            // the engine went on after the snapshot before it died: its files hold rows the snapshot does not cover
            inputs.subList(cut, Math.min(inputs.size(), cut + 500)).forEach(e -> feed(before, e));
            beforeOutputs.close();

            final BusinessLogic probe = logic(OutputSink.NONE);
            probe.restore(snapshot);
            final CsvOutputWriter recoveredOutputs = open(dir, probe.outputRows());
            final BusinessLogic recovered = logic(recoveredOutputs);
            recovered.restore(snapshot);
            inputs.subList(cut, inputs.size()).forEach(e -> feed(recovered, e));
            recovered.finish();
            recoveredOutputs.close();

            for (final String file : FILES) {
                assertThat(Files.readAllBytes(dir.resolve(file))).as("%s after restoring at input %d", file, cut)
                    .isEqualTo(Files.readAllBytes(fullDir.resolve(file)));
            }
            assertThat(recovered.summary()).as("summary after restoring at input %d", cut).isEqualTo(full.summary());
        }
    }

    @Test
    void shouldRestoreWorkingOrdersAndBarsBeingBuiltExactly() {
        final List<EngineEvent> inputs = inputs(5_000);
        final BusinessLogic before = logic(OutputSink.NONE);
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
        final BusinessLogic recovered = logic(OutputSink.NONE);
        recovered.restore(before.snapshot());
        assertThat(recovered.workingOrders()).isEqualTo(before.workingOrders());
        assertThat(recovered.orders().openOrders().size()).isEqualTo(before.orders().openOrders().size());
        assertThat(recovered.snapshot()).isEqualTo(before.snapshot());
    }

    @Test
    void shouldKeepASnapshotSmallBecauseItHoldsOnlyState() {
        final BusinessLogic logic = logic(OutputSink.NONE);
        inputs(30_000).forEach(e -> feed(logic, e));

        // three books' bar histories and indicators, a handful of open orders: no fills, rows or equity curve
        assertThat(logic.fills()).isGreaterThan(50);
        assertThat(logic.snapshot().length).isLessThan(1 << 20);
    }

    @Test
    void shouldNotCutFilesThatHoldFewerRowsThanTheSnapshotCovers() {
        final Path dir = temp.resolve("short");
        final CsvOutputWriter outputs = open(dir, OutputRows.NONE);
        final BusinessLogic logic = logic(outputs);
        inputs(3_000).forEach(e -> feed(logic, e));
        final OutputRows rows = logic.outputRows();
        outputs.close();

        assertThat(CsvOutputWriter.open(dir, new OutputRows(rows.fills() + 1, rows.equity(), rows.orderEvents(),
            rows.roundTrips()), new String[] {"BTC/USD"}, names())).isNull();
    }

    @Test
    void shouldRefuseStateWrittenForAnotherConfiguration() {
        final BusinessLogic source = logic(OutputSink.NONE);
        inputs(100).forEach(e -> feed(source, e));
        final byte[] state = source.snapshot();
        final InstrumentRegistry instruments = CONFIG.newInstrumentRegistry();
        final BusinessLogic other = new BusinessLogic(instruments, BookAssembly.assemble(CONFIG.books().subList(0, 2),
            instruments, StrategyCatalog.load(SnapshotRecoveryTest.class.getClassLoader())));
        assertThatThrownBy(() -> other.restore(state)).isInstanceOf(SnapshotFormatException.class)
            .hasMessage("number of books: expected 2 but found 3");
    }

    private static String[] names() {
        return CONFIG.books().stream().map(BookConfig::name).toArray(String[]::new);
    }

    private static CsvOutputWriter open(final Path dir, final OutputRows keep) {
        return CsvOutputWriter.open(dir, keep, new String[] {"BTC/USD"}, names());
    }

    private static BusinessLogic logic(final OutputSink sink) {
        final InstrumentRegistry instruments = CONFIG.newInstrumentRegistry();
        return new BusinessLogic(instruments, BookAssembly.assemble(CONFIG.books(), instruments,
            StrategyCatalog.load(SnapshotRecoveryTest.class.getClassLoader())), LogicSettings.DEFAULT.withOutputs(sink));
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
                    inputs.size() % 1000 == 0 ? 1 : 0, SignalSizeKind.NOTIONAL, FixedPoint.of(500), 0);
                signal.sequence = sequence++;
                inputs.add(signal);
            }
        }
        return inputs;
    }
}
