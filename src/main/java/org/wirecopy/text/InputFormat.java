package org.wirecopy.text;

import java.util.Locale;

/**
 * How an article's text is laid out.
 *
 * <p>Immutable and thread-safe.
 */
public enum InputFormat {
    /** Decide from the content: HTML when it has block-level tags, else plain text in one of the two layouts. */
    AUTO,
    /** Plain text; one paragraph per line or blank-line-separated blocks, decided from the content. */
    TEXT,
    /** Plain text, every non-blank line is a paragraph. */
    LINES,
    /** Plain text, hard-wrapped: paragraphs are blocks separated by blank lines. */
    BLOCKS,
    /** HTML: paragraphs are {@code p}, {@code li}, {@code h1}-{@code h6}, {@code blockquote} and text blocks. */
    HTML;

    /**
     * Parses a CLI or config value such as {@code "html"}, case-insensitively.
     *
     * @param value a format name, surrounding whitespace ignored
     * @return the format of that name
     * @throws IllegalArgumentException when no format has that name, listing them
     */
    public static InputFormat parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown input format '" + value
                    + "'; use one of auto, text, lines, blocks, html", e);
        }
    }
}
