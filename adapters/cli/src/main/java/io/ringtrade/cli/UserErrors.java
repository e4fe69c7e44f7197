package io.ringtrade.cli;

import io.ringtrade.adapters.marketdata.MarketDataException;
import io.ringtrade.engine.config.EngineConfigException;
import io.ringtrade.journal.JournalException;

import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /**
     * A command-line parser message in the user's words rather than Java's or the parser library's: {@code '2.5' is
     * not a long} becomes {@code '2.5' is not a whole number}, and {@code Value for option option '--param' (<String=
     * String>) should be in KEY=VALUE format but was fast} becomes {@code --param: expected NAME=VALUE, got 'fast'}.
     */
    static String plainWords(final String message) {
        if (message == null) {
            return "invalid command line";
        }
        final Matcher keyValue = KEY_VALUE.matcher(message);
        if (keyValue.find()) {
            return keyValue.group(1) + ": expected NAME=VALUE, got '" + keyValue.group(2) + "'";
        }
        String plain = message.replaceAll("is not an? (long|int|integer|short|byte)\\b", "is not a whole number")
            .replaceAll("is not an? (double|float)\\b", "is not a number")
            .replace("Invalid value for option '", "")
            .replace("Missing required option: '", "missing required option '");
        final Matcher invalid = INVALID_VALUE.matcher(plain);
        if (invalid.matches()) {
            plain = invalid.group(1) + ": " + invalid.group(2);
        }
        return plain.replace("Unmatched argument at index ", "unknown argument at position ")
            .replace("Unknown option: ", "unknown option ")
            .replace("Missing required parameter", "missing required parameter");
    }

    /** picocli's map-option message: the option, then the text that has no {@code =}. */
    private static final Pattern KEY_VALUE = Pattern.compile(
        "Value for option option '([^']+)' \\([^)]*\\) should be in KEY=VALUE format but was (.*)");
    /** What is left of picocli's "Invalid value for option" after its prefix is cut: the option and the problem. */
    private static final Pattern INVALID_VALUE = Pattern.compile("([^']+)': (.*)");

    /** The one-line message for a user error. */
    static String message(final Throwable ex) {
        if (ex instanceof NoSuchFileException missing) {
            return missing.getFile() + ": file not found";
        }
        final String message = ex.getMessage();
        return message == null ? ex.getClass().getSimpleName() : message;
    }
}
