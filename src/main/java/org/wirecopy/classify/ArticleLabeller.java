package org.wirecopy.classify;

import java.util.List;

/**
 * Anything that labels the paragraphs of an article with scores for a fixed label set: the trained
 * {@link Classifier}, and the baselines researchers compare it with.
 *
 * <p>Implementations must be thread-safe.
 */
public interface ArticleLabeller {

    /** The labels, in score order. */
    List<String> labels();

    /** Labels paragraphs given one by one. */
    ClassifiedArticle classifyParagraphs(List<String> paragraphs);
}
