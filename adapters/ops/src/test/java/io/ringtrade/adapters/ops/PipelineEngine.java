package io.ringtrade.adapters.ops;

import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.journal.EventJournal;
import io.ringtrade.engine.api.market.InstrumentRegistry;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.api.money.FixedPoint;
import io.ringtrade.engine.api.strategy.DecisionStrategy;
import io.ringtrade.engine.config.PipelineLayout;
import io.ringtrade.engine.config.WaitStrategyKind;
import io.ringtrade.engine.logic.BookSpec;
import io.ringtrade.engine.logic.BusinessLogic;
import io.ringtrade.engine.logic.LogicSettings;
import io.ringtrade.engine.output.OutputSink;
import io.ringtrade.engine.pipeline.EffectSink;
import io.ringtrade.engine.pipeline.EnginePipeline;
import io.ringtrade.engine.pipeline.GatewayHooks;
import io.ringtrade.engine.pipeline.Notifier;
import io.ringtrade.engine.pipeline.PipelineFailure;
import io.ringtrade.engine.pipeline.StatusBoard;
import io.ringtrade.engine.risk.RiskLimits;
import io.ringtrade.engine.venue.SimulatedFillModel;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real pipeline (journal stage, business logic, gateway) behind the ops API for tests: two books, {@code alpha} and
 * {@code beta}, trading ACME (tick 0.01, whole lots) with 10,000 each, their strategies holding, so that orders come
 * from the signals a test publishes. Commands are stamped with the last data time a test published.
 */
final class PipelineEngine implements OpsEngine, AutoCloseable {
    static final int ACME = 0;
    static final int ZED = 1;

    final InstrumentRegistry instruments = new InstrumentRegistry();
    final EnginePipeline pipeline;
    private final EventJournal journal;
    private volatile long dataTime;
    private long signalKey;

    PipelineEngine(final GatewayHooks.CommandListener commands, final Notifier notifier, final EventJournal journal,
                   final int ringSize, final OutputSink outputs) {
        instruments.register("ACME", "USD", FixedPoint.parse("0.01"), FixedPoint.of(1));
        instruments.register("ZED/USD", "USD", FixedPoint.parse("0.01"), FixedPoint.of(1));
        final RiskLimits limits = new RiskLimits(false, FixedPoint.of(10), 0);
        final BusinessLogic logic = new BusinessLogic(instruments, List.of(
            new BookSpec("alpha", row -> DecisionStrategy.HOLD, new int[] {ACME, ZED}, Interval.M1,
                FixedPoint.of(10_000), new SimulatedFillModel(0, 0, false, 0), limits),
            new BookSpec("beta", row -> DecisionStrategy.HOLD, new int[] {ACME}, Interval.M1,
                FixedPoint.of(10_000), new SimulatedFillModel(0, 0, false, 0), limits)),
            LogicSettings.DEFAULT.withOutputs(outputs));
        this.journal = journal;
        this.pipeline = new EnginePipeline(logic, journal, EffectSink.NONE, ringSize, WaitStrategyKind.BLOCKING, 0, 0,
            (entries, state) -> {
            }, System::nanoTime, new GatewayHooks(notifier, commands, 0), PipelineLayout.AUTO);
    }


    void trade(final long time, final String price) {
        dataTime = time;
        pipeline.publish(new EngineEvent().setTrade(ACME, time, FixedPoint.parse(price), FixedPoint.of(1_000)));
    }

    void signal(final long time, final int book, final int side, final String quantity, final String limit) {
        dataTime = time;
        pipeline.publish(new EngineEvent().setSignal(time, ++signalKey, book, ACME, side, 1, FixedPoint.parse(quantity),
            limit == null ? 0 : FixedPoint.parse(limit)));
    }

    /**
     * Waits until business logic has processed {@code events} inputs and published its view of them, and the gateway
     * has passed everything published.
     */
    void awaitEvents(final long events) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (status().view().eventsProcessed() < events || pipeline.backlog() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("business logic processed " + status().view().eventsProcessed() + " of "
                    + events + " inputs");
            }
            Thread.sleep(1);
        }
    }

    @Override
    public long offer(final EngineEvent input) {
        return pipeline.offer(input);
    }

    @Override
    public StatusBoard status() {
        return pipeline.status();
    }

    @Override
    public long dataTimeNanos() {
        return dataTime;
    }

    @Override
    public long backlog() {
        return pipeline.backlog();
    }

    @Override
    public long journaled() {
        return journal.entryCount();
    }

    @Override
    public PipelineFailure failure() {
        return pipeline.failure();
    }

    @Override
    public void close() {
        pipeline.halt();
    }
}
