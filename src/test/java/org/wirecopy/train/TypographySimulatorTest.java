package org.wirecopy.train;

import org.junit.jupiter.api.Test;
import org.wirecopy.corpus.LabelledArticle;
import org.wirecopy.corpus.LabelledParagraph;
import org.wirecopy.text.TextNormalizer;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simulated typography changes the marks only, as the three kinds of site would. Invented text only. */
class TypographySimulatorTest {

    private static final LabelledArticle POST = new LabelledArticle("post-1", List.of(
            new LabelledParagraph("Here\u2019s what the \u201cplan\u201d says:", "COMMENTARY"),
            new LabelledParagraph("\"We will not raise fares,\" the company's chief said on Monday.", "REPORTING"),
            new LabelledParagraph("Share this post", "BOILERPLATE")));

    @Test
    void marksAreStraightenedAndCurledBothWays() {
        assertEquals("Here's the \"plan\"", TypographySimulator.straighten("Here\u2019s the \u201cplan\u201d"));
        assertEquals("Here\u2019s the \u201cplan\u201d, \u2018he\u2019 said.",
                TypographySimulator.curl("Here's the \"plan\", 'he' said."));
        assertEquals("\u201cQuoted.\u201d", TypographySimulator.curl("\"Quoted.\""));
    }

    @Test
    void everyKindOfSiteKeepsTheTextTheModelReadsAndTheLabels() {
        Random r = new Random(7);
        TypographySimulator t = new TypographySimulator(r);
        int plain = 0;
        int smart = 0;
        for (int i = 0; i < 200; i++) {
            LabelledArticle typed = t.type(POST);
            assertEquals(POST.labels(), typed.labels());
            assertEquals(POST.id(), typed.id());
            for (int k = 0; k < POST.paragraphs().size(); k++) {
                assertEquals(TextNormalizer.normalize(POST.paragraphs().get(k).text()),
                        TextNormalizer.normalize(typed.paragraphs().get(k).text()));
            }
            String own = typed.paragraphs().get(0).text();
            if (own.indexOf('\'') >= 0) {
                plain++;
                assertFalse(own.contains("\u2019"), own);
            }
            if (typed.paragraphs().get(1).text().startsWith("\u201c") && own.contains("\u2019")) smart++;
        }
        // plain editors 40%, curling sites 30%: both seen, neither always
        assertTrue(plain > 50 && plain < 110, "plain " + plain);
        assertTrue(smart > 40, "smart " + smart);
    }

    @Test
    void theSameSeedGivesTheSameTypography() {
        TypographySimulator a = new TypographySimulator(new Random(11));
        TypographySimulator b = new TypographySimulator(new Random(11));
        for (int i = 0; i < 20; i++) assertEquals(a.type(POST), b.type(POST));
    }
}
