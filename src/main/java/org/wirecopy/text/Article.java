package org.wirecopy.text;

import java.util.List;
import java.util.Objects;

/**
 * An article split into paragraphs, before classification.
 *
 * <p>Immutable and thread-safe.
 *
 * @param paragraphs the paragraphs in reading order; indices are 0..n-1
 * @param format     the layout the text was read as ({@link InputFormat#LINES}, {@link InputFormat#BLOCKS} or
 *                   {@link InputFormat#HTML}; never AUTO or TEXT)
 * @param page       what the page says of its own kind ({@link PageSignals#NONE} for plain text)
 */
public record Article(List<Paragraph> paragraphs, InputFormat format, PageSignals page) {

    /**
     * An article with no page signals.
     *
     * @param paragraphs the paragraphs in reading order; their indices must be 0..n-1
     * @param format     the layout the text was read as
     * @throws IllegalArgumentException when a paragraph's index is not its position
     */
    public Article(List<Paragraph> paragraphs, InputFormat format) {
        this(paragraphs, format, PageSignals.NONE);
    }

    /**
     * Checks the components and copies the paragraphs into an immutable list.
     *
     * @param paragraphs the paragraphs in reading order; their indices must be 0..n-1
     * @param format     the layout the text was read as; not null
     * @param page       what the page says of its own kind; not null
     * @throws IllegalArgumentException when a paragraph's index is not its position
     */
    public Article {
        paragraphs = List.copyOf(Objects.requireNonNull(paragraphs, "paragraphs"));
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(page, "page");
        for (int i = 0; i < paragraphs.size(); i++) {
            if (paragraphs.get(i).index() != i) {
                throw new IllegalArgumentException("paragraph at position " + i + " has index "
                        + paragraphs.get(i).index());
            }
        }
    }

    /**
     * An article from paragraph texts given one by one; offsets count as if they were joined by one newline. Blank
     * texts are kept (as paragraphs with empty normalised text).
     *
     * @param texts the paragraphs' texts in reading order; neither the list nor a text may be null
     * @return a {@link InputFormat#LINES} article with no page signals
     */
    public static Article ofParagraphs(List<String> texts) {
        Objects.requireNonNull(texts, "texts");
        Paragraph[] out = new Paragraph[texts.size()];
        int offset = 0;
        for (int i = 0; i < out.length; i++) {
            String t = Objects.requireNonNull(texts.get(i), () -> "paragraph text is null");
            out[i] = Paragraph.of(i, t, offset, offset + t.length());
            offset += t.length() + 1;
        }
        return new Article(List.of(out), InputFormat.LINES);
    }

    /** {@return the number of paragraphs} */
    public int size() {
        return paragraphs.size();
    }

    /** {@return whether the article has no paragraph} */
    public boolean isEmpty() {
        return paragraphs.isEmpty();
    }
}
