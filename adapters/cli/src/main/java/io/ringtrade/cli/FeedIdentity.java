package io.ringtrade.cli;

import io.ringtrade.engine.config.EngineConfigLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a run's inputs are made of: the feed file and the signals file (or none), each with the SHA-256 of its bytes.
 * The journal manifest records it ({@link JournalManifest}), and a restart must present the same bytes, because the
 * feed resumes by counting the inputs already journaled: another file would be silently misaligned. Locations are
 * recorded for the operator; identity is the content, so a file moved elsewhere with the same bytes still matches.
 *
 * <p>Immutable; computed on the start-up thread.
 *
 * @param feed    the feed's file
 * @param signals the signals file, or null when the run has none
 */
record FeedIdentity(InputFile feed, InputFile signals) {
    /**
     * One input file.
     *
     * @param location as configured: a path, or {@code classpath:} and a resource name
     * @param sha256   lower-case hex SHA-256 of its bytes, or null when the file is missing
     */
    record InputFile(String location, String sha256) {
        /** Reads {@code location} (a path or a {@code classpath:} resource) and hashes it; a missing file has no hash. */
        static InputFile of(final String location) {
            try (InputStream in = open(location)) {
                if (in == null) {
                    return new InputFile(location, null);
                }
                final MessageDigest digest = MessageDigest.getInstance("SHA-256");
                try (DigestInputStream digesting = new DigestInputStream(in, digest)) {
                    digesting.transferTo(OutputStream.nullOutputStream());
                }
                return new InputFile(location, HexFormat.of().formatHex(digest.digest()));
            } catch (final NoSuchFileException e) {
                return new InputFile(location, null);
            } catch (final IOException e) {
                throw new UncheckedIOException("cannot read " + location + ": " + e.getMessage(), e);
            } catch (final NoSuchAlgorithmException e) {
                throw new IllegalStateException("the JDK has no SHA-256", e);
            }
        }

        private static InputStream open(final String location) throws IOException {
            if (location.startsWith(EngineConfigLoader.CLASSPATH_PREFIX)) {
                return FeedIdentity.class.getClassLoader()
                    .getResourceAsStream(location.substring(EngineConfigLoader.CLASSPATH_PREFIX.length()));
            }
            final Path file = Path.of(location);
            return Files.isRegularFile(file) ? Files.newInputStream(file) : null;
        }

        /** Whether the file was there to hash. */
        boolean present() {
            return sha256 != null;
        }

        /** Same content (both present with equal hashes). */
        boolean sameContentAs(final InputFile other) {
            return other != null && present() && sha256.equals(other.sha256);
        }

        /** How a message names it: location and hash, or that it is missing. */
        String describe() {
            return location + (present() ? " (sha256 " + sha256 + ")" : " (missing)");
        }
    }

    /** The identity of a run's feed file and signals file ({@code signalsFile} null when there is none). */
    static FeedIdentity of(final String feedLocation, final Path signalsFile) {
        return new FeedIdentity(InputFile.of(feedLocation), signalsFile == null ? null : InputFile.of(signalsFile.toString()));
    }
}
