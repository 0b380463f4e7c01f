package org.wirecopy.train;

import org.wirecopy.classify.Classifier;
import org.wirecopy.corpus.Corpus;
import org.wirecopy.corpus.LabelledArticle;
import org.wirecopy.model.DecisionBiases;
import org.wirecopy.text.Article;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Fits {@link DecisionBiases} on dev data for macro-F1: the label of a paragraph becomes
 * {@code argmax_j (log p_j + b_j)} instead of the highest score. With two labels this is the threshold on the second
 * label's score that gives the best dev macro-F1, found exactly; with more, a coordinate search: each bias but the
 * first (only differences between biases matter) is set in turn to the best value for dev macro-F1 with the others
 * fixed, also exactly, until a round changes nothing.
 *
 * <p>Exact search: with the other biases fixed, paragraph {@code i} goes to label {@code j} when {@code b_j} exceeds
 * the cut {@code c_i = max_{k != j}(log p_ik + b_k) - log p_ij}; sorting the cuts and sweeping {@code b_j} across them
 * visits every distinct outcome once, updating the confusion counts as each paragraph changes label, in
 * {@code O(n log n)} per bias. A bias is set to the midpoint between the cuts it falls between (away from every dev
 * paragraph). A bias changes only when dev macro-F1 strictly improves, so a model whose highest score is already best
 * keeps biases of 0; among equally good values the one nearest 0 is taken.
 *
 * <p>Deterministic; stateless and thread-safe.
 */
public final class DecisionFitter {

    /** Rounds of the coordinate search at most (each improves dev macro-F1, so it ends well before). */
    static final int MAX_ROUNDS = 20;

    private DecisionFitter() {
    }

    /** Folds of the cross-fitted estimate ({@link #crossFitted}). */
    static final int FOLDS = 5;

    /**
     * What a fit found. Immutable and thread-safe.
     *
     * @param biases      the fitted biases (all 0 when nothing beat the highest score)
     * @param before      dev macro-F1 labelling by the highest score
     * @param after       dev macro-F1 with the biases, as {@link DecisionBiases#choose} labels: optimistic, since the
     *                    biases were fitted on the same paragraphs
     * @param crossFitted dev macro-F1 when each fold of the dev articles is labelled with biases fitted on the other
     *                    folds ({@link #crossFitted}): an estimate of {@code after} on data the fit has not seen; NaN
     *                    when there are too few dev articles to fold
     */
    public record Fit(DecisionBiases biases, double before, double after, double crossFitted) {
    }

    /**
     * Fits biases to {@code classifier}'s scores on {@code dev}, each dev paragraph read as its article's paragraph
     * (as {@link org.wirecopy.eval.Evaluator} reads them).
     *
     * @param classifier the trained model's classifier; its own decision biases are not used
     * @param dev        labelled dev articles; paragraphs whose label the model lacks are left out
     * @return the fit
     * @throws IllegalArgumentException when no dev paragraph has a label of the model
     */
    static Fit fit(Classifier classifier, Corpus dev) {
        List<String> labels = classifier.labels();
        List<float[]> scores = new ArrayList<>();
        List<Integer> gold = new ArrayList<>();
        List<Integer> fold = new ArrayList<>();
        int article = 0;
        for (LabelledArticle a : dev.articles()) {
            int f = article++ % FOLDS;
            float[][] s = classifier.scores(Article.ofParagraphs(a.texts()).paragraphs());
            for (int i = 0; i < s.length; i++) {
                int g = labels.indexOf(a.paragraphs().get(i).label());
                if (g < 0) continue;
                scores.add(s[i]);
                gold.add(g);
                fold.add(f);
            }
        }
        if (scores.isEmpty()) {
            throw new IllegalArgumentException(dev.name() + ": no dev paragraph has one of the labels " + labels
                    + ", so no decision threshold can be fitted; give dev data with these labels");
        }
        float[][] sc = scores.toArray(new float[0][]);
        int[] g = gold.stream().mapToInt(Integer::intValue).toArray();
        Fit fit = fit(sc, g, labels.size());
        double cross = article < FOLDS ? Double.NaN
                : crossFitted(sc, g, labels.size(), fold.stream().mapToInt(Integer::intValue).toArray());
        return new Fit(fit.biases(), fit.before(), fit.after(), cross);
    }

