package org.wirecopy.network;

import org.wirecopy.features.SparseVector;

import java.util.List;
import java.util.Objects;

/**
 * Runs a trained network on one article in plain Java: the same arithmetic as the Deeplearning4j graph it was trained
 * as ({@code org.wirecopy.network.internal}), on sparse inputs, with no native code and no shared mutable state.
 * Scores of one article never depend on which other articles are classified with it or on which thread runs it.
 *
 * <p>An article is read whole, however long, exactly as Deeplearning4j's graph reads it (a test compares the two on
 * articles of up to 2,000 paragraphs). Memory is linear in the article's length: per paragraph its encoding and the
 * partly summed output layer are kept while the backward LSTM runs, and nothing else.
 *
 * <p>{@link #context(List)} keeps the LSTM states of an article so that the scores of one paragraph with another
 * input can be recomputed in constant time (occlusion explanations).
 *
 * <p>The LSTM's activations are those of its {@link ActivationKernel}: {@link ActivationKernel#EXACT} reproduces
 * Deeplearning4j's arithmetic, {@link ActivationKernel#RATIONAL} (the default) approximates it at half the cost.
 *
 * <p>Immutable and thread-safe.
 */
final class ForwardPass {

    private final NetworkConfig config;
    private final int labels;
    /**
     * The paragraph encoder, or null in a member of an {@link Ensemble}, which encodes for all its members at once.
     * Weight rows are separate arrays (likewise the LSTM weights): the JIT vectorises {@code a[j] += v * row[j]} over
     * j only when the row starts at index 0 of its array, which made the forward pass 1.5 times faster.
     */
    private final SparseEncoder encoder;
    private final Lstm fwd;
    private final Lstm bwd;
    private final float[] outW;
    private final float[] outB;
    /** {@link ActivationKernel#EXACT}'s activations, else the rational ones. */
    private final boolean exact;

    /**
     * A forward pass for a network of shape {@code config} with these weights and the rational activations.
     *
     * @param config    the network's shape
     * @param weights   its trained weights (copied)
     * @param inputSize the dimension of the paragraph input vectors
     * @param labels    the number of labels
     * @throws IllegalArgumentException when a tensor is missing or has the wrong shape
     */
    ForwardPass(NetworkConfig config, NetworkWeights weights, int inputSize, int labels) {
        this(config, weights, inputSize, labels, ActivationKernel.RATIONAL);
    }

    /**
     * A forward pass for a network of shape {@code config} with these weights and activations.
     *
     * @param config    the network's shape
     * @param weights   its trained weights (copied)
     * @param inputSize the dimension of the paragraph input vectors
     * @param labels    the number of labels
     * @param kernel    how the LSTM's activations are computed
     * @throws IllegalArgumentException when a tensor is missing or has the wrong shape
     */
    ForwardPass(NetworkConfig config, NetworkWeights weights, int inputSize, int labels, ActivationKernel kernel) {
        this(config, weights, inputSize, labels, true, kernel);
    }

    /**
     * A forward pass with its own encoder, or (for a member of an {@link Ensemble}) without one: then only the
     * methods that take encodings work, and the encoder's tensors are checked but not copied.
     */
    ForwardPass(NetworkConfig config, NetworkWeights weights, int inputSize, int labels, boolean ownEncoder,
                ActivationKernel kernel) {
        this.config = Objects.requireNonNull(config, "config");
        this.exact = Objects.requireNonNull(kernel, "kernel") == ActivationKernel.EXACT;
        this.labels = labels;
        checkShapes(config, weights, inputSize, labels);
        check(weights.get("enc_W"), inputSize, config.hidden());
        check(weights.get("enc_b"), 1, config.hidden());
        this.encoder = ownEncoder ? new SparseEncoder(List.of(weights), inputSize, config.hidden()) : null;
        int merged = config.hidden();
        if (config.architecture() == Architecture.BILSTM) {
            this.fwd = new Lstm(weights, "fwd", config.hidden(), config.recurrent(), exact);
            this.bwd = new Lstm(weights, "bwd", config.hidden(), config.recurrent(), exact);
            merged += 2 * config.recurrent();
        } else {
            this.fwd = null;
            this.bwd = null;
        }
        this.outW = check(weights.get("out_W"), merged, labels).data();
        this.outB = check(weights.get("out_b"), 1, labels).data();
    }

