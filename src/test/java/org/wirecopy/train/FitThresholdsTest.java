package org.wirecopy.train;

import org.junit.jupiter.api.Test;
import org.wirecopy.TestData;
import org.wirecopy.classify.Classifier;
import org.wirecopy.corpus.Corpus;
import org.wirecopy.eval.Evaluator;
import org.wirecopy.model.Model;
import org.wirecopy.model.ModelIO;
import org.wirecopy.network.Architecture;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code TrainingConfig.fitThresholds}: the trainer fits decision biases on dev and records them. */
class FitThresholdsTest {

    /** Few epochs, so that the fit has something to correct. */
    private static TrainingConfig config(boolean fit) {
        return TestData.smallConfig(Architecture.MLP, 5).toBuilder().epochs(2).patience(2).fitThresholds(fit).build();
    }

    @Test
    void theTrainerFitsRecordsAndAppliesBiasesDeterministically() throws Exception {
        Corpus c = TestData.tinyCorpus();
        Model plain = new Trainer(config(false)).train(c, c);
        Model fitted = new Trainer(config(true)).train(c, c);
        assertTrue(plain.decision().isNone());
        assertFalse(fitted.decision().isNone());
        assertEquals(plain.weights().tensors(), fitted.weights().tensors(), "the fit changes no weight");
        Map<String, Double> m = fitted.provenance().devMetrics();
        for (String l : fitted.labels()) assertTrue(m.containsKey("bias." + l), m.toString());
        assertTrue(m.containsKey("macroF1.crossFitted"), "the tiny corpus has 6 articles, enough for 5 folds");
        assertEquals(plain.provenance().devMetrics().get("macroF1"), m.get("macroF1.argmax"), 1e-9);
        double after = Evaluator.evaluate(new Classifier(fitted), c).macroF1();
        assertEquals(after, m.get("macroF1"), 1e-12, "the recorded figure is what the classifier gives");
        assertTrue(after >= m.get("macroF1.argmax"), m.toString());
        assertTrue(fitted.provenance().trainingConfig().contains("\"fitThresholds\":true"));
        assertFalse(plain.provenance().trainingConfig().contains("fitThresholds"), "left out when false");
        assertArrayEquals(ModelIO.toBytes(fitted), ModelIO.toBytes(new Trainer(config(true)).train(c, c)),
                "deterministic");
    }

    @Test
    void aSeedEnsembleIsFittedOnceOnItsAverage() throws Exception {
        Corpus c = TestData.tinyCorpus();
        Model m = new Trainer(config(true).toBuilder().ensemble(2).build()).train(c, c);
        assertEquals(2, m.weights().members());
        assertFalse(m.decision().isNone());
        assertTrue(m.provenance().devMetrics().containsKey("macroF1.argmax"));
        assertEquals(m.decision(), ModelIO.fromBytes(ModelIO.toBytes(m), "e.zip").decision());
    }

    @Test
    void fittingNeedsDevDataAndSaysSo() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(config(true)).train(TestData.tinyCorpus(), null));
        assertTrue(e.getMessage().contains("--fit-thresholds") && e.getMessage().contains("--dev"), e.getMessage());
    }

    @Test
    void aConfigurationFileMayTurnItOn() {
        ExperimentConfig on = ConfigIO.parse("{\"training\": {\"fitThresholds\": true}}", "c.json");
        assertTrue(on.training().fitThresholds());
        assertFalse(ConfigIO.parse("{}", "c.json").training().fitThresholds());
    }
}
