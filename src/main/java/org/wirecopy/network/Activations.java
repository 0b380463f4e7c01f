package org.wirecopy.network;

/**
 * tanh and the logistic sigmoid of many floats at once, as the LSTM gates need them, in two kinds: the exact forms
 * ({@link ActivationKernel#EXACT}: {@link #lstmGates}, {@link #tanh} and the batched {@code sigmoid}), equal bit for
 * bit to the scalar forms {@code (float) Math.tanh(x)} and
 * {@code (float) (1.0 / (1.0 + Math.exp(-x)))}, as Deeplearning4j's graph is reproduced by {@link ForwardPass}; and
 * the rational forms (below).
 *
 * <p>One {@code Math.exp} per value (a call that the JIT does not vectorise) took a third of an ensemble's forward
 * pass. Here every value goes through the same few loops of plain double arithmetic, which the JIT vectorises:
 * <ol>
 *   <li>the argument {@code y} of {@code expm1}: {@code 2|x|} for tanh, {@code -x} for the sigmoid;</li>
 *   <li>{@code q = expm1(y)}: a polynomial of degree 11 (Taylor's, in Horner's form) at {@code y / 256}, then eight
 *       doublings {@code q <- q (q + 2)} (as {@code e^2y - 1 = (e^y - 1)(e^y + 1)}), which keep q's relative
 *       precision where {@code e^y} is close to 1;</li>
 *   <li>{@code t = q / (q + 2)} = tanh |x|, or {@code t = 1 / (q + 2)} = sigmoid(x);</li>
 *   <li>the float: for {@code |x|} in [1e-4, 20] (tanh) or [-40, 40] (sigmoid), t is within a relative 2^-41 of the
 *       exact value (before the doublings the polynomial is within a relative 2^-57 of expm1 and rounds by a few
 *       units of 2^-53; each doubling at most doubles the relative error and adds a unit or two), and the reference
 *       double ({@code Math.tanh}, within 2.5 ulps; or
 *       {@code 1 / (1 + Math.exp(-x))} with {@code Math.exp} within 1 ulp) is within 2^-50 of it. So when the interval
 *       {@code t (1 ± 2^-32)} rounds to one float, the reference rounds to that float too (rounding is monotonic),
 *       and that float is the result. Otherwise (under 1 % of values, and outside those ranges) the scalar form
 *       itself is computed.</li>
 * </ol>
 * The argument holds for any {@code Math.exp} and {@code Math.tanh} within their specified error, so on any JDK; the
 * JIT may vectorise the loops or not without changing a bit (Java's double arithmetic is exact to the operation, with
 * no fused multiply-add unless asked for). {@code org.wirecopy.bench.TanhCheck} checks both functions for all 2^32
 * floats.
 *
 * <p>The <b>rational</b> forms ({@link #lstmGatesRational}, {@link #tanhRational}, {@link #sigmoidRational}) are
 * what {@link ActivationKernel#RATIONAL} serves with: no exactness check and no scalar fallback, half the work of the
 * exact forms (see {@code docs/performance.md}, "Ninth round"). tanh x = x P(x^2) / Q(x^2) with P and Q of degree 5,
 * fitted to tanh on [0, 9.1] (relative error under 4.1e-11 there; fitted for this class by weighted least squares
 * on a dense grid), evaluated in double for x clamped to [-9.1, 9.1] (tanh beyond is 1.0f anyway: exact tanh rounds
 * to ±1.0f for |x| > 9.01), then rounded to float; sigmoid x = 1/2 + tanh(x/2) / 2 with x clamped to [-18.2, 18.2].
 * So tanh is the exact float or a neighbour of it (within 1 ulp), the sigmoid within 1 ulp or 1.3e-8 absolute
 * (below sigmoid(-18.2), where the exact form keeps falling towards 0), and NaN stays NaN. The loops are plain
 * float or double arithmetic, which C2 vectorises; on the same input they give the same floats on any JVM (no
 * fused multiply-add), so scores stay deterministic.
 *
 * <p>Stateless; a {@link Scratch} belongs to one thread at a time.
 */
