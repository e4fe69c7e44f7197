package io.ringtrade.cli;

import io.ringtrade.engine.config.FeedConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Resolves data locations from configuration: a plain path, or {@code classpath:NAME} for data embedded in the
 * jar (the default run's Bitstamp trades), which is copied once to a temporary file so that the file loaders,
 * which read paths, can validate it with line numbers like any other file. Start-up thread only.
 */
final class DataFiles {
    private DataFiles() {
    }

    /** A readable path for the feed's file. */
    static Path resolve(final FeedConfig feed) {
        final String location = feed.file();
        if (!feed.onClasspath()) {
            return Path.of(location);
        }
        final String resource = feed.classpathResource();
        try (InputStream in = DataFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new UserException(location + ": not found on the class path");
            }
            final String name = Path.of(resource).getFileName().toString();
            final Path copy = Files.createTempFile("ringtrade-", "-" + name);
            copy.toFile().deleteOnExit();
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + location + ": " + e.getMessage(), e);
        }
    }
}
