package io.ringtrade.engine.pipeline;

import io.ringtrade.engine.api.event.EventType;

/**
 * Why the pipeline stopped: the stage that failed, the input it failed on, and the exception. Once a stage fails,
 * nothing that input or any later input caused leaves the process. Immutable.
 *
 * @param stage         {@code journal}, {@code business logic} or {@code gateway}
 * @param inputSequence sequence (journal index) of the input, or -1 when the failure was not on an input
 * @param eventType     {@link EventType} code of the input
 * @param cause         what was thrown
 */
public record PipelineFailure(String stage, long inputSequence, int eventType, Throwable cause) {
    /** One line for the console and the log. */
    public String describe() {
        final String where = inputSequence < 0 ? "" : " on input " + inputSequence + " (" + EventType.name(eventType) + ")";
        return "the " + stage + " stage failed" + where + ": " + cause;
    }
}