final class Activations {

    // the rational forms: tanh x = x P(x^2) / Q(x^2) on [-T, T]
    private static final double P0 = 0.9999999999592005;
    private static final double P1 = 0.14096305743171886;
    private static final double P2 = 0.004422076577865621;
    private static final double P3 = 4.217372911544163e-05;
    private static final double P4 = 1.1059980126129455e-07;
    private static final double P5 = 3.638308998364636e-11;
    private static final double Q1 = 0.4742963903195714;
    private static final double Q2 = 0.029187540824375753;
    private static final double Q3 = 0.000500088618742463;
    private static final double Q4 = 2.5945476422469755e-06;
    private static final double Q5 = 2.929767745370385e-09;
    /** Where the rational tanh's arguments are clamped: tanh(9.1) rounds to 1.0f, as every tanh beyond 9.01 does. */
    private static final float T = 9.1f;

    // expm1(r) / r = sum of r^k / (k + 1)!, k = 0..10, for |r| <= 40 / 256
    private static final double C1 = 1;
    private static final double C2 = 1.0 / 2;
    private static final double C3 = 1.0 / 6;
    private static final double C4 = 1.0 / 24;
    private static final double C5 = 1.0 / 120;
    private static final double C6 = 1.0 / 720;
    private static final double C7 = 1.0 / 5040;
    private static final double C8 = 1.0 / 40320;
    private static final double C9 = 1.0 / 362880;
    private static final double C10 = 1.0 / 3628800;
    private static final double C11 = 1.0 / 39916800;
    /** The half-width of the interval around t, relative to t. */
    private static final double MARGIN = 0x1p-32;

    private Activations() {
    }

    /** Working arrays for up to {@code size} values. Not thread-safe. */
    static final class Scratch {
        final double[] y;
        final double[] q;
        final double[] lo;
        final double[] hi;
        final float[] clamped;

        /** Space for both the exact and the rational forms. */
        Scratch(int size) {
            this(size, true, true);
        }

        /**
         * Space for the exact forms, the rational ones or both (an LSTM step needs one kind: each article's passes
         * make their own, so the other kind's arrays are not allocated).
         */
        Scratch(int size, boolean exact, boolean rational) {
            y = new double[size];
            q = exact ? new double[size] : null;
            lo = exact ? new double[size] : null;
            hi = exact ? new double[size] : null;
            clamped = rational ? new float[size] : null;
        }
    }

    /**
     * An LSTM step's gate activations: {@code out[j] = tanh(z[j])} for j in [0, r) (the block input) and
     * {@code out[j] = sigmoid(z[j])} for j in [r, 4r) (the forget, output and input gates).
     *
     * @param z   the gates' pre-activations, at least 4r
     * @param r   the LSTM's width
     * @param out where the activations go, at least 4r
     * @param s   scratch space for at least 4r values
     */
    static void lstmGates(float[] z, int r, float[] out, Scratch s) {
        int g = 4 * r;
        tanhArguments(z, 0, r, s.y);
        sigmoidArguments(z, r, g, s.y);
        expm1(s.y, s.q, 0, g);
        tanhCandidates(s.q, s.lo, s.hi, 0, r);
        sigmoidCandidates(s.q, s.lo, s.hi, r, g);
        roundTanh(z, 0, r, out, s);
        roundSigmoid(z, r, g, out, s);
    }

    /**
     * {@code out[j] = (float) Math.tanh(x[j])} for j in [from, to).
     *
     * @param x    the arguments
     * @param from the first index
     * @param to   one past the last index
     * @param out  where the results go, at the same indices
     * @param s    scratch space for at least {@code to} values
     */
    static void tanh(float[] x, int from, int to, float[] out, Scratch s) {
        tanhArguments(x, from, to, s.y);
        expm1(s.y, s.q, from, to);
        tanhCandidates(s.q, s.lo, s.hi, from, to);
        roundTanh(x, from, to, out, s);
    }

