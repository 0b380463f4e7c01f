package org.wirecopy.classify;

import org.junit.jupiter.api.Test;
import org.wirecopy.TestData;
import org.wirecopy.model.ModelIO;
import org.wirecopy.text.Article;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The API an app meets: labels, score records, one way to load, and the streamed batch. */
class ApiTest {

    static List<String> article(int i) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k <= i % 7; k++) {
            out.add(k % 3 == 0 ? "WASHINGTON (AP) - Officials said on Tuesday the plan was delayed, item " + i
                    : k % 3 == 1 ? "What a mess, honestly, item " + i : "Advertisement");
        }
        return out;
    }

    @Test
    void standardLabelsAreAnEnumThatMatchesTheBundledModel() {
        Classifier c = Classifier.bundled();
        assertSame(c, Classifier.bundled(), "loaded once and shared");
        assertEquals(c.labels(), Stream.of(Label.values()).map(Label::id).toList());
        assertEquals(Label.REPORTING, Label.of(" reporting "));
        assertThrows(IllegalArgumentException.class, () -> Label.of("REPORTNG"));
        ClassifiedParagraph p = c.classify("WASHINGTON (AP) - The House delayed a vote on Tuesday, officials said.")
                .paragraphs().get(0);
        assertEquals(p.score("REPORTING"), p.score(Label.REPORTING));
        assertEquals(p.label().equals("REPORTING"), p.is(Label.REPORTING));
        ParagraphScores s = p.scoreRecords();
        assertEquals(p.label(), s.best().label());
        assertEquals(p.confidence(), s.best().score());
        assertEquals(3, s.ranked().size());
        assertTrue(s.ranked().get(0).score() >= s.ranked().get(1).score());
        assertThrows(IllegalArgumentException.class, () -> s.score("REPORTNG"));
    }

    @Test
    void scoreRecordsEqualTheRawScores() throws Exception {
        Classifier c = new Classifier(TestData.tinyModel());
        var ps = Article.ofParagraphs(article(6)).paragraphs();
        float[][] raw = c.scores(ps);
        List<ParagraphScores> records = c.paragraphScores(ps);
        assertEquals(raw.length, records.size());
        for (int i = 0; i < raw.length; i++) {
            assertEquals(i, records.get(i).index());
            for (int j = 0; j < c.labels().size(); j++) {
                assertEquals(c.labels().get(j), records.get(i).scores().get(j).label());
                assertEquals(raw[i][j], records.get(i).scores().get(j).score(), 0.0);
            }
        }
    }

    @Test
    void loadFromAStreamGivesTheSameModel() throws Exception {
        byte[] bytes = ModelIO.toBytes(TestData.tinyModel());
        Classifier c = Classifier.load(new ByteArrayInputStream(bytes));
        assertEquals(new Classifier(TestData.tinyModel()).classifyParagraphs(article(5)),
                c.classifyParagraphs(article(5)));
    }

    @Test
    void classifyAllIsOrderedStreamedAndEqualToOneByOne() throws Exception {
        Classifier c = new Classifier(TestData.tinyModel());
        int n = 300;
        AtomicInteger pulled = new AtomicInteger();
        Iterator<Integer> items = new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return i < n;
            }

            @Override
            public Integer next() {
                pulled.incrementAndGet();
                return i++;
            }
        };
        try (Stream<Classified<Integer>> out = c.classifyAll(items, i -> Article.ofParagraphs(article(i)), 3)) {
            Iterator<Classified<Integer>> it = out.iterator();
            Classified<Integer> first = it.next();
            assertEquals(0, first.item());
            assertTrue(pulled.get() <= 3 * 16 + 1, "pulled " + pulled.get() + " inputs for one result");
            int expected = 1;
            while (it.hasNext()) {
                Classified<Integer> r = it.next();
                assertEquals(expected, r.item(), "input order");
                assertEquals(expected, r.index());
                assertEquals(c.classifyParagraphs(article(expected)), r.result(), "item " + expected);
                expected++;
            }
            assertEquals(n, expected);
        }
        List<String> texts = IntStream.range(0, 20).mapToObj(i -> String.join("\n", article(i))).toList();
        List<ClassifiedArticle> all = c.classifyAll(texts.stream(), 0).toList();
        for (int i = 0; i < texts.size(); i++) assertEquals(c.classify(texts.get(i)), all.get(i));
    }

    @Test
    void aFailingInputIsNamed() throws Exception {
        Classifier c = new Classifier(TestData.tinyModel());
        List<String> items = List.of("ok", "bad", "ok");
        try (var out = c.classifyAll(items.iterator(), s -> {
            if (s.equals("bad")) throw new IllegalStateException("cannot read it");
            return Article.ofParagraphs(List.of("From the AP:"));
        }, 2)) {
            Iterator<Classified<String>> it = out.iterator();
            assertEquals("ok", it.next().item());
            BatchClassificationException e = assertThrows(BatchClassificationException.class, it::next);
            assertEquals(1, e.index());
            assertEquals("bad", e.item());
            assertTrue(e.getMessage().contains("cannot read it"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> c.classifyAll(items.iterator(),
                s -> Article.ofParagraphs(List.of(s)), -5));
    }
}
