package org.wirecopy.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a model turns a paragraph's scores into its label. {@link #NONE} (every model trained without
 * {@code --fit-thresholds}) takes the label of the highest score, exactly as models always did. Otherwise one additive
 * bias per label, in the model's label order, is added to the log of that label's score, and the label with the
 * greatest sum wins (a tie goes to the earlier label): {@code argmax_j (log p_j + b_j)}. The scores themselves are not
 * changed, only which label is chosen.
 *
 * <p>With two labels this is a threshold on the second label's score: it wins when
 * {@code p_2 > 1 / (1 + exp(b_2 - b_1))} ({@link #threshold()}). The biases are fitted on dev data for macro-F1 by
 * {@code org.wirecopy.train.DecisionFitter}, which corrects a model whose training data has other label shares than
 * the data it will label (class-prior shift), and are stored in the model file ({@code decision} in the manifest).
 *
 * <p>Immutable and thread-safe.
 *
 * @param biases one bias per label in the model's label order, finite and within +-{@value #MAX_BIAS}; empty for
 *               {@link #NONE}
 */
public record DecisionBiases(List<Double> biases) {

    /** Largest bias magnitude: e^50 is far beyond any shift of label shares. */
    public static final double MAX_BIAS = 50;

    /** No biases: the label of the highest score. */
    public static final DecisionBiases NONE = new DecisionBiases(List.of());

    /** Scores are floored here before their log is taken, so a score of 0 still has a (very low) finite log. */
    private static final double FLOOR = 1e-30;

    /**
     * Checks the biases and copies them into an immutable list.
     *
     * @param biases one bias per label, or empty for none; not null
     * @throws IllegalArgumentException when there is a single bias, or a bias is not finite or beyond +-{@value #MAX_BIAS}
     */
    public DecisionBiases {
        biases = List.copyOf(Objects.requireNonNull(biases, "biases"));
        if (biases.size() == 1) {
            throw new IllegalArgumentException("decision biases need one per label (at least two), got one");
        }
        for (int j = 0; j < biases.size(); j++) {
            double b = biases.get(j);
            if (!(Math.abs(b) <= MAX_BIAS)) {
                throw new IllegalArgumentException("decision bias " + j + " must be finite and within +-" + MAX_BIAS
                        + ", got " + b);
            }
        }
    }

    /**
     * Biases of two labels that label a paragraph with the second when its score is above {@code threshold}.
     *
     * @param threshold the second label's score above which it wins, in (0, 1)
     * @return biases {@code 0} and {@code log((1 - threshold) / threshold)}
     * @throws IllegalArgumentException when {@code threshold} is not inside (0, 1) or so near an end that the bias
     *                                  would pass +-{@value #MAX_BIAS}
     */
    public static DecisionBiases ofThreshold(double threshold) {
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be inside (0, 1), got " + threshold);
        }
        return new DecisionBiases(List.of(0.0, Math.log((1 - threshold) / threshold)));
    }

    /** {@return true for {@link #NONE}: the label of the highest score} */
    public boolean isNone() {
        return biases.isEmpty();
    }

    /** {@return the number of labels the biases are for, 0 for {@link #NONE}} */
    public int size() {
        return biases.size();
    }

    /**
     * With two labels, the second label's score above which it wins: {@code 1 / (1 + exp(b_2 - b_1))}; 0.5 means the
     * highest score wins.
     *
     * @return the threshold, in (0, 1)
     * @throws IllegalStateException when the biases are not for exactly two labels
     */
    public double threshold() {
        if (biases.size() != 2) {
            throw new IllegalStateException("a threshold exists for two labels; these biases are for " + biases.size());
        }
        return 1 / (1 + Math.exp(biases.get(1) - biases.get(0)));
    }

    /**
     * The index of the label these biases choose for one paragraph's scores.
     *
     * @param scores the paragraph's score per label, in the model's label order; read, not kept
     * @return the index of the label of the greatest {@code log p_j + b_j} (the highest score for {@link #NONE}),
     *         the earlier on a tie
     * @throws IllegalArgumentException when the biases are for another number of labels
     */
    public int choose(float[] scores) {
        if (biases.isEmpty()) {
            int best = 0;
            for (int j = 1; j < scores.length; j++) if (scores[j] > scores[best]) best = j;
            return best;
        }
        if (scores.length != biases.size()) {
            throw new IllegalArgumentException("decision biases are for " + biases.size() + " labels, the scores have "
                    + scores.length);
        }
        int best = 0;
        double top = biased(scores, 0);
        for (int j = 1; j < scores.length; j++) {
            double v = biased(scores, j);
            if (v > top) {
                top = v;
                best = j;
            }
        }
        return best;
    }

    /**
     * {@code log p_j}, as {@link #choose} reads it before adding the bias: the log of the score floored at 1e-30.
     *
     * @param score a label's score
     * @return its log
     */
    public static double logScore(float score) {
        return Math.log(Math.max(score, FLOOR));
    }

    private double biased(float[] scores, int j) {
        return logScore(scores[j]) + biases.get(j);
    }

    /**
     * The biases as a mutable copy of doubles, for computation.
     *
     * @return a new array, empty for {@link #NONE}
     */
    public double[] toArray() {
        double[] out = new double[biases.size()];
        for (int j = 0; j < out.length; j++) out[j] = biases.get(j);
        return out;
    }

    /**
     * Biases from an array.
     *
     * @param biases one per label; copied
     * @return the biases
     */
    public static DecisionBiases of(double... biases) {
        List<Double> l = new ArrayList<>(biases.length);
        for (double b : biases) l.add(b);
        return new DecisionBiases(l);
    }
}
