package io.ringtrade.adapters.marketdata;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a comma-separated file line by line and splits each line into field spans without copying them.
 * Lines end in LF, CRLF or CR; a UTF-8 byte-order mark is dropped; blank lines are skipped (line numbers still
 * count them, so they match an editor). Around each field, spaces and one pair of double quotes are removed;
 * a comma inside quotes is not supported (no market-data file here needs it) and shows up as a wrong field count.
 *
 * <p>Loading thread only; close it (try-with-resources).
 */
final class CsvLines implements Closeable {
    private final Path file;
    private final BufferedReader reader;
    private int lineNumber;
    private String line;
    private int[] fieldStart = new int[16];
    private int[] fieldEnd = new int[16];
    private int fieldCount;

    private CsvLines(final Path file, final BufferedReader reader) {
        this.file = file;
        this.reader = reader;
    }

    /** Opens {@code file}, or fails with "file not found" and the like. */
    static CsvLines open(final Path file) {
        return new CsvLines(file, openReader(file));
    }

    /** A strict UTF-8 reader for {@code file}, with the file-level problems as {@link MarketDataException}s. */
    static BufferedReader openReader(final Path file) {
        if (Files.isDirectory(file)) {
            throw new MarketDataException(file, "is a directory, not a file");
        }
        try {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (final NoSuchFileException e) {
            throw new MarketDataException(file, MarketDataException.NO_LINE, "file not found", e);
        } catch (final AccessDeniedException e) {
            throw new MarketDataException(file, MarketDataException.NO_LINE, "cannot read the file (permission denied)", e);
        } catch (final IOException e) {
            throw new MarketDataException(file, MarketDataException.NO_LINE, "cannot read the file (" + e + ")", e);
        }
    }

    /** Moves to the next non-blank line and splits it; false at the end of the file. */
    boolean next() {
        try {
            while (true) {
                final String read = reader.readLine();
                if (read == null) {
                    line = null;
                    return false;
                }
                lineNumber++;
                line = lineNumber == 1 && !read.isEmpty() && read.charAt(0) == '\uFEFF' ? read.substring(1) : read;
                if (!line.isBlank()) {
                    split();
                    return true;
                }
            }
        } catch (final CharacterCodingException e) {
            throw new MarketDataException(file, lineNumber + 1, "is not UTF-8 text", e);
        } catch (final IOException e) {
            throw new MarketDataException(file, lineNumber + 1, "cannot read the file (" + e + ")", e);
        }
    }

    private void split() {
        fieldCount = 0;
        int start = 0;
        final int length = line.length();
        while (true) {
            int end = line.indexOf(',', start);
            if (end < 0) {
                end = length;
            }
            addField(start, end);
            if (end == length) {
                return;
            }
            start = end + 1;
        }
    }

    private void addField(final int rawStart, final int rawEnd) {
        int start = rawStart;
        int end = rawEnd;
        while (start < end && Character.isWhitespace(line.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(line.charAt(end - 1))) {
            end--;
        }
        if (end - start >= 2 && line.charAt(start) == '"' && line.charAt(end - 1) == '"') {
            start++;
            end--;
        }
        if (fieldCount == fieldStart.length) {
            fieldStart = Arrays.copyOf(fieldStart, fieldCount * 2);
            fieldEnd = Arrays.copyOf(fieldEnd, fieldCount * 2);
        }
        fieldStart[fieldCount] = start;
        fieldEnd[fieldCount] = end;
        fieldCount++;
    }

    /** 1-based number of the current line. */
    int lineNumber() {
        return lineNumber;
    }

    /** The current line's text. */
    String line() {
        return line;
    }

    /** Number of fields on the current line. */
    int fieldCount() {
        return fieldCount;
    }

    int start(final int field) {
        return fieldStart[field];
    }

    int end(final int field) {
        return fieldEnd[field];
    }

    /** Field {@code field} as a new string (header, messages). */
    String text(final int field) {
        return line.substring(fieldStart[field], fieldEnd[field]);
    }

    /**
     * Field {@code field} as a fixed-point number, or a problem such as
     * {@code column 'close': 'abc' is not a number}.
     */
    long number(final int field, final String column) {
        final int start = fieldStart[field];
        final int end = fieldEnd[field];
        if (start == end) {
            throw error("column '" + column + "' is empty");
        }
        try {
            return DecimalText.parse(line, start, end);
        } catch (final IllegalArgumentException e) {
            throw error("column '" + column + "': '" + text(field) + "' " + e.getMessage());
        }
    }

    /** Field {@code field} as epoch nanoseconds UTC ({@link TimeText}), or a problem naming the column. */
    long time(final int field, final String column) {
        final int start = fieldStart[field];
        final int end = fieldEnd[field];
        if (start == end) {
            throw error("column '" + column + "' is empty");
        }
        try {
            return TimeText.parseNanos(line, start, end);
        } catch (final IllegalArgumentException e) {
            throw error("column '" + column + "': '" + text(field) + "' " + e.getMessage());
        }
    }

    /** Fails unless the current line has exactly {@code expected} fields. */
    void requireFieldCount(final int expected) {
        if (fieldCount != expected) {
            throw error("expected " + expected + " fields (as in the header) but found " + fieldCount);
        }
    }

    /** The file being read, as the caller named it. */
    Path file() {
        return file;
    }

    /** A problem on the current line. */
    MarketDataException error(final String problem) {
        return new MarketDataException(file, lineNumber, problem);
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (final IOException e) {
            // Read-only file: nothing was lost, and the data has already been read or failed.
        }
    }
}
