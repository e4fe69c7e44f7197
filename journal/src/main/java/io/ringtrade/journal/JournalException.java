package io.ringtrade.journal;

/**
 * A journal cannot be opened, written or read as asked: missing or locked directory, another schema version,
 * an incomplete or corrupt entry. The message is one line naming the journal directory and what is wrong,
 * meant to be shown to an operator as is.
 *
 * <p>Thrown on whichever thread called the journal; never on the success path, so it costs nothing there.
 */
public final class JournalException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with a one-line message. */
    public JournalException(final String message) {
        super(message);
    }

    /** An exception with a one-line message and the I/O or Chronicle failure behind it. */
    public JournalException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
