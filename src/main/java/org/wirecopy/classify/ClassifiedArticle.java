package org.wirecopy.classify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A classified article: every paragraph with its label and scores, and per-label totals.
 *
 * <p>Immutable and thread-safe.
 *
 * @param labels     the model's labels, in score order
 * @param paragraphs the paragraphs in reading order
 */
public record ClassifiedArticle(List<String> labels, List<ClassifiedParagraph> paragraphs) {

    /**
     * Copies both lists into immutable ones.
     *
     * @param labels     the model's labels, in score order; not null
     * @param paragraphs the paragraphs in reading order; not null
     */
    public ClassifiedArticle {
        labels = List.copyOf(Objects.requireNonNull(labels, "labels"));
        paragraphs = List.copyOf(Objects.requireNonNull(paragraphs, "paragraphs"));
    }

    /** {@return the number of paragraphs per label, in label order (every label present, zero included)} */
    public Map<String, Integer> counts() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String l : labels) out.put(l, 0);
        for (ClassifiedParagraph p : paragraphs) out.merge(p.label(), 1, Integer::sum);
        return out;
    }

    /** {@return the characters of original text per label, in label order (every label present)} */
    public Map<String, Long> characters() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String l : labels) out.put(l, 0L);
        for (ClassifiedParagraph p : paragraphs) out.merge(p.label(), (long) p.text().length(), Long::sum);
        return out;
    }

    /** {@return the share of the article's characters per label, summing to 1 (all zero for an empty article)} */
    public Map<String, Double> characterShares() {
        Map<String, Long> chars = characters();
        long total = 0;
        for (long c : chars.values()) total += c;
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : chars.entrySet()) {
            out.put(e.getKey(), total == 0 ? 0.0 : e.getValue() / (double) total);
        }
        return out;
    }

    /** {@return the predicted labels in paragraph order} */
    public List<String> predictedLabels() {
        return paragraphs.stream().map(ClassifiedParagraph::label).toList();
    }

    /** {@return the number of paragraphs} */
    public int size() {
        return paragraphs.size();
    }
}
