package org.wirecopy.classify;

import org.junit.jupiter.api.Test;
import org.wirecopy.text.ArticleReader;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pages with no article, odd structure or huge size give a defined result, never an exception. */
class BadPagesTest {

    static final Duration BOUND = Duration.ofSeconds(120);

    static ClassifiedArticle classify(String html) throws Exception {
        Classifier c = Classifier.loadDefault();
        return assertTimeoutPreemptively(BOUND, () -> c.classify(ArticleReader.readPage(html, "")));
    }

    @Test
    void aPageOfNavigationOnlyIsAllFurniture() throws Exception {
        StringBuilder b = new StringBuilder("<html><body><ul>");
        for (int i = 0; i < 40; i++) b.append("<li><a href='/s").append(i).append("'>Section ").append(i).append("</a></li>");
        b.append("</ul><footer><a href='/privacy'>Privacy</a></footer></body></html>");
        ClassifiedArticle r = classify(b.toString());
        assertEquals(41, r.size());
        long furniture = r.paragraphs().stream().filter(p -> p.label().equals("BOILERPLATE")).count();
        assertTrue(furniture >= 37, furniture + " of 41 link-only lines labelled BOILERPLATE");
    }

    @Test
    void aPageWithNoTextGivesAnEmptyResult() throws Exception {
        assertEquals(0, classify("<html><head><title>x</title></head><body><img src='a.png'><script>var a;</script>"
                + "</body></html>").size());
        assertEquals(0, classify("").size());
    }

    @Test
    void aFramesetGivesADefinedResult() throws Exception {
        ClassifiedArticle r = classify("<html><frameset cols='50%,50%'><frame src='a.html'><frame src='b.html'>"
                + "<noframes><p>Your browser does not support frames.</p></noframes></frameset></html>");
        assertTrue(r.size() <= 1, "at most the noframes text: " + r.size());
    }

    @Test
    void aPageInAnotherLanguageIsClassifiedWithoutError() throws Exception {
        String p = "<p>Der Gemeinderat hat am Dienstag beschlossen, die Parkgebühren in der Innenstadt zu erhöhen, "
                + "obwohl die Händler dagegen protestiert hatten.</p>";
        ClassifiedArticle r = classify("<html lang='de'><body><h1>Parkgebühren steigen</h1>" + p.repeat(5)
                + "</body></html>");
        assertEquals(6, r.size());
        for (ClassifiedParagraph q : r.paragraphs()) {
            double sum = q.scores().values().stream().mapToDouble(Double::doubleValue).sum();
            assertEquals(1.0, sum, 1e-4);
        }
    }

    @Test
    void aTenMegabytePageIsClassified() throws Exception {
        StringBuilder b = new StringBuilder(10_500_000).append("<html><body><article><h1>A long page</h1>");
        String para = "<p>The committee met again on Thursday and went through the budget line by line, as it has "
                + "done every week this spring, without reaching a decision on the new library.</p>\n";
        while (b.length() < 10_000_000) b.append(para);
        b.append("</article></body></html>");
        ClassifiedArticle r = classify(b.toString());
        assertTrue(r.size() > 50_000, r.size() + " paragraphs");
    }
}
