package io.ringtrade.cli;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.EventType;
import io.ringtrade.engine.api.event.SignalSizeKind;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.money.FixedPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.ringtrade.cli.JournalFixtures.failedWith;
import static io.ringtrade.cli.JournalFixtures.rows;
import static io.ringtrade.cli.JournalFixtures.succeeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Recorded external signals ({@code run --signals FILE}): the CSV format (header
 * {@code time,key,book,symbol,action,size_kind,size,price}) parsed into signal inputs with the alert id hashed
 * (64-bit FNV-1a) into the idempotency key; every mistake refused before anything runs, naming file and line; and,
 * end to end, a paper run whose signals are journaled with the market data, a retried alert causing no second order
 * (the effects log, which stands where a venue would be, shows each order once, also after a restart), and replay
 * reproducing the run's trades.
 */
class SignalFileTest {
    private static final String HEADER = "time,key,book,symbol,action,size_kind,size,price";
    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path temp;

    private final InstrumentRegistry instruments = Instruments.registry();
    private final Map<String, Integer> books = new LinkedHashMap<>();

    SignalFileTest() {
        books.put("signals", 0);
        books.put("other", 1);
    }

    // ---- the format -------------------------------------------------------------------------------

    @Test
    void shouldHashAlertIdsWithFnv1a64() {
        // the published FNV-1a 64-bit test vectors
        assertThat(SignalFile.keyOf("")).isEqualTo(0xcbf29ce484222325L);
        assertThat(SignalFile.keyOf("a")).isEqualTo(0xaf63dc4c8601ec8cL);
        assertThat(SignalFile.keyOf("foobar")).isEqualTo(0x85944171f73967e8L);
    }

    @Test
    void shouldReadEachRowAsOneSignalInput() throws Exception {
        final Path file = write(HEADER,
            "2013-11-25T01:00:00Z,alert-1,signals,BTC/USD,buy,quantity,0.5,",
            "",
            "2013-11-25T01:00:00.5Z,alert-2,other,ETH/USD,SELL,Notional,250.25,41.5",
            "2013-11-25T02:00:00Z,alert-3,signals,BTC/USD,close,quantity,0,0");

        final SignalFile signals = SignalFile.load(file, books, instruments);

        assertThat(signals.size()).isEqualTo(3);
        final List<EngineEvent> read = drain(signals);
        assertThat(read).hasSize(3);
        final long oneAm = Instant.parse("2013-11-25T01:00:00Z").getEpochSecond() * SECOND;
        assertSignal(read.get(0), oneAm, "alert-1", 0, 0, 1, SignalSizeKind.QUANTITY, "0.5", "0");
        assertSignal(read.get(1), oneAm + SECOND / 2, "alert-2", 1, 1, -1, SignalSizeKind.NOTIONAL, "250.25", "41.5");
        assertSignal(read.get(2), oneAm + 3600 * SECOND, "alert-3", 0, 0, 0, SignalSizeKind.QUANTITY, "0", "0");
    }

    @Test
    void shouldNameAMissingColumnAndAnUnknownOne() throws Exception {
        final Path missing = write("time,key,book,symbol,action,size,price",
            "2013-11-25T01:00:00Z,alert-1,signals,BTC/USD,buy,quantity,0.5,");
        final Path unknown = write("time,key,book,symbol,action,size_kind,size,prce",
            "2013-11-25T01:00:00Z,alert-1,signals,BTC/USD,buy,quantity,0.5,");

        assertRefused(missing, missing + ":1: missing column 'size_kind' (found: time, key, book, symbol, action, size,"
            + " price)");
        assertRefused(unknown, unknown + ":1: unknown column 'prce' (expected the columns " + HEADER
            + ", in any order)");
    }

    @Test
    void shouldReadColumnsInAnyOrderWithPriceLeftOut() throws Exception {
        final Path file = write("Symbol,time,action,key,size,size_kind,book",
            "BTC/USD,2013-11-25T01:00:00Z,buy,alert-1,0.5,quantity,signals");

        final List<EngineEvent> read = drain(SignalFile.load(file, books, instruments));

        assertThat(read).hasSize(1);
        assertSignal(read.get(0), Instant.parse("2013-11-25T01:00:00Z").getEpochSecond() * SECOND, "alert-1", 0, 0, 1,
            SignalSizeKind.QUANTITY, "0.5", "0");
    }

