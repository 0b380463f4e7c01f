package org.wirecopy.classify;

import org.junit.jupiter.api.Test;
import org.wirecopy.TestData;
import org.wirecopy.corpus.Corpus;
import org.wirecopy.corpus.CorpusOptions;
import org.wirecopy.corpus.CorpusReader;
import org.wirecopy.network.ActivationKernel;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The classifier serves with the rational LSTM activations ({@link ActivationKernel#RATIONAL}); on the bundled model
 * they give every dev and test paragraph the exact kernel's label, and its scores within a few 1e-7.
 */
class ActivationKernelTest {

    /** The largest score difference allowed; docs/performance.md ("Ninth round") gives the observed one. */
    static final double TOLERANCE = 1e-5;

    @Test
    void classifiersServeWithTheRationalKernelAndKeepTheirChoice() throws Exception {
        Classifier c = Classifier.bundled();
        assertSame(ActivationKernel.RATIONAL, c.activations());
        Classifier exact = c.withActivations(ActivationKernel.EXACT);
        assertSame(ActivationKernel.EXACT, exact.activations());
        assertSame(ActivationKernel.EXACT, exact.withNetworks(1).activations());
        assertSame(ActivationKernel.EXACT, exact.withMinConfidence(0.5).activations());
        assertEquals(c.networks(), exact.networks());
        assertEquals(1, exact.withNetworks(1).withActivations(ActivationKernel.RATIONAL).networks());
    }

    /**
     * Every paragraph of training-data/dev.jsonl and test.jsonl gets the same label from both kernels, and every
     * score is within {@link #TOLERANCE} of the exact one. The exact kernel is Deeplearning4j's arithmetic
     * ({@code ForwardPassTest}), so the accuracy figures recorded in the model hold for the rational one
     * ({@code DefaultModelTest} checks the dev figures).
     */
    @Test
    void theRationalKernelGivesTheExactKernelsLabelsOnDevAndTest() throws Exception {
        Classifier rational = Classifier.bundled();
        Classifier exact = rational.withActivations(ActivationKernel.EXACT);
        int paragraphs = 0;
        int flips = 0;
        int differ = 0;
        double max = 0;
        for (String split : List.of("dev.jsonl", "test.jsonl")) {
            Corpus corpus = CorpusReader.read(TestData.root().resolve("training-data").resolve(split),
                    CorpusOptions.defaults());
            for (var article : corpus.articles()) {
                ClassifiedArticle a = rational.classifyParagraphs(article.texts());
                ClassifiedArticle b = exact.classifyParagraphs(article.texts());
                for (int i = 0; i < a.size(); i++) {
                    ClassifiedParagraph p = a.paragraphs().get(i);
                    ClassifiedParagraph q = b.paragraphs().get(i);
                    paragraphs++;
                    if (!p.label().equals(q.label())) flips++;
                    boolean any = false;
                    for (String label : rational.labels()) {
                        double d = Math.abs(p.score(label) - q.score(label));
                        assertTrue(d <= TOLERANCE, split + " " + article.id() + " paragraph " + i + " " + label
                                + ": " + p.score(label) + " against " + q.score(label));
                        max = Math.max(max, d);
                        any |= d > 0;
                    }
                    if (any) differ++;
                }
            }
        }
        assertEquals(0, flips, "labels changed by the rational kernel, of " + paragraphs + " paragraphs");
        // the kernels differ (else this test would prove nothing): some scores move, by rounding only
        assertTrue(differ > 0, "no score differs");
    }
}
