package org.wirecopy.model;

import org.junit.jupiter.api.Test;
import org.wirecopy.TestData;
import org.wirecopy.classify.Classifier;
import org.wirecopy.features.FeatureConfig;
import org.wirecopy.features.FeatureExtractor;
import org.wirecopy.features.SparseVector;
import org.wirecopy.features.StaticVectors;
import org.wirecopy.network.Architecture;
import org.wirecopy.text.Article;
import org.wirecopy.train.Trainer;
import org.wirecopy.train.TrainingConfig;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Feature set v3: paragraph vectors from static word vectors, shipped inside the model file. */
class VectorModelTest {

    static StaticVectors vectors() throws Exception {
        return StaticVectors.read(Files.readAllBytes(TestData.root().resolve("training-data/minilm-vectors.bin")));
    }

    @Test
    void theParagraphVectorSitsBetweenTheMarkupCuesAndTheNgrams() throws Exception {
        FeatureConfig v3 = FeatureConfig.defaults().withVersion(FeatureConfig.V3);
        StaticVectors vec = vectors();
        FeatureExtractor fx = new FeatureExtractor(v3, vec);
        String text = "The council voted on Tuesday to close two libraries.";
        SparseVector x = fx.extract(Article.ofParagraphs(List.of(text)).paragraphs()).get(0);
        float[] expected = vec.embed(text);
        for (int d = 0; d < FeatureConfig.VECTOR_DIMS; d++) {
            assertEquals(expected[d], x.get(v3.vectorOffset() + d), 1e-7, "dimension " + d);
        }
        assertEquals(v3.vectorOffset() + FeatureConfig.VECTOR_DIMS, v3.ngramOffset());
        FeatureConfig v2 = FeatureConfig.defaults().withVersion(FeatureConfig.V2);
        assertEquals(v3.inputSize() - FeatureConfig.VECTOR_DIMS, v2.inputSize());
        assertThrows(IllegalArgumentException.class, () -> new FeatureExtractor(v3, null));
    }

    @Test
    void aModelWithVectorsSavesAndLoadsWithTheSameScores() throws Exception {
        TrainingConfig c = TestData.smallConfig(Architecture.BILSTM, 3).toBuilder()
                .features(FeatureConfig.defaults().withHashBits(10).withVersion(FeatureConfig.V3)).epochs(3)
                .build();
        Model m = new Trainer(c).withVectors(vectors()).train(TestData.tinyCorpus(), null);
        byte[] bytes = ModelIO.toBytes(m);
        Model back = ModelIO.load(new ByteArrayInputStream(bytes), "test");
        List<String> texts = TestData.tinyCorpus().articles().get(0).texts();
        float[][] a = new Classifier(m).scores(Article.ofParagraphs(texts).paragraphs());
        float[][] b = new Classifier(back).scores(Article.ofParagraphs(texts).paragraphs());
        for (int i = 0; i < a.length; i++) assertArrayEquals(a[i], b[i], 0f);
        assertEquals(m.vectors().size(), back.vectors().size());

        // the same file without its vectors entry is refused, saying what is missing
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes));
             ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().equals("features/vectors.bin")) continue;
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(in.readAllBytes());
            }
        }
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> ModelIO.load(new ByteArrayInputStream(out.toByteArray()), "cut"));
        assertTrue(e.getMessage().contains("vectors"), e.getMessage());
    }
}
