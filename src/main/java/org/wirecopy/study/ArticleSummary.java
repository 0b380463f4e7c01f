package org.wirecopy.study;

import org.wirecopy.classify.ClassifiedArticle;
import org.wirecopy.classify.ClassifiedParagraph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One classified article reduced to what a study needs: its id, its fields ({@code style}, {@code source}, a date...),
 * the number of paragraphs and the share of its characters per label, the mean confidence of its paragraphs and how
 * many were flagged uncertain.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id             article id (a file path, a corpus id, or {@code path#post-N})
 * @param fields         the article's string fields, in input order
 * @param counts         paragraphs per label, every label present (in the model's label order)
 * @param shares         share of the article's characters per label, every label present; all zero for an empty
 *                       article, otherwise summing to 1
 * @param meanConfidence mean of the paragraphs' top scores (NaN when there are no paragraphs)
 * @param uncertain      paragraphs flagged uncertain
 */
public record ArticleSummary(String id, Map<String, String> fields, Map<String, Integer> counts,
                             Map<String, Double> shares, double meanConfidence, int uncertain) {

    /**
     * Checks the components and copies the maps into unmodifiable ones that keep their order.
     *
     * @param id             article id; not null
     * @param fields         the article's string fields; not null
     * @param counts         paragraphs per label, each at least 0; not null
     * @param shares         share of characters per label, the same labels as {@code counts}, each in 0..1
     * @param meanConfidence mean of the paragraphs' top scores, NaN when there are none
     * @param uncertain      paragraphs flagged uncertain
     * @throws IllegalArgumentException when the labels of counts and shares differ or a value is out of range
     */
    public ArticleSummary {
        Objects.requireNonNull(id, "id");
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(fields, "fields")));
        counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(counts, "counts")));
        shares = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(shares, "shares")));
        if (!counts.keySet().equals(shares.keySet())) {
            throw new IllegalArgumentException("article " + id + ": counts and shares must have the same labels, got "
                    + counts.keySet() + " and " + shares.keySet());
        }
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() == null || e.getValue() < 0) {
                throw new IllegalArgumentException("article " + id + ": count of " + e.getKey() + " must be >= 0");
            }
        }
        for (Map.Entry<String, Double> e : shares.entrySet()) {
            Double v = e.getValue();
            if (v == null || !(v >= 0 && v <= 1 + 1e-9)) {
                throw new IllegalArgumentException("article " + id + ": share of " + e.getKey()
                        + " must be in 0..1, got " + v);
            }
        }
        if (uncertain < 0 || uncertain > paragraphs(counts)) {
            throw new IllegalArgumentException("article " + id + ": uncertain must be in 0.." + paragraphs(counts)
                    + ", got " + uncertain);
        }
    }

    /**
     * Summarises a classified article.
     *
     * @param id      the article's id
     * @param fields  the article's string fields
     * @param article the classified article; not null
     * @return its summary
     */
    public static ArticleSummary of(String id, Map<String, String> fields, ClassifiedArticle article) {
        Objects.requireNonNull(article, "article");
        double conf = 0;
        int uncertain = 0;
        for (ClassifiedParagraph p : article.paragraphs()) {
            conf += p.confidence();
            if (p.uncertain()) uncertain++;
        }
        double mean = article.paragraphs().isEmpty() ? Double.NaN : conf / article.paragraphs().size();
        return new ArticleSummary(id, fields, article.counts(), article.characterShares(), mean, uncertain);
    }

    /** {@return the labels, in the model's order} */
    public List<String> labels() {
        return List.copyOf(counts.keySet());
    }

    /** {@return the number of paragraphs (the sum of the counts)} */
    public int paragraphs() {
        return paragraphs(counts);
    }

    /**
     * The share of {@code label}'s characters (0 for an unknown label).
     *
     * @param label a label name, as the model spells it
     * @return its share, 0..1
     */
    public double share(String label) {
        return shares.getOrDefault(label, 0.0);
    }

    /**
     * The value of a field, or null.
     *
     * @param name the field's name
     * @return its value, or null when the article has no such field
     */
    public String field(String name) {
        return fields.get(name);
    }

    private static int paragraphs(Map<String, Integer> counts) {
        int n = 0;
        for (int c : counts.values()) n += c;
        return n;
    }
}
