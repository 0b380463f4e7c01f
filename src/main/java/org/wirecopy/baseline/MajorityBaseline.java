package org.wirecopy.baseline;

import org.wirecopy.classify.ArticleLabeller;
import org.wirecopy.corpus.Corpus;
import org.wirecopy.eval.Learner;

import java.util.List;
import java.util.Map;

/**
 * Labels every paragraph with the most frequent training label; scores are the training label shares.
 *
 * <p>Thread-safe once trained: classification reads immutable state only.
 */
public final class MajorityBaseline implements Learner {

    @Override
    public String name() {
        return "majority";
    }

    @Override
    public ArticleLabeller train(Corpus train) {
        List<String> labels = train.labels();
        Map<String, Integer> counts = train.labelCounts();
        double total = train.paragraphCount();
        double[] prior = new double[labels.size()];
        for (int j = 0; j < prior.length; j++) prior[j] = counts.get(labels.get(j)) / total;
        return Scored.labeller(labels, a -> {
            double[][] s = new double[a.size()][];
            for (int i = 0; i < s.length; i++) s[i] = prior.clone();
            return s;
        });
    }
}
