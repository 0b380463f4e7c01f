package org.wirecopy.features;

import org.junit.jupiter.api.Test;
import org.wirecopy.text.Article;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code maxNgram} 0: no n-gram features (for a sentence encoder's embedding with the cues alone). */
class NoNgramsTest {

    @Test
    void maxNgramZeroLeavesEveryBucketEmpty() {
        FeatureConfig none = FeatureConfig.defaults().withMaxNgram(0);
        FeatureExtractor fx = new FeatureExtractor(none);
        String text = "The council voted on Tuesday to close two libraries.";
        SparseVector x = fx.extract(Article.ofParagraphs(List.of(text)).paragraphs()).get(0);
        for (int i = 0; i < x.size(); i++) assertTrue(x.indexAt(i) < none.ngramOffset(), "entry " + x.indexAt(i));
        assertEquals(List.of(), fx.ngrams(text));
        SparseVector with = new FeatureExtractor(FeatureConfig.defaults())
                .extract(Article.ofParagraphs(List.of(text)).paragraphs()).get(0);
        assertTrue(with.size() > x.size() + 10, with.size() + " entries with n-grams, " + x.size() + " without");
        assertThrows(IllegalArgumentException.class, () -> FeatureConfig.defaults().withMaxNgram(-1));
    }
}
