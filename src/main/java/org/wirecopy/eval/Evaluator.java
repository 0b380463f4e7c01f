package org.wirecopy.eval;

import org.wirecopy.classify.ClassifiedArticle;
import org.wirecopy.classify.ArticleLabeller;
import org.wirecopy.corpus.Corpus;
import org.wirecopy.corpus.LabelledArticle;

import java.util.ArrayList;
import java.util.List;

/**
 * Classifies every article of a labelled corpus and compares with the gold labels. Articles are classified from their
 * paragraph texts, as given, so paragraph boundaries always match the gold data.
 *
 * <p>Stateless and thread-safe.
 */
public final class Evaluator {

    private Evaluator() {
    }

    /**
     * Evaluates {@code classifier} (the model or a baseline) on {@code corpus}.
     *
     * @param classifier the labeller; its labels must include every gold label
     * @param corpus     labelled articles, every paragraph labelled
     * @return the figures
     * @throws IllegalArgumentException when a gold label is not one of the labeller's, or a paragraph has none
     */
    public static Evaluation evaluate(ArticleLabeller classifier, Corpus corpus) {
        return evaluate(classifier, corpus, done -> { });
    }

    /**
     * As {@link #evaluate(ArticleLabeller, Corpus)}, telling {@code onArticle} the number of articles classified so
     * far after each one (1, 2, ... the corpus's article count), on the calling thread.
     *
     * @param classifier the labeller; its labels must include every gold label
     * @param corpus     labelled articles, every paragraph labelled
     * @param onArticle  receives the count after each article; not null
     * @return the figures
     * @throws IllegalArgumentException when a gold label is not one of the labeller's, or a paragraph has none
     */
    public static Evaluation evaluate(ArticleLabeller classifier, Corpus corpus,
                                      java.util.function.IntConsumer onArticle) {
        java.util.Objects.requireNonNull(onArticle, "onArticle");
        List<String> modelLabels = classifier.labels();
        for (String l : corpus.labels()) {
            if (!modelLabels.contains(l)) {
                throw new IllegalArgumentException(corpus.name() + ": gold label '" + l
                        + "' is not one of the model's labels " + modelLabels
                        + "; evaluate with a model trained on these labels, or map them with --label-map");
            }
        }
        List<ArticleOutcome> out = new ArrayList<>(corpus.articles().size());
        for (LabelledArticle a : corpus.articles()) {
            ClassifiedArticle predicted = classifier.classifyParagraphs(a.texts());
            out.add(new ArticleOutcome(a.id(), a.fields(), a.labels(), predicted));
            onArticle.accept(out.size());
        }
        return new Evaluation(modelLabels, out);
    }
}
