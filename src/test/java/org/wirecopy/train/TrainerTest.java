package org.wirecopy.train;

import org.junit.jupiter.api.Test;
import org.wirecopy.TestData;
import org.wirecopy.classify.Classifier;
import org.wirecopy.corpus.Corpus;
import org.wirecopy.eval.Evaluator;
import org.wirecopy.model.Model;
import org.wirecopy.model.ModelIO;
import org.wirecopy.network.Architecture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainerTest {

    @Test
    void sameSeedGivesTheSameModelBitForBit() throws Exception {
        Corpus c = TestData.tinyCorpus();
        Model a = new Trainer(TestData.smallConfig(Architecture.BILSTM, 11)).train(c, c);
        Model b = new Trainer(TestData.smallConfig(Architecture.BILSTM, 11)).train(c, c);
        assertArrayEquals(ModelIO.toBytes(a), ModelIO.toBytes(b));
        Model other = new Trainer(TestData.smallConfig(Architecture.BILSTM, 12)).train(c, c);
        assertFalse(a.weights().tensors().equals(other.weights().tensors()), "another seed, other weights");
    }

    @Test
    void anEnsembleHoldsTheSingleTrainingsOfConsecutiveSeeds() throws Exception {
        Corpus c = TestData.tinyCorpus();
        TrainingConfig one = TestData.smallConfig(Architecture.BILSTM, 21);
        Model ensemble = new Trainer(one.toBuilder().ensemble(2).build()).train(c, c);
        Model first = new Trainer(one).train(c, c);
        Model second = new Trainer(one.toBuilder().seed(22).build()).train(c, c);
        assertEquals(2, ensemble.weights().members());
        assertEquals(first.weights().tensors(), ensemble.weights().member(0).tensors());
        assertEquals(second.weights().tensors(), ensemble.weights().member(1).tensors());
        var ev = Evaluator.evaluate(new Classifier(ensemble), c);
        var metrics = ensemble.provenance().devMetrics();
        assertEquals(ev.macroF1(), metrics.get("macroF1"), 1e-12, "the ensemble's own dev figure is recorded");
        assertEquals(first.provenance().devMetrics().get("macroF1"), metrics.get("member0.macroF1"), 1e-12);
        assertEquals(second.provenance().devMetrics().get("macroF1"), metrics.get("member1.macroF1"), 1e-12);
        assertTrue(ensemble.provenance().trainingConfig().contains("\"ensemble\":2"),
                ensemble.provenance().trainingConfig());
        // the file says what it holds, and loads back to the same scores
        byte[] bytes = ModelIO.toBytes(ensemble);
        Model back = ModelIO.load(new java.io.ByteArrayInputStream(bytes), "ensemble.zip");
        assertEquals(2, back.weights().members());
        var text = java.util.List.of("A headline", "Shares fell 4 percent on Tuesday, the company said.",
                "I think this is a bad idea.");
        assertEquals(new Classifier(ensemble).classifyParagraphs(text), new Classifier(back).classifyParagraphs(text));
        assertEquals(2, new Classifier(ensemble).networks());
        assertEquals(new Classifier(first).classifyParagraphs(text),
                new Classifier(ensemble).withNetworks(1).classifyParagraphs(text), "the first network alone");
        assertThrows(IllegalArgumentException.class, () -> new Classifier(ensemble).withNetworks(3));
        assertArrayEquals(bytes, ModelIO.toBytes(new Trainer(one.toBuilder().ensemble(2).build()).train(c, c)),
                "same seed, same ensemble, bit for bit");
    }

    @Test
    void ensembleSizeIsValidatedAndZeroMeansOne() {
        assertEquals(1, TrainingConfig.builder().ensemble(0).build().ensemble());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingConfig.builder().ensemble(17).build());
        assertTrue(e.getMessage().startsWith("ensemble"), e.getMessage());
    }

    @Test
    void fitsTheTinyCorpusAndRecordsProvenance() throws Exception {
        Corpus c = TestData.tinyCorpus();
        for (Architecture arch : Architecture.values()) {
            Model m = new Trainer(TestData.smallConfig(arch, 3)).train(c, c);
            double f1 = Evaluator.evaluate(new Classifier(m), c).macroF1();
            assertTrue(f1 > 0.95, arch + " should fit six short articles, macro-F1 " + f1);
            assertEquals(c.sha256(), m.provenance().trainingDataSha256());
            assertEquals(f1, m.provenance().devMetrics().get("macroF1"), 1e-12);
            assertTrue(m.provenance().trainingConfig().contains("\"seed\":3"), m.provenance().trainingConfig());
        }
    }

    @Test
    void dataWithOneLabelIsRefusedWithAdvice() throws Exception {
        Corpus c = TestData.tinyCorpus().where("style", "test-news");
        Corpus oneLabel = new Corpus("one", c.articles().stream().map(a -> new org.wirecopy.corpus.LabelledArticle(
                a.id(), a.paragraphs().stream().map(p -> new org.wirecopy.corpus.LabelledParagraph(p.text(),
                "COMMENTARY")).toList())).toList());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(TrainingConfig.defaults()).train(oneLabel, null));
        assertTrue(e.getMessage().contains("at least two labels"), e.getMessage());
    }

    @Test
    void configRejectsBadValuesNamingTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingConfig.builder().epochs(0).build());
        assertTrue(e.getMessage().startsWith("epochs"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> org.wirecopy.features.FeatureConfig.defaults()
                .withHashBits(30));
        assertTrue(e.getMessage().contains("features.hashBits"), e.getMessage());
    }

    @Test
    void gradientClippingIsConfiguredRecordedAndChangesTraining() throws Exception {
        Corpus c = TestData.tinyCorpus();
        TrainingConfig plain = TestData.smallConfig(Architecture.BILSTM, 31).toBuilder().gradientClip(0).build();
        TrainingConfig clipped = plain.toBuilder().gradientClip(0.01).build();
        Model a = new Trainer(plain).train(c, c);
        Model b = new Trainer(clipped).train(c, c);
        assertFalse(a.weights().tensors().equals(b.weights().tensors()), "a tight clip changes the weights");
        assertTrue(b.provenance().trainingConfig().contains("\"gradientClip\":0.01"), b.provenance().trainingConfig());
        assertTrue(b.dl4jConfiguration().contains("ClipL2PerLayer"), "DL4J is told to clip");
        assertFalse(a.dl4jConfiguration().contains("ClipL2PerLayer"));
        assertArrayEquals(ModelIO.toBytes(b), ModelIO.toBytes(new Trainer(clipped).train(c, c)), "deterministic");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingConfig.builder().gradientClip(-1).build());
        assertTrue(e.getMessage().startsWith("gradientClip"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.builder().gradientClip(Double.NaN).build());
    }
}
