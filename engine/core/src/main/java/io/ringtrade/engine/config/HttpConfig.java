package io.ringtrade.engine.config;

import java.nio.file.Path;

/**
 * The ops HTTP API ({@code ringtrade.http}). Immutable; validated by {@link EngineConfigLoader}.
 *
 * @param port      TCP port; 0 = the API is off (the default; {@code run --http-port N} turns it on)
 * @param bind      address to listen on; loopback by default, so that only this machine reaches the API
 * @param tokenFile file holding the admin token for control requests (its first line), or null; the environment
 *                  variable {@code RINGTRADE_ADMIN_TOKEN} takes precedence. Without either, control is off (403)
 */
public record HttpConfig(int port, String bind, Path tokenFile) {
    /** Default port: 0, off. */
    public static final int PORT_DEFAULT = 0;
    /** Default address: loopback. */
    public static final String BIND_DEFAULT = "127.0.0.1";
    /** Off, loopback, no token file. */
    public static final HttpConfig DEFAULT = new HttpConfig(PORT_DEFAULT, BIND_DEFAULT, null);

    /** This configuration on another port. */
    public HttpConfig withPort(final int value) {
        return new HttpConfig(value, bind, tokenFile);
    }
}
