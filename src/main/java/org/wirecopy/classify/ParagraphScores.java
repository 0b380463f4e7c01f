package org.wirecopy.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Every label's probability for one paragraph, in the model's label order: the record form of one row of
 * {@link Classifier#scores(List)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param index  the paragraph's position in its article, from 0
 * @param scores one score per label of the model, in the model's label order
 */
public record ParagraphScores(int index, List<LabelScore> scores) {

    /**
     * Checks the components and copies the scores into an immutable list.
     *
     * @param index  the paragraph's position in its article, at least 0
     * @param scores one score per label, in the model's label order; not null or empty
     * @throws IllegalArgumentException when {@code index} is negative or {@code scores} is empty
     */
    public ParagraphScores {
        if (index < 0) throw new IllegalArgumentException("index must be >= 0, got " + index);
        scores = List.copyOf(Objects.requireNonNull(scores, "scores"));
        if (scores.isEmpty()) throw new IllegalArgumentException("no scores for paragraph " + index);
    }

    /**
     * The score of {@code label}.
     *
     * @param label a label as the model names it
     * @return its probability, in 0..1
     * @throws IllegalArgumentException when the model has no such label
     */
    public double score(String label) {
        for (LabelScore s : scores) if (s.label().equals(label)) return s.score();
        throw new IllegalArgumentException("no label '" + label + "' in this model; its labels are "
                + scores.stream().map(LabelScore::label).toList());
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

    /** {@return the label with the highest score (the first of equal ones)} */
    public LabelScore best() {
        LabelScore best = scores.get(0);
        for (LabelScore s : scores) if (s.score() > best.score()) best = s;
        return best;
    }

    /** {@return the scores from highest to lowest (ties in model order)} */
    public List<LabelScore> ranked() {
        List<LabelScore> out = new ArrayList<>(scores);
        out.sort(Comparator.comparingDouble(LabelScore::score).reversed());
        return List.copyOf(out);
    }
}
