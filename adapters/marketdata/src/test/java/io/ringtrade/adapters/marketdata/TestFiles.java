package io.ringtrade.adapters.marketdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small data files for tests: lines joined with LF. */
final class TestFiles {
    private TestFiles() {
    }

    static Path write(final Path dir, final String name, final String... lines) {
        final Path file = dir.resolve(name);
        try {
            Files.writeString(file, lines.length == 0 ? "" : String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The real data unpacked by the build (surefire sets {@code ringtrade.data.dir}). */
    static Path realData(final String name) {
        final String dir = System.getProperty("ringtrade.data.dir", "target/data");
        return Path.of(dir).resolve(name);
    }
}
