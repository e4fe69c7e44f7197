package io.ringtrade.journal;

import java.io.File;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.PrecreatedFiles;
import net.openhft.chronicle.queue.rollcycles.LegacyRollCycles;

/**
 * How often a journal starts a new cycle file: the unit in which retention deletes or archives it. A journal keeps
 * the roll cycle it was created with (recorded in its metadata table beside the schema version); journals written
 * before the choice existed are {@link #DAILY}, which is what they used.
 *
 * <p>Which file an entry lands in depends on the wall clock at append time, never on the entry: it affects file names
 * and Chronicle's own indexes only, not entry contents or Ringtrade's entry numbers. Immutable.
 */
public enum JournalRollCycle {
    /** One file per UTC day ({@code yyyyMMdd'F'.cq4}), up to 2<sup>32</sup> − 1 entries a day. The default. */
    DAILY("daily", 1, RollCycles.FAST_DAILY),
    /** One file per UTC hour ({@code yyyyMMdd-HH'F'.cq4}), up to 2<sup>32</sup> − 1 entries an hour. */
    HOURLY("hourly", 2, RollCycles.FAST_HOURLY),
    /**
     * One file per UTC minute ({@code yyyyMMdd-HHmm.cq4}), up to 67,108,864 entries a minute (Chronicle's
     * {@code MINUTELY}, the only one-minute cycle it has): about 1.1 million inputs a second sustained. An engine
     * appending faster fails at the append that exceeds it, so nothing is lost silently. For soak tests and for
     * retention windows of minutes.
     */
    MINUTELY("minutely", 3, LegacyRollCycles.MINUTELY);

    private final String label;
    private final int code;
    private final RollCycle chronicle;
    private final DateTimeFormatter parser;

    JournalRollCycle(final String label, final int code, final RollCycle chronicle) {
        this.label = label;
        this.code = code;
        this.chronicle = chronicle;
        this.parser = new DateTimeFormatterBuilder().appendPattern(chronicle.format())
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
            .parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
            .toFormatter();
    }

    /** The name used in configuration and messages: {@code daily}, {@code hourly}, {@code minutely}. */
    public String label() {
        return label;
    }

    /** Length of one cycle in milliseconds. */
    public long lengthMillis() {
        return chronicle.lengthInMillis();
    }

    /** The value stored in the journal's metadata table. */
    int code() {
        return code;
    }

    /** Chronicle's roll cycle for this choice. */
    RollCycle chronicle() {
        return chronicle;
    }

    /** The roll cycle stored as {@code code}, or null when the code is unknown. */
    static JournalRollCycle ofCode(final long code) {
        for (final JournalRollCycle cycle : values()) {
            if (cycle.code == code) {
                return cycle;
            }
        }
        return null;
    }

    /** The choice whose Chronicle roll cycle is {@code chronicle}. */
    static JournalRollCycle of(final RollCycle chronicle) {
        for (final JournalRollCycle cycle : values()) {
            if (cycle.chronicle == chronicle) {
                return cycle;
            }
        }
        throw new IllegalArgumentException("not a ringtrade roll cycle: " + chronicle);
    }

    /** The suffix of a cycle file's name. */
    static final String FILE_SUFFIX = ".cq4";
    /** What a prepared cycle file's name has in place of {@link #FILE_SUFFIX}: Chronicle's ({@code PrecreatedFiles}). */
    static final String PREPARED_FILE_SUFFIX = PrecreatedFiles.preCreatedFile(new File(FILE_SUFFIX)).getName();

    /** The number of the cycle {@code epochMillis} falls in (cycles count from 1970-01-01T00:00Z, epoch 0). */
    public int cycleAt(final long epochMillis) {
        return (int) Math.floorDiv(epochMillis, (long) chronicle.lengthInMillis());
    }

    /**
     * The name of the file that holds cycle {@code cycle}'s file ahead of its roll (Chronicle renames it into place when
     * the cycle's first entry is appended; the pretoucher prepares it, {@link NextCycleFile}).
     */
    public String preparedFileName(final int cycle) {
        return fileStem(cycle) + PREPARED_FILE_SUFFIX;
    }

    /** The name of the file of cycle number {@code cycle} (cycles count from 1970-01-01T00:00Z, epoch 0). */
    public String fileName(final int cycle) {
        return fileStem(cycle) + FILE_SUFFIX;
    }

    /** The name of cycle {@code cycle}'s file without its suffix: the cycle's start in the roll cycle's format. */
    String fileStem(final int cycle) {
        return DateTimeFormatter.ofPattern(chronicle.format()).withZone(ZoneOffset.UTC)
            .format(Instant.ofEpochMilli(cycle * (long) chronicle.lengthInMillis()));
    }

    /** The cycle number of a file named {@code fileName}, or {@link Integer#MIN_VALUE} when it is not one of ours. */
    int cycleOf(final String fileName) {
        if (!fileName.endsWith(FILE_SUFFIX)) {
            return Integer.MIN_VALUE;
        }
        try {
            final String stem = fileName.substring(0, fileName.length() - FILE_SUFFIX.length());
            final TemporalAccessor parsed = parser.parse(stem);
            final long millis = LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC).toEpochMilli();
            return millis % chronicle.lengthInMillis() == 0 ? (int) (millis / chronicle.lengthInMillis()) : Integer.MIN_VALUE;
        } catch (final DateTimeException e) {
            return Integer.MIN_VALUE;
        }
    }

    /** The label when the cycle is a known one, else Chronicle's own name for it (for messages). */
    static String describe(final RollCycle chronicle) {
        for (final JournalRollCycle cycle : values()) {
            if (cycle.chronicle == chronicle) {
                return cycle.label;
            }
        }
        return String.valueOf(chronicle);
    }
}
