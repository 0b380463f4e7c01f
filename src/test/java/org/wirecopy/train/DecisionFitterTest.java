package org.wirecopy.train;

import org.junit.jupiter.api.Test;
import org.wirecopy.model.DecisionBiases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecisionFitterTest {

    /** Rows {1 - p, p} of two-label scores. */
    private static float[][] twoLabels(double... p) {
        float[][] s = new float[p.length][];
        for (int i = 0; i < p.length; i++) s[i] = new float[]{(float) (1 - p[i]), (float) p[i]};
        return s;
    }

    @Test
    void findsTheMacroF1BestThresholdOfTwoLabels() {
        // positives .30 .35 .40 .60 .70, negatives .10 .20 .25 .45 .55
        float[][] s = twoLabels(0.30, 0.35, 0.40, 0.60, 0.70, 0.10, 0.20, 0.25, 0.45, 0.55);
        int[] gold = {1, 1, 1, 1, 1, 0, 0, 0, 0, 0};
        DecisionFitter.Fit fit = DecisionFitter.fit(s, gold, 2);
        // by hand: at 0.5, positive F1 2*2/(5+3) = 0.5, negative F1 2*4/(5+7) = 2/3, macro 0.5833;
        // cut between .25 and .30: positive 2*5/(5+7) = 5/6, negative 2*3/(5+3) = 3/4, macro 0.7917, the best
        // (between .20 and .25: 10/13 and 4/7, macro 0.670; between .40 and .45: worse)
        assertEquals((0.5 + 2.0 / 3) / 2, fit.before(), 1e-9);
        assertEquals((5.0 / 6 + 0.75) / 2, fit.after(), 1e-9);
        double t = fit.biases().threshold();
        assertTrue(t > 0.25 && t < 0.30, "threshold " + t);
        assertEquals(0.0, fit.biases().biases().get(0));
        assertEquals(1, fit.biases().choose(s[0]), "0.30 is now above the threshold");
        assertEquals(0, fit.biases().choose(s[7]), "0.25 stays below");
    }

    @Test
    void keepsTheHighestScoreWhenNothingBeatsIt() {
        float[][] s = twoLabels(0.9, 0.8, 0.6, 0.4, 0.2, 0.1);
        int[] gold = {1, 1, 1, 0, 0, 0};
        DecisionFitter.Fit fit = DecisionFitter.fit(s, gold, 2);
        assertEquals(1.0, fit.before());
        assertEquals(1.0, fit.after());
        assertEquals(0.5, fit.biases().threshold(), 1e-12, "no move without a strict gain");
    }

    @Test
    void coordinateSearchRaisesAnUnderpredictedLabelOfThree() {
        // label 2 is always second to label 0 on its own paragraphs (0.40 vs 0.50); nothing else is close
        float[][] s = {
                {0.8f, 0.1f, 0.1f}, {0.7f, 0.2f, 0.1f},
                {0.1f, 0.8f, 0.1f}, {0.2f, 0.7f, 0.1f},
                {0.5f, 0.1f, 0.4f}, {0.5f, 0.1f, 0.4f}};
        int[] gold = {0, 0, 1, 1, 2, 2};
        DecisionFitter.Fit fit = DecisionFitter.fit(s, gold, 3);
        // by hand: label 0 F1 2*2/(2+4) = 2/3, label 1 F1 1, label 2 F1 0 (never predicted): macro 5/9
        assertEquals(5.0 / 9, fit.before(), 1e-9);
        assertEquals(1.0, fit.after(), 1e-9, "b2 > log(0.5/0.4) labels them 2 and nothing else moves");
        double b2 = fit.biases().biases().get(2);
        // the sweep's cuts for label 2 are log(.5/.4) = 0.223 and log(.7/.1) = 1.946 (nearest above): the midpoint
        assertEquals((Math.log(0.5 / 0.4) + Math.log(0.7f / 0.1f)) / 2, b2, 1e-6);
        for (int i = 0; i < s.length; i++) assertEquals(gold[i], fit.biases().choose(s[i]), "row " + i);
    }

    @Test
    void crossFittingLabelsEachFoldWithAThresholdFittedOnTheOthers() {
        // fold 0: .30 positive, .20 negative; fold 1: .30 negative, .20 negative
        float[][] s = twoLabels(0.30, 0.20, 0.30, 0.20);
        int[] gold = {1, 0, 0, 0};
        int[] fold = {0, 0, 1, 1};
        // in sample, a cut between .20 and .30: label 0 F1 2*2/(3+2) = 4/5, label 1 F1 2*1/(1+2) = 2/3, macro 11/15
        assertEquals(11.0 / 15, DecisionFitter.fit(s, gold, 2).after(), 1e-9);
        // fold 1 alone has only negatives: threshold 0.5, so fold 0's .30 is called negative; fold 0 alone gives a
        // cut between .20 and .30, so fold 1's .30 is called positive: predictions 0 0 1 0, label 0 F1 2*2/(3+3),
        // label 1 F1 0: macro 1/3
        assertEquals(1.0 / 3, DecisionFitter.crossFitted(s, gold, 2, fold), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> DecisionFitter.crossFitted(s, gold, 2, new int[]{0, 0, 0, 0}));
        assertThrows(IllegalArgumentException.class, () -> DecisionFitter.crossFitted(s, gold, 2, new int[]{0, 1}));
    }

    @Test
    void macroF1CountsTheLabelsThatOccurAsEvaluationDoes() {
        // label 2 neither gold nor predicted: left out of the mean
        assertEquals(1.0, DecisionFitter.macroF1(new int[]{0, 1}, new int[]{0, 1}, 3));
        assertEquals(0.0, DecisionFitter.macroF1(new int[]{0, 0}, new int[]{1, 1}, 2));
    }

    @Test
    void refusesMismatchedInput() {
        assertThrows(IllegalArgumentException.class, () -> DecisionFitter.fit(new float[0][], new int[0], 2));
        assertThrows(IllegalArgumentException.class, () -> DecisionFitter.fit(twoLabels(0.5), new int[]{2}, 2));
        assertThrows(IllegalArgumentException.class, () -> DecisionFitter.fit(twoLabels(0.5), new int[]{0, 1}, 2));
    }

    @Test
    void decisionBiasesAreAThresholdWithTwoLabelsAndValidated() {
        DecisionBiases d = DecisionBiases.ofThreshold(0.7);
        assertEquals(0.7, d.threshold(), 1e-12);
        assertEquals(0, d.choose(new float[]{0.31f, 0.69f}));
        assertEquals(1, d.choose(new float[]{0.29f, 0.71f}));
        assertEquals(0, DecisionBiases.NONE.choose(new float[]{0.5f, 0.5f}), "a tie goes to the earlier label");
        assertEquals(1, DecisionBiases.NONE.choose(new float[]{0.4f, 0.6f}));
        assertThrows(IllegalArgumentException.class, () -> DecisionBiases.ofThreshold(1.0));
        assertThrows(IllegalArgumentException.class, () -> DecisionBiases.of(0, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> DecisionBiases.of(0, 51));
        assertThrows(IllegalArgumentException.class, () -> DecisionBiases.of(1));
        assertThrows(IllegalArgumentException.class, () -> d.choose(new float[]{0.2f, 0.3f, 0.5f}));
        double[] a = d.toArray();
        a[1] = 9;
        assertEquals(Math.log(0.3 / 0.7), d.biases().get(1), 1e-12, "toArray is a copy");
    }
}
