package io.ringtrade.bench;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reading and writing the JSON the suite keeps: each harness writes its section as one object ("part"), and
 * {@link BenchSuite} combines the parts into {@code bench/results/<date>-<host>.json}. Gson's tree model, so that a
 * section can carry whatever its harness measures and the renderer reads fields by name. Whichever thread writes the
 * file.
 */
final class ResultFile {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private ResultFile() {
    }

    /** Writes {@code json} to {@code file} (creating its directory), pretty-printed, UTF-8. */
    static void write(final Path file, final JsonElement json) {
        try {
            final Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(file, GSON.toJson(json) + "\n", StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Reads the JSON object in {@code file}. */
    static JsonObject read(final Path file) {
        try {
            return JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (final RuntimeException e) {
            throw new IllegalArgumentException(file + ": not a JSON object: " + e.getMessage(), e);
        }
    }

    /** The value of {@code --json PATH} in {@code args}, or null when it is not there. */
    static Path jsonArgument(final String[] args) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--json")) {
                return Path.of(args[i + 1]);
            }
        }
        return null;
    }
}