    /**
     * Probabilities per paragraph, {@code [paragraph][label]}, of the article whose paragraph inputs are given in
     * order: the whole article is one sequence.
     *
     * @param inputs every paragraph's input vector, in reading order
     * @return one row of label probabilities per paragraph, summing to 1 (no rows for no paragraphs)
     */
    float[][] scores(List<SparseVector> inputs) {
        return scoresOfEncodings(encode(inputs));
    }

    /**
     * {@link #scores(List)} of an article whose paragraphs are already encoded.
     *
     * @param enc every paragraph's encoding, in reading order; its entries may be set to null once used
     * @return one row of label probabilities per paragraph
     */
    float[][] scoresOfEncodings(float[][] enc) {
        return scoresOfEncodings(enc, work());
    }

    /**
     * Working arrays for this network's passes, which {@link #scoresOfEncodings(float[][], Work)} and the LSTM steps
     * reuse instead of allocating their own; any network of the same shape and
     * {@link ActivationKernel} may share them, one pass at a time.
     *
     * @return new working arrays
     */
    Work work() {
        return new Work(config.hidden(), config.recurrent(), labels, exact);
    }

    /**
     * {@link #scoresOfEncodings(float[][])} with working arrays from {@link #work()} (of this network or one of the
     * same shape and kernel), not used by anything else while it runs.
     *
     * @param enc  every paragraph's encoding, in reading order; its entries may be set to null once used
     * @param work working arrays
     * @return one row of label probabilities per paragraph
     */
    float[][] scoresOfEncodings(float[][] enc, Work work) {
        int n = enc.length;
        float[][] out = new float[n][];
        if (n == 0) return out;
        int h = config.hidden();
        int r = config.recurrent();
        // z[i] = out_b + enc[i] W + hf[i] W (+ hb[i] W below): the terms are added in the order of the single-sum
        // form, so the result is the same float; the forward states are not kept
        // (each z[i] becomes the paragraph's probabilities in place)
        float[][] z = out;
        double[] e = work.softmax;
        int[] nonZero = work.nonZero;
        // each encoding's non-zero units, gathered once for the output layer and both LSTMs
        int[][] units = new int[n][];
        Lstm.State f = fwd == null ? null : fwd.start(work);
        for (int i = 0; i < n; i++) {
            int m = nonZeros(enc[i], h, nonZero);
            int[] u = java.util.Arrays.copyOf(nonZero, m);
            units[i] = u;
            z[i] = outB.clone();
            accumulate(enc[i], u, m, outW, 0, z[i]);
            if (f != null) {
                float[] hi = fwd.stepInPlace(enc[i], u, m, f);
                accumulate(hi, f.units, f.count, outW, h, z[i]);
            }
        }
        if (bwd == null) {
            for (int i = 0; i < n; i++) softmaxInPlace(z[i], e);
            return out;
        }
        Lstm.State b = bwd.start(work);
        for (int i = n - 1; i >= 0; i--) {
            float[] hi = bwd.stepInPlace(enc[i], units[i], units[i].length, b);
            accumulate(hi, b.units, b.count, outW, h + r, z[i]);
            softmaxInPlace(z[i], e);
            enc[i] = null;
        }
        return out;
    }

    /**
     * The article's encodings and LSTM states, kept so that {@link Context#rescore} gives the scores of one paragraph
     * with another input in constant time. Memory: about {@code hidden + 4 * recurrent} floats per paragraph.
     *
     * @param inputs every paragraph's input vector, in reading order
     * @return the article's context
     */
    Context context(List<SparseVector> inputs) {
        return contextOfEncodings(encode(inputs));
    }

