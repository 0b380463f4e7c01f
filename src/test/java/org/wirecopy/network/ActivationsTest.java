package org.wirecopy.network;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The LSTM's batched activations equal, bit for bit, the scalar forms the forward pass computed one by one before
 * (and that reproduce Deeplearning4j): {@code (float) Math.tanh(x)} and {@code (float) (1.0 / (1.0 + Math.exp(-x)))}.
 * A sample here on every build; {@code org.wirecopy.bench.TanhCheck} checks all 2^32 floats.
 */
class ActivationsTest {

    private static float tanhReference(float x) {
        return (float) Math.tanh(x);
    }

    private static float sigmoidReference(float x) {
        return (float) (1.0 / (1.0 + Math.exp(-x)));
    }

    /** Edges of the ranges where the batched forms compute, special values, and two million others. */
    private static float[] sample() {
        List<Float> xs = new ArrayList<>();
        for (float edge : new float[]{0f, 1e-4f, 20f, 40f, 9.01f, 17.33f, 0.5f, 1f, 88f, 104f}) {
            for (float x : new float[]{edge, Math.nextUp(edge), Math.nextDown(edge)}) {
                xs.add(x);
                xs.add(-x);
            }
        }
        for (float x : new float[]{Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE, Float.NaN,
                Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            xs.add(x);
            xs.add(-x);
        }
        Random r = new Random(11);
        for (int i = 0; i < 1_000_000; i++) xs.add((float) (r.nextGaussian() * 3));
        for (int i = 0; i < 1_000_000; i++) xs.add(Float.intBitsToFloat(r.nextInt()));
        float[] out = new float[xs.size()];
        for (int i = 0; i < out.length; i++) out[i] = xs.get(i);
        return out;
    }

    @Test
    void batchedTanhIsMathTanhBitForBit() {
        float[] x = sample();
        float[] out = new float[x.length];
        Activations.tanh(x, 0, x.length, out, new Activations.Scratch(x.length));
        for (int i = 0; i < x.length; i++) {
            assertEquals(Float.floatToRawIntBits(tanhReference(x[i])), Float.floatToRawIntBits(out[i]),
                    "tanh(" + x[i] + ")");
        }
    }

    @Test
    void batchedSigmoidIsTheScalarFormBitForBit() {
        float[] x = sample();
        float[] out = new float[x.length];
        Activations.sigmoid(x, 0, x.length, out, new Activations.Scratch(x.length));
        for (int i = 0; i < x.length; i++) {
            assertEquals(Float.floatToRawIntBits(sigmoidReference(x[i])), Float.floatToRawIntBits(out[i]),
                    "sigmoid(" + x[i] + ")");
            assertEquals(Float.floatToRawIntBits(sigmoidReference(x[i])),
                    Float.floatToRawIntBits(Activations.sigmoid(x[i])), "scalar sigmoid(" + x[i] + ")");
        }
    }

    /** The gates of an LSTM step: tanh for the first r, sigmoid for the next 3r, nothing outside [from, to). */
    @Test
    void lstmGatesAndSubrangesGiveEachValueItsOwnActivation() {
        Random r = new Random(3);
        for (int width : new int[]{1, 7, 32}) {
            Activations.Scratch s = new Activations.Scratch(4 * width + 5);
            for (int round = 0; round < 2000; round++) {
                float[] z = new float[4 * width + 5];
                for (int j = 0; j < z.length; j++) z[j] = (float) (r.nextGaussian() * (1 + round % 10));
                float[] out = new float[z.length];
                Activations.lstmGates(z, width, out, s);
                for (int j = 0; j < 4 * width; j++) {
                    float expected = j < width ? tanhReference(z[j]) : sigmoidReference(z[j]);
                    assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(out[j]),
                            "r=" + width + " gate value " + j + " of " + z[j]);
                }
                for (int j = 4 * width; j < z.length; j++) assertEquals(0f, out[j], "written past the gates");
                int from = r.nextInt(z.length);
                int to = from + r.nextInt(z.length - from + 1);
                float[] t = new float[z.length];
                Activations.tanh(z, from, to, t, s);
                for (int j = 0; j < z.length; j++) {
                    float expected = j >= from && j < to ? tanhReference(z[j]) : 0f;
                    assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(t[j]),
                            "tanh over [" + from + ", " + to + ") at " + j);
                }
            }
        }
    }
}
