package org.wirecopy.classify;

import java.util.Objects;

/**
 * One label's probability for one paragraph.
 *
 * <p>Immutable and thread-safe.
 *
 * @param label the label, as the model names it
 * @param score its probability, in 0..1
 */
public record LabelScore(String label, double score) {

    /**
     * Checks the components.
     *
     * @param label the label, as the model names it; not null
     * @param score its probability, in 0..1
     * @throws IllegalArgumentException when {@code score} is outside 0..1 or NaN
     */
    public LabelScore {
        Objects.requireNonNull(label, "label");
        if (!(score >= 0 && score <= 1)) throw new IllegalArgumentException("score of " + label + " is " + score
                + "; a probability is in 0..1");
    }
}