    /**
     * {@link #context(List)} of an article whose paragraphs are already encoded.
     *
     * @param enc every paragraph's encoding, in reading order; kept by the context
     * @return the article's context
     */
    Context contextOfEncodings(float[][] enc) {
        int n = enc.length;
        float[][] hf = null, cf = null, hb = null, cb = null;
        if (fwd != null) {
            Work work = work();
            hf = new float[n][];
            cf = new float[n][];
            hb = new float[n][];
            cb = new float[n][];
            int[] units = new int[config.hidden()];
            Lstm.State f = fwd.start(work);
            for (int i = 0; i < n; i++) {
                hf[i] = fwd.step(enc[i], units, nonZeros(enc[i], config.hidden(), units), f);
                cf[i] = f.c.clone();
            }
            Lstm.State b = bwd.start(work);
            for (int i = n - 1; i >= 0; i--) {
                hb[i] = bwd.step(enc[i], units, nonZeros(enc[i], config.hidden(), units), b);
                cb[i] = b.c.clone();
            }
        }
        return new Context(enc, hf, cf, hb, cb);
    }

    /**
     * One article's encodings and LSTM states (see {@link ForwardPass#context}).
     *
     * <p>Immutable after construction (its arrays never leave it); thread-safe.
     */
    final class Context {
        private final float[][] enc;
        private final float[][] hf;
        private final float[][] cf;
        private final float[][] hb;
        private final float[][] cb;

        private Context(float[][] enc, float[][] hf, float[][] cf, float[][] hb, float[][] cb) {
            this.enc = enc;
            this.hf = hf;
            this.cf = cf;
            this.hb = hb;
            this.cb = cb;
        }

        /** {@return the article's number of paragraphs} */
        int size() {
            return enc.length;
        }

        /**
         * The scores of paragraph {@code index} as the article has it, equal to {@code scores(inputs)[index]}.
         *
         * @param index the paragraph, in 0..size-1
         * @return its label probabilities
         * @throws IndexOutOfBoundsException when {@code index} is outside the article
         */
        float[] scores(int index) {
            java.util.Objects.checkIndex(index, enc.length);
            return output(enc[index], hf == null ? null : hf[index], hb == null ? null : hb[index],
                    new int[Math.max(config.hidden(), config.recurrent())], new double[labels]);
        }

        /**
         * The scores paragraph {@code index} gets when its input is {@code replacement} and every other paragraph's
         * stays: equal, float for float, to {@code scores(inputs)[index]} with that one input replaced, since the
         * forward state before it and the backward state after it do not depend on it.
         *
         * @param index       the paragraph, in 0..size-1
         * @param replacement its other input vector
         * @return its label probabilities with that input
         * @throws IndexOutOfBoundsException when {@code index} is outside the article
         */
        float[] rescore(int index, SparseVector replacement) {
            java.util.Objects.checkIndex(index, enc.length);
            return rescoreEncoded(index, encode(replacement));
        }

        /**
         * {@link #rescore} with the replacement already encoded.
         *
         * @param index the paragraph, in 0..size-1
         * @param e     the encoding of its other input (not changed)
         * @return its label probabilities with that input
         */
        float[] rescoreEncoded(int index, float[] e) {
            java.util.Objects.checkIndex(index, enc.length);
            Work work = work();
            if (fwd == null) return output(e, null, null, work.nonZero, work.softmax);
            int[] units = new int[config.hidden()];
            int m = nonZeros(e, config.hidden(), units);
            Lstm.State f = index == 0 ? fwd.start(work) : fwd.resume(hf[index - 1], cf[index - 1], work);
            float[] hfi = fwd.step(e, units, m, f);
            int last = enc.length - 1;
            Lstm.State b = index == last ? bwd.start(work) : bwd.resume(hb[index + 1], cb[index + 1], work);
            float[] hbi = bwd.step(e, units, m, b);
            return output(e, hfi, hbi, work.nonZero, work.softmax);
        }
    }

