package io.ringtrade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringtrade.adapters.venue.alpaca.FakeAlpaca;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.EventType;
import io.ringtrade.engine.api.event.MarketDataKind;
import io.ringtrade.engine.config.EngineConfig;
import io.ringtrade.engine.config.EngineConfigLoader;
import io.ringtrade.engine.pipeline.EffectSink;
import io.ringtrade.engine.runtime.Engine;
import io.ringtrade.engine.strategy.StrategyCatalog;
import io.ringtrade.journal.ChronicleEventJournal;
import io.ringtrade.journal.JournalReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A dry run: {@code mode = paper} with {@code feed.type = venue} on a fake Alpaca's market data, through the engine the
 * way {@code run} assembles it: the venue's polled trades and quotes are journaled like any feed, and a restart replays
 * them and then takes new data, never winding the live feed forward past the journal.
 */
final class DryRunTest {
    @TempDir
    Path dir;

    private List<EngineEvent> journaled(final Path journal) {
        final List<EngineEvent> inputs = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(journal)) {
            final EngineEvent slot = new EngineEvent();
            while (reader.next(slot)) {
                final EngineEvent copy = new EngineEvent();
                copy.copyInputFrom(slot);
                inputs.add(copy);
            }
        }
        return inputs;
    }

    private void runUntil(final EngineConfig config, final Path journal, final int inputs) {
        try (LiveSession session = LiveSession.open(config, journal, false, new PrintWriter(new StringWriter()));
             ChronicleEventJournal events = ChronicleEventJournal.open(journal)) {
            final Engine engine = Engine.start(new Engine.Context().config(config)
                .catalog(StrategyCatalog.load(getClass().getClassLoader())).journal(events)
                .journalAccess(new ChronicleJournalAccess(journal, events.entryCount(), new PrintWriter(new StringWriter())))
                .feed(session.feed(null, config.newInstrumentRegistry())).liveFeed(session.liveFeed())
                .effects(session.effects(EffectSink.NONE)).speed(0)
                .outputDir(dir.resolve("out")).log(new PrintWriter(new StringWriter())));
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (engine.status().journaled() < inputs && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
            session.stopFeed();
            assertThat(engine.stop().failure()).isNull();
        }
    }

    @Test
    void shouldJournalTheVenuesLiveMarketDataAndResumeWithNewDataAfterARestart() throws IOException {
        try (FakeAlpaca fake = new FakeAlpaca()) {
            final Path file = dir.resolve("dry.conf");
            Files.writeString(file, """
                include required(classpath("config/instruments.conf"))
                ringtrade {
                  mode = paper
                  feed { type = venue, symbol = "AAPL" }
                  venue { type = alpaca, api-key = "key", secret-key = "s", base-url = "%s", data-url = "%s",
                          symbols { AAPL = AAPL }, poll-interval = 5ms }
                  books = [ { name = "aapl", strategy = rsi_threshold, symbols = ["AAPL"], interval = 1d, cash = 50000 } ]
                }
                """.formatted(fake.url(), fake.url()), StandardCharsets.UTF_8);
            final EngineConfig config = EngineConfigLoader.load(file);
            final Path journal = dir.resolve("journal");

            runUntil(config, journal, 2);
            final List<EngineEvent> first = journaled(journal);
            // the trade at 150.00 and the quote 149.98 / 150.02, then the clean stop's cancel-all
            assertThat(first.getFirst().type).isEqualTo(EventType.MARKET_DATA);
            assertThat(first.getFirst().marketDataKind).isEqualTo(MarketDataKind.TRADE);
            assertThat(first.get(1).marketDataKind).isEqualTo(MarketDataKind.QUOTE);

            fake.price = new BigDecimal("151.00");
            final int before = first.size();
            runUntil(config, journal, before + 1);
            final List<EngineEvent> second = journaled(journal);
            // the new run's first feed input is the venue's new trade, not a replay of the old one skipped over
            final EngineEvent next = second.get(before);
            assertThat(next.marketDataKind).isEqualTo(MarketDataKind.TRADE);
            assertThat(next.price).isEqualTo(15_100_000_000L);
        }
    }
}
