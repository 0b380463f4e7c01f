package org.wirecopy.corpus;

import java.nio.file.Path;
import java.util.Locale;

/**
 * File formats a corpus can be read from.
 *
 * <p>Immutable and thread-safe.
 */
public enum CorpusFormat {
    /** Decide from the file name: {@code .jsonl}/{@code .json}/{@code .ndjson}, {@code .tsv}, {@code .csv}. */
    AUTO,
    /** One JSON object per line: an article with {@code paragraphs}, or a flat row with a text field. */
    JSONL,
    /** Tab-separated with a header row; no quoting. */
    TSV,
    /** Comma-separated with a header row; RFC 4180 quoting. */
    CSV,
    /** One example per line, no header; the label comes from the options ({@code --file-labels}), one per file. */
    LINES;

    /**
     * The concrete format of {@code file}: this format, or for {@link #AUTO} the one its name's extension says
     * ({@code .tsv} and {@code .tab} TSV, {@code .csv} CSV, anything else JSONL).
     *
     * @param file a data file
     * @return a format other than AUTO
     */
    public CorpusFormat resolve(Path file) {
        if (this != AUTO) return this;
        String n = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".tsv") || n.endsWith(".tab")) return TSV;
        if (n.endsWith(".csv")) return CSV;
        return JSONL;
    }

    /**
     * Parses a CLI or config value such as {@code "tsv"}, case-insensitively.
     *
     * @param s a format name, surrounding whitespace ignored
     * @return the format of that name
     * @throws IllegalArgumentException when no format has that name, listing them
     */
    public static CorpusFormat parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown data format '" + s + "'; use auto, jsonl, tsv, csv or lines", e);
        }
    }
}
