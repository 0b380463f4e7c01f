package org.wirecopy.classify;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One paragraph with its predicted label and the score of every label.
 *
 * <p>Immutable and thread-safe.
 *
 * @param index  position in the article, from 0
 * @param text   the paragraph's original text
 * @param start  offset of its first char in the input
 * @param end    offset after its last char in the input
 * @param label  the label with the highest score
 * @param scores probability of every label of the model, in the model's label order; they sum to 1
 * @param uncertain whether the label's score is below the classifier's minimum confidence (the label and all scores
 *                  are still given)
 */
public record ClassifiedParagraph(int index, String text, int start, int end, String label,
                                  Map<String, Double> scores, boolean uncertain) {

    /**
     * Checks the components and copies the scores into an unmodifiable map that keeps their order.
     *
     * @param index     position in the article, from 0
     * @param text      the paragraph's original text; not null
     * @param start     offset of its first char in the input
     * @param end       offset after its last char in the input
     * @param label     the label with the highest score; not null
     * @param scores    probability of every label, in the model's label order; not null
     * @param uncertain whether the label's score is below the classifier's minimum confidence
     * @throws IllegalArgumentException when {@code scores} has no score for {@code label}
     */
    public ClassifiedParagraph {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(label, "label");
        if (!(Objects.requireNonNull(scores, "scores") instanceof ScoreMap)) {
            scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
        }
        if (!scores.containsKey(label)) throw new IllegalArgumentException("label " + label + " has no score");
    }

    /**
     * A paragraph that is not flagged uncertain.
     *
     * @param index  position in the article, from 0
     * @param text   the paragraph's original text; not null
     * @param start  offset of its first char in the input
     * @param end    offset after its last char in the input
     * @param label  the label with the highest score; not null
     * @param scores probability of every label, in the model's label order; not null
     * @throws IllegalArgumentException when {@code scores} has no score for {@code label}
     */
    public ClassifiedParagraph(int index, String text, int start, int end, String label, Map<String, Double> scores) {
        this(index, text, start, end, label, scores, false);
    }

    /**
     * The score of a standard label; see {@link #score(String)}.
     *
     * @param label a standard label
     * @return its probability, in 0..1
     * @throws IllegalArgumentException when the model has no such label
     */
    public double score(Label label) {
        return score(label.id());
    }

    /**
     * Whether the predicted label is {@code label}.
     *
     * @param label a standard label
     * @return true when {@link #label()} is its {@link Label#id() id}
     */
    public boolean is(Label label) {
        return this.label.equals(label.id());
    }

    /** {@return the scores as records, in the model's label order} */
    public ParagraphScores scoreRecords() {
        java.util.List<LabelScore> out = new java.util.ArrayList<>(scores.size());
        for (Map.Entry<String, Double> e : scores.entrySet()) out.add(new LabelScore(e.getKey(), e.getValue()));
        return new ParagraphScores(index, out);
    }

    /** {@return the score of the predicted label, in 0..1} */
    public double confidence() {
        return scores.get(label);
    }

    /**
     * The score of {@code label}.
     *
     * @param label a label as the model names it
     * @return its probability, in 0..1
     * @throws IllegalArgumentException when the model has no such label (a typo such as {@code "REPORTNG"})
     */
    public double score(String label) {
        Double s = scores.get(label);
        if (s == null) {
            throw new IllegalArgumentException("no label '" + label + "' in this model; its labels are "
                    + scores.keySet());
        }
        return s;
    }
}
