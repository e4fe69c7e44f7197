package io.ringtrade.engine.snapshot;

/** A snapshot's state does not match what this engine writes: it is skipped and the journal replayed instead. */
public final class SnapshotFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A mismatch described by {@code message}. */
    public SnapshotFormatException(final String message) {
        super(message);
    }
}
