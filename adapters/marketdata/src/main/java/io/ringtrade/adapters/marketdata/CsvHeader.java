package io.ringtrade.adapters.marketdata;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The header line of a CSV file: column names as written, found case-insensitively by any of their accepted
 * names, in any order. Columns nobody asks for are ignored (Yahoo's {@code Adj Close}, ids, sides).
 *
 * <p>Loading thread only.
 */
final class CsvHeader {
    /** Names accepted for the time column of any file, in the order they are listed in messages. */
    static final String[] TIME_NAMES = {"date", "time", "timestamp", "datetime"};
    /** Names accepted for a trade file's quantity column. */
    static final String[] QUANTITY_NAMES = {"amount", "quantity", "qty", "size"};

    private final List<String> names;
    private final List<String> keys;
    private final int lineNumber;

    private CsvHeader(final List<String> names, final int lineNumber) {
        this.names = names;
        this.keys = new ArrayList<>(names.size());
        for (final String name : names) {
            keys.add(name.toLowerCase(Locale.ROOT));
        }
        this.lineNumber = lineNumber;
    }

    /** Reads the header from the first non-blank line, or fails with "empty file (no header)". */
    static CsvHeader read(final CsvLines lines) {
        if (!lines.next()) {
            throw new MarketDataException(lines.file(), "empty file (no header)");
        }
        final List<String> names = new ArrayList<>(lines.fieldCount());
        for (int i = 0; i < lines.fieldCount(); i++) {
            names.add(lines.text(i));
        }
        return new CsvHeader(names, lines.lineNumber());
    }

    /** Number of columns, which every data row must have too. */
    int size() {
        return names.size();
    }

    /** Index of the one column called any of {@code accepted}, or -1; two such columns are an error. */
    int find(final CsvLines lines, final String... accepted) {
        int found = -1;
        for (int i = 0; i < keys.size(); i++) {
            for (final String name : accepted) {
                if (keys.get(i).equals(name)) {
                    if (found >= 0) {
                        throw new MarketDataException(lines.file(), lineNumber, "columns '" + names.get(found)
                            + "' and '" + names.get(i) + "' mean the same thing; keep one");
                    }
                    found = i;
                }
            }
        }
        return found;
    }

    /** Like {@link #find} but the column must be there. */
    int require(final CsvLines lines, final String... accepted) {
        final int index = find(lines, accepted);
        if (index < 0) {
            final String what = accepted.length == 1
                ? "column '" + accepted[0] + "'"
                : (accepted == TIME_NAMES ? "time " : "") + "column (one of " + quotedList(accepted) + ")";
            throw new MarketDataException(lines.file(), lineNumber, "missing " + what + " (found: " + found() + ")");
        }
        return index;
    }

    /** True when some column is called any of {@code accepted}. */
    boolean has(final String... accepted) {
        for (final String key : keys) {
            for (final String name : accepted) {
                if (key.equals(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Column {@code index}'s name as written in the file. */
    String name(final int index) {
        return names.get(index);
    }

    /** The columns as written, for messages: {@code date, open, high}. */
    String found() {
        return String.join(", ", names);
    }

    private static String quotedList(final String[] accepted) {
        final StringBuilder out = new StringBuilder();
        for (final String name : accepted) {
            out.append(out.isEmpty() ? "" : ", ").append('\'').append(name).append('\'');
        }
        return out.toString();
    }
}
