package io.ringtrade.research.optimizer;

import io.ringtrade.engine.api.journal.EventJournal;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.backtest.BacktestDriver;
import io.ringtrade.engine.config.BookConfig;
import io.ringtrade.engine.config.FillModel;
import io.ringtrade.engine.logic.BookSpec;
import io.ringtrade.engine.logic.BusinessLogic;
import io.ringtrade.engine.logic.LogicSettings;
import io.ringtrade.engine.output.CsvOutputWriter;
import io.ringtrade.engine.output.OutputRows;
import io.ringtrade.engine.output.OutputSink;
import io.ringtrade.engine.pipeline.EffectSink;
import io.ringtrade.engine.report.PerformanceSummary;
import io.ringtrade.engine.runtime.BookAssembly;
import io.ringtrade.engine.runtime.Engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SequencedMap;

/**
 * The optimizer's one link to how the engine assembles and runs a backtest, so that a change there is a change
 * here only: the book is built by {@link BookAssembly} from a {@link BookConfig} exactly as {@code ringtrade
 * backtest} builds it, run in a fresh {@link BusinessLogic} whose {@link LogicSettings#tradingStartNanos} is the
 * window's first traded bar (the bars before it warm up, trade nothing and are left out of the equity rows and the
 * metrics), fed by {@link BacktestDriver} on the calling thread, and summarised by the business logic itself. Inputs
 * are numbered from their position in one run over all the data, so order ids in every window are those such a run
 * would give and never repeat across walk-forward folds.
 *
 * <p>Each call builds its own business logic and runs on the calling (job) thread; the data is only read.
 */
public final class EngineBacktest {
    private EngineBacktest() {
    }

    /**
     * Builds the book for {@code parameters} (name → value text) without running it.
     *
     * @throws IllegalArgumentException naming what the strategy refuses (e.g. fast ≥ slow)
     */
    public static BookSpec check(final BacktestSettings settings, final Timeline timeline,
                                 final SequencedMap<String, String> parameters) {
        try {
            return BookAssembly.assemble(book(settings, timeline, parameters, settings.cash()), settings.instruments(),
                settings.catalog());
        } catch (final IllegalArgumentException e) {
            // the assembly names the book; the strategy's own words are the cause's
            throw e.getCause() instanceof IllegalArgumentException cause ? cause : e;
        }
    }

    /** Runs {@code parameters} over {@code window} from {@code cash} (fixed-point) and returns its metrics only. */
    public static PerformanceSummary summary(final BacktestSettings settings,
                                             final SequencedMap<String, String> parameters, final Timeline timeline,
                                             final Window window, final long cash) {
        return run(settings, parameters, timeline, window, cash, OutputSink.NONE).summary();
    }

    /**
     * Runs {@code parameters} over {@code window} from {@code cash} and writes its files into {@code dir}: the run's
     * trades.csv, equity.csv, orders.csv, order_events.csv and round_trips.csv, summary.json with {@code runFields},
     * and prices.csv of the traded bars. Keeps its equity rows and round trips for stitching.
     */
    public static Result runAndWrite(final BacktestSettings settings, final SequencedMap<String, String> parameters,
                                     final Timeline timeline, final Window window, final long cash, final Path dir,
                                     final SequencedMap<String, String> runFields) {
        final String[] symbols = new String[settings.instruments().size()];
        for (int id = 0; id < symbols.length; id++) {
            symbols[id] = settings.instruments().get(id).symbol();
        }
        final Recording recording = new Recording();
        final BusinessLogic logic;
        try (CsvOutputWriter files = CsvOutputWriter.open(dir, OutputRows.NONE, symbols,
            new String[] {settings.strategy()})) {
            recording.delegate = files;
            logic = run(settings, parameters, timeline, window, cash, recording);
        }
        final PerformanceSummary summary = logic.summary();
        Engine.writeSummary(dir, summary.toJson(runFields));
        OptimizerFiles.writePrices(dir.resolve("prices.csv"), timeline, settings.instruments(), window.tradeFrom(),
            window.to());
        return new Result(summary, cash, recording);
    }

    private static BusinessLogic run(final BacktestSettings settings, final SequencedMap<String, String> parameters,
                                     final Timeline timeline, final Window window, final long cash,
                                     final OutputSink sink) {
        final BookSpec book = BookAssembly.assemble(book(settings, timeline, parameters, cash), settings.instruments(),
            settings.catalog());
        final BusinessLogic logic = new BusinessLogic(settings.instruments(), List.of(book), new LogicSettings(sink,
            null, 0, settings.riskFreeRate(), timeline.time(window.tradeFrom())));
        BacktestDriver.feed(logic, timeline.source(window.feedFrom(), window.to()), EventJournal.none(),
            EffectSink.NONE, timeline.inputsBefore(window.feedFrom()));
        logic.finish();
        return logic;
    }

    private static BookConfig book(final BacktestSettings settings, final Timeline timeline,
                                   final SequencedMap<String, String> parameters, final long cash) {
        final List<String> symbols = new ArrayList<>();
        for (final int id : timeline.instrumentIds()) {
            symbols.add(settings.instruments().get(id).symbol());
        }
        return new BookConfig(settings.strategy(), settings.strategy(), parameters, symbols, settings.interval(), cash,
            FixedPoint.of(settings.slippageBps()), FixedPoint.of(settings.commissionBps()), settings.allowShort(),
            settings.minNotional(), settings.fillAtClose() ? FillModel.CLOSE : FillModel.NEXT_OPEN, 0, 0,
            settings.leverage(), settings.onOpposite(), "");
    }

