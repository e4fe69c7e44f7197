package io.ringtrade.adapters.marketdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Writes small data files for tests (lines joined with LF), finds the real ones, and checks how loading fails. */
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

    /**
     * Asserts that loading {@code file} as bars of symbol X is refused with a {@link MarketDataException} whose whole
     * message is the file's path followed by {@code where} (":LINE: what is wrong").
     */
    static void assertBarsRefused(final Path file, final String where) {
        assertThatThrownBy(() -> MarketDataFiles.loadBars(file, "X"))
            .isInstanceOf(MarketDataException.class)
            .hasMessage(file + where);
    }

    /** As {@link #assertBarsRefused}, loading {@code file} as trades. */
    static void assertTradesRefused(final Path file, final String where) {
        assertThatThrownBy(() -> MarketDataFiles.loadTrades(file, "X"))
            .isInstanceOf(MarketDataException.class)
            .hasMessage(file + where);
    }
}
