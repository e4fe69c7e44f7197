package io.ringtrade.engine.config;

import io.ringtrade.engine.api.market.Interval;

import java.util.Objects;

/**
 * The market-data feed the engine starts with ({@code ringtrade.feed}).
 *
 * <p>Immutable; built and read on the start-up (main) thread. Values are validated by {@link EngineConfigLoader};
 * the constructor only rejects nulls.
 *
 * @param type   what the file holds
 * @param file   a path (relative to the working directory) or {@code classpath:name} for data inside the jar
 * @param symbol the instrument the file's prices are for; listed in {@code ringtrade.instruments}
 * @param speed  replay speed as a multiple of real time (600 plays ten minutes of data per second); 0 replays as
 *               fast as possible. A clock multiplier, not a price, hence a double.
 * @param interval for a bars-replay feed, the interval of its bars (books at coarser intervals resample them, finer
 *               ones are refused); null when not given, and then found from the file at start
 * @param loop   replay the file again and again, each pass shifted in time by the file's span (soak runs)
 */
public record FeedConfig(FeedType type, String file, String symbol, double speed, Interval interval, boolean loop) {
    /** Prefix of a {@link #file} that names a resource on the class path. */
    public static final String CLASSPATH_PREFIX = EngineConfigLoader.CLASSPATH_PREFIX;
    /** Default feed type. */
    public static final FeedType TYPE_DEFAULT = FeedType.TRADES_REPLAY;
    /** Default file: the Bitstamp BTC/USD trades of 25 November 2013 the build embeds. */
    public static final String FILE_DEFAULT = "classpath:data/bitstamp_trades_from_20131125_usd.csv";
    /** Default symbol, the one the default file holds. */
    public static final String SYMBOL_DEFAULT = "BTC/USD";
    /** Default replay speed. */
    public static final double SPEED_DEFAULT = 600.0;
    /** By default the file is played once. */
    public static final boolean LOOP_DEFAULT = false;

    /** Rejects nulls (the interval may be null). */
    public FeedConfig {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(symbol, "symbol");
    }

    /** A feed that plays its file once and whose bar interval is not given. */
    public FeedConfig(final FeedType type, final String file, final String symbol, final double speed) {
        this(type, file, symbol, speed, null, LOOP_DEFAULT);
    }

    /** A feed that plays its file once, with its bar interval (null when not given). */
    public FeedConfig(final FeedType type, final String file, final String symbol, final double speed,
                      final Interval interval) {
        this(type, file, symbol, speed, interval, LOOP_DEFAULT);
    }

    /** This feed with its bar interval known. */
    public FeedConfig withInterval(final Interval barInterval) {
        return new FeedConfig(type, file, symbol, speed, barInterval, loop);
    }

    /** Whether {@link #file} names a class-path resource rather than a file. */
    public boolean onClasspath() {
        return file.startsWith(CLASSPATH_PREFIX);
    }

    /** The resource name of a {@code classpath:} file, without the prefix, e.g. {@code data/trades.csv}. */
    public String classpathResource() {
        if (!onClasspath()) {
            throw new IllegalStateException("feed file is not on the class path: " + file);
        }
        return file.substring(CLASSPATH_PREFIX.length());
    }

    /** Whether the replay runs as fast as possible rather than paced against the clock. */
    public boolean unpaced() {
        return speed == 0.0;
    }
}
