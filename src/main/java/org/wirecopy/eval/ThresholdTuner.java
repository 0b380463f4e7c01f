package org.wirecopy.eval;

import org.wirecopy.classify.ClassifiedParagraph;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Picks a minimum confidence on labelled (dev) data so that the paragraphs labelled {@code label} with at least that
 * confidence reach a target precision: the lowest such threshold, so that as few paragraphs as possible are set aside
 * as uncertain.
 *
 * <p>Stateless and thread-safe.
 */
public final class ThresholdTuner {

    private ThresholdTuner() {
    }

    /**
     * The chosen threshold and what it gives on the data. Immutable and thread-safe.
     *
     * @param label           the label tuned for
     * @param targetPrecision the precision asked for
     * @param minConfidence   the chosen minimum confidence (1.0 when the target cannot be reached)
     * @param reached         whether the target precision is reached at that threshold
     * @param precision       precision of the label among confident paragraphs
     * @param recall          recall of the label counting only confident paragraphs as found
     * @param coverage        share of the paragraphs predicted as the label that stay confident
     */
    public record Threshold(String label, double targetPrecision, double minConfidence, boolean reached,
                            double precision, double recall, double coverage) {
    }

    /**
     * Tunes on the predictions held in {@code evaluation}.
     *
     * @param evaluation      a classifier's predictions on labelled data
     * @param label           one of the evaluation's labels
     * @param targetPrecision the precision asked for, in (0, 1]
     * @return the lowest threshold that reaches it, or 1.0 with {@code reached} false
     * @throws IllegalArgumentException when the label is unknown or the target out of range
     */
    public static Threshold tune(Evaluation evaluation, String label, double targetPrecision) {
        Objects.requireNonNull(label, "label");
        if (!evaluation.labels().contains(label)) {
            throw new IllegalArgumentException("label '" + label + "' is not one of " + evaluation.labels());
        }
        if (!(targetPrecision > 0 && targetPrecision <= 1)) {
            throw new IllegalArgumentException("target precision must be in (0, 1], got " + targetPrecision);
        }
        List<double[]> predicted = new ArrayList<>(); // {confidence, correct}
        long gold = 0;
        for (ArticleOutcome a : evaluation.articles()) {
            for (int i = 0; i < a.gold().size(); i++) {
                ClassifiedParagraph p = a.predicted().paragraphs().get(i);
                boolean isGold = a.gold().get(i).equals(label);
                if (isGold) gold++;
                if (p.label().equals(label)) predicted.add(new double[]{p.confidence(), isGold ? 1 : 0});
            }
        }
        predicted.sort((x, y) -> Double.compare(y[0], x[0]));
        double best = Double.NaN;
        int bestKept = 0;
        long bestRight = 0;
        long right = 0;
        for (int i = 0; i < predicted.size(); i++) {
            right += (long) predicted.get(i)[1];
            boolean lastOfTie = i + 1 == predicted.size() || predicted.get(i + 1)[0] != predicted.get(i)[0];
            if (lastOfTie && right / (double) (i + 1) >= targetPrecision) {
                best = predicted.get(i)[0];
                bestKept = i + 1;
                bestRight = right;
            }
        }
        if (Double.isNaN(best)) {
            return new Threshold(label, targetPrecision, 1.0, false, 0, 0, 0);
        }
        return new Threshold(label, targetPrecision, best, true, bestRight / (double) bestKept,
                gold == 0 ? 0 : bestRight / (double) gold, bestKept / (double) predicted.size());
    }
}
