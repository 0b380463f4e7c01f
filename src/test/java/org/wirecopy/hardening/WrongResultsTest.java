package org.wirecopy.hardening;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirecopy.TestData;
import org.wirecopy.classify.ClassifiedArticle;
import org.wirecopy.classify.ClassifiedParagraph;
import org.wirecopy.classify.Classifier;
import org.wirecopy.corpus.Corpus;
import org.wirecopy.corpus.CorpusFormat;
import org.wirecopy.corpus.CorpusOptions;
import org.wirecopy.corpus.CorpusReader;
import org.wirecopy.eval.ArticleOutcome;
import org.wirecopy.eval.Evaluation;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Regression tests for the wrong results of issue 10 (one per bug). */
class WrongResultsTest {

    static final List<String> L = List.of("REPORTING", "COMMENTARY", "BOILERPLATE");

    @TempDir
    Path dir;

    static ClassifiedParagraph p(int i, String label, double top) {
        Map<String, Double> s = new LinkedHashMap<>();
        double rest = (1 - top) / 2;
        for (String l : L) s.put(l, l.equals(label) ? top : rest);
        return new ClassifiedParagraph(i, "text " + i, 0, 6, label, s);
    }

    @Test
    void trainingDataHashDoesNotDependOnHowThePathIsSpelled() throws Exception {
        Path data = dir.resolve("d.tsv");
        Files.writeString(data, "text\tlabel\nThe vote was delayed.\tREPORTING\nWhat a mess.\tCOMMENTARY\n",
                StandardCharsets.UTF_8);
        CorpusOptions o = CorpusOptions.builder().format(CorpusFormat.TSV).build();
        Corpus plain = CorpusReader.read(data, o);
        Corpus dotted = CorpusReader.read(dir.resolve(".").resolve("d.tsv"), o);
        assertNotEquals(plain.articles().get(0).id(), dotted.articles().get(0).id(), "the ids do differ");
        assertEquals(plain.sha256(), dotted.sha256());
        // and the hash still sees the content
        Files.writeString(data, "text\tlabel\nThe vote was delayed.\tREPORTING\nWhat a mess!\tCOMMENTARY\n",
                StandardCharsets.UTF_8);
        assertNotEquals(plain.sha256(), CorpusReader.read(data, o).sha256());
    }

    @Test
    void encodingsThatCannotBeSplitIntoLinesAreRefusedUpFront() {
        for (String cs : List.of("UTF-16", "UTF-16LE", "UTF-16BE", "UTF-32")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> CorpusOptions.builder().charset(Charset.forName(cs)).build(), cs);
            assertTrue(e.getMessage().contains("iconv -f " + Charset.forName(cs).name()), e.getMessage());
        }
        for (String cs : List.of("UTF-8", "ISO-8859-1", "windows-1252", "US-ASCII")) {
            assertEquals(Charset.forName(cs), CorpusOptions.builder().charset(Charset.forName(cs)).build().charset());
        }
    }

    @Test
    void evaluationRefusesAnUnlabelledParagraphWithItsPlace() {
        List<String> gold = Arrays.asList("REPORTING", null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ArticleOutcome("a7",
                Map.of(), gold, new ClassifiedArticle(L, List.of(p(0, "REPORTING", 0.9), p(1, "COMMENTARY", 0.8)))));
        assertTrue(e.getMessage().contains("article a7, paragraph 1 has no gold label"), e.getMessage());
    }

    @Test
    void evaluationRefusesAnUnknownLabel() {
        Evaluation ev = new Evaluation(L, List.of(new ArticleOutcome("a", Map.of(), List.of("REPORTING"),
                new ClassifiedArticle(L, List.of(p(0, "REPORTING", 0.9))))));
        for (var call : List.<org.junit.jupiter.api.function.Executable>of(() -> ev.f1("X"), () -> ev.precision("X"),
                () -> ev.recall("X"), () -> ev.support("X"), () -> ev.predicted("X"), () -> ev.prAuc("X"),
                () -> ev.shareError("X"), () -> ev.precisionRecallCurve("X"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
            assertTrue(e.getMessage().contains("no label 'X'"), e.getMessage());
        }
        assertEquals(1.0, ev.f1("REPORTING"));
    }

    @Test
    void evaluationsWithTheSameConfusionButOtherScoresAreNotEqual() {
        Evaluation a = new Evaluation(L, List.of(new ArticleOutcome("a", Map.of(), List.of("REPORTING"),
                new ClassifiedArticle(L, List.of(p(0, "REPORTING", 0.9))))));
        Evaluation b = new Evaluation(L, List.of(new ArticleOutcome("a", Map.of(), List.of("REPORTING"),
                new ClassifiedArticle(L, List.of(p(0, "REPORTING", 0.5))))));
        Evaluation a2 = new Evaluation(L, List.of(new ArticleOutcome("a", Map.of(), List.of("REPORTING"),
                new ClassifiedArticle(L, List.of(p(0, "REPORTING", 0.9))))));
        assertEquals(Arrays.deepToString(a.confusion()), Arrays.deepToString(b.confusion()));
        assertNotEquals(a.expectedCalibrationError(), b.expectedCalibrationError());
        assertNotEquals(a, b);
        assertEquals(a, a2);
        assertEquals(a.hashCode(), a2.hashCode());
    }

    @Test
    void scoreOfAnUnknownLabelIsRefused() {
        ClassifiedParagraph x = p(0, "REPORTING", 0.9);
        assertEquals(0.9, x.score("REPORTING"), 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> x.score("REPORTNG"));
        assertTrue(e.getMessage().contains("'REPORTNG'") && e.getMessage().contains("REPORTING"), e.getMessage());
    }

    @Test
    void classifyParagraphsRefusesBlankStrings() throws Exception {
        Classifier c = new Classifier(TestData.tinyModel());
        for (String blank : List.of("", "   ", "\u00A0\u200B", "\n\t")) {
            List<String> ps = new ArrayList<>(List.of("From the AP:", blank, "What a mess."));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.classifyParagraphs(ps));
            assertTrue(e.getMessage().contains("paragraph 1 is blank"), e.getMessage());
        }
        assertEquals(2, c.classifyParagraphs(List.of("From the AP:", "What a mess.")).size());
    }
}
