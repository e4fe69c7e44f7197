package io.ringtrade.engine.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Reconciliation with the venue after a restart ({@code ringtrade.reconciliation}). Immutable; read on the start-up
 * thread.
 *
 * @param failClosed    keep the venue's books held (no new orders) until reconciliation is complete and clean
 * @param unreleased    what to do with orders decided but never sent before a crash
 * @param retryInterval how often an incomplete or unclean reconciliation is tried again
 */
public record ReconciliationConfig(boolean failClosed, UnreleasedRule unreleased, Duration retryInterval) {
    /** Default: fail closed. */
    public static final boolean FAIL_CLOSED_DEFAULT = true;
    /** Default: drop and report. */
    public static final UnreleasedRule UNRELEASED_DEFAULT = UnreleasedRule.DROP;
    /** Default retry interval. */
    public static final Duration RETRY_INTERVAL_DEFAULT = Duration.ofSeconds(30);
    /** The defaults. */
    public static final ReconciliationConfig DEFAULT = new ReconciliationConfig(FAIL_CLOSED_DEFAULT,
        UNRELEASED_DEFAULT, RETRY_INTERVAL_DEFAULT);

    /** Rejects nulls. */
    public ReconciliationConfig {
        Objects.requireNonNull(unreleased, "unreleased");
        Objects.requireNonNull(retryInterval, "retryInterval");
    }
}
