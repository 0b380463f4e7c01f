package org.wirecopy.classify;

import org.junit.jupiter.api.Test;
import org.wirecopy.TestData;
import org.wirecopy.features.Cues;
import org.wirecopy.features.FeatureExtractor;
import org.wirecopy.features.SparseVector;
import org.wirecopy.model.Model;
import org.wirecopy.text.Article;
import org.wirecopy.text.Paragraph;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExplanationTest {

    @Test
    void occludingAFeatureChangesTheScoresByTheReportedEffect() throws Exception {
        Model model = TestData.tinyModel();
        Classifier c = new Classifier(model);
        Article a = Article.ofParagraphs(List.of("Budget vote delayed", "From the AP:",
                "WASHINGTON (AP) - The House delayed a vote on Tuesday, officials said.", "What a mess.",
                "Advertisement"));
        int checked = 0;
        for (int i = 0; i < a.size(); i++) checked += checkEffects(c, model, a, i, c.explain(a, i, 5), 5);
        assertTrue(checked >= 20, "only " + checked + " contributions were checked");
        Explanation ad = c.explain(a, 4, 10);
        assertTrue(ad.toward().get(ad.label()).stream().anyMatch(x -> x.feature().contains("advertisement")
                || x.feature().startsWith("cue:")), ad.toString());
        assertThrows(IllegalArgumentException.class, () -> c.explain(a, 9, 3));
    }

    /**
     * Explanations of a 200-paragraph article (longer than the 64-paragraph chunks and the old 96-paragraph limit)
     * from explainAll, which runs the network once and then one step per occluded feature: each reported effect is
     * what rescoring the whole article with that feature removed gives.
     */
    @Test
    void explanationsOfALongArticleAreTheEffectsOfRescoringTheWholeArticle() throws Exception {
        Model model = TestData.tinyModel();
        Classifier c = new Classifier(model);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            texts.add(switch (i % 4) {
                case 0 -> "WASHINGTON (AP) - Officials said on Tuesday that plan " + i + " was delayed again.";
                case 1 -> "What a mess, honestly. I expected better of them this time.";
                case 2 -> "From the AP:";
                default -> "Advertisement";
            });
        }
        Article a = Article.ofParagraphs(texts);
        List<Explanation> all = c.explainAll(a, 4);
        assertEquals(200, all.size());
        int checked = 0;
        for (int i : new int[]{0, 1, 63, 64, 97, 150, 198, 199}) {
            assertEquals(i, all.get(i).index());
            checked += checkEffects(c, model, a, i, all.get(i), 4);
        }
        assertTrue(checked >= 20, "only " + checked + " contributions were checked");
    }

    /** explainAll gives, paragraph by paragraph, what explain gives, on a page whose furniture the network never reads. */
    @Test
    void explainAllEqualsExplainingEachParagraph() throws Exception {
        Classifier c = new Classifier(TestData.tinyModel());
        List<Paragraph> ps = new ArrayList<>();
        String[] texts = {"Share this story", "Budget vote delayed", "From the AP:",
                "WASHINGTON (AP) - The House delayed a vote on Tuesday, officials said.", "What a mess.",
                "Most read", "Copyright 2026"};
        int at = 0;
        for (int i = 0; i < texts.length; i++) {
            Paragraph p = Paragraph.of(i, texts[i], at, at + texts[i].length());
            ps.add(i == 0 || i >= 5 ? p.withRegion(Paragraph.Region.OUTSIDE) : p);
            at += texts[i].length() + 1;
        }
        Article page = new Article(ps, org.wirecopy.text.InputFormat.HTML);
        List<Explanation> all = c.explainAll(page, 3);
        assertEquals(texts.length, all.size());
        for (int i = 0; i < texts.length; i++) assertEquals(c.explain(page, i, 3), all.get(i), "paragraph " + i);
        assertEquals(List.of(new Explanation.Contribution("page:outside-main-content",
                Math.log(Classifier.OUTSIDE_SCORE / (1 - Classifier.OUTSIDE_SCORE)))),
                all.get(6).toward().get("BOILERPLATE"));
        assertEquals(List.of(), c.explainAll(new Article(List.of(), org.wirecopy.text.InputFormat.TEXT), 3));
        assertThrows(IllegalArgumentException.class, () -> c.explainAll(page, -1));
    }

    /** A figure's caption is BOILERPLATE with the fixed score, wherever it sits, and says why; the network never reads it. */
    @Test
    void aFiguresCaptionIsFurnitureAndSaysSo() throws Exception {
        Classifier c = new Classifier(TestData.tinyModel());
        String[] texts = {"Budget vote delayed", "WASHINGTON (AP) - The House delayed a vote on Tuesday, officials said.",
                "The Speaker leaves the chamber after the vote was put off on Tuesday evening.",
                "Leaders said talks would resume next week."};
        List<Paragraph> ps = new ArrayList<>();
        int at = 0;
        for (int i = 0; i < texts.length; i++) {
            Paragraph p = Paragraph.of(i, texts[i], at, at + texts[i].length());
            ps.add(p.withMarkup(0, i == 0 ? 1 : 0, i == 0 ? "h1" : i == 2 ? "figcaption" : "p", 0f, false));
            at += texts[i].length() + 1;
        }
        Article page = new Article(ps, org.wirecopy.text.InputFormat.HTML);
        ClassifiedArticle r = c.classify(page);
        assertEquals("BOILERPLATE", r.paragraphs().get(2).label());
        assertEquals(Classifier.OUTSIDE_SCORE, r.paragraphs().get(2).scores().get("BOILERPLATE"), 1e-6);
        assertEquals(List.of(new Explanation.Contribution("page:figure-caption",
                Math.log(Classifier.OUTSIDE_SCORE / (1 - Classifier.OUTSIDE_SCORE)))),
                c.explain(page, 2, 3).toward().get("BOILERPLATE"));
        // a caption outside a figcaption, found by repeating its image's alternative text, is the same
        Paragraph q = ps.get(2);
        List<Paragraph> byAlt = new ArrayList<>(ps);
        byAlt.set(2, new Paragraph(2, q.text(), q.normalizedText(), q.start(), q.end(), 0, 0, "p", 0f, false,
                Paragraph.Region.UNKNOWN, true));
        Article altPage = new Article(byAlt, org.wirecopy.text.InputFormat.HTML);
        assertEquals(r.paragraphs(), c.classify(altPage).paragraphs());
        assertEquals("page:figure-caption", c.explain(altPage, 2, 3).toward().get("BOILERPLATE").get(0).feature());
        // the others are read as the article without the caption between them
        List<Paragraph> without = List.of(ps.get(0), ps.get(1), ps.get(3).withIndex(2));
        ClassifiedArticle alone = c.classify(new Article(without, org.wirecopy.text.InputFormat.HTML));
        assertEquals(alone.paragraphs().get(2).scores(), r.paragraphs().get(3).scores());
    }

    /**
     * Photo credits and the agencies' captions are BOILERPLATE by their form, in plain text too, and say so; a
     * paragraph that only starts like one (a lead-in ending in a colon, "Copyright law ...", a long paragraph) is read
     * by the network.
     */
    @Test
    void photoCreditsAndCaptionsAreFurnitureByTheirForm() throws Exception {
        Classifier c = new Classifier(TestData.tinyModel());
        String[] texts = {"Storm closes the coast road",
                "HALLORAN BAY (AP) - A winter storm closed the coast road on Monday, officials said.",
                "(Photo: Rhea Tamsin/Getty Images)",
                "In this photo taken Monday, Jan. 6, a plow clears snow from the coast road near Halloran Bay.",
                "Illustration by Dov Amrani",
                "\u00a9 2025 Halloran Bay Courier",
                "Video: the road crews at work, in their own words:",
                "Copyright law has nothing to do with snowplows, whatever the county says.",
                "Photos: " + "the crews worked through the night and the road reopened before dawn. ".repeat(3),
                "Map: where the coast road was closed",
                "[Read: the county's plow budget, line by line]"};
        Article a = Article.ofParagraphs(List.of(texts));
        ClassifiedArticle r = c.classify(a);
        String[] reason = {null, null, "text:photo-credit", "text:photo-caption", "text:photo-credit",
                "text:photo-credit", null, null, null, "text:photo-credit", null};
        for (int i = 0; i < texts.length; i++) {
            List<Explanation.Contribution> toward = c.explain(a, i, 3).toward().get("BOILERPLATE");
            if (reason[i] != null) {
                assertEquals("BOILERPLATE", r.paragraphs().get(i).label(), texts[i]);
                assertEquals(Classifier.OUTSIDE_SCORE, r.paragraphs().get(i).scores().get("BOILERPLATE"), 1e-6);
                assertEquals(List.of(new Explanation.Contribution(reason[i],
                        Math.log(Classifier.OUTSIDE_SCORE / (1 - Classifier.OUTSIDE_SCORE)))), toward, texts[i]);
            } else {
                assertTrue(toward.stream().noneMatch(x -> x.feature().startsWith("text:photo")
                        || x.feature().startsWith("page:")), texts[i]);
            }
        }
        // the bracketed line is a link to another story when it is a link on a page (in plain text, as above, it may
        // be an editor's note or an elision mark)
        List<Paragraph> page = new ArrayList<>(a.paragraphs());
        Paragraph last = page.get(10);
        page.set(10, last.withMarkup(0, 0, "p", 1f, false));
        Article html = new Article(page, org.wirecopy.text.InputFormat.HTML);
        assertEquals("BOILERPLATE", c.classify(html).paragraphs().get(10).label());
        assertEquals("page:related-link", c.explain(html, 10, 3).toward().get("BOILERPLATE").get(0).feature());
    }

    /**
     * Checks explanation {@code e} of paragraph {@code i}: its label is classify's, at most {@code top} contributions
     * per label, sorted, and each effect equals the log-odds drop that an independent rescoring gives: the test
     * removes the reported feature from the paragraph's input itself and runs the network on the whole article
     * again. Returns how many contributions were checked.
     */
    static int checkEffects(Classifier c, Model model, Article a, int i, Explanation e, int top) {
        FeatureExtractor fx = new FeatureExtractor(model.features());
        org.wirecopy.network.Ensemble net = new org.wirecopy.network.Ensemble(model.network(), model.weights(),
                model.features().inputSize(), model.labels().size());
        List<SparseVector> inputs = fx.extract(a.paragraphs());
        assertEquals(c.classify(a).paragraphs().get(i).label(), e.label());
        assertEquals(c.labels(), List.copyOf(e.toward().keySet()));
        float[] base = net.scores(inputs)[i];
        int checked = 0;
        for (int j = 0; j < c.labels().size(); j++) {
            List<Explanation.Contribution> list = e.toward().get(c.labels().get(j));
            assertTrue(list.size() <= top);
            for (int k = 1; k < list.size(); k++) assertTrue(list.get(k - 1).effect() >= list.get(k).effect());
            for (Explanation.Contribution x : list) {
                assertTrue(x.effect() > 0);
                List<SparseVector> occluded = new ArrayList<>(inputs);
                occluded.set(i, without(inputs.get(i), indices(x, fx, model)));
                float[] s = net.scores(occluded)[i];
                double expected = logit(base[j]) - logit(s[j]);
                assertEquals(expected, x.effect(), 1e-6 + 1e-4 * Math.abs(expected),
                        "paragraph " + i + " " + c.labels().get(j) + " " + x.feature());
                checked++;
            }
        }
        return checked;
    }

    /**
     * The input indices of a reported feature, from the layout documented in FeatureConfig: a cue of the paragraph,
     * its contrast with the article's mean, a neighbour's cue, or an n-gram's bucket.
     */
    static int[] indices(Explanation.Contribution x, FeatureExtractor fx, Model model) {
        String feature = x.feature();
        if (feature.startsWith("cue:")) {
            int cue = Cues.NAMES.indexOf(feature.substring(4));
            assertTrue(cue >= 0, feature);
            switch (x.source()) {
                case PARAGRAPH:
                    return new int[]{cue};
                case ARTICLE:
                    assertTrue(model.features().contrast(), "an article cue without contrast features: " + x);
                    return new int[]{Cues.COUNT + cue};
                default:
                    int w = model.features().window();
                    assertTrue(x.offset() != 0 && Math.abs(x.offset()) <= w, x.toString());
                    int slot = x.offset() < 0 ? x.offset() + w : x.offset() + w - 1;
                    return new int[]{model.features().neighbourOffset() + slot * (Cues.COUNT + 1) + cue};
            }
        }
        assertEquals(Explanation.Source.PARAGRAPH, x.source(), x.toString());
        String first = feature.substring("ngram:\"".length()).split("\" / \"")[0];
        if (first.endsWith("\"")) first = first.substring(0, first.length() - 1);
        return new int[]{model.features().ngramOffset() + fx.bucket(first)};
    }

    @Test
    void everyCueSaysWhetherItCameFromTheParagraphANeighbourOrTheArticle() throws Exception {
        Model model = TestData.tinyModel();
        Classifier c = new Classifier(model);
        Article a = Article.ofParagraphs(List.of("WASHINGTON (AP) - The House delayed a vote on Tuesday, officials said.",
                "Share this post", "What a mess, I think.", "LONDON (Reuters) - Prices rose in May, the office said."));
        FeatureExtractor fx = new FeatureExtractor(model.features());
        List<SparseVector> inputs = fx.extract(a.paragraphs());
        int dateline = Cues.NAMES.indexOf("dateline");
        assertTrue(dateline >= 0, "the cue list has no dateline cue: " + Cues.NAMES);
        assertTrue(inputs.get(0).get(dateline) != 0f && inputs.get(1).get(dateline) == 0f,
                "the fixture needs a dateline in paragraph 0 and none in paragraph 1");
        java.util.Set<Explanation.Source> seen = java.util.EnumSet.noneOf(Explanation.Source.class);
        int cues = 0;
        for (int i = 0; i < a.size(); i++) {
            for (List<Explanation.Contribution> list : c.explain(a, i, 1000).toward().values()) {
                for (Explanation.Contribution x : list) {
                    if (!x.feature().startsWith("cue:")) continue;
                    cues++;
                    seen.add(x.source());
                    int cue = Cues.NAMES.indexOf(x.feature().substring(4));
                    // the source is checked against the cue values computed for each paragraph on its own
                    switch (x.source()) {
                        case PARAGRAPH -> assertTrue(inputs.get(i).get(cue) != 0f, i + " " + x);
                        case NEIGHBOUR -> {
                            int j = i + x.offset();
                            assertTrue(j >= 0 && j < a.size(), i + " " + x);
                            assertTrue(inputs.get(j).get(cue) != 0f, "paragraph " + j + " has no " + x.feature());
                        }
                        case ARTICLE -> assertTrue(inputs.get(i).get(Cues.COUNT + cue) != 0f, i + " " + x);
                    }
                    assertTrue(x.describe().startsWith(x.feature() + " (" + x.source().key()), x.describe());
                }
            }
        }
        assertTrue(cues >= 10, "only " + cues + " cue contributions");
        assertEquals(java.util.EnumSet.allOf(Explanation.Source.class), seen, "sources seen: " + seen);
        // "Share this post" has no dateline of its own: any dateline weighing on it is its neighbour's or the article's
        for (List<Explanation.Contribution> list : c.explain(a, 1, 1000).toward().values()) {
            for (Explanation.Contribution x : list) {
                if (x.feature().equals("cue:dateline")) assertTrue(x.source() != Explanation.Source.PARAGRAPH, x.toString());
            }
        }
        assertEquals("neighbour -1", new Explanation.Contribution("cue:dateline", 1, Explanation.Source.NEIGHBOUR, -1).from());
        assertThrows(IllegalArgumentException.class,
                () -> new Explanation.Contribution("cue:dateline", 1, Explanation.Source.ARTICLE, 1));
    }

    static SparseVector without(SparseVector x, int[] drop) {
        List<Integer> idx = new ArrayList<>();
        List<Float> val = new ArrayList<>();
        for (int k = 0; k < x.size(); k++) {
            int at = x.indexAt(k);
            if (java.util.Arrays.stream(drop).noneMatch(d -> d == at)) {
                idx.add(at);
                val.add(x.valueAt(k));
            }
        }
        assertTrue(idx.size() < x.size(), "the feature was not in the input");
        float[] v = new float[val.size()];
        for (int k = 0; k < v.length; k++) v[k] = val.get(k);
        return new SparseVector(x.dimension(), idx.stream().mapToInt(Integer::intValue).toArray(), v);
    }

    static double logit(float p) {
        double q = Math.min(1 - 1e-7, Math.max(1e-7, p));
        return Math.log(q / (1 - q));
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
