package io.ringtrade.engine.reconcile;

/**
 * The venue could not be asked (network, rate limit, credentials): reconciliation is then incomplete, and with
 * {@code reconciliation.fail-closed} the books stay held until it completes.
 */
public final class VenueUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The venue could not be asked, for {@code why}. */
    public VenueUnavailableException(final String why, final Throwable cause) {
        super(why, cause);
    }

    /** The venue could not be asked, for {@code why}. */
    public VenueUnavailableException(final String why) {
        super(why);
    }
}