    /** softmax(out_b + e W + hf W + hb W), summed in that order. */
    private float[] output(float[] e, float[] hfi, float[] hbi, int[] nonZero, double[] exps) {
        float[] z = outB.clone();
        accumulate(e, nonZero, nonZeros(e, e.length, nonZero), outW, 0, z);
        if (hfi != null) {
            accumulate(hfi, nonZero, nonZeros(hfi, hfi.length, nonZero), outW, config.hidden(), z);
            accumulate(hbi, nonZero, nonZeros(hbi, hbi.length, nonZero), outW, config.hidden() + config.recurrent(),
                    z);
        }
        softmaxInPlace(z, exps);
        return z;
    }

    /**
     * z += x * W[rowOffset .. rowOffset + x.length, :], skipping the rows of zeros in x (the products of a zero row
     * are not added): only the rows {@code nonZero[0 .. m)}, the indices of x's non-zeros in order (see
     * {@link #nonZeros}), are read. A branch per row on whether it is zero (about half of a ReLU encoding is, at
     * random) was mispredicted half the time.
     */
    private void accumulate(float[] x, int[] nonZero, int m, float[] w, int rowOffset, float[] z) {
        if (labels == 3) {
            float z0 = z[0], z1 = z[1], z2 = z[2];
            for (int i = 0; i < m; i++) {
                int k = nonZero[i];
                float v = x[k];
                int base = (rowOffset + k) * 3;
                z0 += v * w[base];
                z1 += v * w[base + 1];
                z2 += v * w[base + 2];
            }
            z[0] = z0;
            z[1] = z1;
            z[2] = z2;
            return;
        }
        for (int i = 0; i < m; i++) {
            int k = nonZero[i];
            float v = x[k];
            int base = (rowOffset + k) * labels;
            for (int j = 0; j < labels; j++) z[j] += v * w[base + j];
        }
    }

    /**
     * The indices k in [0, n) with v[k] != 0f, in order, written to {@code nonZero}; returns how many. No branch: k is
     * written at m every time, and m moves on only past a non-zero.
     */
    static int nonZeros(float[] v, int n, int[] nonZero) {
        int m = 0;
        for (int k = 0; k < n; k++) {
            nonZero[m] = k;
            m += v[k] != 0f ? 1 : 0;
        }
        return m;
    }

    /** The encodings of an article's paragraph inputs, in order. */
    private float[][] encode(List<SparseVector> inputs) {
        int n = inputs.size();
        float[][] enc = new float[n][];
        for (int i = 0; i < n; i++) enc[i] = encode(inputs.get(i));
        return enc;
    }

    private float[] encode(SparseVector x) {
        if (encoder == null) throw new IllegalStateException("an ensemble member encodes through its ensemble");
        return encoder.encode(x)[0];
    }

    /** The rows of a row-major [rows, cols] matrix as separate arrays. */
    private static float[][] rows(float[] data, int rows, int cols) {
        float[][] out = new float[rows][];
        for (int i = 0; i < rows; i++) out[i] = java.util.Arrays.copyOfRange(data, i * cols, (i + 1) * cols);
        return out;
    }

