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

    public MatchedArticle {
        labels = List.copyOf(labels);
        paragraphs = List.copyOf(paragraphs);
        if (matches.paragraphs().size() != paragraphs.size()) {
            throw new IllegalArgumentException("one match per paragraph expected");
        }
    }

    /** Paragraphs per final label, every label present. */
    public Map<String, Integer> counts() {
        Map<String, Integer> c = new LinkedHashMap<>();
        for (String l : labels) c.put(l, 0);
        for (MatchedParagraph p : paragraphs) c.merge(p.label(), 1, Integer::sum);
        return c;
    }

    /** Paragraphs whose label the match changed. */
    public int overridden() {
        int n = 0;
        for (MatchedParagraph p : paragraphs) if (p.overridden()) n++;
        return n;
    }
}
