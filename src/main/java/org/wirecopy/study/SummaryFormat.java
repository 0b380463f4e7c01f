package org.wirecopy.study;

import java.nio.file.Path;
import java.util.Locale;

/** The file formats of article summaries and group tables. Immutable and thread-safe. */
public enum SummaryFormat {
    /** Comma-separated with a header row (RFC 4180 quoting). */
    CSV,
    /** One JSON object per line. */
    JSONL;

    /**
     * The format a file name asks for: {@code .csv} or {@code .jsonl}/{@code .json}.
     *
     * @param file a file name, in any case
     * @return CSV or JSONL
     * @throws IllegalArgumentException for any other extension, naming the file
     */
    public static SummaryFormat of(Path file) {
        String n = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".csv")) return CSV;
        if (n.endsWith(".jsonl") || n.endsWith(".json")) return JSONL;
        throw new IllegalArgumentException(file + ": cannot tell the summary format from the file name; "
                + "end it with .csv or .jsonl");
    }
}
