package org.wirecopy.baseline;

import org.wirecopy.classify.ArticleLabeller;
import org.wirecopy.corpus.Corpus;
import org.wirecopy.corpus.LabelledArticle;
import org.wirecopy.eval.Learner;
import org.wirecopy.features.FeatureConfig;
import org.wirecopy.features.FeatureExtractor;
import org.wirecopy.features.SparseVector;
import org.wirecopy.text.Article;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Multinomial logistic regression on exactly the network's input vectors (cues, contrast cues, neighbours' cues and
 * hashed n-grams), trained with seeded stochastic gradient descent (AdaGrad step sizes) and an L2 penalty. What the
 * network adds over this is its hidden layer and the LSTMs over the article.
 *
 * <p>Thread-safe once trained: classification reads immutable state only.
 */
public final class LogisticRegressionBaseline implements Learner {

    private final FeatureConfig features;
    private final int epochs;
    private final double learningRate;
    private final double l2;
    private final long seed;

    /**
     * A learner with these settings; nothing is checked or trained until {@code train} is called.
     *
     * @param features     the feature set whose input vectors it reads
     * @param epochs       passes over the training paragraphs
     * @param learningRate the base AdaGrad step size
     * @param l2           the L2 penalty on the weights, 0 for none
     * @param seed         seeds the order of the paragraphs in each epoch
     */
    public LogisticRegressionBaseline(FeatureConfig features, int epochs, double learningRate, double l2, long seed) {
        this.features = features;
        this.epochs = epochs;
        this.learningRate = learningRate;
        this.l2 = l2;
        this.seed = seed;
    }

    @Override
    public String name() {
        return "logistic-regression";
    }

    @Override
    public ArticleLabeller train(Corpus train) {
        List<String> labels = train.labels();
        int k = labels.size();
        FeatureExtractor fx = new FeatureExtractor(features);
        int dim = features.inputSize();
        List<SparseVector> xs = new ArrayList<>();
        List<Integer> ys = new ArrayList<>();
        for (LabelledArticle a : train.articles()) {
            List<SparseVector> v = fx.extract(Article.ofParagraphs(a.texts()).paragraphs());
            for (int i = 0; i < v.size(); i++) {
                xs.add(v.get(i));
                ys.add(labels.indexOf(a.paragraphs().get(i).label()));
            }
        }
        double[] w = new double[dim * k];
        double[] b = new double[k];
        double[] g2w = new double[dim * k];
        double[] g2b = new double[k];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < xs.size(); i++) order.add(i);
        Random r = new Random(seed);
        double[] z = new double[k];
        for (int e = 0; e < epochs; e++) {
            Collections.shuffle(order, r);
            for (int idx : order) {
                SparseVector x = xs.get(idx);
                scores(x, w, b, k, z);
                int y = ys.get(idx);
                for (int j = 0; j < k; j++) {
                    double grad = z[j] - (j == y ? 1 : 0);
                    g2b[j] += grad * grad;
                    b[j] -= learningRate * grad / Math.sqrt(g2b[j] + 1e-8);
                    for (int t = 0; t < x.size(); t++) {
                        int p = x.indexAt(t) * k + j;
                        double gw = grad * x.valueAt(t) + l2 * w[p];
                        g2w[p] += gw * gw;
                        w[p] -= learningRate * gw / Math.sqrt(g2w[p] + 1e-8);
                    }
                }
            }
        }
        return Scored.labeller(labels, a -> {
            List<SparseVector> v = fx.extract(a.paragraphs());
            double[][] s = new double[v.size()][];
            for (int i = 0; i < s.length; i++) {
                s[i] = new double[k];
                scores(v.get(i), w, b, k, s[i]);
            }
            return s;
        });
    }

    private static void scores(SparseVector x, double[] w, double[] b, int k, double[] z) {
        System.arraycopy(b, 0, z, 0, k);
        for (int t = 0; t < x.size(); t++) {
            int base = x.indexAt(t) * k;
            double v = x.valueAt(t);
            for (int j = 0; j < k; j++) z[j] += v * w[base + j];
        }
        Scored.softmax(z);
    }
}
