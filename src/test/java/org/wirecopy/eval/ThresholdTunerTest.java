package org.wirecopy.eval;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThresholdTunerTest {

    @Test
    void picksTheLowestThresholdThatReachesThePrecision() {
        // COMMENTARY predictions by confidence: 0.8 right, 0.7 right, 0.6 wrong, 0.5 wrong
        Evaluation e = EvaluationTest.sample();
        ThresholdTuner.Threshold t = ThresholdTuner.tune(e, "COMMENTARY", 0.99);
        assertTrue(t.reached());
        assertEquals(0.7, t.minConfidence(), 1e-12);
        assertEquals(1.0, t.precision(), 1e-12);
        assertEquals(2 / 3.0, t.recall(), 1e-12);
        assertEquals(0.5, t.coverage(), 1e-12);
        ThresholdTuner.Threshold loose = ThresholdTuner.tune(e, "COMMENTARY", 0.5);
        assertEquals(0.5, loose.minConfidence(), 1e-12);
    }

    @Test
    void unreachableTargetSaysSo() {
        ThresholdTuner.Threshold t = ThresholdTuner.tune(EvaluationTest.sample(), "BOILERPLATE", 0.9);
        assertFalse(t.reached());
    }
}