    /**
     * The macro-F1 of labels each chosen by biases fitted without the row's fold: every fold is labelled by the biases
     * {@link #fit(float[][], int[], int)} finds on the rows of the other folds, and the macro-F1 is taken over all
     * rows at once. Rows of one article should share a fold.
     *
     * @param scores one row of per-label scores per paragraph
     * @param gold   each row's gold label index
     * @param labels the number of labels, at least 2
     * @param fold   each row's fold, 0 or more; at least two distinct folds
     * @return the cross-fitted macro-F1
     * @throws IllegalArgumentException when the arrays do not match or there is only one fold
     */
    public static double crossFitted(float[][] scores, int[] gold, int labels, int[] fold) {
        if (fold.length != scores.length) {
            throw new IllegalArgumentException("need one fold per row, got " + fold.length + " for " + scores.length);
        }
        int folds = 0;
        for (int f : fold) {
            if (f < 0) throw new IllegalArgumentException("folds must be >= 0, got " + f);
            folds = Math.max(folds, f + 1);
        }
        int[] predicted = new int[scores.length];
        int used = 0;
        for (int f = 0; f < folds; f++) {
            List<Integer> in = new ArrayList<>();
            for (int i = 0; i < fold.length; i++) if (fold[i] != f) in.add(i);
            if (in.size() == fold.length) continue;
            if (in.isEmpty()) throw new IllegalArgumentException("cross-fitting needs at least two folds");
            float[][] s = new float[in.size()][];
            int[] g = new int[in.size()];
            for (int k = 0; k < s.length; k++) {
                s[k] = scores[in.get(k)];
                g[k] = gold[in.get(k)];
            }
            DecisionBiases b = fit(s, g, labels).biases();
            for (int i = 0; i < fold.length; i++) if (fold[i] == f) predicted[i] = b.choose(scores[i]);
            used++;
        }
        if (used < 2) throw new IllegalArgumentException("cross-fitting needs at least two folds");
        return macroF1(gold, predicted, labels);
    }

