package io.ringtrade.engine.config;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigOrigin;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects what is wrong with a configuration while it is read, so that the user sees every problem in one run
 * instead of fixing them one start at a time. Start-up (main) thread only.
 */
final class Problems {
    private final String source;
    private final List<String> lines = new ArrayList<>();

    Problems(final String source) {
        this.source = source;
    }

    /** Records a problem with the value at {@code path}, located by the value's origin when there is one. */
    void add(final ConfigOrigin origin, final String path, final String message) {
        lines.add(where(origin) + ": " + path + ": " + message);
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    void throwIfAny() {
        if (!lines.isEmpty()) {
            throw new EngineConfigException(source, lines);
        }
    }

    /**
     * One line for a parse or substitution error from Typesafe Config, in this class's {@code file:line: } format
     * rather than Typesafe's {@code file: line: }.
     */
    static String describe(final ConfigException e) {
        final ConfigOrigin origin = e.origin();
        String message = e.getMessage();
        if (origin != null && message.startsWith(origin.description() + ": ")) {
            message = where(origin, origin.description()) + ": " + message.substring(origin.description().length() + 2);
        }
        if (e instanceof ConfigException.UnresolvedSubstitution) {
            message += " (not set in the file nor as an environment variable)";
        }
        return message;
    }

    private String where(final ConfigOrigin origin) {
        return where(origin, source);
    }

    /**
     * The file and line a value came from. Values from an included file name that file, which is where the user has
     * to look. Objects merged from several places have no single origin, so they fall back to the loaded source.
     */
    private static String where(final ConfigOrigin origin, final String source) {
        if (origin == null) {
            return source;
        }
        String name = origin.filename() == null ? null : shorter(origin.filename());
        if (name == null) {
            name = origin.resource();
        }
        if (name == null) {
            name = origin.withLineNumber(-1).description();
        }
        if (name.startsWith("merge of ")) {
            return source;
        }
        return origin.lineNumber() > 0 ? name + ":" + origin.lineNumber() : name;
    }

    /** An included file's absolute path, relative to the working directory when it is below it (as the user wrote it). */
    private static String shorter(final String file) {
        try {
            final Path path = Path.of(file);
            final Path here = Path.of("").toAbsolutePath();
            return path.isAbsolute() && path.startsWith(here) ? here.relativize(path).toString() : file;
        } catch (final InvalidPathException e) {
            return file;
        }
    }
}
