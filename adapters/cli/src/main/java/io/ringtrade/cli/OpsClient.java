package io.ringtrade.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The command line's side of the engine's ops HTTP API ({@code status}, {@code limits}): reads and control requests
 * against one base URL, each answer parsed as JSON. An unreachable engine, an answer other than 200 and a missing
 * admin token are {@link UserException}s naming what went wrong. Main thread.
 */
final class OpsClient {
    /** The URL used without --url or RINGTRADE_URL. */
    static final String URL_DEFAULT = "http://127.0.0.1:8080";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String base;

    /** A client of the API at {@code url}, else $RINGTRADE_URL, else {@link #URL_DEFAULT}. */
    OpsClient(final String url) {
        this.base = (url != null ? url : System.getenv().getOrDefault("RINGTRADE_URL", URL_DEFAULT))
            .replaceAll("/+$", "");
    }

    /** The base URL, without a trailing slash. */
    String base() {
        return base;
    }

    /** {@code GET path}'s JSON answer. */
    Config get(final String path) throws InterruptedException {
        return answer(path, HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5)).GET().build());
    }

    /** {@code POST path} with a JSON {@code body} and the admin token; its JSON answer. */
    Config post(final String path, final String body) throws InterruptedException {
        return answer(path, HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + adminToken()).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    /**
     * The admin token: $RINGTRADE_ADMIN_TOKEN, else the first line of the file named by $RINGTRADE_ADMIN_TOKEN_FILE —
     * never an option, which would show in {@code ps} and shell histories.
     */
    private static String adminToken() {
        final String token = System.getenv("RINGTRADE_ADMIN_TOKEN");
        if (token != null && !token.isBlank()) {
            return token.strip();
        }
        final String file = System.getenv("RINGTRADE_ADMIN_TOKEN_FILE");
        if (file != null && !file.isBlank()) {
            try {
                final String first = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8).stream().findFirst()
                    .orElse("").strip();
                if (!first.isEmpty()) {
                    return first;
                }
            } catch (final IOException e) {
                throw new UserException("cannot read the admin token file " + file + ": " + e.getMessage());
            }
        }
        throw new UserException("no admin token: set RINGTRADE_ADMIN_TOKEN or RINGTRADE_ADMIN_TOKEN_FILE");
    }

    /** The engine's {@code "error"} of a refusal's JSON answer, else the answer as it is. */
    private static String why(final String body) {
        try {
            final Config answer = ConfigFactory.parseString(body, ConfigParseOptions.defaults()
                .setSyntax(ConfigSyntax.JSON));
            return answer.hasPath("error") ? answer.getString("error") : body;
        } catch (final ConfigException e) {
            return body;
        }
    }

    private URI uri(final String path) {
        try {
            return URI.create(base + path);
        } catch (final IllegalArgumentException e) {
            throw new UserException("--url " + base + " is not a valid URL: " + e.getMessage());
        }
    }

    private Config answer(final String path, final HttpRequest request) throws InterruptedException {
        final HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (final IOException e) {
            // a refused connection has no message of its own: its type says what happened
            final String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw new UserException("cannot reach the engine at " + base + " (" + why + "); is it running"
                + " with --http-port?");
        } catch (final IllegalArgumentException e) {
            throw new UserException("--url " + base + " is not a valid URL: " + e.getMessage());
        }
        if (response.statusCode() != 200) {
            throw new UserException(base + path + " answered " + response.statusCode() + ": " + why(response.body()));
        }
        try {
            return ConfigFactory.parseString(response.body(), ConfigParseOptions.defaults()
                .setSyntax(ConfigSyntax.JSON));
        } catch (final ConfigException e) {
            throw new UserException(base + path + " did not answer JSON: " + e.getMessage());
        }
    }
}
