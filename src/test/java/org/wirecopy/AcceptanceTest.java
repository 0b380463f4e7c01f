package org.wirecopy;

import org.junit.jupiter.api.Test;
import org.wirecopy.classify.ClassifiedArticle;
import org.wirecopy.classify.Classifier;
import org.wirecopy.corpus.Corpus;
import org.wirecopy.corpus.CorpusOptions;
import org.wirecopy.corpus.CorpusReader;
import org.wirecopy.eval.Evaluation;
import org.wirecopy.eval.Evaluator;
import org.wirecopy.text.ArticleReader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The bundled model on real posts from ../shared/acceptance (evaluation only; never trained on). */
class AcceptanceTest {

    static final Path DIR = TestData.shared().resolve("acceptance");

    /** Floor under the bundled model's measured macro-F1 on the 40 real posts (see README); catches regressions. */
    static final double REAL_BLOGS_FLOOR = 0.78;

    @Test
    void canonicalPostGetsEveryGoldLabel() throws Exception {
        Path txt = DIR.resolve("hotair-kim-putin.txt");
        Path gold = DIR.resolve("hotair-kim-putin.gold.tsv");
        assumeTrue(Files.exists(txt) && Files.exists(gold),
                "../shared/acceptance is not beside the checkout; the acceptance post cannot be checked");
        List<String> expected = new ArrayList<>();
        List<String> lines = Files.readAllLines(gold, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) expected.add(line.split("\t", 3)[1]);
        }
        ClassifiedArticle r = Classifier.loadDefault().classify(ArticleReader.readFile(txt));
        assertEquals(expected.size(), r.size(), "paragraph count");
        assertEquals(expected, r.predictedLabels());
    }

    @Test
    void realBlogPostsStayAboveTheFloor() throws Exception {
        Path posts = DIR.resolve("real-blogs/posts.jsonl");
        assumeTrue(Files.exists(posts), "../shared/acceptance/real-blogs is not beside the checkout");
        Corpus c = CorpusReader.read(posts, CorpusOptions.defaults());
        Evaluation ev = Evaluator.evaluate(Classifier.loadDefault(), c);
        assertEquals(433, ev.paragraphs());
        assertTrue(ev.macroF1() >= REAL_BLOGS_FLOOR, "macro-F1 on real posts fell to " + ev.macroF1());
    }
}
