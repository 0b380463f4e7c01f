package org.wirecopy.match;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirecopy.classify.Classifier;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceMatcherTest {

    @TempDir
    static Path dir;

    static SourceMatcher matcher;

    @BeforeAll
    static void index() throws IOException {
        matcher = new SourceMatcher(SourceIndex.open(Fixtures.index(dir, IndexConfig.defaults())),
                MatchConfig.defaults());
    }

    @Test
    void aVerbatimParagraphIsFoundInItsStoryAndParagraph() {
        ParagraphMatch m = matcher.matchParagraph(Fixtures.RAIL.get(1));
        assertTrue(m.matched());
        SourceMatch best = m.best().orElseThrow();
        assertEquals("wire-2", best.story().id());
        assertEquals(List.of(1), best.paragraphs());
        assertEquals(1.0, best.coverage());
        assertEquals(1.0, best.jaccard());
        assertEquals(18, best.coveredWords());
        assertTrue(best.verbatim());
        assertEquals(1, m.matches().size());
    }

    @Test
    void anEditedParagraphReportsItsEdits() {
        // the story's words with "challenge" replaced and the last three words cut off
        ParagraphMatch m = matcher.matchParagraph("Fishing cooperatives said they would fight the decision in "
                + "court, arguing that the spoil sites would smother");
        SourceMatch best = m.best().orElseThrow();
        assertEquals("wire-1", best.story().id());
        assertEquals(List.of(2), best.paragraphs());
        assertEquals(16.0 / 17, best.coverage(), 1e-12);
        assertEquals(List.of(new Edit(EditKind.REPLACED, 5, List.of("challenge"), List.of("fight")),
                new Edit(EditKind.TRUNCATED_END, 17, List.of("the", "oyster", "beds"), List.of())), best.edits());
        assertFalse(best.verbatim());
    }

    @Test
    void twoMergedParagraphsMatchBothOfTheirStory() {
        ParagraphMatch m = matcher.matchParagraph(Fixtures.RAIL.get(0) + " " + Fixtures.RAIL.get(1));
        SourceMatch best = m.best().orElseThrow();
        assertEquals("wire-2", best.story().id());
        assertEquals(List.of(0, 1), best.paragraphs());
        assertEquals(1.0, best.coverage());
    }

    @Test
    void unrelatedAndShortParagraphsMatchNothing() {
        assertFalse(matcher.matchParagraph("The weather in the mountains was cold and wet for most of March, and "
                + "the roads were closed on Monday.").matched());
        assertFalse(matcher.matchParagraph("Short line.").matched(), "below the minimum of 8 words");
        // seven copied words of eleven: coverage 0.64, but fewer than the 8 copied words a match needs
        assertFalse(matcher.matchParagraph("Passenger groups called the increase unjustified and, frankly, so do "
                + "we.").matched());
        assertTrue(new SourceMatcher(matcher.index(), MatchConfig.builder().minCoveredWords(7).build())
                .matchParagraph("Passenger groups called the increase unjustified and, frankly, so do we.")
                .matched(), "premise: with a minimum of 7 it is a match");
        // a stock phrase shared with a story is not a copy
        assertFalse(matcher.matchParagraph("Our mayor told reporters after the vote that she was pleased.")
                .matched());
    }

    @Test
    void aRepeatedStoryIsResolvedByTheRestOfTheArticle() {
        // HARBOR[1] is in wire-1 (story 0) and in its repeat (story 2): a tie, broken by story order when alone
        ParagraphMatch alone = matcher.matchParagraph(Fixtures.HARBOR.get(1));
        assertEquals(List.of("wire-1", Fixtures.REPEAT_ID), alone.matches().stream().map(m -> m.story().id())
                .toList());
        assertEquals(alone.matches().get(0).coverage(), alone.matches().get(1).coverage());
        // with the correction, found only in the repeat, the article points to the repeat
        ArticleMatch a = matcher.matchParagraphs(List.of(Fixtures.HARBOR.get(1), Fixtures.CORRECTION));
        assertEquals(Fixtures.REPEAT_ID, a.paragraphs().get(0).best().orElseThrow().story().id());
        assertEquals(Fixtures.REPEAT_ID, a.paragraphs().get(1).best().orElseThrow().story().id());
        assertEquals(1, a.stories().size());
        // with HARBOR[2], found only in wire-1, it points to wire-1
        ArticleMatch b = matcher.matchParagraphs(List.of(Fixtures.HARBOR.get(1), Fixtures.HARBOR.get(2)));
        assertEquals("wire-1", b.paragraphs().get(0).best().orElseThrow().story().id());
    }

    @Test
    void theArticleSummaryCountsStoriesAndShares() {
        ArticleMatch a = matcher.matchParagraphs(List.of("My own headline", Fixtures.RAIL.get(0),
                "A comment of mine that does not come from anywhere else at all.", Fixtures.HARBOR.get(2)));
        assertEquals(2, a.matchedParagraphs());
        List<StoryUse> uses = a.stories();
        assertEquals(2, uses.size());
        assertEquals("wire-2", uses.get(0).story().id());
        assertEquals(List.of(1), uses.get(0).pastedParagraphs());
        assertEquals(List.of(0), uses.get(0).storyParagraphs());
        // RAIL[0] has 25 words of the story's 25 + 18 (counted by hand)
        assertEquals(25, uses.get(0).wordsTaken());
        assertEquals(25.0 / 43, uses.get(0).share(), 1e-12);
        assertEquals("wire-1", uses.get(1).story().id());
        assertEquals(20.0 / 69, uses.get(1).share(), 1e-12);
        // 3 + 25 + 13 + 20 words, 45 of them copied
        assertEquals(45.0 / 61, a.coveredShare(), 1e-12);
    }

    @Test
    void aVerbatimMatchMakesAParagraphReportingWhateverTheNetworkSays() throws IOException {
        String opinion = "I think this dredging plan is a terrible idea and I will say so at every single meeting "
                + "until they listen to us.";
        Path idx = dir.resolve("opinion.idx");
        try (SourceIndexWriter w = new SourceIndexWriter(idx, IndexConfig.defaults())) {
            w.add("column-9", "Example Paper", null, null, List.of(opinion));
            w.finish();
        }
        Classifier classifier = Classifier.loadDefault();
        MatchingClassifier mc = new MatchingClassifier(classifier,
                new SourceMatcher(SourceIndex.open(idx), MatchConfig.defaults()));
        List<String> post = List.of("Why I am angry", opinion, "Write to your supervisor today, please.");
        assertEquals("COMMENTARY", classifier.classifyParagraphs(post).paragraphs().get(1).label(),
                "premise: the network calls the first-person paragraph COMMENTARY");
        MatchedArticle a = mc.classify(org.wirecopy.text.Article.ofParagraphs(post));
        MatchedParagraph p = a.paragraphs().get(1);
        assertEquals("REPORTING", p.label());
        assertTrue(p.overridden());
        assertTrue(p.explanation().contains("column-9") && p.explanation().contains("whatever the network says"),
                p.explanation());
        assertEquals(1, a.overridden());
        assertEquals("", a.paragraphs().get(0).explanation());
        // below the REPORTING coverage, the network's label stays
        MatchingClassifier strict = new MatchingClassifier(classifier, new SourceMatcher(SourceIndex.open(idx),
                MatchConfig.builder().reportingCoverage(1.0).build()));
        String edited = opinion.replace("terrible", "dreadful");
        MatchedParagraph q = strict.classify(org.wirecopy.text.Article.ofParagraphs(List.of(edited)))
                .paragraphs().get(0);
        assertEquals(q.classified().label(), q.label());
        assertTrue(q.explanation().contains("below 100%"), q.explanation());
    }

    @Test
    void aParagraphIsNotSplicedWithAPreviousOneThatSharesItsOpening() throws IOException {
        // regression: the previous paragraph starts with the same word and holds a run of the pasted one; the longest
        // common subsequence over both could take the opening from it and report a cut and a self-replacement
        String p0 = "The board met and the department said the dredging would start, officials noted.";
        String p1 = "The department said the dredging would start in the autumn once the spoil sites had been "
                + "approved by the state.";
        Path idx = dir.resolve("splice.idx");
        try (SourceIndexWriter w = new SourceIndexWriter(idx, IndexConfig.defaults())) {
            w.add("wire-7", null, null, null, List.of(p0, p1));
            w.finish();
        }
        SourceMatch best = new SourceMatcher(SourceIndex.open(idx), MatchConfig.defaults()).matchParagraph(p1)
                .best().orElseThrow();
        assertEquals(List.of(1), best.paragraphs());
        assertEquals(List.of(), best.edits());
        assertTrue(best.verbatim());
    }

    @Test
    void aShortParagraphMergedIntoALongOneIsFoundAsItsNeighbour() throws IOException {
        // the short paragraph shares 4 of the merged text's 30 shingles: whether a band catches it is chance, so the
        // story's neighbours of a candidate are aligned too
        String p0 = "Officials at the port said the new cranes would arrive by ship in late spring and be working "
                + "before the busy summer season began in earnest.";
        String p1 = "The cranes were built in a yard abroad.";
        Path idx = dir.resolve("merge.idx");
        try (SourceIndexWriter w = new SourceIndexWriter(idx, IndexConfig.defaults())) {
            w.add("wire-8", null, null, null, List.of(p0, p1));
            w.finish();
        }
        SourceMatch best = new SourceMatcher(SourceIndex.open(idx), MatchConfig.defaults())
                .matchParagraph(p0 + " " + p1).best().orElseThrow();
        assertEquals(List.of(0, 1), best.paragraphs());
        assertEquals(1.0, best.coverage());
        assertEquals(List.of(), best.edits());
    }

    @Test
    void oneMatcherServesManyThreadsWithTheSameResults() throws Exception {
        List<String> inputs = List.of(Fixtures.RAIL.get(0), Fixtures.HARBOR.get(2), Fixtures.CORRECTION,
                Fixtures.RAIL.get(0) + " " + Fixtures.RAIL.get(1), "Nothing to see in this paragraph of my own.");
        List<ParagraphMatch> expected = inputs.stream().map(matcher::matchParagraph).toList();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Boolean>> runs = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                runs.add(pool.submit(() -> {
                    for (int r = 0; r < 200; r++) {
                        for (int i = 0; i < inputs.size(); i++) {
                            if (!matcher.matchParagraph(inputs.get(i)).equals(expected.get(i))) return false;
                        }
                    }
                    return true;
                }));
            }
            for (java.util.concurrent.Future<Boolean> f : runs) assertTrue(f.get());
        } finally {
            pool.shutdownNow();
        }
    }
}
