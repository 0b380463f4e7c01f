package org.wirecopy.corpus;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wirecopy.TestData;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The corpus in training-data/: size, variety, split, hard cases and no near-duplicates. */
class TrainingDataTest {

    static final List<String> SPLITS = List.of("train", "dev", "test");
    static final Map<String, String> CASES = new LinkedHashMap<>();

    static {
        for (String c : List.of("angry-quote", "agency-analysis", "one-sentence", "dateline", "headline-byline",
                "pasted-opinion")) CASES.put(c, "REPORTING");
        for (String c : List.of("neutral-summary", "paraphrase", "lead-in", "credit-intro", "update", "quote-react")) {
            CASES.put(c, "COMMENTARY");
        }
        CASES.put("prose-furniture", "BOILERPLATE");
    }

    /** Element names a paragraph may carry in its {@code tag} field (what the page simulation follows). */
    static final Set<String> TAGS = Set.of("h1", "h2", "h3", "h4", "li", "figcaption", "td");

    static Map<String, Corpus> splits = new LinkedHashMap<>();
    static Corpus all;

    @BeforeAll
    static void read() throws Exception {
        Path dir = TestData.root().resolve("training-data");
        for (String s : SPLITS) {
            CorpusReader.Result r = CorpusReader.check(dir.resolve(s + ".jsonl"), CorpusOptions.defaults());
            assertTrue(r.ok(), s + ".jsonl has problems: " + r.problems());
            splits.put(s, r.corpus());
            all = all == null ? r.corpus() : all.plus(r.corpus());
        }
    }

    @Test
    void isLargeEnough() {
        assertTrue(all.articles().size() >= 400, all.articles().size() + " articles");
        assertTrue(all.paragraphCount() >= 4000, all.paragraphCount() + " paragraphs");
    }

    @Test
    void everyArticleHasStyleSourceSplitAndARealisticLength() {
        Set<String> ids = new HashSet<>();
        for (String s : SPLITS) {
            for (LabelledArticle a : splits.get(s).articles()) {
                assertTrue(ids.add(a.id()), "duplicate id " + a.id());
                assertTrue(a.field("style") != null && a.field("source") != null, a.id() + " needs style and source");
                assertEquals(s, a.field("split"), a.id());
                int n = a.paragraphs().size();
                assertTrue(n >= 2 && n <= 40, a.id() + " has " + n + " paragraphs");
                for (int i = 0; i < n; i++) {
                    String tag = a.paragraphs().get(i).fields().get("tag");
                    assertTrue(tag == null || TAGS.contains(tag), a.id() + " paragraph " + i + ": tag " + tag
                            + " is none of " + TAGS + " (the elements training pages are given)");
                }
            }
        }
    }

    @Test
    void atLeastTwelveStylesOfTwentyArticlesEachAppearInEverySplit() {
        Map<String, Integer> perStyle = new TreeMap<>();
        for (LabelledArticle a : all.articles()) perStyle.merge(a.field("style"), 1, Integer::sum);
        long big = perStyle.values().stream().filter(n -> n >= 20).count();
        assertTrue(big >= 12, "styles with >= 20 articles: " + perStyle);
        for (String s : SPLITS) {
            Set<String> styles = new HashSet<>();
            for (LabelledArticle a : splits.get(s).articles()) styles.add(a.field("style"));
            assertEquals(perStyle.keySet(), styles, s + " is not stratified by style");
        }
    }

    @Test
    void splitIsAboutSeventyFifteenFifteenAndEverySplitHasEveryLabel() {
        int total = all.articles().size();
        double[] target = {0.70, 0.15, 0.15};
        for (int i = 0; i < 3; i++) {
            Corpus c = splits.get(SPLITS.get(i));
            double share = c.articles().size() / (double) total;
            assertTrue(Math.abs(share - target[i]) <= 0.05, SPLITS.get(i) + " holds " + share);
            assertEquals(Corpus.STANDARD_LABELS, c.labels(), SPLITS.get(i));
        }
    }

    /**
     * The hard cases are about the boundary between pasted copy and the writer's words, so their shares are counted
     * in the articles that have both (posts that paste), not in whole news stories or whole opinion pieces.
     */
    @Test
    void eachHardCaseIsAtLeastFivePercentOfItsLabelInPostsThatPaste() {
        Map<String, Integer> labels = new HashMap<>();
        Map<String, Integer> cases = new HashMap<>();
        for (LabelledArticle a : all.articles()) {
            boolean pastes = a.labels().contains("REPORTING") && a.labels().contains("COMMENTARY");
            for (LabelledParagraph p : a.paragraphs()) {
                if (pastes) labels.merge(p.label(), 1, Integer::sum);
                String c = p.fields().get("case");
                if (c == null) continue;
                assertTrue(CASES.containsKey(c), a.id() + ": unknown case " + c);
                assertEquals(CASES.get(c), p.label(), a.id() + ": case " + c + " on a " + p.label() + " paragraph");
                if (pastes) cases.merge(c, 1, Integer::sum);
            }
        }
        for (Map.Entry<String, String> e : CASES.entrySet()) {
            double share = cases.getOrDefault(e.getKey(), 0) / (double) labels.get(e.getValue());
            assertTrue(share >= 0.05, String.format(Locale.ROOT, "%s is %.3f of %s", e.getKey(), share,
                    e.getValue()));
        }
    }

    @Test
    void typographyVaries() {
        int curly = 0, straight = 0, nbsp = 0;
        for (LabelledArticle a : all.articles()) {
            String t = String.join("\n", a.texts());
            if (t.indexOf('\u201C') >= 0 || t.indexOf('\u2019') >= 0) curly++;
            if (t.indexOf('"') >= 0) straight++;
            if (t.indexOf('\u00A0') >= 0) nbsp++;
        }
        assertTrue(curly >= 100 && straight >= 100 && nbsp >= 20, curly + " " + straight + " " + nbsp);
    }

    @Test
    void noTwoNonFurnitureParagraphsAreNearDuplicates() {
        List<String> where = new ArrayList<>();
        List<Set<String>> shingles = new ArrayList<>();
        Map<String, String> exact = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (LabelledArticle a : all.articles()) {
            for (int i = 0; i < a.paragraphs().size(); i++) {
                LabelledParagraph p = a.paragraphs().get(i);
                if (p.label().equals("BOILERPLATE")) continue;
                String key = p.text().strip().toLowerCase(Locale.ROOT);
                String at = a.id() + "[" + i + "]";
                // stock lines of one to three words (section labels such as "UP NEXT", link lines such as
                // "News article.") repeat across a site as furniture does; longer text may not
                if (key.split("\\s+").length >= 4) {
                    String before = exact.put(key, at);
                    if (before != null) problems.add(at + " repeats " + before);
                }
                Set<String> s = Shingles.of(p.text(), 5);
                if (s.size() >= 3) {
                    where.add(at);
                    shingles.add(s);
                }
            }
        }
        for (int[] pair : Shingles.pairsAtLeast(shingles, 0.3)) {
            problems.add(where.get(pair[0]) + " ~ " + where.get(pair[1]));
        }
        assertTrue(problems.isEmpty(), problems.size() + " near-duplicates: " + problems);
    }
}
