package io.ringtrade.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;

/**
 * A JSON object file of an output folder ({@code summary.json}, {@code validation.json}), read with Gson, keys kept
 * in file order. Values are kept as the text the file holds, so the report shows exactly what the run wrote.
 * Stateless; runs on the thread that builds the report.
 */
final class JsonFile {
    private JsonFile() {
    }

    /**
     * The object in {@code file}.
     *
     * @throws ReportException when the file is missing or is not a JSON object
     */
    static JsonObject read(final Path file) {
        try {
            final JsonElement root = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            if (!root.isJsonObject()) {
                throw new ReportException(file + ": expected a JSON object");
            }
            return root.getAsJsonObject();
        } catch (final NoSuchFileException e) {
            throw new ReportException(file + ": file not found", e);
        } catch (final IOException e) {
            throw new ReportException(file + ": cannot read: " + e.getMessage(), e);
        } catch (final JsonParseException e) {
            throw new ReportException(file + ": not valid JSON: " + e.getMessage(), e);
        }
    }

    /** The primitive (number, string, boolean, null) fields of {@code object}, as written; nested objects skipped. */
    static SequencedMap<String, String> primitives(final JsonObject object) {
        final SequencedMap<String, String> out = new LinkedHashMap<>();
        for (final Map.Entry<String, JsonElement> entry : object.entrySet()) {
            final JsonElement value = entry.getValue();
            if (value.isJsonNull()) {
                out.put(entry.getKey(), "null");
            } else if (value.isJsonPrimitive()) {
                out.put(entry.getKey(), value.getAsJsonPrimitive().getAsString());
            }
        }
        return out;
    }

    /** The primitive fields of the nested object {@code key}, or an empty map when there is none. */
    static SequencedMap<String, String> nested(final JsonObject object, final String key) {
        final JsonElement value = object.get(key);
        return value != null && value.isJsonObject() ? primitives(value.getAsJsonObject()) : new LinkedHashMap<>();
    }

    /** A numeric field as a double, or NaN when it is missing, null or not a number. */
    static double number(final JsonObject object, final String key) {
        final JsonElement value = object.get(key);
        if (value instanceof JsonPrimitive primitive && primitive.isNumber()) {
            return primitive.getAsDouble();
        }
        return Double.NaN;
    }
}
