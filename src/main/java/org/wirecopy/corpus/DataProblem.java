package org.wirecopy.corpus;

import java.util.Objects;

/**
 * One problem found in a data file: where it is, what is wrong and how to fix it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param file    the file as named by the caller
 * @param line    1-based line number, 0 when the problem concerns the whole file
 * @param field   the field or column at fault (e.g. {@code paragraphs[3].label}), or empty
 * @param message what is wrong
 * @param fix     how to fix it
 */
public record DataProblem(String file, long line, String field, String message, String fix) {

    /**
     * Checks that no string is null.
     *
     * @param file    the file as named by the caller
     * @param line    1-based line number, 0 for the whole file
     * @param field   the field or column at fault, or empty
     * @param message what is wrong
     * @param fix     how to fix it
     */
    public DataProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
    }

    /** {@code file:line: field: message (fix)}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(file);
        if (line > 0) b.append(':').append(line);
        b.append(": ");
        if (!field.isEmpty()) b.append(field).append(": ");
        b.append(message);
        if (!fix.isEmpty()) b.append(" (").append(fix).append(')');
        return b.toString();
    }
}
