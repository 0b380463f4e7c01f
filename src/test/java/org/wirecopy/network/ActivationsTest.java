package org.wirecopy.network;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
                float[] z = gates(r, width, round);
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
    /** The floats between a and b (both finite): 0 when equal, 1 for neighbours. */
    private static long ulpsApart(float a, float b) {
        if (a == b) return 0;
        return Math.abs((long) ordered(a) - ordered(b));
    }

    private static int ordered(float v) {
        int b = Float.floatToRawIntBits(v);
        return b < 0 ? -(b & 0x7fffffff) : b;
    }

    /**
     * The rational tanh ({@link ActivationKernel#RATIONAL}) is the exact float or a neighbour of it for every input,
     * is odd, keeps NaN, and is exactly ±1 beyond ±9.1 as the exact form is. ({@code RationalActivationsCheck}
     * measures all 2^32 floats: docs/performance.md, "Ninth round".)
     */
    @Test
    void rationalTanhIsWithinOneUlpOfMathTanh() {
        float[] x = sample();
        float[] out = new float[x.length];
        Activations.tanhRational(x, 0, x.length, out, new Activations.Scratch(x.length));
        int differ = 0;
        for (int i = 0; i < x.length; i++) {
            float exact = tanhReference(x[i]);
            if (Float.isNaN(exact)) {
                assertTrue(Float.isNaN(out[i]), "tanh(NaN)");
                continue;
            }
            assertTrue(ulpsApart(exact, out[i]) <= 1, "tanh(" + x[i] + ") = " + out[i] + ", exactly " + exact);
            if (exact != out[i]) differ++;
        }
        // the approximation is within 4.1e-11 relative, so only values next to a rounding boundary differ
        assertTrue(differ < x.length / 100, differ + " of " + x.length + " differ");
        float[] odd = new float[x.length];
        float[] minus = new float[x.length];
        for (int i = 0; i < x.length; i++) minus[i] = -x[i];
        Activations.tanhRational(minus, 0, x.length, odd, new Activations.Scratch(x.length));
        for (int i = 0; i < x.length; i++) {
            if (!Float.isNaN(x[i])) assertEquals(-out[i], odd[i], "tanh(-x) = -tanh(x) at " + x[i]);
        }
        for (float big : new float[]{9.1f, 9.2f, 40f, Float.MAX_VALUE, Float.POSITIVE_INFINITY}) {
            float[] one = new float[1];
            Activations.tanhRational(new float[]{big}, 0, 1, one, new Activations.Scratch(1));
            assertEquals(1f, one[0], "tanh(" + big + ")");
        }
    }

    /**
     * The rational sigmoid is within 1 ulp of the exact form, or within 1.3e-8 of it where the exact form falls below
     * sigmoid(-18.2) (there the rational one stays at about 1.2e-8), and keeps NaN.
     */
    @Test
    void rationalSigmoidIsWithinOneUlpOrOnePointThreeE8OfTheExactForm() {
        float[] x = sample();
        float[] out = new float[x.length];
        Activations.sigmoidRational(x, 0, x.length, out, new Activations.Scratch(x.length));
        for (int i = 0; i < x.length; i++) {
            float exact = sigmoidReference(x[i]);
            if (Float.isNaN(exact)) {
                assertTrue(Float.isNaN(out[i]), "sigmoid(NaN)");
                continue;
            }
            boolean near = ulpsApart(exact, out[i]) <= 1 || Math.abs(exact - out[i]) <= 1.3e-8;
            assertTrue(near, "sigmoid(" + x[i] + ") = " + out[i] + ", exactly " + exact);
            assertTrue(out[i] >= 0f && out[i] <= 1f, "sigmoid(" + x[i] + ") = " + out[i]);
        }
    }

    /** The rational gates: tanh for the first r, sigmoid for the next 3r, as the separate rational forms give them. */
    @Test
    void rationalLstmGatesGiveEachValueItsOwnRationalActivation() {
        Random r = new Random(5);
        for (int width : new int[]{1, 7, 32}) {
            Activations.Scratch s = new Activations.Scratch(4 * width + 5);
            for (int round = 0; round < 2000; round++) {
                float[] z = gates(r, width, round);
                float[] out = new float[z.length];
                Activations.lstmGatesRational(z, width, out, s);
                float[] t = new float[z.length];
                float[] g = new float[z.length];
                Activations.tanhRational(z, 0, width, t, new Activations.Scratch(z.length));
                Activations.sigmoidRational(z, width, 4 * width, g, new Activations.Scratch(z.length));
                for (int j = 0; j < 4 * width; j++) {
                    float expected = j < width ? t[j] : g[j];
                    assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(out[j]),
                            "r=" + width + " gate value " + j + " of " + z[j]);
                }
                for (int j = 4 * width; j < z.length; j++) assertEquals(0f, out[j], "written past the gates");
            }
        }
    }

    /** The pre-activations of an LSTM step of {@code width} and five values past them, wider as rounds go on. */
    private static float[] gates(Random r, int width, int round) {
        float[] z = new float[4 * width + 5];
        for (int j = 0; j < z.length; j++) z[j] = (float) (r.nextGaussian() * (1 + round % 10));
        return z;
    }
}