    /**
     * z += v[k] * w[k] for every k of {@code nonZero[0 .. m)}, the indices of v's non-zeros in order (see
     * {@link #nonZeros}), four rows per pass as in {@link #encode}.
     */
    static void addRows(float[] v, int[] nonZero, int m, float[][] w, float[] z) {
        int width = z.length;
        int i = 0;
        for (; i + 3 < m; i += 4) {
            int k0 = nonZero[i], k1 = nonZero[i + 1], k2 = nonZero[i + 2], k3 = nonZero[i + 3];
            float v0 = v[k0], v1 = v[k1], v2 = v[k2], v3 = v[k3];
            float[] w0 = w[k0], w1 = w[k1], w2 = w[k2], w3 = w[k3];
            for (int j = 0; j < width; j++) z[j] = z[j] + v0 * w0[j] + v1 * w1[j] + v2 * w2[j] + v3 * w3[j];
        }
        // the last one to three rows in one more pass
        int left = m - i;
        if (left == 3) {
            int k0 = nonZero[i], k1 = nonZero[i + 1], k2 = nonZero[i + 2];
            float v0 = v[k0], v1 = v[k1], v2 = v[k2];
            float[] w0 = w[k0], w1 = w[k1], w2 = w[k2];
            for (int j = 0; j < width; j++) z[j] = z[j] + v0 * w0[j] + v1 * w1[j] + v2 * w2[j];
        } else if (left == 2) {
            int k0 = nonZero[i], k1 = nonZero[i + 1];
            float v0 = v[k0], v1 = v[k1];
            float[] w0 = w[k0], w1 = w[k1];
            for (int j = 0; j < width; j++) z[j] = z[j] + v0 * w0[j] + v1 * w1[j];
        } else if (left == 1) {
            int k0 = nonZero[i];
            float v0 = v[k0];
            float[] w0 = w[k0];
            for (int j = 0; j < width; j++) z[j] += v0 * w0[j];
        }
    }

