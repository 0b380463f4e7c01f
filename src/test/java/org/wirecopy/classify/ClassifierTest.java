package org.wirecopy.classify;

import org.junit.jupiter.api.Test;
import org.wirecopy.TestData;
import org.wirecopy.text.InputFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassifierTest {

    static final String ARTICLE = "Budget vote delayed again\n\nHere is the AP story:\n\n"
            + "WASHINGTON (AP) \u2014 The House delayed a vote on the budget on Tuesday, officials said.\n\n"
            + "\"We need more time,\" said Rep. Ana Cole.\n\nWhat a mess. I expected better.\n\nAdvertisement\n";

    @Test
    void resultCarriesOffsetsScoresAndTotals() throws Exception {
        Classifier c = new Classifier(TestData.tinyModel());
        ClassifiedArticle r = c.classify(ARTICLE);
        assertEquals(6, r.size());
        for (ClassifiedParagraph p : r.paragraphs()) {
            assertEquals(p.text(), ARTICLE.substring(p.start(), p.end()));
            assertEquals(c.labels(), List.copyOf(p.scores().keySet()));
            double sum = p.scores().values().stream().mapToDouble(Double::doubleValue).sum();
            assertEquals(1.0, sum, 1e-5);
            assertEquals(p.scores().entrySet().stream().max(java.util.Map.Entry.comparingByValue()).get().getKey(),
                    p.label());
        }
        assertEquals(6, r.counts().values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(1.0, r.characterShares().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
    }

    @Test
    void emptyInputGivesAnEmptyResult() throws Exception {
        ClassifiedArticle r = new Classifier(TestData.tinyModel()).classify("  \n \n");
        assertEquals(0, r.size());
        assertEquals(0.0, r.characterShares().get("REPORTING"));
    }

    @Test
    void manyThreadsGiveTheSameAnswersAsOne() throws Exception {
        Classifier c = new Classifier(TestData.tinyModel());
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < 40; i++) inputs.add(ARTICLE.replace("Tuesday", "day " + i) + "\nExtra line " + i + ".");
        List<ClassifiedArticle> expected = inputs.stream().map(c::classify).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 5; round++) {
                List<Future<ClassifiedArticle>> fs = new ArrayList<>();
                for (String in : inputs) fs.add(pool.submit(() -> c.classify(in)));
                for (int i = 0; i < fs.size(); i++) assertEquals(expected.get(i), fs.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void paragraphListAndTextGiveTheSameScores() throws Exception {
        Classifier c = new Classifier(TestData.tinyModel());
        ClassifiedArticle fromText = c.classify(ARTICLE, InputFormat.LINES);
        ClassifiedArticle fromList = c.classifyParagraphs(fromText.paragraphs().stream()
                .map(ClassifiedParagraph::text).toList());
        for (int i = 0; i < fromText.size(); i++) {
            assertEquals(fromText.paragraphs().get(i).scores(), fromList.paragraphs().get(i).scores());
        }
    }

    @Test
    void largeInputsAreClassifiedInA512MegabyteHeap() throws Exception {
        // a child JVM with the heap the README promises: 100,000 paragraphs and one 10 MB paragraph must fit
        var r = org.wirecopy.testing.ChildJvm.run("512m", e -> true, 300, "org.wirecopy.testing.ClassifyMain",
                "100000", String.valueOf(10 * 1024 * 1024));
        assertEquals(0, r.code(), r.output());
        assertTrue(r.output().contains("ok 100001 "), r.output());
    }
}
