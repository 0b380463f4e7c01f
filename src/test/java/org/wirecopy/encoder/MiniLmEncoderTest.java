package org.wirecopy.encoder;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wirecopy.features.FeatureConfig;
import org.wirecopy.features.SentenceEncoder;
import org.wirecopy.features.SentenceEncoders;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The MiniLM encoder: the real tokenizer's ids, unit-length embeddings, the same floats every time, langchain4j's vectors. */
class MiniLmEncoderTest {

    private static final List<String> SENTENCES = List.of(
            "WASHINGTON (AP) - The Senate voted 52-48 on Tuesday to confirm the nominee.",
            "I think this is the dumbest thing I've read all week.",
            "Advertisement",
            "");

    private static MiniLmEncoder encoder;

    @BeforeAll
    static void load() {
        encoder = MiniLmEncoder.load();
    }

    @Test
    void tokensAreBertUncasedIdsBetweenClsAndSep() {
        // ids of bert-base-uncased's vocab.txt: [CLS] 101, hello 7592, world 2088, ! 999, [SEP] 102
        assertArrayEquals(new int[]{101, 7592, 2088, 999, 102}, encoder.ids("Hello World!"));
        assertArrayEquals(new int[]{101, 102}, encoder.ids(""));
    }

    @Test
    void longParagraphsAreCutToTheModelsSequenceLength() {
        int[] ids = encoder.ids("word ".repeat(1000));
        assertEquals(MiniLmEncoder.MAX_TOKENS, ids.length);
        assertEquals(101, ids[0]);
        assertEquals(102, ids[ids.length - 1]);
    }

    @Test
    void embeddingsAreUnitLengthAndTheSameEveryTime() {
        for (String s : SENTENCES) {
            float[] a = new float[MiniLmEncoder.DIMS + 3];
            float[] b = new float[MiniLmEncoder.DIMS];
            encoder.embed(s, a, 3);
            encoder.embed(s, b, 0);
            double norm = 0;
            for (int d = 0; d < MiniLmEncoder.DIMS; d++) norm += (double) b[d] * b[d];
            assertEquals(1.0, Math.sqrt(norm), 1e-5, s);
            for (int d = 0; d < MiniLmEncoder.DIMS; d++) {
                assertEquals(Float.floatToIntBits(b[d]), Float.floatToIntBits(a[d + 3]), s + " dim " + d);
            }
        }
    }

    @Test
    void embeddingsAreLangchain4jsSentenceEmbeddings() {
        // an independent oracle: langchain4j's own tokenizer (DJL, HuggingFace tokenizers) and mean pooling
        var model = new AllMiniLmL6V2QuantizedEmbeddingModel();
        for (String s : SENTENCES.subList(0, 3)) {
            float[] ours = new float[MiniLmEncoder.DIMS];
            encoder.embed(s, ours, 0);
            float[] theirs = model.embed(s).content().vector();
            double dot = 0;
            for (int d = 0; d < ours.length; d++) dot += (double) ours[d] * theirs[d];
            assertTrue(dot > 0.9999, s + ": cosine " + dot);
        }
    }

    @Test
    void theLibraryFindsItThroughTheServiceLoader() {
        SentenceEncoder e = SentenceEncoders.require(FeatureConfig.MINILM);
        assertEquals(FeatureConfig.MINILM, e.name());
        assertEquals(384, e.dims());
        assertSame(e, SentenceEncoders.require(FeatureConfig.MINILM));
        float[] a = new float[384];
        float[] b = new float[384];
        e.embed(SENTENCES.get(1), a, 0);
        encoder.embed(SENTENCES.get(1), b, 0);
        assertArrayEquals(b, a);
    }
}
