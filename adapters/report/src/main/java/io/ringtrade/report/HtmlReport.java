package io.ringtrade.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds {@code report.html} for an output folder of {@code ringtrade backtest}, {@code replay}, {@code run} or
 * {@code optimize}: one self-contained page (uPlot, its style, the page's own script and the data all inlined; no
 * network needed) with equity against buy-and-hold, the underwater curve, monthly returns, rolling Sharpe, price
 * with a marker per fill, the metrics, the trades and the run's parameters, and for an optimization the parameter
 * heatmap, the sortable results and the validation or walk-forward folds. Files are read by column name, so extra
 * columns and files are ignored. The same folder gives the same bytes. Runs on the caller's thread.
 */
public final class HtmlReport {
    /** The file written into the folder. */
    public static final String FILE_NAME = "report.html";

    private HtmlReport() {
    }

    /**
     * Reads {@code dir} and writes {@code dir/report.html}.
     *
     * @param axes the two parameters of an optimization's heatmap ({@code --report-axes}); empty for the first two
     * @return the page written
     * @throws ReportException naming the file, line and column of anything missing or malformed
     */
    public static Path write(final Path dir, final List<String> axes) {
        final String page = render(dir, axes);
        final Path file = dir.resolve(FILE_NAME);
        try {
            Files.writeString(file, page, StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new ReportException(file + ": cannot write: " + e.getMessage(), e);
        }
        return file;
    }

    /** The page for {@code dir}, without writing it. */
    public static String render(final Path dir, final List<String> axes) {
        return ReportPage.render(ReportFolder.read(dir), List.copyOf(axes), ChartLibrary.load(), asset("report.css"),
            asset("report.js"));
    }

    private static String asset(final String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " next to " + HtmlReport.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
