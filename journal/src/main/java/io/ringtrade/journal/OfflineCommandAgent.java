package io.ringtrade.journal;

import io.ringtrade.engine.api.event.CommandCode;
import io.ringtrade.engine.api.event.EngineEvent;
import io.ringtrade.engine.api.event.TradingCommand;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import org.agrona.concurrent.Agent;

import java.nio.file.Path;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * Tails the operators' offline command queue ({@link OfflineCommands}) for the running engine and publishes each
 * command numbered after the last one business logic applied to the ring, carrying its number (so a command published
 * twice, around a restart, is applied once): a trading-state command as {@code TRADING_STATE} from the offline source
 * (the number packed in its argument), a limit change as its {@code SET_*} command (the value its argument, the number
 * in the instrument id). A full ring
 * leaves the command for the next duty cycle. For each command published, {@code audit} receives the operator's
 * reason and the journal entry it became (an edge line: the reason is not in the journal).
 *
 * <p>An Agrona {@link Agent}: its own thread (an {@code AgentRunner} with a sleeping idle strategy) calls
 * {@link #doWork}; {@link #drain} may be called instead, once, before that thread starts (the engine publishes what
 * waits in the queue before its feed starts).
 */
public final class OfflineCommandAgent implements Agent {
    /** Receives one published command: its queue entry and the journal entry it became. */
    @FunctionalInterface
    public interface Published {
        /** Called on the agent's thread. */
        void published(OfflineCommands.Command command, long entry);
    }

    private final SingleChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final ToLongFunction<EngineEvent> offer;
    private final LongSupplier dataTime;
    private final Published published;
    private final EngineEvent slot = new EngineEvent();
    private long lastApplied;
    private long lastRefresh;
    private static final long REFRESH_NANOS = 10_000_000L;

    /**
     * @param journalDir  the journal directory (the queue is beside it)
     * @param lastApplied the number of the last offline command business logic applied
     * @param offer       publishes without waiting, returning the entry or -1 when the ring is full
     * @param dataTime    the event time commands are stamped with
     * @param published   told of each command published
     */
    public OfflineCommandAgent(final Path journalDir, final long lastApplied, final ToLongFunction<EngineEvent> offer,
                               final LongSupplier dataTime, final Published published) {
        this.queue = OfflineCommands.open(journalDir);
        this.tailer = queue.createTailer();
        this.offer = offer;
        this.dataTime = dataTime;
        this.published = published;
        this.lastApplied = lastApplied;
    }

    @Override
    public int doWork() {
        int work = 0;
        while (true) {
            final long before = tailer.index();
            final OfflineCommands.Command command = OfflineCommands.next(tailer);
            if (command == null) {
                if (work == 0 && System.nanoTime() - lastRefresh > REFRESH_NANOS) {
                    // another process (the offline tool) creates the queue's cycle files: look for new ones now and
                    // then, since a tailer opened on an empty queue does not see them by itself
                    queue.refreshDirectoryListing();
                    lastRefresh = System.nanoTime();
                }
                return work;
            }
            if (command.number() <= lastApplied) {
                continue;
            }
            if (CommandCode.setsLimit(command.code())) {
                // the value is the argument; the number travels in the instrument id (appendLimit keeps it an int)
                slot.setCommand(dataTime.getAsLong(), command.code(), command.book(), command.value());
                slot.instrumentId = (int) command.number();
            } else {
                slot.setCommand(dataTime.getAsLong(), CommandCode.TRADING_STATE, command.book(), TradingCommand.pack(
                    Math.max(0, Math.min(TradingCommand.HALTED, command.state())), command.flatten(),
                    TradingCommand.SOURCE_OFFLINE, command.number()));
            }
            final long entry = offer.applyAsLong(slot);
            if (entry < 0) {
                // the ring is full: read this command again at the next duty cycle
                tailer.moveToIndex(before);
                return work;
            }
            lastApplied = command.number();
            published.published(command, entry);
            work++;
        }
    }

    /** Publishes everything waiting now; returns how many. */
    public int drain() {
        return doWork();
    }

    @Override
    public void onStart() {
        // drain() ran on the starting thread; from now on only the agent's thread reads (Chronicle checks this)
        tailer.singleThreadedCheckReset();
        queue.singleThreadedCheckReset();
    }

    @Override
    public void onClose() {
        tailer.close();
        queue.close();
    }

    @Override
    public String roleName() {
        return "ringtrade-offline-commands";
    }
}