    /**
     * Fits biases to scores.
     *
     * @param scores one row of per-label scores (probabilities) per paragraph
     * @param gold   each paragraph's gold label index, in 0..labels-1
     * @param labels the number of labels, at least 2
     * @return the fit
     * @throws IllegalArgumentException when the arrays do not match, are empty, or a gold index is out of range
     */
    public static Fit fit(float[][] scores, int[] gold, int labels) {
        int n = scores.length;
        if (labels < 2) throw new IllegalArgumentException("labels must be at least 2, got " + labels);
        if (n == 0 || gold.length != n) {
            throw new IllegalArgumentException("need one gold label per scored paragraph and at least one, got "
                    + n + " rows and " + gold.length + " labels");
        }
        double[][] lp = new double[n][labels];
        for (int i = 0; i < n; i++) {
            if (scores[i].length != labels) {
                throw new IllegalArgumentException("row " + i + " has " + scores[i].length + " scores, not " + labels);
            }
            if (gold[i] < 0 || gold[i] >= labels) {
                throw new IllegalArgumentException("gold label " + gold[i] + " of row " + i + " is outside 0.."
                        + (labels - 1));
            }
            for (int j = 0; j < labels; j++) lp[i][j] = DecisionBiases.logScore(scores[i][j]);
        }
        double[] b = new double[labels];
        double before = macroF1(gold, predict(scores, DecisionBiases.NONE), labels);
        double current = before;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            boolean changed = false;
            for (int j = 1; j < labels; j++) {
                double v = bestBias(lp, gold, labels, b, j);
                if (v == b[j]) continue;
                double[] tried = b.clone();
                tried[j] = v;
                // checked with the classifier's own rule, so the stored figure is what classify gives
                double f = macroF1(gold, predict(scores, DecisionBiases.of(tried)), labels);
                if (f > current) {
                    b = tried;
                    current = f;
                    changed = true;
                }
            }
            if (!changed) break;
        }
        return new Fit(current > before ? DecisionBiases.of(b) : DecisionBiases.of(new double[labels]), before,
                Math.max(current, before), Double.NaN);
    }

    /**
     * The best value of bias {@code j} with the others fixed: the midpoint of the interval of cuts with the highest
     * macro-F1 (nearest 0 among equals), or {@code b[j]} itself when no interval beats the one it is in.
     */
    private static double bestBias(double[][] lp, int[] gold, int labels, double[] b, int j) {
        int n = lp.length;
        int[] other = new int[n];
        double[] cut = new double[n];
        for (int i = 0; i < n; i++) {
            int o = -1;
            double ov = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < labels; k++) {
                if (k == j) continue;
                double v = lp[i][k] + b[k];
                if (o < 0 || v > ov) {
                    o = k;
                    ov = v;
                }
            }
            other[i] = o;
            cut[i] = ov - lp[i][j];
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> cut[i]).thenComparingInt(i -> i));
        // b_j below every cut: every paragraph keeps its other label
        int[] support = new int[labels];
        int[] predicted = new int[labels];
        int[] tp = new int[labels];
        for (int i = 0; i < n; i++) {
            support[gold[i]]++;
            predicted[other[i]]++;
            if (gold[i] == other[i]) tp[other[i]]++;
        }
        double best = Double.NEGATIVE_INFINITY;
        double bestValue = b[j];
        double here = Double.NaN; // macro-F1 of the interval holding the current b[j]
        double lo = Double.NEGATIVE_INFINITY;
        int at = 0;
        while (true) {
            double hi = at < n ? cut[order[at]] : Double.POSITIVE_INFINITY;
            double f = macroF1(support, predicted, tp);
            double mid = clamp(Double.isInfinite(lo) && Double.isInfinite(hi) ? 0
                    : Double.isInfinite(lo) ? hi - 1 : Double.isInfinite(hi) ? lo + 1 : lo + (hi - lo) / 2);
            if (b[j] > lo && b[j] < hi) here = f;
            if (f > best || (f == best && Math.abs(mid) < Math.abs(bestValue))) {
                best = f;
                bestValue = mid;
            }
            if (at >= n) break;
            // b_j passes the cut: the paragraphs of this cut go to j
            double c = hi;
            while (at < n && cut[order[at]] == c) {
                int i = order[at++];
                predicted[other[i]]--;
                if (gold[i] == other[i]) tp[other[i]]--;
                predicted[j]++;
                if (gold[i] == j) tp[j]++;
            }
            lo = c;
        }
        return Double.isNaN(here) || best > here ? bestValue : b[j];
    }

    private static double clamp(double v) {
        return Math.max(-DecisionBiases.MAX_BIAS, Math.min(DecisionBiases.MAX_BIAS, v));
    }

    private static int[] predict(float[][] scores, DecisionBiases d) {
        int[] out = new int[scores.length];
        for (int i = 0; i < out.length; i++) out[i] = d.choose(scores[i]);
        return out;
    }

    /** Macro-F1 over the labels that occur in the gold labels or the predictions, as {@code Evaluation} counts it. */
    static double macroF1(int[] gold, int[] predicted, int labels) {
        int[] support = new int[labels];
        int[] pred = new int[labels];
        int[] tp = new int[labels];
        for (int i = 0; i < gold.length; i++) {
            support[gold[i]]++;
            pred[predicted[i]]++;
            if (gold[i] == predicted[i]) tp[gold[i]]++;
        }
        return macroF1(support, pred, tp);
    }

    private static double macroF1(int[] support, int[] predicted, int[] tp) {
        double sum = 0;
        int counted = 0;
        for (int l = 0; l < support.length; l++) {
            if (support[l] == 0 && predicted[l] == 0) continue;
            sum += 2.0 * tp[l] / (support[l] + predicted[l]);
            counted++;
        }
        return counted == 0 ? 0 : sum / counted;
    }
}
