package org.wirecopy.encoder;

import org.junit.jupiter.api.Test;
import org.wirecopy.TestData;
import org.wirecopy.classify.Classifier;
import org.wirecopy.classify.ClassifiedParagraph;
import org.wirecopy.corpus.Corpus;
import org.wirecopy.features.FeatureConfig;
import org.wirecopy.features.FeatureExtractor;
import org.wirecopy.features.SentenceEncoder;
import org.wirecopy.features.SentenceEncoders;
import org.wirecopy.features.SparseVector;
import org.wirecopy.model.Model;
import org.wirecopy.model.ModelIO;
import org.wirecopy.network.Architecture;
import org.wirecopy.text.Article;
import org.wirecopy.train.Trainer;
import org.wirecopy.train.TrainingConfig;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Accurate mode: a model trained with the MiniLM encoder records it, saves, loads and scores the same. */
class EncoderModelTest {

    private static TrainingConfig config(long seed) {
        return TestData.smallConfig(Architecture.BILSTM, seed).toBuilder()
                .features(FeatureConfig.defaults().withHashBits(10).withEncoder(FeatureConfig.MINILM)).epochs(4)
                .build();
    }

    @Test
    void theEmbeddingSitsBetweenTheMarkupCuesAndTheNgrams() {
        FeatureConfig f = FeatureConfig.defaults().withEncoder(FeatureConfig.MINILM);
        assertEquals(FeatureConfig.defaults().inputSize() + 384, f.inputSize());
        assertEquals(f.markupOffset() + org.wirecopy.features.MarkupCues.COUNT, f.typographyOffset());
        assertEquals(f.typographyOffset() + org.wirecopy.features.TypographyCues.COUNT, f.encoderOffset());
        assertEquals(f.encoderOffset() + 384, f.ngramOffset());
        String text = "The council voted on Tuesday to close two libraries.";
        SparseVector x = new FeatureExtractor(f, null).extract(Article.ofParagraphs(List.of(text)).paragraphs()).get(0);
        float[] expected = new float[384];
        MiniLmEncoder.load().embed(text, expected, 0);
        for (int d = 0; d < 384; d++) assertEquals(expected[d], x.get(f.encoderOffset() + d), 0f, "dimension " + d);
    }

    @Test
    void aModelWithTheEncoderTrainsSavesLoadsAndScoresTheSame() throws Exception {
        Corpus c = TestData.tinyCorpus();
        AtomicInteger calls = new AtomicInteger();
        SentenceEncoder real = SentenceEncoders.require(FeatureConfig.MINILM);
        SentenceEncoder counting = new SentenceEncoder() {
            @Override
            public String name() {
                return real.name();
            }

            @Override
            public int dims() {
                return real.dims();
            }

            @Override
            public void embed(String text, float[] out, int offset) {
                calls.incrementAndGet();
                real.embed(text, out, offset);
            }
        };
        Model m = new Trainer(config(5)).withEncoder(counting).train(c, c);
        // every distinct paragraph embedded once, whatever the epochs, crops and dev evaluations
        long distinct = c.articles().stream().flatMap(a -> a.paragraphs().stream())
                .map(p -> Article.ofParagraphs(List.of(p.text())).paragraphs().get(0).normalizedText()).distinct()
                .count();
        assertEquals(distinct, calls.get());
        assertEquals(FeatureConfig.MINILM, m.features().encoder());
        byte[] bytes = ModelIO.toBytes(m);
        Model back = ModelIO.load(new ByteArrayInputStream(bytes), "test");
        assertEquals(FeatureConfig.MINILM, back.features().encoder());
        // the loaded model finds the encoder by name (ServiceLoader) and gives the same scores, bit for bit
        List<String> texts = c.articles().get(0).texts();
        List<ClassifiedParagraph> before = new Classifier(m).classifyParagraphs(texts).paragraphs();
        List<ClassifiedParagraph> after = new Classifier(back).classifyParagraphs(texts).paragraphs();
        for (int i = 0; i < texts.size(); i++) {
            assertEquals(before.get(i).scores(), after.get(i).scores(), "paragraph " + i);
        }
        // the same seed gives the same model, bit for bit
        assertArrayEquals(bytes, ModelIO.toBytes(new Trainer(config(5)).train(c, c)));
    }
}
