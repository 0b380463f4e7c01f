package org.wirecopy.train;

import org.junit.jupiter.api.Test;
import org.wirecopy.network.NetworkWeights;
import org.wirecopy.network.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CalibratorTest {

    /** Labels drawn from softmax(z / 2) of known logits z: the fitted temperature of z must come out near 2. */
    @Test
    void recoversTheTemperatureThatGeneratedTheLabels() {
        Random r = new Random(7);
        List<float[]> logp = new ArrayList<>();
        List<Integer> gold = new ArrayList<>();
        for (int k = 0; k < 20_000; k++) {
            float[] z = new float[3];
            for (int j = 0; j < 3; j++) z[j] = (float) (r.nextGaussian() * 4);
            double[] p = new double[3];
            double sum = 0;
            for (int j = 0; j < 3; j++) sum += p[j] = Math.exp(z[j] / 2.0);
            double u = r.nextDouble() * sum;
            int g = u < p[0] ? 0 : u < p[0] + p[1] ? 1 : 2;
            logp.add(z);
            gold.add(g);
        }
        double best = Double.NaN;
        double bestNll = Double.POSITIVE_INFINITY;
        for (double t = 0.5; t <= 4.0; t += 0.05) {
            double v = Calibrator.nll(logp, gold, t);
            if (v < bestNll) {
                bestNll = v;
                best = t;
            }
        }
        assertEquals(2.0, best, 0.15, "grid minimum of the NLL");
        assertTrue(Calibrator.nll(logp, gold, 2.0) < Calibrator.nll(logp, gold, 1.0));
    }

    @Test
    void scalingDividesOnlyTheOutputLayer() {
        NetworkWeights w = new NetworkWeights(List.of(
                new Tensor("enc_W", new int[]{1, 2}, new float[]{1f, 2f}),
                new Tensor("out_W", new int[]{1, 2}, new float[]{4f, -2f}),
                new Tensor("out_b", new int[]{1, 2}, new float[]{1f, 0f})));
        NetworkWeights s = Calibrator.scaled(w, 2.0);
        assertEquals(1f, s.get("enc_W").data()[0]);
        assertEquals(2f, s.get("out_W").data()[0]);
        assertEquals(-1f, s.get("out_W").data()[1]);
        assertEquals(0.5f, s.get("out_b").data()[0]);
        assertEquals(4f, w.get("out_W").data()[0], "the original is untouched");
        assertSame(w, Calibrator.scaled(w, 1.0));
    }
}
