package io.ringtrade.report;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One CSV file of an output folder, read whole, whose columns are found by name (case-insensitively), so files with
 * extra columns, or columns in another order, read the same. Every problem names the file, the line and the column.
 *
 * <p>Immutable once read; built and read on the thread that builds the report.
 */
final class CsvTable {
    private final Path file;
    private final List<String> header;
    private final List<String[]> rows;
    private final long[] lineNumbers;

    private CsvTable(final Path file, final List<String> header, final List<String[]> rows, final long[] lineNumbers) {
        this.file = file;
        this.header = header;
        this.rows = rows;
        this.lineNumbers = lineNumbers;
    }

    /**
     * Reads {@code file}: a header line, then rows with as many fields as the header.
     *
     * @throws ReportException when the file is missing, empty, or a row has the wrong number of fields
     */
    static CsvTable read(final Path file) {
        final CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true).get();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, format)) {
            final List<String> header = List.copyOf(parser.getHeaderNames());
            if (header.isEmpty()) {
                throw new ReportException(file + ": empty file (no header)");
            }
            final List<String[]> rows = new ArrayList<>();
            final List<Long> lines = new ArrayList<>();
            for (final CSVRecord record : parser) {
                // the header is line 1, so record n is on line n + 1 (output files have no quoted line breaks)
                final long line = record.getRecordNumber() + 1;
                if (record.size() != header.size()) {
                    throw new ReportException(file + ":" + line + ": " + record.size() + " fields, the header has "
                        + header.size());
                }
                rows.add(record.values());
                lines.add(line);
            }
            return new CsvTable(file, header, rows, lines.stream().mapToLong(Long::longValue).toArray());
        } catch (final NoSuchFileException e) {
            throw new ReportException(file + ": file not found", e);
        } catch (final IOException | IllegalArgumentException | IllegalStateException e) {
            throw new ReportException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The file this table was read from. */
    Path file() {
        return file;
    }

    /** Column names as written in the header. */
    List<String> header() {
        return header;
    }

    /** Number of data rows. */
    int size() {
        return rows.size();
    }

    /** Index of the column called {@code name} (any case), or -1. */
    int find(final String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the column called {@code name}; fails naming the file and the columns found. */
    int require(final String name) {
        final int index = find(name);
        if (index < 0) {
            throw new ReportException(file + ":1: missing column '" + name + "' (found: " + String.join(", ", header)
                + ")");
        }
        return index;
    }

    /** The text of one field. */
    String text(final int row, final int column) {
        return rows.get(row)[column];
    }

    /** One whole row, as written. */
    String[] row(final int row) {
        return rows.get(row).clone();
    }

    /** A field that must be a decimal number. */
    double number(final int row, final int column) {
        final String text = text(row, column);
        try {
            final double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (final NumberFormatException e) {
            // reported below with the file and line
        }
        throw problem(row, column, "'" + text + "' is not a number");
    }

    /** A field that is a number or empty (NaN when empty). */
    double numberOrNaN(final int row, final int column) {
        return text(row, column).isEmpty() ? Double.NaN : number(row, column);
    }

    /** A field that must be an ISO-8601 UTC time such as {@code 2013-01-02T00:00:00Z}; epoch seconds. */
    double epochSeconds(final int row, final int column) {
        final String text = text(row, column);
        try {
            final Instant instant = Instant.parse(text);
            return instant.getEpochSecond() + instant.getNano() / 1e9;
        } catch (final DateTimeParseException e) {
            throw problem(row, column, "'" + text + "' is not an ISO-8601 time such as 2013-01-02T00:00:00Z");
        }
    }

    /** A problem with one field, naming the file, its line and the column. */
    ReportException problem(final int row, final int column, final String what) {
        return new ReportException(file + ":" + lineNumbers[row] + ": column '" + header.get(column) + "': " + what);
    }
}
