package io.ringtrade.bench;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.EventTranslatorOneArg;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.config.WaitStrategyKind;

import java.util.concurrent.TimeUnit;

/**
 * The bare Disruptor hop that {@link PipelineThroughput} and {@link TickToOrderLatency} run as a baseline beside the
 * engine:
 * <pre>
 *   producer ──► Disruptor ring ({@link TickToOrderLatency#RING_SIZE} slots, multi-producer, wait strategy under test)
 *            ──► one handler on the daemon thread raw-hop-handler
 * </pre>
 * Each harness publishes with {@code ring.publishEvent(COPY, input)} itself, so its timed loop is written out where
 * it is measured. Built and finished on the producer thread.
 */
final class RawDisruptorHop {
    /** Copies an input into its slot, stamped with its sequence and ingress time, as the engine's ring does. */
    static final EventTranslatorOneArg<EngineEvent, EngineEvent> COPY = (slot, sequence, source) -> {
        slot.clear();
        slot.copyInputFrom(source);
        slot.sequence = sequence;
        slot.ingressNanos = System.nanoTime();
    };

    private final Disruptor<EngineEvent> disruptor;
    /** The started ring to publish into. */
    final RingBuffer<EngineEvent> ring;

    /** Starts the ring with {@code handler} as its one consumer. */
    RawDisruptorHop(final WaitStrategyKind wait, final EventHandler<EngineEvent> handler) {
        disruptor = new Disruptor<>(EngineEvent::new, TickToOrderLatency.RING_SIZE, runnable -> {
            final Thread thread = new Thread(runnable, "raw-hop-handler");
            thread.setDaemon(true);
            return thread;
        }, ProducerType.MULTI, wait.newWaitStrategy());
        disruptor.handleEventsWith(handler);
        ring = disruptor.start();
    }

    /** Waits for the handler to take every published event, then stops it. */
    void finish() {
        try {
            disruptor.shutdown(1, TimeUnit.MINUTES);
        } catch (final TimeoutException e) {
            throw new IllegalStateException("raw hop did not drain", e);
        }
    }
}
