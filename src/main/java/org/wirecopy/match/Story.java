package org.wirecopy.match;

import java.util.Objects;

/**
 * A reference story of a {@link SourceIndex}: its id and optional metadata as read from the corpus.
 *
 * <p>Immutable and thread-safe.
 *
 * @param index          position of the story in the index, from 0
 * @param id             the story's id in the corpus
 * @param source         its {@code source} field, or null
 * @param date           its {@code date} field, or null
 * @param title          its {@code title} field, or null
 * @param firstParagraph index (in the index) of its first paragraph
 * @param paragraphCount number of its paragraphs, at least 1
 * @param words          number of words in the story
 */
public record Story(int index, String id, String source, String date, String title, int firstParagraph,
                    int paragraphCount, int words) {

    /**
     * Checks the components.
     *
     * @param index          position of the story in the index, at least 0
     * @param id             the story's id; not null
     * @param source         its source, or null
     * @param date           its date, or null
     * @param title          its title, or null
     * @param firstParagraph index of its first paragraph, at least 0
     * @param paragraphCount number of its paragraphs, at least 1
     * @param words          number of words, at least 0
     * @throws IllegalArgumentException when a number is out of range
     */
    public Story {
        Objects.requireNonNull(id, "id");
        if (index < 0 || firstParagraph < 0 || paragraphCount < 1 || words < 0) {
            throw new IllegalArgumentException("bad story record " + index + " (" + id + ")");
        }
    }
}
