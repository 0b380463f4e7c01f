package org.wirecopy.classify;

import org.junit.jupiter.api.Test;
import org.wirecopy.TestData;
import org.wirecopy.text.Article;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExplanationTest {

    @Test
    void occludingAFeatureChangesTheScoresByTheReportedEffect() throws Exception {
        Classifier c = new Classifier(TestData.tinyModel());
        Article a = Article.ofParagraphs(List.of("Budget vote delayed", "From the AP:",
                "WASHINGTON (AP) - The House delayed a vote on Tuesday, officials said.", "What a mess.",
                "Advertisement"));
        for (int i = 0; i < a.size(); i++) {
            Explanation e = c.explain(a, i, 5);
            assertEquals(c.classify(a).paragraphs().get(i).label(), e.label());
            assertEquals(c.labels(), List.copyOf(e.toward().keySet()));
            for (List<Explanation.Contribution> list : e.toward().values()) {
                assertTrue(list.size() <= 5);
                for (int k = 1; k < list.size(); k++) assertTrue(list.get(k - 1).effect() >= list.get(k).effect());
                for (Explanation.Contribution x : list) {
                    assertTrue(x.effect() > 0);
                    assertTrue(x.feature().startsWith("cue:") || x.feature().startsWith("ngram:\""), x.feature());
                }
            }
        }
        Explanation ad = c.explain(a, 4, 10);
        assertTrue(ad.toward().get(ad.label()).stream().anyMatch(x -> x.feature().contains("advertisement")
                || x.feature().startsWith("cue:")), ad.toString());
        assertThrows(IllegalArgumentException.class, () -> c.explain(a, 9, 3));
    }

    @Test
    void minimumConfidenceFlagsUncertainParagraphsButKeepsScores() throws Exception {
        Classifier c = new Classifier(TestData.tinyModel());
        ClassifiedArticle plain = c.classify("Some words here.\nAdvertisement\n");
        ClassifiedArticle strict = c.withMinConfidence(1.0).classify("Some words here.\nAdvertisement\n");
        for (int i = 0; i < plain.size(); i++) {
            assertTrue(!plain.paragraphs().get(i).uncertain());
            assertEquals(plain.paragraphs().get(i).scores(), strict.paragraphs().get(i).scores());
            assertEquals(strict.paragraphs().get(i).confidence() < 1.0, strict.paragraphs().get(i).uncertain());
        }
    }
}
