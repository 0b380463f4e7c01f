package org.wirecopy.eval;

import org.wirecopy.classify.ClassifiedArticle;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One evaluated article: its gold labels beside the classifier's output.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id        article id
 * @param fields    the article's extra fields (style, source, ...)
 * @param gold      gold label per paragraph
 * @param predicted the classifier's output for the same paragraphs
 */
public record ArticleOutcome(String id, Map<String, String> fields, List<String> gold, ClassifiedArticle predicted) {

    /**
     * Checks the components and copies the fields and gold labels into immutable collections.
     *
     * @param id        article id; not null
     * @param fields    the article's extra fields; not null
     * @param gold      gold label per paragraph, none null
     * @param predicted the classifier's output, one paragraph per gold label
     * @throws IllegalArgumentException when a gold label is missing or the counts differ
     */
    public ArticleOutcome {
        Objects.requireNonNull(id, "id");
        fields = Map.copyOf(Objects.requireNonNull(fields, "fields"));
        Objects.requireNonNull(gold, "gold");
        for (int i = 0; i < gold.size(); i++) {
            if (gold.get(i) == null) {
                throw new IllegalArgumentException("article " + id + ", paragraph " + i + " has no gold label: "
                        + "evaluation needs every paragraph labelled (run validate-data to list the unlabelled ones)");
            }
        }
        gold = List.copyOf(gold);
        Objects.requireNonNull(predicted, "predicted");
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException("article " + id + ": " + gold.size() + " gold labels but "
                    + predicted.size() + " predictions");
        }
    }
}
