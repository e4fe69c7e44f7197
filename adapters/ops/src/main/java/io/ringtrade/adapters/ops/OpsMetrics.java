package io.ringtrade.adapters.ops;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import io.ringtrade.engine.api.event.EventType;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.order.OrderReason;
import io.ringtrade.engine.pipeline.StatusBoard;
import io.ringtrade.engine.view.EngineView;
import org.HdrHistogram.Histogram;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * {@code GET /metrics}: the engine in the Prometheus text format, written by the Prometheus Java client (not by hand).
 * Every metric is registered once at start and reads, at scrape time, the read model: counters and gauges from the
 * latest state view and the status board (callback metrics), latency histograms from the HdrHistogram recorders the
 * stages fill (a collector converting them into classic buckets in seconds). Nothing is updated on the business-logic
 * thread for the metrics' sake.
 *
 * <pre>
 *   ringtrade_events_total{type}            inputs processed, by event type
 *   ringtrade_orders_total                  orders released to a venue
 *   ringtrade_fills_total                   fills settled
 *   ringtrade_late_bar_inputs_total         inputs stamped in a bar already closed on the clock, folded forward
 *                                           (once per book they are folded for)
 *   ringtrade_rejections_total{reason}      risk refusals, by reason code
 *   ringtrade_equity{book}                  each book's equity (account currency)
 *   ringtrade_position{book,symbol}         each open position's quantity
 *   ringtrade_trading_state{scope}          0 ACTIVE, 1 REDUCE_ONLY, 2 HALTED; scope "global" or a book (own state)
 *   ringtrade_journal_entries               entries in the journal
 *   ringtrade_ring_lag                      inputs published but not yet through every stage
 *   ringtrade_tick_to_order_seconds         histogram: an input's ingress to the release of the order it caused
 *   ringtrade_stage_latency_seconds{stage}  histogram: ingress to journal / logic / gateway done, once per batch
 * </pre>
 * Any Netty thread; a scrape takes the registry's own locks only.
 */
final class OpsMetrics {
    /** Upper bounds of the latency buckets, in seconds (+Inf is added by the format). */
    static final double[] BOUNDS = {1e-6, 2e-6, 5e-6, 1e-5, 2e-5, 5e-5, 1e-4, 2e-4, 5e-4, 1e-3, 2e-3, 5e-3, 1e-2, 2e-2,
        5e-2, 0.1, 0.2, 0.5, 1, 2, 5, 10};
    private static final String[] STAGES = {"journal", "logic", "gateway"};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    OpsMetrics(final OpsEngine engine) {
        final StatusBoard status = engine.status();
        CounterWithCallback.builder().name("ringtrade_events").help("Inputs processed by business logic, by event type")
            .labelNames("type").callback(callback -> {
                final EngineView view = status.view();
                for (int type = EventType.MARKET_DATA; type <= EventType.TIMER; type++) {
                    callback.call(view.events(type), EventType.name(type));
                }
            }).register(registry);
        CounterWithCallback.builder().name("ringtrade_orders").help("Orders that passed risk and went to a venue")
            .callback(callback -> callback.call(status.view().ordersReleased())).register(registry);
        CounterWithCallback.builder().name("ringtrade_fills").help("Fills settled")
            .callback(callback -> callback.call(status.view().fills())).register(registry);
        CounterWithCallback.builder().name("ringtrade_late_bar_inputs")
            .help("Inputs stamped in a bar already closed on the engine clock, folded into the next bar, per book")
            .callback(callback -> callback.call(status.view().lateBarInputs())).register(registry);
        CounterWithCallback.builder().name("ringtrade_rejections").help("Orders refused by pre-trade risk, by reason")
            .labelNames("reason").callback(callback -> {
                final EngineView view = status.view();
                for (final OrderReason reason : OrderReason.values()) {
                    if (reason.isRiskRejection()) {
                        callback.call(view.rejections(reason), reason.label());
                    }
                }
            }).register(registry);
        CounterWithCallback.builder().name("ringtrade_borrowing_cost")
            .help("What each book has paid the simulated venue for what it borrows, in the account currency: interest"
                + " on borrowed cash, the fee on its shorts")
            .labelNames("book", "kind").callback(callback -> {
                for (final EngineView.BookView book : status.view().books()) {
                    callback.call(FixedPoint.toDouble(book.interestPaid()), book.name(), "interest");
                    callback.call(FixedPoint.toDouble(book.shortFeesPaid()), book.name(), "short_fee");
                }
            }).register(registry);
        GaugeWithCallback.builder().name("ringtrade_equity").help("Equity of each book, in the account currency")
            .labelNames("book").callback(callback -> {
                for (final EngineView.BookView book : status.view().books()) {
                    callback.call(FixedPoint.toDouble(book.equity()), book.name());
                }
            }).register(registry);
        GaugeWithCallback.builder().name("ringtrade_position").help("Quantity held, per book and instrument")
            .labelNames("book", "symbol").callback(callback -> {
                for (final EngineView.PositionView position : status.view().positions()) {
                    callback.call(FixedPoint.toDouble(position.quantity()), position.book(), position.symbol());
                }
            }).register(registry);
        GaugeWithCallback.builder().name("ringtrade_trading_state")
            .help("Trading state: 0 ACTIVE, 1 REDUCE_ONLY, 2 HALTED; scope global, or a book's own state")
            .labelNames("scope").callback(callback -> {
                final EngineView view = status.view();
                callback.call(view.globalState().code(), "global");
                for (final EngineView.BookView book : view.books()) {
                    callback.call(book.state().code(), book.name());
                }
            }).register(registry);
        GaugeWithCallback.builder().name("ringtrade_journal_entries").help("Entries in the journal")
            .callback(callback -> callback.call(engine.journaled())).register(registry);
        GaugeWithCallback.builder().name("ringtrade_ring_lag").help("Inputs published but not yet through every stage")
            .callback(callback -> callback.call(engine.backlog())).register(registry);
        registry.register(new LatencyCollector("ringtrade_tick_to_order_seconds",
            "From an input's ingress to the release of the order it caused", status, null));
        registry.register(new LatencyCollector("ringtrade_stage_latency_seconds",
            "From an input's ingress to a stage being done with it (sampled once per batch)", status, STAGES));
    }