    @Test
    void shouldRefuseAnEmptyFile() throws Exception {
        final Path file = write();

        assertRefused(file, file + ":1: expected a header with the columns " + HEADER);
    }

    @Test
    void shouldRefuseABadActionNamingFileAndLine() throws Exception {
        final Path file = write(HEADER,
            "2013-11-25T01:00:00Z,alert-1,signals,BTC/USD,buy,quantity,0.5,",
            "2013-11-25T01:00:01Z,alert-2,signals,BTC/USD,hold,quantity,0.5,");

        assertRefused(file, file + ":3: action 'hold' is not buy, sell or close");
    }

    @Test
    void shouldRefuseAnUnknownBookListingTheBooks() throws Exception {
        final Path file = write(HEADER, "2013-11-25T01:00:00Z,alert-1,nope,BTC/USD,buy,quantity,0.5,");

        assertRefused(file, file + ":2: unknown book 'nope' (books: signals, other)");
    }

    @Test
    void shouldRefuseAnUnknownSymbol() throws Exception {
        final Path file = write(HEADER, "2013-11-25T01:00:00Z,alert-1,signals,DOGE/USD,buy,quantity,0.5,");

        assertRefused(file, file + ":2: unknown symbol 'DOGE/USD'");
    }

    @Test
    void shouldRefuseABadTime() throws Exception {
        final Path file = write(HEADER, "2013-11-25 01:00:00,alert-1,signals,BTC/USD,buy,quantity,0.5,");

        assertRefused(file, file + ":2: time '2013-11-25 01:00:00' is not an ISO-8601 UTC time such as"
            + " 2013-11-25T10:00:00Z");
    }

    @Test
    void shouldRefuseATimeGoingBackwardsCountingBlankLines() throws Exception {
        final Path file = write(HEADER,
            "2013-11-25T02:00:00Z,alert-1,signals,BTC/USD,buy,quantity,0.5,",
            "",
            "2013-11-25T01:00:00Z,alert-2,signals,BTC/USD,buy,quantity,0.5,");

        assertRefused(file, file + ":4: time 2013-11-25T01:00:00Z goes backwards");
    }

    @Test
    void shouldRefuseAWrongNumberOfFields() throws Exception {
        final Path file = write(HEADER, "2013-11-25T01:00:00Z,alert-1,signals,BTC/USD,buy,quantity,0.5");

        assertRefused(file, file + ":2: expected 8 fields (as the header) but found 7");
    }

    @Test
    void shouldRefuseAnEmptyKey() throws Exception {
        final Path file = write(HEADER, "2013-11-25T01:00:00Z,,signals,BTC/USD,buy,quantity,0.5,");

        assertRefused(file, file + ":2: key is empty (every signal needs an alert id)");
    }

    @Test
    void shouldRefuseABadSizeKind() throws Exception {
        final Path file = write(HEADER, "2013-11-25T01:00:00Z,alert-1,signals,BTC/USD,buy,percent,0.5,");

        assertRefused(file, file + ":2: size_kind 'percent' is not quantity or notional");
    }

    @Test
    void shouldRefuseANegativeOrNonNumericSizeAndPrice() throws Exception {
        final Path negative = write(HEADER, "2013-11-25T01:00:00Z,alert-1,signals,BTC/USD,buy,quantity,-1,");
        assertRefused(negative, negative + ":2: size -1 is negative");

        final Path words = write(HEADER, "2013-11-25T01:00:00Z,alert-1,signals,BTC/USD,buy,quantity,half,");
        assertRefused(words, words + ":2: size 'half' is not a decimal number");

        final Path price = write(HEADER, "2013-11-25T01:00:00Z,alert-1,signals,BTC/USD,buy,quantity,1,cheap");
        assertRefused(price, price + ":2: price 'cheap' is not a decimal number");
    }

    @Test
    void shouldRefuseAMissingFile() {
        final Path missing = temp.resolve("missing.csv");

        assertRefused(missing, missing + ": file not found");
    }