    /**
     * {@code out[j] = sigmoid(x[j])} (see {@link #sigmoid(float)}) for j in [from, to).
     *
     * @param x    the arguments
     * @param from the first index
     * @param to   one past the last index
     * @param out  where the results go, at the same indices
     * @param s    scratch space for at least {@code to} values
     */
    static void sigmoid(float[] x, int from, int to, float[] out, Scratch s) {
        sigmoidArguments(x, from, to, s.y);
        expm1(s.y, s.q, from, to);
        sigmoidCandidates(s.q, s.lo, s.hi, from, to);
        roundSigmoid(x, from, to, out, s);
    }

    /**
     * The logistic sigmoid as the forward pass has always computed it, and the reference of the batched form.
     *
     * @param v the argument
     * @return {@code (float) (1.0 / (1.0 + Math.exp(-v)))}
     */
    static float sigmoid(float v) {
        return (float) (1.0 / (1.0 + Math.exp(-v)));
    }

    private static void tanhArguments(float[] x, int from, int to, double[] y) {
        for (int j = from; j < to; j++) y[j] = 2 * Math.abs((double) x[j]);
    }

    private static void sigmoidArguments(float[] x, int from, int to, double[] y) {
        for (int j = from; j < to; j++) y[j] = -(double) x[j];
    }

    /** q = expm1(y) for |y| <= 40 (anything, harmlessly, elsewhere). Kept apart from the loops after it: small loop
     * bodies are what the JIT unrolls and vectorises. */
    private static void expm1(double[] y, double[] q, int from, int to) {
        for (int j = from; j < to; j++) {
            double r = y[j] * 0x1p-8;
            double p = C11;
            p = p * r + C10;
            p = p * r + C9;
            p = p * r + C8;
            p = p * r + C7;
            p = p * r + C6;
            p = p * r + C5;
            p = p * r + C4;
            p = p * r + C3;
            p = p * r + C2;
            p = p * r + C1;
            double e = p * r;
            e = e * (e + 2);
            e = e * (e + 2);
            e = e * (e + 2);
            e = e * (e + 2);
            e = e * (e + 2);
            e = e * (e + 2);
            e = e * (e + 2);
            e = e * (e + 2);
            q[j] = e;
        }
    }

    /** tanh |x| = q / (q + 2), and the interval around it. */
    private static void tanhCandidates(double[] q, double[] lo, double[] hi, int from, int to) {
        for (int j = from; j < to; j++) {
            double e = q[j];
            double t = e / (e + 2);
            double m = t * MARGIN;
            lo[j] = t - m;
            hi[j] = t + m;
        }
    }

    /** sigmoid(x) = 1 / (q + 2), and the interval around it. */
    private static void sigmoidCandidates(double[] q, double[] lo, double[] hi, int from, int to) {
        for (int j = from; j < to; j++) {
            double t = 1 / (q[j] + 2);
            double m = t * MARGIN;
            lo[j] = t - m;
            hi[j] = t + m;
        }
    }

    private static void roundTanh(float[] x, int from, int to, float[] out, Scratch s) {
        double[] y = s.y;
        double[] lo = s.lo;
        double[] hi = s.hi;
        for (int j = from; j < to; j++) {
            double a = y[j];
            float f = (float) lo[j];
            // y = 2|x|: |x| in [1e-4, 20], and the interval rounds to one float (false for NaN)
            if (a >= 2e-4 && a <= 40 && f == (float) hi[j]) {
                // x[j] < 0 ? -f : f without a branch on the sign (random, so mispredicted half the time): x is not
                // 0 or NaN here, and f > 0
                out[j] = Math.copySign(f, x[j]);
            } else {
                out[j] = (float) Math.tanh(x[j]);
            }
        }
    }