    /**
     * A finished window whose files were written: its metrics and, for stitching walk-forward folds, its equity rows
     * (the traded bars only) and the P&amp;L of its closed round trips. Immutable once returned.
     */
    public static final class Result {
        private final PerformanceSummary summary;
        private final long cash;
        private final long[][] rows;
        private final boolean[] inPosition;
        private final long[] roundTrips;

        private Result(final PerformanceSummary summary, final long cash, final Recording recording) {
            this.summary = summary;
            this.cash = cash;
            this.rows = new long[5][];
            for (int c = 0; c < 5; c++) {
                rows[c] = Arrays.copyOf(recording.columns[c], recording.size);
            }
            this.inPosition = Arrays.copyOf(recording.inPosition, recording.size);
            this.roundTrips = Arrays.copyOf(recording.roundTrips, recording.trips);
        }

        /** The metrics over the traded bars. */
        public PerformanceSummary summary() {
            return summary;
        }

        /** Starting cash, fixed-point. */
        public long cash() {
            return cash;
        }

        /** Equity after the last bar, fixed-point. */
        public long finalEquity() {
            return rows[1].length == 0 ? cash : rows[1][rows[1].length - 1];
        }

        /** Number of equity rows (traded bars). */
        public int size() {
            return rows[0].length;
        }

        /** Bar start time of row {@code i}. */
        public long time(final int i) {
            return rows[0][i];
        }

        /** Equity after bar {@code i}. */
        public long equity(final int i) {
            return rows[1][i];
        }

        /** Cash after bar {@code i}. */
        public long cashAt(final int i) {
            return rows[2][i];
        }

        /** Positions value after bar {@code i}. */
        public long positionsValue(final int i) {
            return rows[3][i];
        }

        /** Buy-and-hold equity after bar {@code i}, starting from {@link #cash()}. */
        public long benchmark(final int i) {
            return rows[4][i];
        }

        /** Whether a position was held after bar {@code i}. */
        public boolean inPosition(final int i) {
            return inPosition[i];
        }

        /** Realized P&amp;L of each closed round trip. */
        public long[] roundTrips() {
            return roundTrips.clone();
        }
    }

    /** Keeps the equity rows and round trips on their way to the files. Business-logic (calling) thread. */
    private static final class Recording implements OutputSink {
        private OutputSink delegate = OutputSink.NONE;
        private final long[][] columns = new long[5][1024];
        private boolean[] inPosition = new boolean[1024];
        private long[] roundTrips = new long[64];
        private int size;
        private int trips;

        @Override
        public void fill(final long timeNanos, final int bookIndex, final int instrumentId, final int side,
                         final long quantity, final long price, final long fee, final long orderId,
                         final long realizedPnl) {
            delegate.fill(timeNanos, bookIndex, instrumentId, side, quantity, price, fee, orderId, realizedPnl);
        }

        @Override
        public void fill(final long timeNanos, final int bookIndex, final int instrumentId, final int side,
                         final long quantity, final long price, final long fee, final long orderId,
                         final long realizedPnl, final int reason) {
            delegate.fill(timeNanos, bookIndex, instrumentId, side, quantity, price, fee, orderId, realizedPnl, reason);
        }

        @Override
        public void entry(final long timeNanos, final int bookIndex, final int instrumentId, final int side,
                          final int entry, final long quantity, final long price, final long averagePrice,
                          final long position, final long orderId) {
            delegate.entry(timeNanos, bookIndex, instrumentId, side, entry, quantity, price, averagePrice, position,
                orderId);
        }

        @Override
        public void equity(final long barTimeNanos, final long equity, final long cash, final long positionsValue,
                           final long benchmark, final boolean position) {
            if (size == inPosition.length) {
                for (int c = 0; c < 5; c++) {
                    columns[c] = Arrays.copyOf(columns[c], size * 2);
                }
                inPosition = Arrays.copyOf(inPosition, size * 2);
            }
            columns[0][size] = barTimeNanos;
            columns[1][size] = equity;
            columns[2][size] = cash;
            columns[3][size] = positionsValue;
            columns[4][size] = benchmark;
            inPosition[size] = position;
            size++;
            delegate.equity(barTimeNanos, equity, cash, positionsValue, benchmark, position);
        }

        @Override
        public void orderEvent(final long timeNanos, final long orderId, final int bookIndex, final int instrumentId,
                               final int side, final int orderType, final long quantity, final long notional,
                               final long price, final int transition, final int state, final int reason,
                               final long lastQuantity, final long lastPrice, final long filledQuantity) {
            delegate.orderEvent(timeNanos, orderId, bookIndex, instrumentId, side, orderType, quantity, notional, price,
                transition, state, reason, lastQuantity, lastPrice, filledQuantity);
        }

        @Override
        public void roundTrip(final int bookIndex, final int instrumentId, final long openedNanos,
                              final long closedNanos, final long pnl) {
            if (trips == roundTrips.length) {
                roundTrips = Arrays.copyOf(roundTrips, trips * 2);
            }
            roundTrips[trips++] = pnl;
            delegate.roundTrip(bookIndex, instrumentId, openedNanos, closedNanos, pnl);
        }
    }
}
