package io.ringtrade.adapters.venue;

import io.ringtrade.engine.api.event.VenueReason;

/**
 * A venue call that failed, sorted by what the adapter does about it: a transient failure (network, timeout, rate
 * limit, 5xx) is retried after a back-off; a refused credential (401/403 on authentication) is retried a capped number
 * of times and then holds the venue's books; a refusal of the request itself (insufficient funds, market closed, bad
 * quantity) ends that request with a {@link VenueReason}. Thrown on the adapter's thread.
 */
public final class VenueException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What kind of failure. */
    public enum Kind {
        /** Network, timeout, rate limit, server error: try again later. */
        TRANSIENT,
        /** The venue refused the credentials. */
        AUTHENTICATION,
        /** The venue refused this request; {@link #reason()} says why. */
        REFUSED,
        /** The venue cannot do this at all (for example, replace an order). */
        UNSUPPORTED
    }

    private final Kind kind;
    private final int reason;

    /** A failure of {@code kind}; {@code reason} a {@link VenueReason} code for REFUSED. */
    public VenueException(final Kind kind, final int reason, final String message, final Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.reason = reason;
    }

    /** A transient failure. */
    public static VenueException transientFailure(final String message, final Throwable cause) {
        return new VenueException(Kind.TRANSIENT, VenueReason.NONE, message, cause);
    }

    /** A refused credential. */
    public static VenueException authentication(final String message) {
        return new VenueException(Kind.AUTHENTICATION, VenueReason.NONE, message, null);
    }

    /** A refused request. */
    public static VenueException refused(final int reason, final String message) {
        return new VenueException(Kind.REFUSED, reason, message, null);
    }

    /** Something the venue cannot do. */
    public static VenueException unsupported(final String message) {
        return new VenueException(Kind.UNSUPPORTED, VenueReason.OTHER, message, null);
    }

    /** What kind of failure. */
    public Kind kind() {
        return kind;
    }

    /** The {@link VenueReason} of a refusal. */
    public int reason() {
        return reason;
    }
}
