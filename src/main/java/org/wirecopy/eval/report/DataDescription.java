package org.wirecopy.eval.report;

import org.wirecopy.corpus.Corpus;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The data a report was measured on: its name (file names, as {@link Corpus#name()} gives them) and the SHA-256 of
 * its content ({@link Corpus#sha256()}), so a reader can check that a figure was measured on the data they hold.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name   what the data was read from, not blank
 * @param sha256 SHA-256 of the data content: 64 hexadecimal digits, stored in lower case
 */
public record DataDescription(String name, String sha256) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /**
     * Checks the components and stores the hash stripped and in lower case.
     *
     * @param name   what the data was read from, not blank
     * @param sha256 SHA-256 of the data content, 64 hexadecimal digits in either case
     * @throws IllegalArgumentException when the name is blank or the hash is not 64 hexadecimal digits
     */
    public DataDescription {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha256, "sha256");
        if (name.isBlank()) throw new IllegalArgumentException("data name is blank; give the file name(s) read");
        sha256 = sha256.strip().toLowerCase(java.util.Locale.ROOT);
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("data SHA-256 '" + sha256 + "' is not 64 hexadecimal digits; "
                    + "use Corpus.sha256() of the evaluated data");
        }
    }

    /**
     * The name and content hash of {@code corpus}.
     *
     * @param corpus the evaluated data
     * @return its {@link Corpus#name()} and {@link Corpus#sha256()}
     */
    public static DataDescription of(Corpus corpus) {
        return new DataDescription(corpus.name(), corpus.sha256());
    }
}
