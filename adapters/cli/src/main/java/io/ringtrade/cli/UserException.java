package io.ringtrade.cli;

/** A mistake in what the user asked for, reported as one line without a stack trace. */
final class UserException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A mistake described by {@code message}. */
    UserException(final String message) {
        super(message);
    }
}
