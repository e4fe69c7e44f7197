package io.ringtrade.engine.config;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigIncludeContext;
import com.typesafe.config.ConfigIncluder;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigOriginFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigParseable;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * How {@code include "name"} (and {@code include required("name")}) finds a file: next to the file that includes it,
 * whatever form that file's path was given in ({@code my.conf}, {@code ./my.conf}, an absolute path), then the
 * engine's shipped copy ({@code config/NAME} on the class path, inside the jar), so that a copy of the shipped
 * configuration works in any folder, with or without its {@code instruments.conf} beside it. Includes written as
 * {@code file(...)}, {@code classpath(...)} or {@code url(...)} keep Typesafe Config's meaning. Start-up thread only.
 */
final class ConfigIncludes implements ConfigIncluder {
    /** Where the shipped configuration files are on the class path. */
    static final String SHIPPED_FOLDER = "config/";

    private final ClassLoader classLoader;
    private final String location;

    /** Includes for the configuration loaded from {@code location} (named when an include is missing). */
    ConfigIncludes(final ClassLoader classLoader, final String location) {
        this.classLoader = classLoader;
        this.location = location;
    }

    @Override
    public ConfigIncluder withFallback(final ConfigIncluder fallback) {
        return this;
    }

    @Override
    public ConfigObject include(final ConfigIncludeContext context, final String what) {
        final ConfigParseable relative = context.relativeTo(what);
        if (relative != null && exists(relative.origin())) {
            return relative.parse(relative.options().setAllowMissing(false));
        }
        final String shipped = SHIPPED_FOLDER + (what.startsWith("/") ? what.substring(1) : what);
        if (classLoader.getResource(shipped) != null) {
            return ConfigFactory.parseResources(classLoader, shipped,
                ConfigParseOptions.defaults().setClassLoader(classLoader).setAllowMissing(false)
                    .setIncluder(this)).root();
        }
        if (context.parseOptions().getAllowMissing()) {
            return ConfigFactory.empty().root();
        }
        // the including file's own origin is not given to an includer; the loaded file is where includes usually are
        throw new ConfigException.IO(ConfigOriginFactory.newSimple(location), "include was not found: '" + what
            + "' (looked next to the including file and for " + shipped + " in the engine's jar)");
    }

    /** Whether the file or resource an origin names is there. */
    private boolean exists(final ConfigOrigin origin) {
        if (origin == null) {
            return false;
        }
        if (origin.filename() != null) {
            try {
                return Files.isRegularFile(Path.of(origin.filename()));
            } catch (final InvalidPathException e) {
                return false;
            }
        }
        if (origin.resource() != null) {
            return classLoader.getResource(origin.resource()) != null;
        }
        return origin.url() != null;
    }
}
