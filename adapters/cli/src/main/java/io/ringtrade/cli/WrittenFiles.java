package io.ringtrade.cli;

import io.ringtrade.engine.output.OutputFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The "wrote …" line that {@code run}, {@code backtest} and {@code replay} print at the end: the output files that are
 * in the folder, in one order, so a run that also wrote {@code entries.csv}, {@code large_transactions.csv} or
 * {@code weights.csv} says so. Main thread, after the run.
 */
final class WrittenFiles {
    /** Every file a run may write, in the order the line names them. */
    private static final List<String> IN_ORDER = List.of(OutputFiles.TRADES, OutputFiles.EQUITY, OutputFiles.ORDERS,
        OutputFiles.ORDER_EVENTS, OutputFiles.ROUND_TRIPS, OutputFiles.ENTRIES, OutputFiles.LARGE_TRANSACTIONS,
        OutputFiles.WEIGHTS, PriceTape.FILE, OutputFiles.SUMMARY);

    private WrittenFiles() {
    }

    /** "wrote DIR/trades.csv, equity.csv, …": the first file with its folder, the others by name. */
    static String line(final Path dir) {
        final StringBuilder line = new StringBuilder("wrote ");
        boolean first = true;
        for (final String name : IN_ORDER) {
            if (!Files.exists(dir.resolve(name))) {
                continue;
            }
            line.append(first ? dir.resolve(name).toString() : ", " + name);
            first = false;
        }
        return first ? "wrote nothing to " + dir : line.toString();
    }
}
