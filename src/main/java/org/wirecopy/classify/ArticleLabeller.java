package org.wirecopy.classify;

import java.util.List;

/**
 * Anything that labels the paragraphs of an article with scores for a fixed label set: the trained
 * {@link Classifier}, and the baselines researchers compare it with.
 *
 * <p>Implementations must be thread-safe.
 */
public interface ArticleLabeller {

    /**
     * The labels, in score order.
     *
     * @return the label names, in the order of every paragraph's scores
     */
    List<String> labels();

    /**
     * Labels paragraphs given one by one, as one article in reading order.
     *
     * @param paragraphs the paragraphs' texts, in reading order
     * @return every paragraph with its label and scores
     */
    ClassifiedArticle classifyParagraphs(List<String> paragraphs);
}
