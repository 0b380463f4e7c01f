package org.wirecopy.model;

import org.junit.jupiter.api.Test;
import org.wirecopy.TestData;
import org.wirecopy.classify.ClassifiedArticle;
import org.wirecopy.classify.ClassifiedParagraph;
import org.wirecopy.classify.Classifier;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Decision biases in the model file and in the classifier; models without them exactly as before. */
class DecisionModelTest {

    private static final List<String> TEXT = List.of(
            "The city council voted 7-2 on Tuesday to approve the budget, officials said.",
            "This is, frankly, the worst idea I have heard all year.",
            "Share this story on Facebook");

    private static String manifest(byte[] zip) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (e.getName().equals(ModelIO.MANIFEST)) return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        throw new IllegalStateException("no manifest");
    }

    /** Biases that make the last label win every paragraph the network reads. */
    private static DecisionBiases lastLabelWins(int labels) {
        double[] b = new double[labels];
        b[labels - 1] = 45;
        return DecisionBiases.of(b);
    }

    @Test
    void biasesRoundTripThroughTheModelFileAndDecideTheLabels() throws Exception {
        Model plain = TestData.tinyModel();
        int n = plain.labels().size();
        Model biased = plain.withDecision(lastLabelWins(n));
        byte[] bytes = ModelIO.toBytes(biased);
        String manifest = manifest(bytes);
        assertTrue(manifest.contains("\"formatVersion\" : 4") && manifest.contains("\"decision\""), manifest);
        Model loaded = ModelIO.fromBytes(bytes, "biased.zip");
        assertEquals(biased.decision(), loaded.decision());
        assertArrayEquals(bytes, ModelIO.toBytes(loaded), "written again byte for byte");

        ClassifiedArticle before = new Classifier(plain).classifyParagraphs(TEXT);
        ClassifiedArticle after = new Classifier(loaded).classifyParagraphs(TEXT);
        String last = plain.labels().get(n - 1);
        assertFalse(before.paragraphs().stream().allMatch(p -> p.label().equals(last)), "the fixture varies");
        for (int i = 0; i < TEXT.size(); i++) {
            ClassifiedParagraph a = before.paragraphs().get(i);
            ClassifiedParagraph b = after.paragraphs().get(i);
            assertEquals(last, b.label(), "paragraph " + i);
            assertEquals(a.scores(), b.scores(), "scores are unchanged, paragraph " + i);
        }
        org.wirecopy.text.Article article = org.wirecopy.text.Article.ofParagraphs(TEXT);
        assertEquals(last, new Classifier(loaded).explain(article, 0, 3).label(), "explanations agree with classify");
    }

    @Test
    void aModelWithoutBiasesIsWrittenAndReadAsBefore() throws Exception {
        Model plain = TestData.tinyModel();
        assertTrue(plain.decision().isNone());
        byte[] bytes = ModelIO.toBytes(plain);
        String manifest = manifest(bytes);
        assertTrue(manifest.contains("\"formatVersion\" : 2") && !manifest.contains("decision"), manifest);
        Model loaded = ModelIO.fromBytes(bytes, "plain.zip");
        assertTrue(loaded.decision().isNone());
        assertArrayEquals(bytes, ModelIO.toBytes(loaded));
    }

    @Test
    void theBundledModelHasNoBiasesAndIsWrittenAgainByteForByte() throws Exception {
        byte[] bundled;
        try (InputStream in = Classifier.class.getResourceAsStream(Classifier.DEFAULT_MODEL_RESOURCE)) {
            bundled = in.readAllBytes();
        }
        Model m = ModelIO.fromBytes(bundled, "bundled");
        assertTrue(m.decision().isNone());
        assertFalse(manifest(bundled).contains("decision"));
        assertArrayEquals(bundled, ModelIO.toBytes(m), "loading and saving changes nothing");
    }

    @Test
    void aBadDecisionInTheManifestIsRefusedNamingIt() throws Exception {
        Model plain = TestData.tinyModel();
        List<String> labels = plain.labels();
        byte[] bytes = ModelIO.toBytes(plain.withDecision(lastLabelWins(labels.size())));
        String first = "\"" + labels.get(0) + "\" : 0.0";
        byte[] missing = ModelIOTest.rewrite(bytes, ModelIO.MANIFEST, s -> s.replace(first + ",", ""));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelIO.fromBytes(missing, "m.zip"));
        assertTrue(e.getMessage().contains("decision biases are for"), e.getMessage());
        byte[] text = ModelIOTest.rewrite(bytes, ModelIO.MANIFEST,
                s -> s.replace(first, "\"" + labels.get(0) + "\" : \"zero\""));
        e = assertThrows(ModelFormatException.class, () -> ModelIO.fromBytes(text, "m.zip"));
        assertTrue(e.getMessage().contains("is not a number"), e.getMessage());
        byte[] huge = ModelIOTest.rewrite(bytes, ModelIO.MANIFEST, s -> s.replace(first, "\"" + labels.get(0)
                + "\" : 1.0E300"));
        e = assertThrows(ModelFormatException.class, () -> ModelIO.fromBytes(huge, "m.zip"));
        assertTrue(e.getMessage().contains("decision bias 0"), e.getMessage());
        byte[] old = ModelIOTest.rewrite(bytes, ModelIO.MANIFEST,
                s -> s.replace("\"formatVersion\" : 4", "\"formatVersion\" : 2"));
        e = assertThrows(ModelFormatException.class, () -> ModelIO.fromBytes(old, "m.zip"));
        assertTrue(e.getMessage().contains("'decision'"), e.getMessage());
    }

    @Test
    void biasesMustBeOnePerLabel() {
        Model plain;
        try {
            plain = TestData.tinyModel();
        } catch (java.io.IOException x) {
            throw new java.io.UncheckedIOException(x);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> plain.withDecision(DecisionBiases.of(0, 0, 0, 0, 0)));
        assertTrue(e.getMessage().contains("decision biases are for 5 labels"), e.getMessage());
        assertNotEquals(plain, plain.withDecision(lastLabelWins(plain.labels().size())));
    }
}
