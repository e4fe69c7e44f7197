package io.ringtrade.adapters.ops;

import io.ringtrade.engine.audit.AuditLog;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * What the ops API knows of the engine beyond its read model, fixed at start: the mode, the books (index order) and
 * their strategies, the instruments (for {@code /positions/{book}/{symbol}/close}), the admin token, the audit log,
 * and the limits on requests. Immutable.
 *
 * @param mode             {@code paper} (or {@code live})
 * @param books            book names in index order
 * @param strategies       each book's strategy name, by book name
 * @param instruments      instrument ids by symbol
 * @param token            the admin token (or none: control off)
 * @param audit            where requests are audited (edge lines)
 * @param controlTimeout   how long a control request waits for business logic to apply its command before 504
 * @param requestTimeout   how long a connection may take to send a whole request (else 408 and closed)
 * @param maxBodyBytes     largest request body (else 413)
 * @param wallClockMillis  the wall clock for audit lines and lock-outs (the edge may read one; business logic never)
 * @param startedNanos     the monotonic time the engine started, for the uptime
 * @param monotonicNanos   the monotonic clock
 */
public record OpsSettings(String mode, List<String> books, Map<String, String> strategies,
                          Map<String, Integer> instruments, AdminToken token, AuditLog audit, Duration controlTimeout,
                          Duration requestTimeout, int maxBodyBytes, LongSupplier wallClockMillis, long startedNanos,
                          LongSupplier monotonicNanos) {
    /** Default wait for a control command: 5 s. */
    public static final Duration CONTROL_TIMEOUT_DEFAULT = Duration.ofSeconds(5);
    /** Default time to send a request: 10 s. */
    public static final Duration REQUEST_TIMEOUT_DEFAULT = Duration.ofSeconds(10);
    /** Default largest body: 16 KiB. */
    public static final int MAX_BODY_DEFAULT = 16 * 1024;

    /** Copies the collections. */
    public OpsSettings {
        Objects.requireNonNull(mode, "mode");
        books = List.copyOf(books);
        strategies = Map.copyOf(strategies);
        instruments = Map.copyOf(instruments);
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(wallClockMillis, "wallClockMillis");
        Objects.requireNonNull(monotonicNanos, "monotonicNanos");
    }

    /** The index of book {@code name}, or -1. */
    int bookIndex(final String name) {
        return books.indexOf(name);
    }
}
