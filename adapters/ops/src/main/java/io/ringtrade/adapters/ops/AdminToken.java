package io.ringtrade.adapters.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The admin token that control requests must carry as {@code Authorization: Bearer <token>}: read once at start from
 * the environment variable {@value #ENVIRONMENT_VARIABLE} or, without it, the first line of a configured file. It is
 * compared in constant time (both sides hashed with SHA-256, then {@link MessageDigest#isEqual}), never logged, and
 * never accepted from a query string. Repeated failures from one address are refused for a while
 * ({@value #MAX_FAILURES} within {@value #WINDOW_SECONDS} s lock it out until the window has passed).
 *
 * <p>Immutable apart from the failure counts, which any Netty thread updates under this object's lock (failures are
 * rare, and only they take it).
 */
public final class AdminToken {
    /** The environment variable holding the token. */
    public static final String ENVIRONMENT_VARIABLE = "RINGTRADE_ADMIN_TOKEN";
    /** Failed attempts from one address before it is refused. */
    public static final int MAX_FAILURES = 5;
    /** The window of those failures, and how long the refusal lasts. */
    public static final int WINDOW_SECONDS = 60;
    private static final int TRACKED_ADDRESSES = 10_000;

    private final byte[] digest;
    private final Map<String, long[]> failures = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(final Map.Entry<String, long[]> eldest) {
            return size() > TRACKED_ADDRESSES;
        }
    };

    private AdminToken(final byte[] digest) {
        this.digest = digest;
    }

    /** No token: control requests are refused with 403. */
    public static AdminToken none() {
        return new AdminToken(null);
    }

    /** A token given as text (at least 16 characters, no spaces). */
    public static AdminToken of(final String token) {
        final String trimmed = token.strip();
        if (trimmed.length() < 16 || trimmed.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("the admin token must be at least 16 characters without spaces");
        }
        return new AdminToken(sha256(trimmed));
    }

    /**
     * The token from {@code environmentValue} when set and not blank, else from the first line of {@code file} when
     * given, else none.
     *
     * @throws IllegalArgumentException naming the file when it cannot be read or holds no valid token
     */
    public static AdminToken load(final String environmentValue, final Path file) {
        if (environmentValue != null && !environmentValue.isBlank()) {
            try {
                return of(environmentValue);
            } catch (final IllegalArgumentException e) {
                throw new IllegalArgumentException(ENVIRONMENT_VARIABLE + ": " + e.getMessage(), e);
            }
        }
        if (file == null) {
            return none();
        }
        try {
            final String text = Files.readString(file, StandardCharsets.UTF_8);
            final String line = text.lines().findFirst().orElse("");
            return of(line);
        } catch (final IOException e) {
            throw new IllegalArgumentException("ringtrade.http.token-file " + file + ": cannot read it ("
                + e.getMessage() + ")", e);
        } catch (final UncheckedIOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("ringtrade.http.token-file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Whether a token is configured (otherwise control is off). */
    public boolean configured() {
        return digest != null;
    }

    /** Whether {@code presented} is the token, compared in constant time. */
    public boolean matches(final String presented) {
        if (digest == null || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(digest, sha256(presented));
    }

    /** Whether {@code address} has failed too often lately (then it is refused without checking). */
    public synchronized boolean lockedOut(final String address, final long nowMillis) {
        final long[] record = failures.get(address);
        return record != null && record[0] >= MAX_FAILURES && nowMillis - record[1] < WINDOW_SECONDS * 1000L;
    }

    /** Counts a failure from {@code address}. */
    public synchronized void failed(final String address, final long nowMillis) {
        final long[] record = failures.computeIfAbsent(address, a -> new long[] {0, nowMillis});
        if (nowMillis - record[1] >= WINDOW_SECONDS * 1000L) {
            record[0] = 0;
            record[1] = nowMillis;
        }
        record[0]++;
        if (record[0] >= MAX_FAILURES) {
            // the lock-out lasts a whole window from the failure that caused it
            record[1] = nowMillis;
        }
    }

    private static byte[] sha256(final String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
