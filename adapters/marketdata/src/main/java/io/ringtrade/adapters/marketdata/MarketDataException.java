package io.ringtrade.adapters.marketdata;

import java.nio.file.Path;

/**
 * The one error a market-data file can cause: the file is missing, unreadable or wrong somewhere. The message
 * is {@code FILE:LINE: problem} (or {@code FILE: problem} when no single line is at fault) in plain words, so the
 * command line can print it as it is and the user can jump to the line. A file that fails loads nothing.
 *
 * <p>Thrown on the thread that loads the file (start-up, never the engine's business thread). Unchecked because
 * there is nothing a caller can do but report it.
 */
public final class MarketDataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Line number used when the problem is about the whole file. */
    public static final int NO_LINE = 0;

    private final String file;
    private final int line;
    private final String problem;

    /** A problem on one line (1-based, as an editor counts lines). */
    public MarketDataException(final Path file, final int line, final String problem) {
        this(file, line, problem, null);
    }

    /** A problem with the whole file. */
    public MarketDataException(final Path file, final String problem) {
        this(file, NO_LINE, problem, null);
    }

    /** A problem caused by a lower-level failure (I/O); the cause is kept for the stack trace only. */
    public MarketDataException(final Path file, final int line, final String problem, final Throwable cause) {
        super(format(file, line, problem), cause);
        this.file = file.toString();
        this.line = line;
        this.problem = problem;
    }

    private static String format(final Path file, final int line, final String problem) {
        return line > NO_LINE ? file + ":" + line + ": " + problem : file + ": " + problem;
    }

    /** The file as the caller named it. */
    public String file() {
        return file;
    }

    /** The 1-based line at fault, or {@link #NO_LINE}. */
    public int line() {
        return line;
    }

    /** The problem without the file and line prefix. */
    public String problem() {
        return problem;
    }
}
