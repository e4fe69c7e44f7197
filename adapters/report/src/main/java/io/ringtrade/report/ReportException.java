package io.ringtrade.report;

import java.io.Serial;

/**
 * A problem with an output folder that the user can fix (a missing file, a missing column, a value that does not
 * parse), described in one line that names the file and, where there is one, the line and column.
 */
public final class ReportException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** A problem described by {@code message}. */
    public ReportException(final String message) {
        super(message);
    }

    /** A problem described by {@code message}, caused by {@code cause}. */
    public ReportException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
