package io.ringtrade.cli;

import io.ringtrade.adapters.marketdata.TimeRange;
import picocli.CommandLine.Option;

/**
 * {@code --from} and {@code --to}: the days of the market-data files a command reads, as options shared by
 * {@code backtest}, {@code optimize}, {@code import} and {@code indicators}. Start-up thread only.
 */
final class DayRangeOptions {
    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "first day (inclusive)")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "last day (inclusive)")
    String to;

    /** The days asked for, checked (everything when neither option is given). */
    TimeRange range() {
        return TimeRange.parse(from, to);
    }
}
