package io.ringtrade.cli;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.market.MarketDataSource;
import io.ringtrade.engine.config.EngineConfig;
import io.ringtrade.engine.config.FeedConfig;
import io.ringtrade.engine.config.FeedType;
import io.ringtrade.engine.config.JournalConfig;
import io.ringtrade.engine.config.Mode;
import io.ringtrade.engine.config.PipelineConfig;
import io.ringtrade.journal.ChronicleEventJournal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ringtrade import}: converts market-data files into a journal (one entry per bar or trade, in time order),
 * which {@code backtest --journal} then runs from. The journal must be new or empty.
 */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Convert market-data files into a journal.")
public final class ImportCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "bar or trade file, repeatable")
    List<Path> data = new ArrayList<>();

    @Option(names = "--symbol", paramLabel = "SYM", description = "symbol of each --data file in order (default: from the file name)")
    List<String> symbols = new ArrayList<>();

    @Option(names = "--interval", description = "aggregate trades / resample bars to this interval (default: keep as is: trades as ticks)")
    String interval;

    @Mixin
    DayRangeOptions days = new DayRangeOptions();

    @Option(names = "--journal", required = true, paramLabel = "DIR", description = "journal directory to create")
    Path journal;

    @Override
    public void run() {
        final InstrumentRegistry instruments = Instruments.registry();
        final List<MarketDataInputs.DataFile> files = MarketDataInputs.dataFiles(data, symbols);
        final MarketDataSource source = MarketDataInputs.load(files, interval == null ? null : Interval.parse(interval),
            days.range(), false, instruments);
        long written = 0;
        try (ChronicleEventJournal out = ChronicleEventJournal.open(journal)) {
            if (out.entryCount() != 0) {
                throw new UserException("journal " + journal + " already has " + out.entryCount()
                    + " entries; import into a new directory");
            }
            JournalManifest.writeOrCheck(journal, manifest(instruments, files.get(0).symbol()));
            final EngineEvent slot = new EngineEvent();
            while (source.next(slot)) {
                slot.sequence = written++;
                out.append(slot);
            }
            out.flush();
        }
        spec.commandLine().getOut().println("imported " + written + " entries into " + journal);
        spec.commandLine().getOut().flush();
    }

    private EngineConfig manifest(final InstrumentRegistry instruments, final String symbol) {
        return new EngineConfig(Mode.PAPER, Path.of(EngineConfig.OUTPUT_DIR_DEFAULT), Duration.ZERO,
            new PipelineConfig(PipelineConfig.RING_SIZE_DEFAULT, PipelineConfig.WAIT_STRATEGY_DEFAULT),
            new JournalConfig(journal, JournalConfig.DURABILITY_DEFAULT, 0),
            new FeedConfig(FeedType.JOURNAL, journal.toString(), symbol, 0),
            JournalManifest.instrumentConfigs(instruments), List.of());
    }
}
