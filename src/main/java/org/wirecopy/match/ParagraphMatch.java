package org.wirecopy.match;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The matches of one paragraph of an article.
 *
 * <p>Immutable and thread-safe.
 *
 * @param index   position of the paragraph in its article, from 0
 * @param text    its original text
 * @param words   its number of words
 * @param matches the matching stories, best first (highest coverage, then Jaccard); empty when none was found or the
 *                paragraph is shorter than the index's minimum
 */
public record ParagraphMatch(int index, String text, int words, List<SourceMatch> matches) {

    /**
     * Checks the components and copies the matches into an immutable list.
     *
     * @param index   position of the paragraph, at least 0
     * @param text    its original text; not null
     * @param words   its number of words, at least 0
     * @param matches the matching stories, best first
     * @throws IllegalArgumentException when the index or word count is negative
     */
    public ParagraphMatch {
        Objects.requireNonNull(text, "text");
        if (index < 0 || words < 0) throw new IllegalArgumentException("bad index or word count");
        matches = List.copyOf(matches);
    }

    /** {@return the best match, if any} */
    public Optional<SourceMatch> best() {
        return matches.isEmpty() ? Optional.empty() : Optional.of(matches.get(0));
    }

    /** {@return whether the paragraph has at least one match} */
    public boolean matched() {
        return !matches.isEmpty();
    }
}
