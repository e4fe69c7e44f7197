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
    private final boolean damagedTail;

    /** An exception with a one-line message. */
    public JournalException(final String message) {
        this(message, false);
    }

    /**
     * An exception with a one-line message; {@code damagedTail} marks an incomplete or corrupt entry after which
     * nothing can be read (every complete entry before it was), as opposed to a journal that must be refused.
     */
    public JournalException(final String message, final boolean damagedTail) {
        super(message);
        this.damagedTail = damagedTail;
    }

    /** An exception with a one-line message and the I/O or Chronicle failure behind it. */
    public JournalException(final String message, final Throwable cause) {
        super(message, cause);
        this.damagedTail = false;
    }

    /**
     * True when the journal ends in an incomplete or corrupt entry: readers that tolerate a damaged tail (replay,
     * recovery) stop at the last complete entry; everything else is a reason to refuse the journal.
     */
    public boolean damagedTail() {
        return damagedTail;
    }
}
