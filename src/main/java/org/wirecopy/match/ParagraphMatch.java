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

    public ParagraphMatch {
        Objects.requireNonNull(text, "text");
        if (index < 0 || words < 0) throw new IllegalArgumentException("bad index or word count");
        matches = List.copyOf(matches);
    }

    /** The best match, if any. */
    public Optional<SourceMatch> best() {
        return matches.isEmpty() ? Optional.empty() : Optional.of(matches.get(0));
    }

    public boolean matched() {
        return !matches.isEmpty();
    }
}
