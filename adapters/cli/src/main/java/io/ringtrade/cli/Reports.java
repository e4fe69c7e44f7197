package io.ringtrade.cli;

import io.ringtrade.report.HtmlReport;
import io.ringtrade.report.ReportException;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code report.html} into an output folder for {@code report} and for {@code --report} on backtest, replay
 * and optimize, turning a report problem into the one-line user error every command gives. Runs on the command's
 * thread.
 */
final class Reports {
    private Reports() {
    }

    /** Builds {@code dir/report.html} and says so on {@code console}. */
    static Path write(final Path dir, final List<String> axes, final PrintWriter console) {
        try {
            final Path file = HtmlReport.write(dir, axes);
            console.println("wrote " + file);
            console.flush();
            return file;
        } catch (final ReportException e) {
            throw new UserException(e.getMessage());
        }
    }

    /** {@code --report-axes fast,slow} as a list (empty when not given). */
    static List<String> axes(final String option) {
        final List<String> axes = new ArrayList<>();
        if (option != null) {
            for (final String part : option.split(",", -1)) {
                if (part.isBlank()) {
                    throw new UserException("--report-axes: expected two parameter names such as fast,slow, got '"
                        + option + "'");
                }
                axes.add(part.trim());
            }
        }
        return axes;
    }
}
