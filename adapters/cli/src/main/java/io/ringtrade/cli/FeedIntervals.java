package io.ringtrade.cli;

import io.ringtrade.adapters.marketdata.BarSeriesData;
import io.ringtrade.engine.api.market.Interval;
import io.ringtrade.engine.config.BookConfig;
import io.ringtrade.engine.config.EngineConfig;

/**
 * The bar interval of a bars-replay feed for {@code run}: {@code feed.interval} when the configuration gives it (the
 * file's bars must not be closer together), otherwise the interval whose length is the smallest gap between the file's
 * bars. Books at a coarser interval resample the feed's bars; a book at a finer interval is refused, as
 * {@code backtest} refuses a coarser file. Start-up thread.
 */
final class FeedIntervals {
    private FeedIntervals() {
    }

    /** The feed's bar interval, checked against every book. */
    static Interval of(final EngineConfig config, final BarSeriesData bars) {
        final long gap = bars.smallestGapNanos();
        Interval interval = config.feed().interval();
        if (interval == null) {
            for (final Interval candidate : Interval.values()) {
                if (candidate.nanos() == gap) {
                    interval = candidate;
                }
            }
            if (interval == null) {
                throw new UserException(config.feed().file() + ": cannot tell the interval of its bars (smallest gap "
                    + (gap == Long.MAX_VALUE ? "unknown: fewer than two bars" : gap / 1_000_000_000L + " s")
                    + "); set ringtrade.feed.interval");
            }
        } else if (gap < interval.nanos()) {
            throw new UserException(config.feed().file() + ": bars are " + gap / 1_000_000_000L + " s apart, closer"
                + " than ringtrade.feed.interval = " + interval.label());
        }
        for (final BookConfig book : config.books()) {
            if (book.interval().nanos() < interval.nanos()) {
                throw new UserException("book " + book.name() + ": interval " + book.interval().label()
                    + " is finer than the feed's " + interval.label() + " bars (bars can be resampled to a coarser"
                    + " interval, never a finer one)");
            }
        }
        return interval;
    }
}
