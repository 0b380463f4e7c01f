package org.wirecopy.baseline;

import org.wirecopy.classify.ArticleLabeller;
import org.wirecopy.classify.ClassifiedArticle;
import org.wirecopy.classify.ClassifiedParagraph;
import org.wirecopy.text.Article;
import org.wirecopy.text.Paragraph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Turns per-paragraph score rows into a {@link ClassifiedArticle}; shared by the baselines. */
final class Scored {

    private Scored() {
    }

    /** A labeller that scores an article's paragraphs with {@code scorer} (rows of label probabilities). */
    static ArticleLabeller labeller(List<String> labels, Function<Article, double[][]> scorer) {
        return new ArticleLabeller() {
            @Override
            public List<String> labels() {
                return labels;
            }

            @Override
            public ClassifiedArticle classifyParagraphs(List<String> paragraphs) {
                Article a = Article.ofParagraphs(paragraphs);
                return article(a, labels, scorer.apply(a));
            }
        };
    }

    static ClassifiedArticle article(Article article, List<String> labels, double[][] scores) {
        List<ClassifiedParagraph> out = new ArrayList<>();
        for (int i = 0; i < article.size(); i++) {
            Paragraph p = article.paragraphs().get(i);
            Map<String, Double> s = new LinkedHashMap<>();
            int best = 0;
            for (int j = 0; j < labels.size(); j++) {
                s.put(labels.get(j), scores[i][j]);
                if (scores[i][j] > scores[i][best]) best = j;
            }
            out.add(new ClassifiedParagraph(i, p.text(), p.start(), p.end(), labels.get(best), s));
        }
        return new ClassifiedArticle(labels, out);
    }

    /** Softmax of log-scores, in place. */
    static void softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) max = Math.max(max, v);
        double sum = 0;
        for (int j = 0; j < z.length; j++) {
            z[j] = Math.exp(z[j] - max);
            sum += z[j];
        }
        for (int j = 0; j < z.length; j++) z[j] /= sum;
    }
}
