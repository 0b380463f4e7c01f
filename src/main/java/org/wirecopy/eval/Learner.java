package org.wirecopy.eval;

import org.wirecopy.classify.ArticleLabeller;
import org.wirecopy.corpus.Corpus;

/**
 * Trains something that labels articles: the network, or a baseline. Used by cross-validation.
 *
 * <p>Implementations must be thread-safe, and so must the labellers they return.
 */
public interface Learner {

    /** {@return a short name for tables, e.g. {@code naive-bayes}} */
    String name();

    /**
     * Trains on {@code train} and returns the trained labeller.
     *
     * @param train labelled articles
     * @return a labeller with the labels of {@code train}
     */
    ArticleLabeller train(Corpus train);
}
