package org.wirecopy.distill;

import org.wirecopy.corpus.Corpus;
import org.wirecopy.corpus.CorpusOptions;
import org.wirecopy.corpus.CorpusReader;
import org.wirecopy.corpus.LabelledArticle;
import org.wirecopy.corpus.LabelledParagraph;
import org.wirecopy.features.StaticVectors;
import org.wirecopy.text.TextNormalizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * How much the static vectors alone know: a per-paragraph multinomial logistic regression on the paragraph vectors
 * (nothing else: no cues, no context), trained on one corpus and scored by macro-F1 on others. Class-balanced loss,
 * seeded SGD, so the figures are reproducible.
 *
 * <pre>
 * mvn -q -o test-compile && java -cp "target/classes:target/test-classes:target/lib/*" \
 *     org.wirecopy.distill.VectorSignalCheck training-data/minilm-vectors.bin training-data/train.jsonl \
 *     training-data/dev.jsonl ../shared/acceptance/real-blogs/posts.jsonl
 * </pre>
 * prints one row per weighting (the file's SIF weights, and uniform weights for comparison) with macro-F1 on each
 * evaluation file. Not thread-safe (a tool).
 */
public final class VectorSignalCheck {

    static final List<String> LABELS = Corpus.STANDARD_LABELS;

    private VectorSignalCheck() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: VectorSignalCheck VECTORS TRAIN EVAL...");
            System.exit(2);
        }
        StaticVectors sif = StaticVectors.read(Files.readAllBytes(Path.of(args[0])));
        Corpus train = CorpusReader.read(Path.of(args[1]), CorpusOptions.defaults());
        List<Corpus> evals = new ArrayList<>();
        for (int i = 2; i < args.length; i++) evals.add(CorpusReader.read(Path.of(args[i]), CorpusOptions.defaults()));
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-28s", "paragraph vectors (" + sif.dims() + "-d)"));
        for (int i = 2; i < args.length; i++) head.append(String.format(Locale.ROOT, " | %s", args[i]));
        System.out.println(head);
        List<StaticVectors> variants = new ArrayList<>(List.of(sif, uniform(sif)));
        List<String> names = new ArrayList<>(List.of("weights of the file", "uniform weights"));
        for (String a : System.getProperty("sif.a", "").split(",")) {
            if (a.isBlank()) continue;
            variants.add(reweighted(sif, train, Double.parseDouble(a)));
            names.add("SIF a=" + a);
        }
        for (int i = 0; i < variants.size(); i++) {
            StaticVectors v = variants.get(i);
            Softmax model = Softmax.train(v, train, 42);
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-28s", names.get(i)));
            for (Corpus c : evals) row.append(String.format(Locale.ROOT, " | macro-F1 %.3f", model.macroF1(v, c)));
            System.out.println(row);
        }
    }

    /** The same vectors with SIF weights for constant {@code a} over {@code corpus}. */
    static StaticVectors reweighted(StaticVectors v, Corpus corpus, double a) {
        boolean[] embedded = new boolean[v.size()];
        float[][] rows = new float[v.size()][];
        for (int t = 0; t < v.size(); t++) {
            embedded[t] = v.weight(t) > 0;
            rows[t] = v.vector(t);
        }
        List<String> texts = new ArrayList<>();
        for (LabelledArticle art : corpus.articles()) {
            for (LabelledParagraph p : art.paragraphs()) texts.add(TextNormalizer.normalize(p.text()));
        }
        float[] w = Distiller.sifWeights(v.wordPiece(), texts, a, embedded);
        return StaticVectors.of(v.wordPiece().vocabulary(), w, rows, v.description() + "; SIF a=" + a);
    }

    /** The same vectors with weight 1 for every token that has a non-zero weight. */
    static StaticVectors uniform(StaticVectors v) {
        float[] w = new float[v.size()];
        float[][] rows = new float[v.size()][];
        for (int t = 0; t < v.size(); t++) {
            w[t] = v.weight(t) > 0 ? 1f : 0f;
            rows[t] = v.vector(t);
        }
        return StaticVectors.of(v.wordPiece().vocabulary(), w, rows, v.description() + "; uniform weights");
    }

    /** A multinomial logistic regression on paragraph vectors. */
    static final class Softmax {
        final int dims;
        final double[][] w; // [label][dims + 1], last = bias

        private Softmax(int dims) {
            this.dims = dims;
            this.w = new double[LABELS.size()][dims + 1];
        }

        static Softmax train(StaticVectors v, Corpus corpus, long seed) {
            List<float[]> xs = new ArrayList<>();
            List<Integer> ys = new ArrayList<>();
            int[] counts = new int[LABELS.size()];
            for (LabelledArticle a : corpus.articles()) {
                for (LabelledParagraph p : a.paragraphs()) {
                    int y = LABELS.indexOf(p.label());
                    if (y < 0) continue;
                    xs.add(v.embed(TextNormalizer.normalize(p.text())));
                    ys.add(y);
                    counts[y]++;
                }
            }
            double[] classWeight = new double[LABELS.size()];
            for (int k = 0; k < counts.length; k++) {
                classWeight[k] = counts[k] == 0 ? 0 : (double) xs.size() / (counts.length * counts[k]);
            }
            Softmax m = new Softmax(v.dims());
            Random random = new Random(seed);
            int[] order = new int[xs.size()];
            for (int i = 0; i < order.length; i++) order[i] = i;
            double l2 = 1e-5;
            int epochs = 40;
            for (int epoch = 0; epoch < epochs; epoch++) {
                double lr = 0.5 / (1 + epoch * 0.2);
                for (int i = order.length - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                }
                for (int idx : order) {
                    float[] x = xs.get(idx);
                    int y = ys.get(idx);
                    double[] p = m.probabilities(x);
                    for (int k = 0; k < p.length; k++) {
                        double g = classWeight[y] * (p[k] - (k == y ? 1 : 0));
                        double[] wk = m.w[k];
                        for (int d = 0; d < m.dims; d++) wk[d] -= lr * (g * x[d] + l2 * wk[d]);
                        wk[m.dims] -= lr * g;
                    }
                }
            }
            return m;
        }

        double[] probabilities(float[] x) {
            double[] z = new double[w.length];
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < w.length; k++) {
                double s = w[k][dims];
                for (int d = 0; d < dims; d++) s += w[k][d] * x[d];
                z[k] = s;
                max = Math.max(max, s);
            }
            double sum = 0;
            for (int k = 0; k < z.length; k++) {
                z[k] = Math.exp(z[k] - max);
                sum += z[k];
            }
            for (int k = 0; k < z.length; k++) z[k] /= sum;
            return z;
        }

        int predict(float[] x) {
            double[] p = probabilities(x);
            int best = 0;
            for (int k = 1; k < p.length; k++) if (p[k] > p[best]) best = k;
            return best;
        }

        /** Macro-F1 over the labels that occur in the gold or predictions of {@code corpus}. */
        double macroF1(StaticVectors v, Corpus corpus) {
            int n = LABELS.size();
            int[] tp = new int[n];
            int[] fp = new int[n];
            int[] fn = new int[n];
            for (LabelledArticle a : corpus.articles()) {
                for (LabelledParagraph p : a.paragraphs()) {
                    int y = LABELS.indexOf(p.label());
                    if (y < 0) continue;
                    int yhat = predict(v.embed(TextNormalizer.normalize(p.text())));
                    if (yhat == y) tp[y]++;
                    else {
                        fp[yhat]++;
                        fn[y]++;
                    }
                }
            }
            return macroF1(tp, fp, fn);
        }

        static double macroF1(int[] tp, int[] fp, int[] fn) {
            double sum = 0;
            int labels = 0;
            for (int k = 0; k < tp.length; k++) {
                if (tp[k] + fp[k] + fn[k] == 0) continue;
                labels++;
                double denom = 2.0 * tp[k] + fp[k] + fn[k];
                sum += denom == 0 ? 0 : 2.0 * tp[k] / denom;
            }
            return labels == 0 ? 0 : sum / labels;
        }
    }
}
