package org.wirecopy.network;

/**
 * Measures the rational activations ({@link ActivationKernel#RATIONAL}) against the exact ones for every one of the
 * 2^32 float inputs: how many differ, by how many units in the last place at most, the largest absolute difference
 * and where. Takes a few minutes on one core, so it is not a unit test ({@code ActivationsTest} checks the same bounds
 * on a sample on every build); run it after touching the rational forms:
 *
 * <pre>
 * mvn -q -DskipTests test-compile
 * java -cp "target/test-classes:target/classes:target/lib/*" org.wirecopy.network.RationalActivationsCheck
 * </pre>
 *
 * Prints one line per function.
 */
public final class RationalActivationsCheck {

    private static final int BLOCK = 4096;

    private RationalActivationsCheck() {
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        Activations.Scratch scratch = new Activations.Scratch(BLOCK);
        float[] x = new float[BLOCK];
        float[] fast = new float[BLOCK];
        float[] exact = new float[BLOCK];
        Stats tanh = new Stats();
        Stats sigmoid = new Stats();
        for (long base = 0; base < 1L << 32; base += BLOCK) {
            for (int j = 0; j < BLOCK; j++) x[j] = Float.intBitsToFloat((int) (base + j));
            Activations.tanhRational(x, 0, BLOCK, fast, scratch);
            for (int j = 0; j < BLOCK; j++) exact[j] = (float) Math.tanh(x[j]);
            tanh.add(x, fast, exact);
            Activations.sigmoidRational(x, 0, BLOCK, fast, scratch);
            for (int j = 0; j < BLOCK; j++) exact[j] = Activations.sigmoid(x[j]);
            sigmoid.add(x, fast, exact);
        }
        System.out.println("tanh:    " + tanh);
        System.out.println("sigmoid: " + sigmoid);
        System.out.printf("all 2^32 float inputs in %.0f s (Java %s)%n", (System.nanoTime() - started) / 1e9,
                Runtime.version());
    }

    /** Differences of one function. */
    private static final class Stats {
        long differ;
        long nanMismatch;
        /** Differences of more than 1 ulp and more than 1.3e-8 (the bound ActivationsTest checks). */
        long beyondBound;
        long maxUlps;
        float maxUlpsAt;
        double maxAbs;
        float maxAbsAt;

        void add(float[] x, float[] fast, float[] exact) {
            for (int j = 0; j < x.length; j++) {
                float f = fast[j];
                float e = exact[j];
                if (Float.floatToRawIntBits(f) == Float.floatToRawIntBits(e)) continue;
                if (Float.isNaN(f) || Float.isNaN(e)) {
                    if (Float.isNaN(f) != Float.isNaN(e)) nanMismatch++;
                    continue;
                }
                if (f == e) continue; // 0f and -0f
                differ++;
                // the floats between the two: both are finite and in [-1, 1]
                long ulps = Math.abs((long) ordered(f) - ordered(e));
                if (ulps > maxUlps) {
                    maxUlps = ulps;
                    maxUlpsAt = x[j];
                }
                double abs = Math.abs((double) f - e);
                if (ulps > 1 && abs > 1.3e-8) beyondBound++;
                if (abs > maxAbs) {
                    maxAbs = abs;
                    maxAbsAt = x[j];
                }
            }
        }

        /** A float's place in the order of all floats (negative ones below zero). */
        private static int ordered(float v) {
            int b = Float.floatToRawIntBits(v);
            return b < 0 ? -(b & 0x7fffffff) : b;
        }

        @Override
        public String toString() {
            return String.format("%d of 2^32 differ (NaN where the other is not: %d); at most %d ulps apart (x = %s); "
                    + "largest absolute difference %.3g (x = %s); more than 1 ulp and 1.3e-8 apart: %d", differ,
                    nanMismatch, maxUlps, maxUlpsAt, maxAbs, maxAbsAt, beyondBound);
        }
    }
}
