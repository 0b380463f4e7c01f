package org.wirecopy.model;

import org.junit.jupiter.api.Test;
import org.wirecopy.TestData;
import org.wirecopy.classify.Classifier;
import org.wirecopy.network.NetworkWeights;
import org.wirecopy.network.Tensor;
import org.wirecopy.text.Article;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Nothing a caller does through a public accessor changes a loaded model or a live classifier. */
class ImmutableModelTest {

    static final List<String> SAMPLE = List.of("Budget vote delayed again", "From the AP:",
            "WASHINGTON (AP) - The House delayed a vote on Tuesday.", "What a mess.", "Advertisement");

    @Test
    void noPublicAccessorLetsACallerChangeALoadedModel() throws Exception {
        Model model = ModelIO.fromBytes(ModelIO.toBytes(TestData.tinyModel()), "tiny");
        Classifier classifier = new Classifier(model);
        byte[] before = ModelIO.toBytes(model);
        float[][] scores = classifier.scores(Article.ofParagraphs(SAMPLE).paragraphs());

        NetworkWeights w = model.weights();
        for (Tensor t : w.tensors()) {
            t.data()[0] += 50;
            t.shape()[0] += 1;
            w.get(t.name()).data()[0] += 50;
        }
        assertThrows(UnsupportedOperationException.class, () -> w.tensors().clear());
        assertThrows(UnsupportedOperationException.class, () -> model.labels().set(0, "X"));
        assertThrows(UnsupportedOperationException.class, () -> model.provenance().devMetrics().put("x", 1.0));
        assertThrows(UnsupportedOperationException.class, () -> classifier.labels().set(0, "X"));
        assertThrows(UnsupportedOperationException.class, () -> classifier.model().labels().remove(0));

        assertArrayEquals(before, ModelIO.toBytes(model), "the model's bytes changed");
        float[][] again = classifier.scores(Article.ofParagraphs(SAMPLE).paragraphs());
        for (int i = 0; i < scores.length; i++) assertArrayEquals(scores[i], again[i], 0f, "paragraph " + i);
    }

    @Test
    void theArrayATensorIsBuiltFromIsCopied() throws Exception {
        Model model = TestData.tinyModel();
        List<Tensor> copies = new ArrayList<>();
        List<float[]> arrays = new ArrayList<>();
        for (Tensor t : model.weights().tensors()) {
            float[] d = t.data();
            arrays.add(d);
            copies.add(new Tensor(t.name(), t.shape(), d));
        }
        Model built = new Model(model.labels(), model.features(), model.network(), new NetworkWeights(copies),
                model.dl4jConfiguration(), model.provenance());
        Classifier classifier = new Classifier(built);
        float[][] scores = classifier.scores(Article.ofParagraphs(SAMPLE).paragraphs());
        for (float[] d : arrays) java.util.Arrays.fill(d, 7f);
        float[][] again = classifier.scores(Article.ofParagraphs(SAMPLE).paragraphs());
        for (int i = 0; i < scores.length; i++) assertArrayEquals(scores[i], again[i], 0f);
        assertEquals(model.weights().tensors(), built.weights().tensors());
    }

    @Test
    void nonFiniteWeightsAreRefused() {
        for (float bad : new float[]{Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new Tensor("out_b", new int[]{3}, new float[]{0f, bad, 1f}));
            assertTrue(e.getMessage().contains("out_b: value 1") && e.getMessage().contains("finite"), e.getMessage());
        }
    }
}
