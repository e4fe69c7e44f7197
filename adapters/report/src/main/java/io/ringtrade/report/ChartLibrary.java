package io.ringtrade.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

/**
 * The chart library every report inlines: uPlot's minified script and style, read at run time from the
 * {@code org.webjars.npm:uplot} jar on the classpath (a build dependency, never a copy in the repository). The
 * version is the WebJar's own, read from its Maven properties, so upgrading the dependency is the only change needed.
 * Immutable; loaded once per report.
 *
 * @param version    uPlot's version, e.g. {@code 1.6.30}
 * @param script     {@code uPlot.iife.min.js}, which defines the global {@code uPlot}
 * @param stylesheet {@code uPlot.min.css}
 */
record ChartLibrary(String version, String script, String stylesheet) {
    private static final String PROPERTIES = "META-INF/maven/org.webjars.npm/uplot/pom.properties";

    /** Loads uPlot from the classpath. */
    static ChartLibrary load() {
        final Properties properties = new Properties();
        try (InputStream in = resource(PROPERTIES)) {
            properties.load(in);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        final String version = properties.getProperty("version");
        final String dist = "META-INF/resources/webjars/uplot/" + version + "/dist/";
        final String script = text(dist + "uPlot.iife.min.js");
        if (script.toLowerCase(Locale.ROOT).contains("</script")) {
            // inlined verbatim, so the text must not end the script element early
            throw new IllegalStateException("uPlot " + version + " contains '</script' and cannot be inlined");
        }
        return new ChartLibrary(version, script, text(dist + "uPlot.min.css"));
    }

    private static String text(final String name) {
        try (InputStream in = resource(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(final String name) {
        final InputStream in = ChartLibrary.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("chart library resource " + name
                + " is not on the classpath (dependency org.webjars.npm:uplot)");
        }
        return in;
    }
}
