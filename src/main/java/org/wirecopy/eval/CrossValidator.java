package org.wirecopy.eval;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wirecopy.classify.ArticleLabeller;
import org.wirecopy.corpus.Corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * Runs k-fold cross-validation of one or more {@link Learner}s on the same {@link Folds}: for each fold, train on the
 * other folds and evaluate on it.
 *
 * <p>Stateless and thread-safe.
 */
public final class CrossValidator {

    private static final Logger LOG = LoggerFactory.getLogger(CrossValidator.class);

    private CrossValidator() {
    }

    /**
     * Cross-validates {@code learner} on {@code corpus} with the given folds.
     *
     * @param learner trains one labeller per fold
     * @param corpus  the labelled articles
     * @param folds   an assignment of every article of {@code corpus} to a fold
     * @return one evaluation per fold
     * @throws IllegalArgumentException when an article has no fold or a gold label is not one of the labeller's
     */
    public static CrossValidation run(Learner learner, Corpus corpus, Folds folds) {
        return run(learner, corpus, folds, f -> { });
    }

    /**
     * As {@link #run(Learner, Corpus, Folds)}, telling {@code onFold} as each fold starts.
     *
     * @param learner trains one labeller per fold
     * @param corpus  the labelled articles
     * @param folds   an assignment of every article of {@code corpus} to a fold
     * @param onFold  receives each fold's index, 0..k-1, before it is trained
     * @return one evaluation per fold
     * @throws IllegalArgumentException when an article has no fold or a gold label is not one of the labeller's
     */
    public static CrossValidation run(Learner learner, Corpus corpus, Folds folds, IntConsumer onFold) {
        Objects.requireNonNull(learner, "learner");
        List<Evaluation> out = new ArrayList<>();
        for (int f = 0; f < folds.k(); f++) {
            onFold.accept(f);
            Corpus train = folds.train(corpus, f);
            Corpus test = folds.test(corpus, f);
            LOG.debug("{}: fold {} trains on {} articles, tests on {}", learner.name(), f, train.articles().size(),
                    test.articles().size());
            ArticleLabeller model = learner.train(train);
            out.add(Evaluator.evaluate(model, test));
        }
        return new CrossValidation(learner.name(), folds, out);
    }
}
