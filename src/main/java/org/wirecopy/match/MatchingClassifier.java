package org.wirecopy.match;

import org.wirecopy.classify.ClassifiedArticle;
import org.wirecopy.classify.ClassifiedParagraph;
import org.wirecopy.classify.Classifier;
import org.wirecopy.text.Article;
import org.wirecopy.text.ArticleReader;
import org.wirecopy.text.InputFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Classifies an article and matches it against reference stories, using a match as a cue: a paragraph whose best
 * match covers at least {@link MatchConfig#reportingCoverage()} of its words is REPORTING whatever the network says,
 * and its explanation says so. Other paragraphs keep the network's label (a weaker match is still reported).
 *
 * <p>Immutable and thread-safe (as its classifier and matcher are).
 */
public final class MatchingClassifier {

    /** The label a verbatim match implies. */
    public static final String REPORTING = "REPORTING";

    private final Classifier classifier;
    private final SourceMatcher matcher;

    /**
     * A classifier that also matches with {@code matcher}.
     *
     * @param classifier the network's classifier; not null
     * @param matcher    the source matcher, whose {@link MatchConfig#reportingCoverage()} applies; not null
     */
    public MatchingClassifier(Classifier classifier, SourceMatcher matcher) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.matcher = Objects.requireNonNull(matcher, "matcher");
    }

    /**
     * Classifies and matches text or HTML (layout detected).
     *
     * @param textOrHtml an article as plain text or an HTML page
     * @return every paragraph with the network's result, its matches and its final label
     * @throws org.wirecopy.text.ArticleInputException when the input is over a size limit of
     *                                                 {@link ArticleReader}
     */
    public MatchedArticle classify(String textOrHtml) {
        return classify(ArticleReader.read(textOrHtml, InputFormat.AUTO));
    }

    /**
     * Classifies and matches an article.
     *
     * @param article an article read by {@link ArticleReader}
     * @return every paragraph with the network's result, its matches and its final label
     */
    public MatchedArticle classify(Article article) {
        ClassifiedArticle classified = classifier.classify(article);
        ArticleMatch matches = matcher.match(article);
        boolean canOverride = classifier.labels().contains(REPORTING);
        double min = matcher.config().reportingCoverage();
        List<MatchedParagraph> out = new ArrayList<>(article.size());
        for (int i = 0; i < article.size(); i++) {
            ClassifiedParagraph c = classified.paragraphs().get(i);
            ParagraphMatch m = matches.paragraphs().get(i);
            String label = c.label();
            String why = "";
            if (m.matched()) {
                SourceMatch best = m.best().orElseThrow();
                String where = String.format(Locale.ROOT, "found in story %s (paragraph%s %s) covering %.0f%% of "
                                + "its words", best.story().id(), best.paragraphs().size() == 1 ? "" : "s",
                        best.paragraphs(), 100 * best.coverage());
                String network = String.format(Locale.ROOT, "the network says %s %.2f", c.label(), c.confidence());
                if (canOverride && best.coverage() >= min) {
                    label = REPORTING;
                    why = where + ": REPORTING whatever the network says (" + network + ")";
                } else {
                    why = where + String.format(Locale.ROOT, ", below %.0f%%: the label is the network's (%s)",
                            100 * min, network);
                }
            }
            out.add(new MatchedParagraph(c, m, label, why));
        }
        return new MatchedArticle(classifier.labels(), out, matches);
    }
}