    /** The exposition, as Prometheus' text format 0.0.4. */
    byte[] scrape() {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            writer.write(out, registry.scrape());
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The content type of {@link #scrape}. */
    String contentType() {
        return writer.getContentType();
    }

    /** A histogram metric read from the board's HdrHistogram recorders at scrape time. */
    private static final class LatencyCollector implements Collector {
        private final String name;
        private final String help;
        private final StatusBoard status;
        private final String[] stages;

        LatencyCollector(final String name, final String help, final StatusBoard status, final String[] stages) {
            this.name = name;
            this.help = help;
            this.status = status;
            this.stages = stages;
        }

        @Override
        public MetricSnapshot collect() {
            final HistogramSnapshot.Builder builder = HistogramSnapshot.builder().name(name).help(help)
                .unit(Unit.SECONDS);
            if (stages == null) {
                builder.dataPoint(point(status.stageLatencySoFar(StatusBoard.TICK_TO_ORDER), Labels.EMPTY));
            } else {
                for (int stage = 0; stage < stages.length; stage++) {
                    builder.dataPoint(point(status.stageLatencySoFar(stage), Labels.of("stage", stages[stage])));
                }
            }
            return builder.build();
        }

        private static HistogramSnapshot.HistogramDataPointSnapshot point(final Histogram histogram,
                                                                         final Labels labels) {
            final long[] counts = new long[BOUNDS.length + 1];
            long below = 0;
            for (int i = 0; i < BOUNDS.length; i++) {
                final long upTo = histogram.getTotalCount() == 0 ? 0
                    : histogram.getCountBetweenValues(0, Math.round(BOUNDS[i] * 1e9));
                counts[i] = upTo - below;
                below = upTo;
            }
            counts[BOUNDS.length] = histogram.getTotalCount() - below;
            final double[] bounds = new double[BOUNDS.length + 1];
            System.arraycopy(BOUNDS, 0, bounds, 0, BOUNDS.length);
            bounds[BOUNDS.length] = Double.POSITIVE_INFINITY;
            return HistogramSnapshot.HistogramDataPointSnapshot.builder()
                .classicHistogramBuckets(ClassicHistogramBuckets.of(bounds, counts))
                .sum(histogram.getTotalCount() == 0 ? 0 : histogram.getMean() * histogram.getTotalCount() / 1e9)
                .labels(labels).build();
        }
    }
}
