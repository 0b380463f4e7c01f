package org.wirecopy.train;

import org.wirecopy.classify.Classifier;
import org.wirecopy.corpus.Corpus;
import org.wirecopy.corpus.LabelledArticle;
import org.wirecopy.network.NetworkWeights;
import org.wirecopy.network.Tensor;
import org.wirecopy.text.Article;

import java.util.ArrayList;
import java.util.List;

/**
 * Temperature scaling (Guo et al., 2017): one number T that divides the output layer's logits, fitted on dev data by
 * minimising the negative log-likelihood of the gold labels. It changes no label, only how sure the scores are. The
 * fitted T is folded into the output layer's weights and bias (softmax(z / T) = softmax((W/T) h + b/T)), so a
 * calibrated model needs no new field and scores at the same cost.
 *
 * <p>Stateless and thread-safe.
 */
public final class Calibrator {

    /** Temperatures are searched in this range. */
    static final double MIN_T = 0.2;
    static final double MAX_T = 10.0;

    private Calibrator() {
    }

    /**
     * The temperature that minimises the dev negative log-likelihood of {@code classifier}'s scores, found by a
     * golden-section search in 0.2..10.
     *
     * @param classifier the trained model's classifier
     * @param dev        labelled dev articles; paragraphs whose label the model lacks are left out
     * @return the temperature, 1.0 when no dev paragraph counts
     */
    static double fitTemperature(Classifier classifier, Corpus dev) {
        List<float[]> logp = new ArrayList<>();
        List<Integer> gold = new ArrayList<>();
        List<String> labels = classifier.labels();
        for (LabelledArticle a : dev.articles()) {
            float[][] s = classifier.scores(Article.ofParagraphs(a.texts()).paragraphs());
            for (int i = 0; i < s.length; i++) {
                int g = labels.indexOf(a.paragraphs().get(i).label());
                if (g < 0) continue;
                float[] l = new float[s[i].length];
                for (int j = 0; j < l.length; j++) l[j] = (float) Math.log(Math.max(s[i][j], 1e-12f));
                logp.add(l);
                gold.add(g);
            }
        }
        if (logp.isEmpty()) return 1.0;
        // golden-section search on log T: the NLL is unimodal in T for fixed logits
        double lo = Math.log(MIN_T);
        double hi = Math.log(MAX_T);
        double phi = (Math.sqrt(5) - 1) / 2;
        double a = hi - phi * (hi - lo);
        double b = lo + phi * (hi - lo);
        double fa = nll(logp, gold, Math.exp(a));
        double fb = nll(logp, gold, Math.exp(b));
        for (int it = 0; it < 60; it++) {
            if (fa < fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - phi * (hi - lo);
                fa = nll(logp, gold, Math.exp(a));
            } else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + phi * (hi - lo);
                fb = nll(logp, gold, Math.exp(b));
            }
        }
        // rounded so the model file does not depend on the last bits of the search
        return Math.round(Math.exp((lo + hi) / 2) * 1000) / 1000.0;
    }

    /** Mean negative log-likelihood of the gold labels with logits divided by {@code t}. */
    static double nll(List<float[]> logp, List<Integer> gold, double t) {
        double sum = 0;
        for (int k = 0; k < logp.size(); k++) {
            float[] l = logp.get(k);
            double max = Double.NEGATIVE_INFINITY;
            for (float v : l) max = Math.max(max, v / t);
            double z = 0;
            for (float v : l) z += Math.exp(v / t - max);
            sum -= l[gold.get(k)] / t - max - Math.log(z);
        }
        return sum / logp.size();
    }

    /**
     * {@code w} with the output layer's weights and bias divided by {@code t} (every
     * member's, in a seed ensemble).
     *
     * @param w the network's weights, with tensors {@code out_W} and {@code out_b} (per member)
     * @param t the temperature, &gt; 0
     * @return the scaled weights ({@code w} itself for {@code t} 1)
     */
    public static NetworkWeights scaled(NetworkWeights w, double t) {
        if (t == 1.0) return w;
        List<Tensor> out = new ArrayList<>();
        for (Tensor x : w.tensors()) {
            String base = x.name().substring(x.name().indexOf('/') + 1);
            if (base.equals("out_W") || base.equals("out_b")) {
                float[] d = x.data().clone();
                for (int i = 0; i < d.length; i++) d[i] = (float) (d[i] / t);
                out.add(new Tensor(x.name(), x.shape(), d));
            } else {
                out.add(x);
            }
        }
        return new NetworkWeights(out);
    }
}
