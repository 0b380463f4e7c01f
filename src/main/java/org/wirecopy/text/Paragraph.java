package org.wirecopy.text;

import java.util.Objects;

/**
 * One paragraph of an article as it was found in the input.
 *
 * <p>{@code text} is the paragraph exactly as it appears in the input (for plain text, the substring
 * {@code input.substring(start, end)}; for HTML, the element's visible text), {@code normalizedText} is what the model
 * reads (entities decoded, odd spaces, quotes and dashes unified, whitespace collapsed). Offsets are UTF-16 char
 * indices into the input string, {@code start} inclusive and {@code end} exclusive.
 *
 * <p>Immutable and thread-safe.
 *
 * @param index           position in the article, from 0
 * @param text            original text
 * @param normalizedText  normalised text the features are computed from
 * @param start           offset of the first char in the input
 * @param end             offset after the last char in the input
 * @param blockquoteDepth how many {@code blockquote} elements enclose it (0 for plain text)
 * @param headingLevel    1 to 6 for {@code h1}..{@code h6}, 0 otherwise
 */
public record Paragraph(int index, String text, String normalizedText, int start, int end,
                        int blockquoteDepth, int headingLevel) {

    public Paragraph {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(normalizedText, "normalizedText");
        if (index < 0) throw new IllegalArgumentException("index must be >= 0, got " + index);
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad offsets [" + start + ", " + end + ") for paragraph " + index);
        }
        if (blockquoteDepth < 0) throw new IllegalArgumentException("blockquoteDepth must be >= 0");
        if (headingLevel < 0 || headingLevel > 6) throw new IllegalArgumentException("headingLevel must be 0..6");
    }

    /** A paragraph with no markup cues, normalising {@code text} itself. */
    public static Paragraph of(int index, String text, int start, int end) {
        return new Paragraph(index, text, TextNormalizer.normalize(text), start, end, 0, 0);
    }

    /** Length of the original text in chars. */
    public int length() {
        return text.length();
    }
}
