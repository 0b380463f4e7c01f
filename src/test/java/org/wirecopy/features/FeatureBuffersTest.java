package org.wirecopy.features;

import org.junit.jupiter.api.Test;
import org.wirecopy.classify.Classifier;
import org.wirecopy.model.Model;
import org.wirecopy.text.Article;
import org.wirecopy.text.Paragraph;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * FeatureExtractor keeps its scratch space per thread: whatever a thread extracted before (a huge paragraph, many
 * n-grams), it gives the vectors a fresh thread gives.
 */
class FeatureBuffersTest {

    @Test
    void vectorsDoNotDependOnWhatTheThreadExtractedBefore() throws Exception {
        Model model = Classifier.defaultModel();
        FeatureExtractor features = new FeatureExtractor(model.features(), model.vectors());
        List<Paragraph> article = Article.ofParagraphs(List.of(
                "WASHINGTON (Reuters) - The Senate voted 52-48 on Tuesday to confirm the nominee, officials said.",
                "That is, frankly, absurd. I think we all know why.",
                "Share this story on Twitter | Facebook | Email")).paragraphs();
        StringBuilder huge = new StringBuilder();
        for (int i = 0; huge.length() < 300_000; i++) huge.append("word").append(i % 5000).append(i % 7 == 0 ? ". " : " ");
        List<Paragraph> big = Article.ofParagraphs(List.of(huge.toString(), "Short one.")).paragraphs();
        ExecutorService fresh = Executors.newSingleThreadExecutor();
        try {
            List<SparseVector> expected = fresh.submit(() -> features.extract(article)).get();
            List<SparseVector> bigExpected = fresh.submit(() -> new FeatureExtractor(model.features(),
                    model.vectors()).extract(big)).get();
            for (int round = 0; round < 3; round++) {
                assertEquals(expected, features.extract(article));
                assertEquals(bigExpected, features.extract(big));
                assertEquals(expected, features.extract(article));
            }
        } finally {
            fresh.shutdownNow();
        }
    }
}
