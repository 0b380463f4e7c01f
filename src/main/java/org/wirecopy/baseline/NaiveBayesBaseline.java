package org.wirecopy.baseline;

import org.wirecopy.classify.ArticleLabeller;
import org.wirecopy.corpus.Corpus;
import org.wirecopy.corpus.LabelledArticle;
import org.wirecopy.corpus.LabelledParagraph;
import org.wirecopy.eval.Learner;
import org.wirecopy.features.FeatureConfig;
import org.wirecopy.features.FeatureExtractor;
import org.wirecopy.text.TextNormalizer;

import java.util.List;

/**
 * Multinomial Naive Bayes on hashed word uni- and bigram counts (the same n-grams and buckets as the network's
 * features), add-one smoothing, no document context.
 *
 * <p>Thread-safe once trained: classification reads immutable state only.
 */
public final class NaiveBayesBaseline implements Learner {

    private final FeatureConfig features;
    private final double alpha;

    /**
     * A learner with these settings.
     *
     * @param features the feature set whose n-gram hashing it uses
     * @param alpha    the additive smoothing of bucket counts (1: add-one)
     */
    public NaiveBayesBaseline(FeatureConfig features, double alpha) {
        this.features = features;
        this.alpha = alpha;
    }

    @Override
    public String name() {
        return "naive-bayes";
    }

    @Override
    public ArticleLabeller train(Corpus train) {
        List<String> labels = train.labels();
        FeatureExtractor fx = new FeatureExtractor(features);
        int buckets = features.buckets();
        double[][] counts = new double[labels.size()][buckets];
        double[] docs = new double[labels.size()];
        for (LabelledArticle a : train.articles()) {
            for (LabelledParagraph p : a.paragraphs()) {
                int y = labels.indexOf(p.label());
                docs[y]++;
                for (String g : fx.ngrams(TextNormalizer.normalize(p.text()))) counts[y][fx.bucket(g)]++;
            }
        }
        double[][] logLik = new double[labels.size()][buckets];
        double[] logPrior = new double[labels.size()];
        double totalDocs = 0;
        for (double d : docs) totalDocs += d;
        for (int y = 0; y < labels.size(); y++) {
            double total = 0;
            for (double c : counts[y]) total += c;
            for (int b = 0; b < buckets; b++) {
                logLik[y][b] = Math.log((counts[y][b] + alpha) / (total + alpha * buckets));
            }
            logPrior[y] = Math.log(docs[y] / totalDocs);
        }
        return Scored.labeller(labels, a -> {
            double[][] s = new double[a.size()][];
            for (int i = 0; i < a.size(); i++) {
                double[] z = logPrior.clone();
                for (String g : fx.ngrams(a.paragraphs().get(i).normalizedText())) {
                    int b = fx.bucket(g);
                    for (int y = 0; y < z.length; y++) z[y] += logLik[y][b];
                }
                Scored.softmax(z);
                s[i] = z;
            }
            return s;
        });
    }
}