    // ---- end to end: run, retry, restart, replay ----------------------------------------------------

    @Test
    void shouldRefuseABadSignalsFileBeforeRunningWithOneLine() throws Exception {
        final Path trades = JournalFixtures.bitstampHead(temp.resolve("btc.csv"), 100);
        final Path config = JournalFixtures.runConfig(temp.resolve("run.conf"), trades, signalsBook());
        final Path file = write(HEADER,
            "2013-11-25T01:00:00Z,alert-1,signals,BTC/USD,buy,quantity,0.5,",
            "2013-11-25T01:00:01Z,alert-2,btc-sma,BTC/USD,buy,quantity,0.5,");
        final Path journal = temp.resolve("journal");

        failedWith(CommandRunner.run("run", "--config", config.toString(), "--journal", journal.toString(),
            "--out", temp.resolve("out").toString(), "--speed", "0", "--exit-at-end", "--signals", file.toString()),
            "ringtrade: " + file + ":3: unknown book 'btc-sma' (books: signals)");
        assertThat(Files.exists(journal)).isFalse();
    }

    @Test
    void shouldJournalSignalsPlaceEachAlertsOrderOnceAndReplayToTheSameTrades() throws Exception {
        // The book trades only on signals (sma 5/50 on hourly bars never has 50 bars in 8 hours of data).
        // alert-1 buys 0.5 BTC at 01:00, its retry at 01:00:30 is ignored, alert-2 closes at 03:00, alert-3 buys
        // 1000 USD worth at 04:00 (1000 / the last price, rounded down to the lot 0.00000001).
        // Inputs are numbered in time order, market data first on equal times, so a signal's sequence is the
        // number of inputs before it, and its order id is that sequence × 1000.
        final Path trades = JournalFixtures.bitstampHead(temp.resolve("btc.csv"), 3000);
        final Path config = JournalFixtures.runConfig(temp.resolve("run.conf"), trades, signalsBook());
        final Path file = write(HEADER,
            "2013-11-25T01:00:00Z,alert-1,signals,BTC/USD,buy,quantity,0.5,",
            "2013-11-25T01:00:30Z,alert-1,signals,BTC/USD,buy,quantity,0.5,",
            "2013-11-25T03:00:00Z,alert-2,signals,BTC/USD,close,quantity,0,",
            "2013-11-25T04:00:00Z,alert-3,signals,BTC/USD,buy,notional,1000,");
        final Path journal = temp.resolve("journal");
        final Path effects = temp.resolve("effects.log");
        final Path out = temp.resolve("out");

        succeeded(runWithSignals(config, journal, out, file, effects));

        final List<long[]> data = tradeRows(trades);
        final long buy = tradesUpTo(data, "2013-11-25T01:00:00Z");
        final long close = tradesUpTo(data, "2013-11-25T03:00:00Z") + 2; // after alert-1 and its retry
        final long notional = tradesUpTo(data, "2013-11-25T04:00:00Z") + 3;
        final long lastPrice = data.get((int) (notional - 3) - 1)[1];
        final String quantity = FixedPoint.toString(FixedPoint.divideFloor(FixedPoint.of(1000), lastPrice));
        assertThat(Files.readAllLines(effects)).containsExactly(
            buy * 1000 + ",SUBMIT,signals,BTC/USD,BUY,0.5,0",
            close * 1000 + ",SUBMIT,signals,BTC/USD,SELL,0.5,0",
            notional * 1000 + ",SUBMIT,signals,BTC/USD,BUY," + quantity + ",0");
        // the buy fills at the next trade, the first after 01:00:00, with 5 bps slippage
        final long nextPrice = data.get((int) buy)[1];
        final String fillPrice = BigDecimal.valueOf(nextPrice, 8).multiply(new BigDecimal("1.0005"))
            .setScale(8, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        final List<String> fills = rows(out.resolve("trades.csv"));
        assertThat(fills).hasSize(3);
        assertThat(fills.get(0)).contains(",BTC/USD,BUY,0.5," + fillPrice + ",")
            .endsWith(",signals," + buy * 1000 + ",0,entry");
        assertThat(fills.get(1)).contains(",BTC/USD,SELL,0.5,").contains(",signals," + close * 1000 + ",");
        assertThat(fills.get(2)).contains(",BTC/USD,BUY," + quantity + ",").contains(",signals," + notional * 1000 + ",");
        assertThat(CommandRunner.run("journal", "stats", journal.toString()).out())
            .contains("entries 3005\n  MARKET_DATA 3000\n  EXTERNAL_SIGNAL 4\n  COMMAND 1\n");

        // a restart on the same journal recovers everything, including the keys seen: no order is released again
        final CommandRunner.Result again = succeeded(runWithSignals(config, journal, temp.resolve("again"), file,
            effects));
        assertThat(again.out()).contains("the feed resumes after its 3004 journaled inputs");
        assertThat(Files.readAllLines(effects)).hasSize(3);
        assertThat(Files.readAllBytes(temp.resolve("again").resolve("trades.csv")))
            .isEqualTo(Files.readAllBytes(out.resolve("trades.csv")));

        final Path replay = temp.resolve("replay");
        succeeded(CommandRunner.run("replay", "--journal", journal.toString(), "--out", replay.toString()));
        assertThat(Files.readAllBytes(replay.resolve("trades.csv"))).isEqualTo(Files.readAllBytes(out.resolve("trades.csv")));
    }

    private static String signalsBook() {
        return "    { name = \"signals\", strategy = sma_crossover, params { fast = 5, slow = 50 },"
            + " symbols = [\"BTC/USD\"], interval = 1h, cash = 10000, slippage-bps = 5, commission-bps = 10 }";
    }

    private static CommandRunner.Result runWithSignals(final Path config, final Path journal, final Path out,
                                                       final Path signals, final Path effects) {
        return CommandRunner.run("run", "--config", config.toString(), "--journal", journal.toString(),
            "--out", out.toString(), "--speed", "0", "--exit-at-end", "--signals", signals.toString(),
            "--effects-log", effects.toString());
    }

    /** Each trade of a Bitstamp file as {epoch seconds, fixed-point price}. */
    private static List<long[]> tradeRows(final Path trades) throws Exception {
        final List<long[]> rows = new ArrayList<>();
        for (final String line : rows(trades)) {
            final String[] f = line.split(",");
            rows.add(new long[] {Long.parseLong(f[0]), FixedPoint.parse(f[1])});
        }
        return rows;
    }

    /** Trades at or before {@code time}. */
    private static long tradesUpTo(final List<long[]> rows, final String time) {
        final long seconds = Instant.parse(time).getEpochSecond();
        return rows.stream().filter(r -> r[0] <= seconds).count();
    }

    private void assertRefused(final Path file, final String message) {
        assertThatThrownBy(() -> SignalFile.load(file, books, instruments))
            .isInstanceOf(UserException.class)
            .hasMessage(message);
    }

    private Path write(final String... lines) throws Exception {
        final Path file = Files.createTempFile(temp, "signals-", ".csv");
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        return file;
    }

    private static List<EngineEvent> drain(final SignalFile signals) {
        final List<EngineEvent> read = new ArrayList<>();
        EngineEvent slot = new EngineEvent();
        while (signals.next(slot)) {
            read.add(slot);
            slot = new EngineEvent();
        }
        return read;
    }

    private static void assertSignal(final EngineEvent event, final long time, final String alert, final int book,
                                     final int instrument, final int action, final int sizeKind, final String size,
                                     final String price) {
        assertThat(event.type).isEqualTo(EventType.EXTERNAL_SIGNAL);
        assertThat(event.eventTimeNanos).isEqualTo(time);
        assertThat(event.signalKey).isEqualTo(SignalFile.keyOf(alert));
        assertThat(event.bookIndex).isEqualTo(book);
        assertThat(event.instrumentId).isEqualTo(instrument);
        assertThat(event.signalAction).isEqualTo(action);
        assertThat(event.signalSizeKind).isEqualTo(sizeKind);
        assertThat(event.signalSize).isEqualTo(FixedPoint.parse(size));
        assertThat(event.signalPrice).isEqualTo(FixedPoint.parse(price));
    }
}
