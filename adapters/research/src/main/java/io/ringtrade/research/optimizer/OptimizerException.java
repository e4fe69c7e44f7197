package io.ringtrade.research.optimizer;

import java.io.Serial;

/**
 * A mistake in what the user asked the optimizer for (an empty grid, an unknown parameter, a value out of range, a
 * bad step, too many combinations, windows that do not fit the data), described in one line.
 */
public final class OptimizerException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** A mistake described by {@code message}. */
    public OptimizerException(final String message) {
        super(message);
    }
}
