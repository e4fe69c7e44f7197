package io.ringtrade.cli;

import io.ringtrade.adapters.marketdata.MarketDataException;
import io.ringtrade.engine.config.EngineConfigException;
import io.ringtrade.journal.JournalException;

import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;

/**
 * Tells user mistakes (which get one clear line and no stack trace) from bugs. Stateless.
 */
final class UserErrors {
    private UserErrors() {
    }

    /** True for exceptions that describe something the user can fix. */
    static boolean isUserError(final Throwable ex) {
        return ex instanceof IllegalArgumentException
            || ex instanceof MarketDataException
            || ex instanceof EngineConfigException
            || ex instanceof UserException
            || ex instanceof UncheckedIOException
            || ex instanceof NoSuchFileException
            || ex instanceof JournalException;
    }

    /** The one-line message for a user error. */
    static String message(final Throwable ex) {
        if (ex instanceof NoSuchFileException missing) {
            return missing.getFile() + ": file not found";
        }
        final String message = ex.getMessage();
        return message == null ? ex.getClass().getSimpleName() : message;
    }
}