    /** The softmax of z, written over z; {@code e} is scratch space of z.length doubles. */
    private static void softmaxInPlace(float[] z, double[] e) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : z) max = Math.max(max, v);
        double sum = 0;
        for (int j = 0; j < z.length; j++) {
            e[j] = Math.exp(z[j] - max);
            sum += e[j];
        }
        for (int j = 0; j < z.length; j++) z[j] = (float) (e[j] / sum);
    }

    /**
     * Checks that {@code weights} has every tensor a network of shape {@code config} reads, each of its shape, in the
     * order the constructor reads them, without copying any: what building the network would refuse, it refuses
     * with the same message.
     *
     * @throws IllegalArgumentException when a tensor is missing or has the wrong shape
     */
    static void checkShapes(NetworkConfig config, NetworkWeights weights, int inputSize, int labels) {
        int h = config.hidden();
        check(weights.get("enc_W"), inputSize, h);
        check(weights.get("enc_b"), 1, h);
        int merged = h;
        if (config.architecture() == Architecture.BILSTM) {
            int r = config.recurrent();
            for (String prefix : new String[]{"fwd", "bwd"}) {
                check(weights.get(prefix + "_W"), h, 4 * r);
                check(weights.get(prefix + "_RW"), r, 4 * r);
                check(weights.get(prefix + "_b"), 1, 4 * r);
            }
            merged += 2 * r;
        }
        check(weights.get("out_W"), merged, labels);
        check(weights.get("out_b"), 1, labels);
    }

    static Tensor check(Tensor t, int rows, int cols) {
        if (t.rows() * t.cols() != rows * cols || (t.shape().length == 2 && t.rows() != rows && rows != 1)) {
            // a tensor of an ensemble's member is named m<k>/...: the message names it as the member has it
            String name = t.name().substring(t.name().indexOf('/') + 1);
            throw new IllegalArgumentException("tensor " + name + " has shape " + java.util.Arrays.toString(t.shape())
                    + ", expected [" + rows + ", " + cols + "]");
        }
        return t;
    }

    /**
     * One LSTM direction as Deeplearning4j computes it: gate blocks [block input (tanh), forget, output, input gate]
     * (sigmoid), c = f*c + g*a, h = o*tanh(c); weights W [in, 4r], RW [r, 4r], b [4r].
     */
    private static final class Lstm {
        final int in;
        final int r;
        final float[][] w;
        final float[][] rw;
        final float[] b;
        /** {@link ActivationKernel#EXACT}'s activations, else the rational ones. */
        final boolean exact;

        Lstm(NetworkWeights weights, String prefix, int in, int r, boolean exact) {
            this.exact = exact;
            this.in = in;
            this.r = r;
            this.w = rows(check(weights.get(prefix + "_W"), in, 4 * r).data(), in, 4 * r);
            this.rw = rows(check(weights.get(prefix + "_RW"), r, 4 * r).data(), r, 4 * r);
            this.b = check(weights.get(prefix + "_b"), 1, 4 * r).data();
        }

        /** The state before the first step: h and c zero; the steps use {@code work}'s arrays. */
        State start(Work work) {
            return new State(new float[r], new float[r], work);
        }


        /** The state after a step whose h and c were these (copied); the steps use {@code work}'s arrays. */
        State resume(float[] h, float[] c, Work work) {
            return new State(h.clone(), c.clone(), work);
        }

        /**
         * One step on input {@code xi}, whose non-zeros are at {@code units[0 .. m)} (see {@link #nonZeros}): updates
         * {@code s} (c in place, h replaced) and returns the new h, a fresh array.
         */
        float[] step(float[] xi, int[] units, int m, State s) {
            return step(xi, units, m, s, new float[r]);
        }

        /**
         * {@link #step}, writing the new h over the h before the previous step (the state keeps two): the array
         * returned holds the new h until the step after next.
         */
        float[] stepInPlace(float[] xi, int[] units, int m, State s) {
            float[] hn = s.spare;
            if (hn == null) hn = new float[r];
            s.spare = s.h;
            return step(xi, units, m, s, hn);
        }

        private float[] step(float[] xi, int[] units, int m, State s, float[] hn) {
            int g = 4 * r;
            Work work = s.work;
            float[] z = work.z;
            float[] c = s.c;
            System.arraycopy(b, 0, z, 0, g);
            addRows(xi, units, m, w, z);
            addRows(s.h, s.units, s.count, rw, z);
            // act = [a, f, o, gi]: tanh of the block input, sigmoid of the forget, output and input gates
            float[] act = work.act;
            if (exact) {
                Activations.lstmGates(z, r, act, work.scratch);
            } else {
                Activations.lstmGatesRational(z, r, act, work.scratch);
            }
            for (int j = 0; j < r; j++) c[j] = act[r + j] * c[j] + act[3 * r + j] * act[j];
            float[] tc = work.tc;
            if (exact) {
                Activations.tanh(c, 0, r, tc, work.scratch);
            } else {
                Activations.tanhRational(c, 0, r, tc, work.scratch);
            }
            for (int j = 0; j < r; j++) hn[j] = act[2 * r + j] * tc[j];
            s.h = hn;
            s.count = nonZeros(hn, r, s.units);
            return hn;
        }

        /** A running state: h and c, the non-zeros of h, and the working arrays its steps use. */
        final class State {
            float[] h;
            /** An array of r floats {@link #stepInPlace} may write the next h into, or null. */
            float[] spare;
            final float[] c;
            /** The indices of h's non-zeros, in order, in {@code units[0 .. count)}. */
            final int[] units = new int[r];
            int count;
            final Work work;

            State(float[] h, float[] c, Work work) {
                if (work.z.length < 4 * r) throw new IllegalArgumentException("working arrays of another shape");
                this.h = h;
                this.c = c;
                this.work = work;
                this.count = nonZeros(h, r, units);
            }
        }
    }

    /**
     * Working arrays of a forward pass: an LSTM step's gate sums, activations and scratch, the non-zero rows of a
     * vector, the softmax's exponentials. Nothing is carried from one use to the next (each use writes before it
     * reads), so one set serves every step of both directions and every member of an ensemble, one after the other;
     * made per call, never shared between threads.
     */
    static final class Work {
        final float[] z;
        final int[] nonZero;
        final float[] act;
        final float[] tc;
        final Activations.Scratch scratch;
        final double[] softmax;

        Work(int hidden, int recurrent, int labels, boolean exact) {
            z = new float[4 * recurrent];
            nonZero = new int[Math.max(hidden, recurrent)];
            act = new float[4 * recurrent];
            tc = new float[recurrent];
            scratch = new Activations.Scratch(4 * recurrent, exact, !exact);
            softmax = new double[labels];
        }
    }
}
