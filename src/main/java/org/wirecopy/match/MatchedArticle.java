package org.wirecopy.match;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An article classified and matched against reference stories.
 *
 * <p>Immutable and thread-safe.
 *
 * @param labels     the classifier's labels, in score order
 * @param paragraphs one entry per paragraph, in order
 * @param matches    the source matches of the article, with the per-article summary
 */
public record MatchedArticle(List<String> labels, List<MatchedParagraph> paragraphs, ArticleMatch matches) {

    /**
     * Checks the components and copies the lists into immutable ones.
     *
     * @param labels     the classifier's labels, in score order
     * @param paragraphs one entry per paragraph, in order
     * @param matches    the source matches, one per paragraph
     * @throws IllegalArgumentException when the matches are not one per paragraph
     */
    public MatchedArticle {
        labels = List.copyOf(labels);
        paragraphs = List.copyOf(paragraphs);
        if (matches.paragraphs().size() != paragraphs.size()) {
            throw new IllegalArgumentException("one match per paragraph expected");
        }
    }

    /** {@return the paragraphs per final label, every label present, in label order} */
    public Map<String, Integer> counts() {
        Map<String, Integer> c = new LinkedHashMap<>();
        for (String l : labels) c.put(l, 0);
        for (MatchedParagraph p : paragraphs) c.merge(p.label(), 1, Integer::sum);
        return c;
    }

    /** {@return the number of paragraphs whose label the match changed} */
    public int overridden() {
        int n = 0;
        for (MatchedParagraph p : paragraphs) if (p.overridden()) n++;
        return n;
    }
}
