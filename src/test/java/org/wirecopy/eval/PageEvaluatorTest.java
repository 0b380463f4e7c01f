package org.wirecopy.eval;

import org.junit.jupiter.api.Test;
import org.wirecopy.classify.ClassifiedArticle;
import org.wirecopy.classify.ClassifiedParagraph;
import org.wirecopy.corpus.LabelledArticle;
import org.wirecopy.corpus.LabelledParagraph;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PageEvaluatorTest {

    static final List<String> LABELS = List.of("REPORTING", "COMMENTARY", "BOILERPLATE");

    static ClassifiedParagraph p(int i, String text, String label) {
        return new ClassifiedParagraph(i, text, 0, text.length(), label,
                Map.of("REPORTING", label.equals("REPORTING") ? 0.8 : 0.1,
                        "COMMENTARY", label.equals("COMMENTARY") ? 0.8 : 0.1,
                        "BOILERPLATE", label.equals("BOILERPLATE") ? 0.8 : 0.1));
    }

    @Test
    void goldParagraphsTakeTheLabelOfTheClassifiedParagraphThatHoldsThem() {
        // the reader merged two gold blocks into one paragraph, and dropped the menu
        ClassifiedArticle predicted = new ClassifiedArticle(LABELS, List.of(
                p(0, "My take: the “deal” is bad.", "COMMENTARY"),
                p(1, "WASHINGTON (AP) — Talks stalled. Officials said so.", "REPORTING"),
                p(2, "Share this", "BOILERPLATE")));
        LabelledArticle gold = new LabelledArticle("x", List.of(
                new LabelledParagraph("Home", "BOILERPLATE"),
                new LabelledParagraph("My take: the \"deal\" is bad.", "COMMENTARY"),
                new LabelledParagraph("WASHINGTON (AP) - Talks stalled.", "REPORTING"),
                new LabelledParagraph("Officials said so.", "REPORTING"),
                new LabelledParagraph("Share  this", "COMMENTARY")));
        PageEvaluator.Page page = new PageEvaluator.Page("x", "<html/>", "", List.of(gold));
        Evaluation ev = PageEvaluator.evaluate(LABELS, List.of(page), (h, u) -> predicted);
        assertEquals(List.of("BOILERPLATE", "COMMENTARY", "REPORTING", "REPORTING", "BOILERPLATE"),
                ev.articles().get(0).predicted().predictedLabels());
        assertEquals(1.0, ev.articles().get(0).predicted().paragraphs().get(0).score("BOILERPLATE"),
                "a dropped block counts as furniture, with certainty");
        assertEquals(4.0 / 5, ev.accuracy(), 1e-9);
    }

    @Test
    void keyKeepsLettersAndDigitsOnly() {
        assertEquals("itsa3way", PageEvaluator.key("It’s a 3-way…"));
        assertEquals("cafe", PageEvaluator.key("CAFE"));
    }

    @Test
    void aShortGoldTextInsideALongerParagraphIsNotThatText() {
        // the reader dropped the menu ("World", "More"); the words occur inside the story, far from where matching is
        ClassifiedArticle predicted = new ClassifiedArticle(LABELS, List.of(
                p(0, "Officials from forty countries met in Geneva on Monday after a long day of talks behind closed "
                        + "doors and agreed to send more aid to the poorest region in the world.", "REPORTING"),
                p(1, "World", "BOILERPLATE"),
                p(2, "Prices rose again in March.", "REPORTING")));
        LabelledArticle gold = new LabelledArticle("x", List.of(
                new LabelledParagraph("More", "BOILERPLATE"),
                new LabelledParagraph("Officials from forty countries met in Geneva on Monday after a long day of "
                        + "talks behind closed doors and agreed to send more aid to the poorest region in the world.",
                        "REPORTING"),
                new LabelledParagraph("World", "BOILERPLATE"),
                new LabelledParagraph("Prices rose again in March.", "REPORTING"),
                new LabelledParagraph("Sport", "BOILERPLATE")));
        PageEvaluator.Page page = new PageEvaluator.Page("x", "<html/>", "", List.of(gold));
        Evaluation ev = PageEvaluator.evaluate(LABELS, List.of(page), (h, u) -> predicted);
        assertEquals(List.of("BOILERPLATE", "REPORTING", "BOILERPLATE", "REPORTING", "BOILERPLATE"),
                ev.articles().get(0).predicted().predictedLabels(),
                "'More' is not the 'more' inside the story; 'World' is its own paragraph");
        assertEquals(1.0, ev.articles().get(0).predicted().paragraphs().get(0).score("BOILERPLATE"), "dropped");
        assertEquals(0.8, ev.articles().get(0).predicted().paragraphs().get(2).score("BOILERPLATE"), 1e-9,
                "matched to the paragraph 'World', not the word inside the story");
    }
}