    private static void roundSigmoid(float[] x, int from, int to, float[] out, Scratch s) {
        double[] y = s.y;
        double[] lo = s.lo;
        double[] hi = s.hi;
        for (int j = from; j < to; j++) {
            double a = y[j];
            float f = (float) lo[j];
            // y = -x: x in [-40, 40], and the interval rounds to one float (false for NaN)
            if (a >= -40 && a <= 40 && f == (float) hi[j]) {
                out[j] = f;
            } else {
                out[j] = sigmoid(x[j]);
            }
        }
    }
    /**
     * {@link #lstmGates} with the rational forms: {@code out[j] ~ tanh(z[j])} for j in [0, r) and
     * {@code out[j] ~ sigmoid(z[j])} for j in [r, 4r), within the bounds in the class comment.
     *
     * @param z   the gates' pre-activations, at least 4r
     * @param r   the LSTM's width
     * @param out where the activations go, at least 4r
     * @param s   scratch space for at least 4r values
     */
    static void lstmGatesRational(float[] z, int r, float[] out, Scratch s) {
        int g = 4 * r;
        clamp(z, 0, r, s.clamped, T);
        clamp(z, r, g, s.clamped, 2 * T);
        widen(s.clamped, 0, r, s.y, 1);
        widen(s.clamped, r, g, s.y, 0.5);
        rationalTanh(s.y, 0, g);
        narrow(s.y, 0, r, out);
        narrowSigmoid(s.y, r, g, out);
    }

    /**
     * {@code out[j] ~ tanh(x[j])} for j in [from, to), the rational form (within 1 ulp of {@link #tanh}).
     *
     * @param x    the arguments
     * @param from the first index
     * @param to   one past the last index
     * @param out  where the results go, at the same indices
     * @param s    scratch space for at least {@code to} values
     */
    static void tanhRational(float[] x, int from, int to, float[] out, Scratch s) {
        clamp(x, from, to, s.clamped, T);
        widen(s.clamped, from, to, s.y, 1);
        rationalTanh(s.y, from, to);
        narrow(s.y, from, to, out);
    }

    /**
     * {@code out[j] ~ sigmoid(x[j])} for j in [from, to), the rational form (within 1 ulp or 1.3e-8 of
     * {@link #sigmoid(float[], int, int, float[], Scratch)}).
     *
     * @param x    the arguments
     * @param from the first index
     * @param to   one past the last index
     * @param out  where the results go, at the same indices
     * @param s    scratch space for at least {@code to} values
     */
    static void sigmoidRational(float[] x, int from, int to, float[] out, Scratch s) {
        clamp(x, from, to, s.clamped, 2 * T);
        widen(s.clamped, from, to, s.y, 0.5);
        rationalTanh(s.y, from, to);
        narrowSigmoid(s.y, from, to, out);
    }

    // Five small loops rather than one: C2 vectorises a float clamp, a conversion and the double arithmetic each on
    // its own; with the clamp in the double loop the whole took 2.0 instead of 1.8 ns per value, and in one loop with
    // the conversions it was not vectorised at all (18 ns per value; a kernel probe, docs/performance.md).

    /** c[j] = x[j] clamped to [-limit, limit] (NaN stays NaN). */
    private static void clamp(float[] x, int from, int to, float[] c, float limit) {
        for (int j = from; j < to; j++) c[j] = Math.max(-limit, Math.min(limit, x[j]));
    }

    /** y[j] = scale * c[j], exactly (scale is 1 or 1/2). */
    private static void widen(float[] c, int from, int to, double[] y, double scale) {
        for (int j = from; j < to; j++) y[j] = c[j] * scale;
    }

    /** y[j] = tanh(y[j]) for |y[j]| <= 9.1, within a relative 4.1e-11. */
    private static void rationalTanh(double[] y, int from, int to) {
        for (int j = from; j < to; j++) {
            double v = y[j];
            double w = v * v;
            double p = ((((P5 * w + P4) * w + P3) * w + P2) * w + P1) * w + P0;
            double q = ((((Q5 * w + Q4) * w + Q3) * w + Q2) * w + Q1) * w + 1;
            y[j] = v * p / q;
        }
    }

    private static void narrow(double[] y, int from, int to, float[] out) {
        for (int j = from; j < to; j++) out[j] = (float) y[j];
    }

    /** out[j] = 1/2 + y[j] / 2: the sigmoid of x from tanh(x / 2). */
    private static void narrowSigmoid(double[] y, int from, int to, float[] out) {
        for (int j = from; j < to; j++) out[j] = (float) (0.5 + 0.5 * y[j]);
    }
}
