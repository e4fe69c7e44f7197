package io.ringtrade.research.optimizer;

import io.ringtrade.adapters.marketdata.BarSeriesData;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.journal.EventJournal;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.Parameters;
import io.ringtrade.engine.backtest.BacktestDriver;
import io.ringtrade.engine.logic.BookSpec;
import io.ringtrade.engine.logic.BusinessLogic;
import io.ringtrade.engine.output.EquityLog;
import io.ringtrade.engine.output.RunOutputWriter;
import io.ringtrade.engine.pipeline.EffectSink;
import io.ringtrade.engine.report.PerformanceInput;
import io.ringtrade.engine.report.PerformanceMetrics;
import io.ringtrade.engine.report.PerformanceSummary;
import io.ringtrade.engine.risk.BookRules;

import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SequencedMap;

/**
 * The optimizer's one link to how the engine assembles and runs a backtest, so that a change there is a change
 * here only. Today it follows {@code ringtrade backtest}'s path: one {@link BookSpec} (with the window's trading
 * start) in a fresh {@link BusinessLogic}, fed by {@link BacktestDriver} on the calling thread, summarised by
 * {@link PerformanceMetrics}, written by {@link RunOutputWriter}.
 *
 * <p>A window with a warm-up differs from a plain backtest in two ways, both handled here: the equity rows of the
 * warm-up bars are left out, and the buy-and-hold benchmark buys at the first traded bar (not at the warm-up's
 * first bar), by the same rule as the engine's equity recorder. Without a warm-up the result is exactly that of
 * {@code ringtrade backtest} over the same bars. Inputs are numbered from their position in one run over all the
 * data, so order ids in every window are those such a run would give.
 *
 * <p>Each call builds its own business logic and runs on the calling (job) thread; the data is only read.
 */
public final class EngineBacktest {
    private EngineBacktest() {
    }

    /** Runs {@code parameters} over {@code window} starting with {@code cash} (fixed-point). */
    public static Result run(final BacktestSettings settings, final Parameters parameters, final Timeline timeline,
                             final Window window, final long cash) {
        final long tradingStart = timeline.time(window.tradeFrom());
        final BookRules rules = new BookRules(settings.slippageBps(), settings.commissionBps(), settings.allowShort(),
            settings.minNotional(), settings.fillAtClose());
        final BookSpec book = new BookSpec(settings.definition().name(), settings.definition().create(parameters),
            timeline.instrumentIds(), settings.interval(), cash, rules, tradingStart);
        final BusinessLogic logic = new BusinessLogic(settings.instruments(), List.of(book));
        BacktestDriver.run(logic, timeline.source(window.feedFrom(), window.to()),
            new NumberedFrom(timeline.inputsBefore(window.feedFrom())), EffectSink.NONE);
        return new Result(settings, timeline, window, cash, logic);
    }

    /**
     * A finished window: its per-bar curves over the traded bars, its metrics, and its files. Holds the run's logs
     * until dropped. Owned by the thread that ran it (or handed over through a future).
     */
    public static final class Result {
        private final BacktestSettings settings;
        private final Timeline timeline;
        private final Window window;
        private final long cash;
        private final BusinessLogic logic;
        private final int firstRow;
        private final long[] times;
        private final long[] equity;
        private final boolean[] inPosition;
        private final long[] benchmark;
        private final PerformanceSummary summary;

        private Result(final BacktestSettings settings, final Timeline timeline, final Window window, final long cash,
                       final BusinessLogic logic) {
            this.settings = settings;
            this.timeline = timeline;
            this.window = window;
            this.cash = cash;
            this.logic = logic;
            final EquityLog log = logic.equityLog();
            final long tradingStart = timeline.time(window.tradeFrom());
            int row = 0;
            while (row < log.size() && log.time(row) < tradingStart) {
                row++;
            }
            this.firstRow = row;
            this.times = Arrays.copyOfRange(log.times(), row, log.size());
            this.equity = Arrays.copyOfRange(log.equities(), row, log.size());
            this.inPosition = Arrays.copyOfRange(log.positionFlags(), row, log.size());
            this.benchmark = benchmark(cash);
            this.summary = summarize(cash, equity, benchmark, inPosition, times, logic.roundTrips().pnls(), settings);
        }

        /** The metrics over the traded bars. */
        public PerformanceSummary summary() {
            return summary;
        }

        /** The window it ran over. */
        public Window window() {
            return window;
        }

        /** Starting cash, fixed-point. */
        public long cash() {
            return cash;
        }

