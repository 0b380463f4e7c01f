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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** {@code evaluate --html DIR}: the pages of a folder matched to their gold articles. */
final class PageEvaluation {

    private PageEvaluation() {
    }

    static Evaluation run(Classifier classifier, ArticleLabeller labeller, Corpus corpus, Path dir, String urlField,
                          boolean mainContent, PrintWriter err) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--html " + dir + ": not a directory; give the folder of NAME.html pages");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().matches("(?i).*\\.html?")).sorted().toList();
        }
        List<PageEvaluator.Page> pages = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (Path f : files) {
            String name = f.getFileName().toString().replaceFirst("(?i)\\.html?$", "");
            List<LabelledArticle> gold = PageEvaluator.goldFor(corpus, name);
            if (gold.isEmpty()) continue;
            for (LabelledArticle a : gold) used.add(a.id());
            String url = "none".equals(urlField) ? "" : gold.get(0).field(urlField);
            pages.add(new PageEvaluator.Page(name, ArticleReader.readFile(f), url == null ? "" : url, gold));
        }
        int missing = 0;
        for (LabelledArticle a : corpus.articles()) if (!used.contains(a.id())) missing++;
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("--html " + dir + ": no NAME.html matches an article id or style of "
                    + corpus.name());
        }
        if (missing > 0) err.println("note: " + missing + " gold articles have no page in " + dir + " and are left out");
        err.flush();
        if (labeller != classifier) {
            throw new IllegalArgumentException("--html cannot be combined with --prediction-map");
        }
        return PageEvaluator.evaluate(classifier.labels(), pages, (h, u) -> classifier.classify(
                org.wirecopy.text.ArticleReader.readPage(h, u, mainContent)));
    }
}
