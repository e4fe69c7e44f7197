package io.ringtrade.engine.reconcile;

import io.ringtrade.engine.api.event.EngineEvent;

import java.util.List;

/**
 * What one reconciliation found and what it asks for. Immutable (the lists are copies).
 *
 * @param inputs       {@code EXECUTION_REPORT} inputs to publish, in order: acks, fills that happened while the engine
 *                     was down, cancels, expiries, lost and dropped orders; journaled before they change any book
 * @param toSend       orders decided but never released, to send now ({@link UnreleasedRule#SEND} only)
 * @param cancelsToSend open orders with a cancel pending that the venue still has open: the cancel is sent again (a
 *                     cancel sent twice is harmless; an order is never sent twice)
 * @param differences  one line per difference found, for the audit log and the status line
 * @param complete     every question to the venue was answered
 * @param unresolved   differences reconciliation could not apply by itself (an order of ours open at the venue but
 *                     ended here, less filled at the venue than here, a holding short of the books'); 0 = clean
 */
public record Reconciliation(List<EngineEvent> inputs, List<EngineOrder> toSend, List<EngineOrder> cancelsToSend,
                             List<String> differences, boolean complete, int unresolved) {
    /** Copies the lists. */
    public Reconciliation {
        inputs = List.copyOf(inputs);
        toSend = List.copyOf(toSend);
        cancelsToSend = List.copyOf(cancelsToSend);
        differences = List.copyOf(differences);
    }

    /** Complete with nothing unresolved: the books may trade. */
    public boolean clean() {
        return complete && unresolved == 0;
    }

    /** A reconciliation that could not ask the venue. */
    public static Reconciliation incomplete(final String why) {
        return new Reconciliation(List.of(), List.of(), List.of(), List.of("incomplete: " + why), false, 0);
    }

    /** One line for the status line and logs. */
    public String summary() {
        if (!complete) {
            return "reconciliation incomplete (" + (differences.isEmpty() ? "" : differences.getFirst()) + ")";
        }
        return "reconciliation " + (clean() ? "clean" : "NOT clean") + ": " + differences.size() + " difference"
            + (differences.size() == 1 ? "" : "s") + ", " + inputs.size() + " report" + (inputs.size() == 1 ? "" : "s")
            + " applied" + (unresolved > 0 ? ", " + unresolved + " unresolved" : "");
    }
}
