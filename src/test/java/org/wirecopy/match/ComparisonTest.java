package org.wirecopy.match;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Alignment and edits on hand-made examples; every expected value was worked out by hand from the sentences here
 * (which were written for this test).
 */
class ComparisonTest {

    private static final String MINISTER = "The minister said on Monday that exports rose sharply in March";

    private static Comparison compare(String pasted, String... source) {
        List<Words> parts = new java.util.ArrayList<>();
        int[] starts = new int[source.length];
        int at = 0;
        for (int i = 0; i < source.length; i++) {
            Words w = Words.of(source[i]);
            starts[i] = at;
            at += w.size();
            parts.add(w);
        }
        return Comparison.of(Words.of(pasted), Words.concat(parts), starts, 3);
    }

    private static Edit edit(EditKind kind, int position, List<String> source, List<String> pasted) {
        return new Edit(kind, position, source, pasted);
    }

    @Test
    void verbatimCopyCoversEveryWordWithNoEdits() {
        Comparison c = compare(MINISTER, MINISTER);
        assertEquals(11, c.covered());
        assertEquals(List.of(), c.edits());
        assertTrue(c.verbatim(11));
    }

    @Test
    void typographicQuotesDashesAndCaseDoNotCount() {
        Comparison c = compare("\u201CThe minister\u201D said \u2014 on Monday \u2014 that EXPORTS rose sharply in March.",
                "\"The minister\" said - on Monday - that exports rose sharply in March");
        assertEquals(11, c.covered());
        assertEquals(List.of(), c.edits());
    }

    @Test
    void oneSwappedWordIsAReplacement() {
        Comparison c = compare("The minister said on Monday that exports grew sharply in March", MINISTER);
        // runs: 7 words (The .. exports) and 3 words (sharply in March)
        assertEquals(10, c.covered());
        assertEquals(List.of(edit(EditKind.REPLACED, 7, List.of("rose"), List.of("grew"))), c.edits());
        assertFalse(c.verbatim(11));
    }

    @Test
    void aWordSwappedAtEitherEndIsAReplacementNotATruncation() {
        Comparison end = compare("The minister said on Monday that exports rose sharply in April", MINISTER);
        assertEquals(10, end.covered());
        assertEquals(List.of(edit(EditKind.REPLACED, 10, List.of("March"), List.of("April"))), end.edits());
        Comparison start = compare("A minister said on Monday that exports rose sharply in March", MINISTER);
        assertEquals(10, start.covered());
        assertEquals(List.of(edit(EditKind.REPLACED, 0, List.of("The"), List.of("A"))), start.edits());
    }

    @Test
    void truncationAtBothEnds() {
        Comparison c = compare("prices fell on Tuesday as traders weighed new supply figures",
                "Oil prices fell on Tuesday as traders weighed new supply figures from the group");
        assertEquals(10, c.covered());
        assertEquals(List.of(edit(EditKind.TRUNCATED_START, 0, List.of("Oil"), List.of()),
                edit(EditKind.TRUNCATED_END, 10, List.of("from", "the", "group"), List.of())), c.edits());
        assertTrue(c.verbatim(10), "only truncated");
    }

    @Test
    void ellipsisMarksTheCutWords() {
        String source = "Officials said the plan would cost about two billion dollars over five years and would start"
                + " next spring";
        for (String mark : new String[]{"...", "\u2026", "[...]", "(\u2026)"}) {
            Comparison c = compare("Officials said the plan would cost " + mark + " and would start next spring",
                    source);
            assertEquals(11, c.covered(), mark);
            assertEquals(List.of(edit(EditKind.ELLIPSIS, 6,
                    List.of("about", "two", "billion", "dollars", "over", "five", "years"), List.of("..."))),
                    c.edits(), mark);
        }
    }

    @Test
    void addedLeadInAndOneCutWord() {
        Comparison c = compare("As expected, the minister said on Monday that exports rose in March", MINISTER);
        // "the .. rose" (8) is an anchor; "in March" (2) follows after one cut word, so it counts too
        assertEquals(10, c.covered());
        assertEquals(List.of(edit(EditKind.ADDED, 0, List.of(), List.of("As", "expected")),
                edit(EditKind.CUT, 10, List.of("sharply"), List.of())), c.edits());
    }

    @Test
    void aShortRunBeforeASmallCutStillCounts() {
        Comparison c = compare("police in arrested three men late on Friday night",
                "police in the city arrested three men late on Friday night");
        assertEquals(9, c.covered());
        assertEquals(List.of(edit(EditKind.CUT, 2, List.of("the", "city"), List.of())), c.edits());
    }

    @Test
    void twoMergedParagraphsMatchBoth() {
        String p1 = "Oil prices fell on Tuesday as traders weighed new supply figures";
        String p2 = "Analysts expect the group to keep output steady until the summer";
        Comparison c = compare(p1 + " " + p2, p1, p2);
        assertEquals(22, c.covered());
        assertEquals(List.of(), c.edits());
        assertEquals(2, c.paragraphs().length);
        // a third source paragraph that was not pasted is neither matched nor reported as truncated
        Comparison d = compare(p2, p1, p2);
        assertEquals(11, d.covered());
        assertEquals(List.of(), d.edits());
        assertEquals(1, d.paragraphs()[0]);
    }

    @Test
    void unrelatedTextSharingOnlySingleWordsCoversNothing() {
        Comparison c = compare("the weather in the mountains was cold and wet for most of March", MINISTER);
        assertEquals(0, c.covered());
        assertEquals(List.of(), c.edits());
    }

    @Test
    void alignerFindsALongestCommonSubsequence() {
        // independent oracle: the textbook quadratic table; small alphabets make many ties and long inputs force
        // the divide-and-conquer path
        SplittableRandom r = new SplittableRandom(7);
        for (int t = 0; t < 300; t++) {
            long[] a = random(r, r.nextInt(0, t < 200 ? 30 : 400), 1 + r.nextInt(6));
            long[] b = random(r, r.nextInt(0, t < 200 ? 30 : 400), 1 + r.nextInt(6));
            byte[] ops = Aligner.align(a, b);
            assertEquals(lcs(a, b), Aligner.matches(ops), "case " + t);
            // the script replays both sequences
            int i = 0, j = 0;
            for (byte op : ops) {
                if (op == Aligner.MATCH) assertEquals(a[i++], b[j++]);
                else if (op == Aligner.ADD) i++;
                else j++;
            }
            assertEquals(a.length, i);
            assertEquals(b.length, j);
        }
    }

    private static long[] random(SplittableRandom r, int n, int alphabet) {
        long[] a = new long[n];
        for (int i = 0; i < n; i++) a[i] = r.nextInt(alphabet);
        return a;
    }

    private static int lcs(long[] a, long[] b) {
        int[][] t = new int[a.length + 1][b.length + 1];
        for (int i = 1; i <= a.length; i++) {
            for (int j = 1; j <= b.length; j++) {
                t[i][j] = a[i - 1] == b[j - 1] ? t[i - 1][j - 1] + 1 : Math.max(t[i - 1][j], t[i][j - 1]);
            }
        }
        return t[a.length][b.length];
    }
}