        /** Equity after the last bar, fixed-point. */
        public long finalEquity() {
            return equity.length == 0 ? cash : equity[equity.length - 1];
        }

        /** Bar times of the traded bars. */
        public long[] times() {
            return times.clone();
        }

        /** Equity after each traded bar. */
        public long[] equity() {
            return equity.clone();
        }

        /** Whether a position was open after each traded bar. */
        public boolean[] inPosition() {
            return inPosition.clone();
        }

        /** Realized P&L of each closed round trip. */
        public long[] roundTrips() {
            return logic.roundTrips().pnls();
        }

        /** Cash after each traded bar. */
        public long[] cashColumn() {
            final EquityLog log = logic.equityLog();
            final long[] out = new long[equity.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = log.cash(firstRow + i);
            }
            return out;
        }

        /** Positions value after each traded bar. */
        public long[] positionsValue() {
            final EquityLog log = logic.equityLog();
            final long[] out = new long[equity.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = log.positionsValue(firstRow + i);
            }
            return out;
        }

        /**
         * Buy-and-hold equity after each traded bar, starting from {@code initial}: the engine's equity-recorder rule
         * (initial / n per traded instrument, bought without costs at its first close, rounded half up, the
         * remainder kept as cash) with the first close taken at or after the first traded bar.
         */
        public long[] benchmark(final long initial) {
            final int n = timeline.instruments();
            final long share = initial / n;
            final long remainder = initial - share * n;
            final int[] next = new int[n];
            final long[] first = new long[n];
            final long[] last = new long[n];
            final long tradingStart = timeline.time(window.tradeFrom());
            for (int i = 0; i < n; i++) {
                next[i] = Timeline.firstAtOrAfter(timeline.series(i), tradingStart);
            }
            final long[] out = new long[times.length];
            for (int row = 0; row < times.length; row++) {
                long total = remainder;
                for (int i = 0; i < n; i++) {
                    final BarSeriesData bars = timeline.series(i);
                    while (next[i] < bars.size() && bars.timeNanos(next[i]) <= times[row]) {
                        last[i] = bars.close(next[i]);
                        if (first[i] == 0) {
                            first[i] = last[i];
                        }
                        next[i]++;
                    }
                    total += first[i] == 0 ? share : FixedPoint.mulDiv(share, last[i], first[i], RoundingMode.HALF_UP);
                }
                out[row] = total;
            }
            return out;
        }

        /**
         * Writes trades.csv, equity.csv (traded bars only), orders.csv, summary.json (with {@code runFields}) and
         * prices.csv (the closes of the traded bars) into {@code dir}.
         */
        public void write(final Path dir, final SequencedMap<String, String> runFields) {
            final EquityLog traded = new EquityLog();
            final EquityLog log = logic.equityLog();
            for (int i = 0; i < equity.length; i++) {
                traded.add(times[i], equity[i], log.cash(firstRow + i), log.positionsValue(firstRow + i), benchmark[i],
                    inPosition[i]);
            }
            final String[] books = Arrays.stream(logic.books()).map(b -> b.name()).toArray(String[]::new);
            new RunOutputWriter(logic.instruments(), books).writeAll(dir, logic.fillLog(), traded, logic.orderLog(),
                summary.toJson(runFields));
            OutputFiles.writePrices(dir.resolve("prices.csv"), timeline, settings.instruments(), window.tradeFrom(),
                window.to());
        }
    }

    /** Metrics of a curve, as every run's summary.json computes them. */
    static PerformanceSummary summarize(final long initialCash, final long[] equity, final long[] benchmark,
                                        final boolean[] inPosition, final long[] times, final long[] roundTrips,
                                        final BacktestSettings settings) {
        return PerformanceMetrics.compute(PerformanceInput.builder()
            .initialCash(initialCash)
            .equity(equity)
            .benchmarkEquity(benchmark)
            .inPosition(inPosition)
            .barTimeNanos(times)
            .roundTripPnl(roundTrips)
            .periodsPerYear(settings.interval().periodsPerYear())
            .riskFreeRatePerYear(settings.riskFreeRate())
            .build());
    }

    /** A journal that keeps nothing and numbers the inputs from {@code start}. */
    private static final class NumberedFrom implements EventJournal {
        private long count;

        NumberedFrom(final long start) {
            this.count = start;
        }

        @Override
        public void append(final EngineEvent event) {
            count++;
        }

        @Override
        public void flush() {
        }

        @Override
        public long entryCount() {
            return count;
        }

        @Override
        public void close() {
        }
    }
}
