package org.wirecopy.eval;

import org.junit.jupiter.api.Test;
import org.wirecopy.TestData;
import org.wirecopy.corpus.Corpus;
import org.wirecopy.corpus.CorpusOptions;
import org.wirecopy.corpus.CorpusReader;
import org.wirecopy.corpus.LabelledArticle;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FoldsTest {

    static Corpus corpus() throws Exception {
        return CorpusReader.read(TestData.root().resolve("training-data/train.jsonl"), CorpusOptions.defaults());
    }

    @Test
    void everyArticleIsInExactlyOneFoldAndNeverOnBothSides() throws Exception {
        Corpus c = corpus();
        Folds f = Folds.of(c, 5, 42);
        Set<String> seen = new HashSet<>();
        for (int k = 0; k < 5; k++) {
            Set<String> test = new HashSet<>();
            for (LabelledArticle a : f.test(c, k).articles()) test.add(a.id());
            for (LabelledArticle a : f.train(c, k).articles()) {
                assertTrue(!test.contains(a.id()), a.id() + " on both sides of fold " + k);
            }
            assertEquals(c.articles().size(), test.size() + f.train(c, k).articles().size());
            for (String id : test) assertTrue(seen.add(id), id + " in two folds");
        }
        assertEquals(c.articles().size(), seen.size());
    }

    @Test
    void foldsAreStratifiedByLabel() throws Exception {
        Corpus c = corpus();
        Folds f = Folds.of(c, 5, 42);
        Map<String, Integer> all = c.labelCounts();
        for (int k = 0; k < 5; k++) {
            Corpus t = f.test(c, k);
            Map<String, Integer> mine = t.labelCounts();
            for (String l : all.keySet()) {
                double share = mine.get(l) / (double) t.paragraphCount();
                double overall = all.get(l) / (double) c.paragraphCount();
                assertTrue(Math.abs(share - overall) < 0.02, "fold " + k + " " + l + " " + share + " vs " + overall);
            }
            double size = t.paragraphCount() / (double) c.paragraphCount();
            assertTrue(Math.abs(size - 0.2) < 0.02, "fold " + k + " holds " + size);
        }
    }

    @Test
    void sameSeedSameFoldsAndTheAssignmentRoundTrips() throws Exception {
        Corpus c = corpus();
        assertEquals(Folds.of(c, 5, 42), Folds.of(c, 5, 42));
        assertNotEquals(Folds.of(c, 5, 42).assignment(), Folds.of(c, 5, 43).assignment());
        Folds f = Folds.of(c, 5, 42);
        assertEquals(f.assignment(), Folds.fromTsv(f.toTsv(), 42).assignment());
    }
}
