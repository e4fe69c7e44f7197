package io.ringtrade.engine.config;

/**
 * A value chosen from a fixed list in the configuration file, written as a kebab-case label
 * ({@code busy-spin}, {@code next-open}). Implemented by the configuration enums so that the loader can
 * parse any of them and list the accepted labels when a value is refused.
 *
 * <p>Immutable; read on the start-up (main) thread.
 */
public interface ConfigChoice {
    /** The label written in configuration files, e.g. {@code os-cache}. */
    String label();
}
