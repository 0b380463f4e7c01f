package org.wirecopy.train;

import org.junit.jupiter.api.Test;
import org.wirecopy.corpus.LabelledArticle;
import org.wirecopy.corpus.LabelledParagraph;
import org.wirecopy.text.Paragraph;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PageSimulatorTest {

    private static final String BODY = "The county board met on Tuesday and agreed, after a long evening, to hold the "
            + "levy where it was for another year.";

    private static LabelledArticle post() {
        return new LabelledArticle("p1", List.of(
                new LabelledParagraph("Levy held again", "COMMENTARY"),
                new LabelledParagraph("Here is the county paper's account, which I will argue with below:", "COMMENTARY"),
                new LabelledParagraph(BODY, "REPORTING"),
                new LabelledParagraph("What happens next", "REPORTING", Map.of("tag", "h3")),
                new LabelledParagraph("A second vote in March", "REPORTING", Map.of("tag", "li")),
                new LabelledParagraph("Why the board keeps dodging the question", "COMMENTARY", Map.of("tag", "h2")),
                new LabelledParagraph("They dodge it because the question has no cheap answer, and I think they know it.",
                        "COMMENTARY"),
                new LabelledParagraph("Posted in Local | 4 comments", "BOILERPLATE", Map.of("tag", "bogus"))));
    }

    @Test
    void aParagraphsOwnTagIsFollowedMostOfTheTime() {
        PageSimulator sim = new PageSimulator(Furniture.NONE, new Random(7));
        int runs = 400;
        int h3 = 0;
        int li = 0;
        int h2 = 0;
        int quotedPaste = 0;
        for (int k = 0; k < runs; k++) {
            PageSimulator.Page page = sim.simulate(post(), 0);
            List<Paragraph> ps = page.paragraphs();
            assertEquals(8, ps.size());
            assertEquals(List.of("COMMENTARY", "COMMENTARY", "REPORTING", "REPORTING", "REPORTING", "COMMENTARY",
                    "COMMENTARY", "BOILERPLATE"), page.labels(), "labels never change");
            if (ps.get(3).tag().equals("h3") && ps.get(3).headingLevel() == 3) h3++;
            if (ps.get(4).tag().equals("li") && ps.get(4).headingLevel() == 0) li++;
            if (ps.get(5).tag().equals("h2") && ps.get(5).headingLevel() == 2) h2++;
            if (ps.get(2).blockquoteDepth() > 0) quotedPaste++;
            assertTrue(!ps.get(7).tag().equals("bogus"), "an unknown element name is never used");
        }
        double kept = PageSimulator.TAG_KEPT;
        for (int n : new int[] {h3, li, h2}) {
            assertTrue(Math.abs(n / (double) runs - kept) < 0.06, "tag followed " + n + " of " + runs);
        }
        assertTrue(quotedPaste > runs * 0.8, "pasted copy in a post is mostly in a blockquote: " + quotedPaste);
    }
}
