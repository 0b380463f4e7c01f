package org.wirecopy.cli;

import org.wirecopy.classify.ArticleLabeller;
import org.wirecopy.classify.Classifier;
import org.wirecopy.corpus.Corpus;
import org.wirecopy.corpus.LabelledArticle;
import org.wirecopy.eval.Evaluation;
import org.wirecopy.eval.PageEvaluator;
import org.wirecopy.text.ArticleReader;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code evaluate --html DIR}: the pages of a folder matched to their gold articles. */
final class PageEvaluation {

    private PageEvaluation() {
    }

    static Evaluation run(Classifier classifier, ArticleLabeller labeller, Corpus corpus, Path dir, String urlField,
                          boolean mainContent, PrintWriter err) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--html " + dir + ": not a directory; give the folder of NAME.html pages");
        }
        if (labeller != classifier) {
            throw new IllegalArgumentException("--html cannot be combined with --prediction-map");
        }
        List<PageEvaluator.Page> pages = PageEvaluator.read(corpus, dir, urlField);
        Set<String> used = new HashSet<>();
        for (PageEvaluator.Page page : pages) for (LabelledArticle a : page.gold()) used.add(a.id());
        int missing = 0;
        for (LabelledArticle a : corpus.articles()) if (!used.contains(a.id())) missing++;
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("--html " + dir + ": no NAME.html matches an article id or style of "
                    + corpus.name());
        }
        if (missing > 0) err.println("note: " + missing + " gold articles have no page in " + dir + " and are left out");
        err.flush();
        return PageEvaluator.evaluate(classifier.labels(), pages, (h, u) -> classifier.classify(
                ArticleReader.readPage(h, u, mainContent)));
    }
}
