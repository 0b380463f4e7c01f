package org.wirecopy.eval;

import org.wirecopy.classify.ClassifiedParagraph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Figures of a classifier on labelled articles. Paragraph figures: accuracy, per-label precision, recall and F1,
 * macro- and micro-F1, the confusion matrix, expected calibration error and per-label precision-recall AUC. Article
 * figures: the share of articles with every paragraph right, and the mean absolute error of each article's share of
 * characters of one label (REPORTING by default).
 *
 * <p>A label with no predictions has precision 0 (and F1 0), as scikit-learn reports it with {@code zero_division=0}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Evaluation {

    /** Bins of the reliability diagram and of the calibration error. */
    public static final int CALIBRATION_BINS = 10;

    private final List<String> labels;
    private final List<ArticleOutcome> articles;
    private final long[][] confusion;
    private final long total;

    /**
     * Computes the confusion matrix of {@code articles}.
     *
     * @param labels   the labels, in the model's order; every gold and predicted label must be one
     * @param articles the evaluated articles
     * @throws IllegalArgumentException when a gold or predicted label is not in {@code labels}
     */
    public Evaluation(List<String> labels, List<ArticleOutcome> articles) {
        this.labels = List.copyOf(labels);
        this.articles = List.copyOf(articles);
        int n = labels.size();
        this.confusion = new long[n][n];
        long t = 0;
        for (ArticleOutcome a : articles) {
            for (int i = 0; i < a.gold().size(); i++) {
                int g = index(a.gold().get(i), a.id(), i);
                int p = index(a.predicted().paragraphs().get(i).label(), a.id(), i);
                confusion[g][p]++;
                t++;
            }
        }
        this.total = t;
    }

    private int index(String label, String article, int paragraph) {
        int k = labels.indexOf(label);
        if (k < 0) {
            throw new IllegalArgumentException("article " + article + ", paragraph " + paragraph + ": label '" + label
                    + "' is not one of the model's labels " + labels + "; map it with --label-map");
        }
        return k;
    }

    /** {@return the labels, in the model's order} */
    public List<String> labels() {
        return labels;
    }

    /** {@return the evaluated articles, in the order given} */
    public List<ArticleOutcome> articles() {
        return articles;
    }

    /** {@return the number of paragraphs evaluated} */
    public long paragraphs() {
        return total;
    }

    /** {@return the confusion matrix, {@code confusion()[gold][predicted]} in label order: a copy} */
    public long[][] confusion() {
        long[][] c = new long[confusion.length][];
        for (int i = 0; i < c.length; i++) c[i] = confusion[i].clone();
        return c;
    }

    /** {@return the share of paragraphs labelled right (0 with none)} */
    public double accuracy() {
        long right = 0;
        for (int i = 0; i < confusion.length; i++) right += confusion[i][i];
        return total == 0 ? 0 : right / (double) total;
    }

    /** The index of a label asked for by name; an unknown label is refused. */
    private int known(String label) {
        int k = labels.indexOf(label);
        if (k < 0) {
            throw new IllegalArgumentException("no label '" + label + "' in this evaluation; its labels are " + labels);
        }
        return k;
    }

    /**
     * Gold paragraphs of {@code label}.
     *
     * @param label one of {@link #labels()}
     * @return their number
     * @throws IllegalArgumentException for another label
     */
    public long support(String label) {
        int k = known(label);
        long s = 0;
        for (long v : confusion[k]) s += v;
        return s;
    }

    /**
     * Paragraphs predicted as {@code label}.
     *
     * @param label one of {@link #labels()}
     * @return their number
     * @throws IllegalArgumentException for another label
     */
    public long predicted(String label) {
        int k = known(label);
        long s = 0;
        for (long[] row : confusion) s += row[k];
        return s;
    }

    /**
     * Precision of {@code label}: the share of paragraphs predicted as it that are it.
     *
     * @param label one of {@link #labels()}
     * @return the precision, 0 when nothing is predicted as it
     * @throws IllegalArgumentException for another label
     */
    public double precision(String label) {
        long p = predicted(label);
        return p == 0 ? 0 : confusion[known(label)][known(label)] / (double) p;
    }

    /**
     * Recall of {@code label}: the share of its gold paragraphs predicted as it.
     *
     * @param label one of {@link #labels()}
     * @return the recall, 0 when it has no gold paragraph
     * @throws IllegalArgumentException for another label
     */
    public double recall(String label) {
        long s = support(label);
        return s == 0 ? 0 : confusion[known(label)][known(label)] / (double) s;
    }

    /**
     * F1 of {@code label}: the harmonic mean of its precision and recall.
     *
     * @param label one of {@link #labels()}
     * @return the F1, 0 when precision and recall are both 0
     * @throws IllegalArgumentException for another label
     */
    public double f1(String label) {
        double p = precision(label);
        double r = recall(label);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** {@return the mean F1 over the labels that occur in the gold data or the predictions (0 with none)} */
    public double macroF1() {
        double sum = 0;
        int n = 0;
        for (String l : labels) {
            if (support(l) == 0 && predicted(l) == 0) continue;
            sum += f1(l);
            n++;
        }
        return n == 0 ? 0 : sum / n;
    }

    /** {@return the micro-averaged F1; with one label per paragraph it equals accuracy} */
    public double microF1() {
        return accuracy();
    }

    /**
     * {@return the expected calibration error of the top score, over {@link #CALIBRATION_BINS} equal-width bins (0
     * with no paragraph)}
     */
    public double expectedCalibrationError() {
        double[][] bins = reliability();
        double ece = 0;
        for (double[] b : bins) {
            if (b[2] > 0) ece += b[2] / total * Math.abs(b[0] - b[1]);
        }
        return total == 0 ? 0 : ece;
    }

    /**
     * Reliability diagram data: per bin {mean confidence, accuracy, count}, for the top score of each paragraph.
     *
     * @return {@link #CALIBRATION_BINS} rows of three values; an empty bin is all zeros
     */
    public double[][] reliability() {
        double[][] bins = new double[CALIBRATION_BINS][3];
        for (ArticleOutcome a : articles) {
            for (int i = 0; i < a.gold().size(); i++) {
                ClassifiedParagraph p = a.predicted().paragraphs().get(i);
                double c = p.confidence();
                int b = Math.min(CALIBRATION_BINS - 1, (int) (c * CALIBRATION_BINS));
                bins[b][0] += c;
                bins[b][1] += p.label().equals(a.gold().get(i)) ? 1 : 0;
                bins[b][2]++;
            }
        }
        for (double[] b : bins) {
            if (b[2] > 0) {
                b[0] /= b[2];
                b[1] /= b[2];
            }
        }
        return bins;
    }

    /**
     * Precision-recall curve of one label, one-vs-rest by its score: points {recall, precision} from the highest
     * threshold down.
     *
     * @param label one of {@link #labels()}
     * @return one point per distinct score, from the highest down
     * @throws IllegalArgumentException for another label
     */
    public List<double[]> precisionRecallCurve(String label) {
        known(label);
        List<double[]> scored = scored(label);
        long positives = support(label);
        List<double[]> curve = new ArrayList<>();
        long tp = 0, fp = 0;
        for (int i = 0; i < scored.size(); i++) {
            if (scored.get(i)[1] > 0) tp++;
            else fp++;
            boolean lastOfTie = i + 1 == scored.size() || scored.get(i + 1)[0] != scored.get(i)[0];
            if (lastOfTie) curve.add(new double[]{positives == 0 ? 0 : tp / (double) positives, tp / (double) (tp + fp)});
        }
        return curve;
    }

    /**
     * Area under the precision-recall curve of one label (average precision, step-wise). 0 without positives.
     *
     * @param label one of {@link #labels()}
     * @return the area, 0..1
     * @throws IllegalArgumentException for another label
     */
    public double prAuc(String label) {
        if (support(label) == 0) return 0;
        double auc = 0;
        double prevRecall = 0;
        for (double[] pt : precisionRecallCurve(label)) {
            auc += (pt[0] - prevRecall) * pt[1];
            prevRecall = pt[0];
        }
        return auc;
    }

    private List<double[]> scored(String label) {
        List<double[]> out = new ArrayList<>();
        for (ArticleOutcome a : articles) {
            for (int i = 0; i < a.gold().size(); i++) {
                out.add(new double[]{a.predicted().paragraphs().get(i).score(label),
                        a.gold().get(i).equals(label) ? 1 : 0});
            }
        }
        out.sort((x, y) -> Double.compare(y[0], x[0]));
        return out;
    }

    /** {@return the share of articles whose every paragraph is labelled right (0 with no article)} */
    public double articlesAllRight() {
        if (articles.isEmpty()) return 0;
        int right = 0;
        for (ArticleOutcome a : articles) {
            if (a.gold().equals(a.predicted().predictedLabels())) right++;
        }
        return right / (double) articles.size();
    }

    /**
     * Mean absolute error of the per-article share of characters labelled {@code label}: predicted share against gold
     * share. This is the figure a study of "how much of a site is pasted copy" publishes.
     *
     * @param label one of {@link #labels()}
     * @return the mean over articles (0 with no article), 0..1
     * @throws IllegalArgumentException for another label
     */
    public double shareError(String label) {
        known(label);
        if (articles.isEmpty()) return 0;
        double sum = 0;
        for (ArticleOutcome a : articles) {
            long all = 0, gold = 0, pred = 0;
            for (int i = 0; i < a.gold().size(); i++) {
                ClassifiedParagraph p = a.predicted().paragraphs().get(i);
                long len = p.text().length();
                all += len;
                if (a.gold().get(i).equals(label)) gold += len;
                if (p.label().equals(label)) pred += len;
            }
            if (all > 0) sum += Math.abs(gold - pred) / (double) all;
        }
        return sum / articles.size();
    }

    /**
     * The same figures on the articles whose field {@code field} has each value (e.g. per style).
     *
     * @param field an extra field of the articles; for {@code id}, an article without an {@code id} field counts
     *              under its article id
     * @return value to evaluation, in value order; articles without the field are left out
     */
    public Map<String, Evaluation> by(String field) {
        Map<String, List<ArticleOutcome>> groups = new java.util.TreeMap<>();
        for (ArticleOutcome a : articles) {
            String v = "id".equals(field) && !a.fields().containsKey("id") ? a.id() : a.fields().get(field);
            if (v != null) groups.computeIfAbsent(v, k -> new ArrayList<>()).add(a);
        }
        Map<String, Evaluation> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<ArticleOutcome>> e : groups.entrySet()) {
            out.put(e.getKey(), new Evaluation(labels, e.getValue()));
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * The main figures as an ordered map (for JSON reports and model provenance).
     *
     * @return figure name to value: counts, accuracy, F1s, per-label figures, confusion, calibration
     */
    public Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("paragraphs", total);
        m.put("articles", articles.size());
        m.put("accuracy", accuracy());
        m.put("macroF1", macroF1());
        m.put("microF1", microF1());
        Map<String, Object> per = new LinkedHashMap<>();
        for (String l : labels) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("precision", precision(l));
            x.put("recall", recall(l));
            x.put("f1", f1(l));
            x.put("support", support(l));
            x.put("predicted", predicted(l));
            x.put("prAuc", prAuc(l));
            per.put(l, x);
        }
        m.put("perLabel", per);
        Map<String, Object> cm = new LinkedHashMap<>();
        for (int g = 0; g < labels.size(); g++) {
            Map<String, Long> row = new LinkedHashMap<>();
            for (int p = 0; p < labels.size(); p++) row.put(labels.get(p), confusion[g][p]);
            cm.put(labels.get(g), row);
        }
        m.put("confusion", cm);
        m.put("expectedCalibrationError", expectedCalibrationError());
        m.put("articlesAllRight", articlesAllRight());
        if (labels.contains("REPORTING")) m.put("reportingShareMeanAbsoluteError", shareError("REPORTING"));
        return m;
    }

    /** {@return a plain-text report: figures, per-label table and confusion matrix} */
    public String report() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "paragraphs %d in %d articles%n", total, articles.size()));
        b.append(String.format(Locale.ROOT, "accuracy   %.4f%nmacro-F1   %.4f%nmicro-F1   %.4f%n", accuracy(),
                macroF1(), microF1()));
        b.append(String.format(Locale.ROOT, "calibration error (ECE) %.4f%narticles all right %.4f%n",
                expectedCalibrationError(), articlesAllRight()));
        if (labels.contains("REPORTING")) {
            b.append(String.format(Locale.ROOT, "REPORTING share MAE %.4f%n", shareError("REPORTING")));
        }
        int w = Math.max(9, labels.stream().mapToInt(String::length).max().orElse(5));
        b.append(String.format(Locale.ROOT, "%n%-" + w + "s %9s %9s %9s %8s %8s%n", "label", "precision", "recall",
                "F1", "support", "PR-AUC"));
        for (String l : labels) {
            b.append(String.format(Locale.ROOT, "%-" + w + "s %9.4f %9.4f %9.4f %8d %8.4f%n", l, precision(l),
                    recall(l), f1(l), support(l), prAuc(l)));
        }
        b.append(String.format(Locale.ROOT, "%nconfusion (rows gold, columns predicted)%n%-" + w + "s", ""));
        for (String l : labels) b.append(String.format(Locale.ROOT, " %" + w + "s", l));
        b.append(System.lineSeparator());
        for (int g = 0; g < labels.size(); g++) {
            b.append(String.format(Locale.ROOT, "%-" + w + "s", labels.get(g)));
            for (int p = 0; p < labels.size(); p++) b.append(String.format(Locale.ROOT, " %" + w + "d", confusion[g][p]));
            b.append(System.lineSeparator());
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Evaluation[paragraphs=%d, accuracy=%.4f, macroF1=%.4f]", total, accuracy(),
                macroF1());
    }

    /**
     * Equal when the labels and every article outcome (ids, fields, gold labels, predictions with their scores) are
     * equal, so that every figure, not only the confusion matrix, is the same.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Evaluation e && e.labels.equals(labels) && e.articles.equals(articles);
    }

    @Override
    public int hashCode() {
        return Objects.hash(labels, articles);
    }
}
