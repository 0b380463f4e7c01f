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

    /** Invented text only: a blog's homepage, two posts between a header and a footer. */
    private static String homepage() {
        StringBuilder b = new StringBuilder("<html><body><header><nav><a href=\"/\">Home</a></nav></header>");
        String[][] posts = {
            {"Ferry fares", "The ferry company wants to raise fares again, and I think it is the wrong year for it.",
                "Fares on the island route will rise by 8 percent from June, the company said on Monday.",
                "Eight percent, after last year's six. Who is this for?"},
            {"Pier repairs", "Work on the old pier has stopped for the winter, as it does every year.",
                "The council said repairs would resume in March and finish by the summer season.",
                "I will believe it when I can walk to the end of it."}};
        for (String[] p : posts) {
            b.append("<article><h2>").append(p[0]).append("</h2><p>").append(p[1]).append("</p><blockquote><p>")
                    .append(p[2]).append("</p></blockquote><p>").append(p[3]).append("</p></article>");
        }
        return b.append("<footer><p>Copyright Island notes</p></footer></body></html>").toString();
    }

    /**
     * On a page of several posts the network reads each post as an article of its own: a post's scores are those of
     * its paragraphs read alone, and explanations agree with them.
     */
    @Test
    void eachPostOfAHomepageIsReadAsAnArticleOfItsOwn() throws Exception {
        Classifier c = Classifier.bundled();
        org.wirecopy.text.Article page = org.wirecopy.text.ArticleReader.readPage(homepage(), "", true);
        ClassifiedArticle classified = c.classify(page);
        assertEquals(2, page.paragraphs().stream().mapToInt(org.wirecopy.text.Paragraph::post).distinct().count());
        List<Explanation> explained = c.explainAll(page, 2);
        boolean differsFromWhole = false;
        float[][] whole = c.scores(page.paragraphs(), page.page());
        for (int post = 0; post < 2; post++) {
            List<org.wirecopy.text.Paragraph> alone = new ArrayList<>();
            List<Integer> at = new ArrayList<>();
            for (org.wirecopy.text.Paragraph p : page.paragraphs()) {
                if (p.post() == post) {
                    at.add(p.index());
                    alone.add(p.withIndex(alone.size()));
                }
            }
            float[][] expected = c.scores(alone, page.page());
            for (int k = 0; k < at.size(); k++) {
                ClassifiedParagraph got = classified.paragraphs().get(at.get(k));
                for (int j = 0; j < c.labels().size(); j++) {
                    String label = c.labels().get(j);
                    assertEquals(expected[k][j], got.scores().get(label), 1e-6, "post " + post + ", " + got.text());
                    assertEquals(got.scores().get(label), explained.get(at.get(k)).scores().get(label), 1e-6);
                    differsFromWhole |= Math.abs(whole[at.get(k)][j] - expected[k][j]) > 1e-4;
                }
                assertEquals(got.label(), explained.get(at.get(k)).label());
            }
        }
        assertTrue(differsFromWhole, "reading the page whole would give the same scores: the test shows nothing");
        assertEquals(c.explain(page, page.size() - 1, 2), explained.get(page.size() - 1));
    }

    /** Invented text only: a column that retells the news at length, with one passage in a blockquote. */
    private static String column() {
        StringBuilder b = new StringBuilder("<html><head><title>The harbour deal</title></head><body><article>");
        b.append("<h1>The harbour deal</h1>");
        b.append("<p>PORT ELLIS (AP) — The city council voted 7-2 on Tuesday to sell the harbour authority's land to a ")
                .append("private operator for $40 million, officials said.</p>");
        b.append("<p>The operator, Ellis Marine Holdings, said in a statement that it would invest $12 million in the ")
                .append("docks over five years and keep the current staff of 140.</p>");
        b.append("<blockquote><p>The sale is expected to close in March, the council's finance director said on ")
                .append("Wednesday, pending a review by the state's port commission.</p></blockquote>");
        b.append("<p>Council member Rita Vale, who voted against the sale, said the price was too low.</p>");
        return b.append("</article></body></html>").toString();
    }

    /**
     * On a page that calls itself opinion the writer's piece is COMMENTARY throughout: no paragraph outside a
     * blockquote is REPORTING, the scores still sum to 1, a blockquote keeps the network's scores, and explanations
     * agree and name the page's part.
     */
    @Test
    void aPageThatCallsItselfOpinionIsTheWritersOwnOutsideItsBlockquotes() throws Exception {
        Classifier c = Classifier.bundled();
        org.wirecopy.text.Article opinion = org.wirecopy.text.ArticleReader.readPage(column(),
                "https://example.com/opinion/2026/harbour", true);
        assertTrue(opinion.page().opinion());
        assertTrue(opinion.paragraphs().stream().noneMatch(p -> p.region() == org.wirecopy.text.Paragraph.Region.OUTSIDE));
        // what the network alone says of every paragraph (it reads the page's word too, as one cue among many)
        float[][] raw = c.scores(opinion.paragraphs(), opinion.page());
        int rep = c.labels().indexOf("REPORTING");
        int dateline = 1;
        assertTrue(opinion.paragraphs().get(dateline).text().contains("(AP)"));
        assertTrue(raw[dateline][rep] > 0.5, "the network alone reads the dateline paragraph as REPORTING: the test "
                + "shows nothing (" + raw[dateline][rep] + ")");
        ClassifiedArticle voiced = c.classify(opinion);
        List<Explanation> explained = c.explainAll(opinion, 2);
        for (int i = 0; i < opinion.size(); i++) {
            ClassifiedParagraph p = voiced.paragraphs().get(i);
            double sum = p.scores().values().stream().mapToDouble(Double::doubleValue).sum();
            assertEquals(1.0, sum, 1e-5, p.text());
            if (opinion.paragraphs().get(i).blockquoteDepth() > 0) {
                for (int j = 0; j < c.labels().size(); j++) {
                    assertEquals(raw[i][j], p.scores().get(c.labels().get(j)), 1e-6, "a blockquote keeps its scores");
                }
            } else {
                assertEquals(0.0, p.scores().get("REPORTING"), 0.0, p.text());
                assertTrue(!p.label().equals("REPORTING"), p.text());
            }
            assertEquals(p.label(), explained.get(i).label());
            assertEquals(p.scores(), explained.get(i).scores());
        }
        assertEquals("COMMENTARY", voiced.paragraphs().get(dateline).label());
        assertEquals("page:opinion", explained.get(dateline).toward().get("COMMENTARY").get(0).feature());
        assertTrue(explained.get(dateline).toward().get("COMMENTARY").get(0).effect() > 0);
        assertEquals(explained.get(dateline), c.explain(opinion, dateline, 2));
    }
}
