package org.wirecopy.network;

import org.wirecopy.features.SparseVector;

import java.util.List;

/**
 * The paragraph encoder (a dense ReLU layer over the sparse paragraph input) of one network, or of every member of a
 * seed ensemble at once: the members read the same input vector, so one pass over its non-zeros serves them all.
 *
 * <p>The members' weights are stored interleaved: row {@code i} holds the {@code hidden} weights of input {@code i} of
 * member 0, then those of member 1, and so on, and one pass adds each weighted row into one buffer of
 * {@code members * hidden} sums. Each sum receives the same terms, in the same order and in the same groups of four,
 * as in a pass over one member's own weights (Java's float arithmetic is exact to the operation, with no fused
 * multiply-add unless asked for), so every member's encoding is the same float, bit for bit, as when it is computed
 * alone; {@code EnsembleTest} checks it. The gain is one pass over the input and rows of consecutive memory instead of
 * one row per member.
 *
 * <p>Immutable and thread-safe.
 */
final class SparseEncoder {

    private final int inputSize;
    private final int hidden;
    private final int members;
    /**
     * Row {@code i}: the weights of input {@code i}, member by member. Separate arrays: the JIT vectorises
     * {@code a[j] += v * row[j]} over j only when the row starts at index 0 of its array.
     */
    private final float[][] rows;
    /** The members' biases, one after the other. */
    private final float[] bias;

    /**
     * The encoder of these networks.
     *
     * @param weights   each member's weights ({@code enc_W} of shape [inputSize, hidden], {@code enc_b} of hidden)
     * @param inputSize the dimension of the paragraph input vectors
     * @param hidden    the encoder's width
     * @throws IllegalArgumentException when a tensor is missing or has the wrong shape
     */
    SparseEncoder(List<NetworkWeights> weights, int inputSize, int hidden) {
        this.inputSize = inputSize;
        this.hidden = hidden;
        this.members = weights.size();
        if (members < 1) throw new IllegalArgumentException("an encoder needs at least one network");
        int width = members * hidden;
        this.rows = new float[inputSize][width];
        this.bias = new float[width];
        for (int m = 0; m < members; m++) {
            float[] w = ForwardPass.check(weights.get(m).get("enc_W"), inputSize, hidden).values();
            float[] b = ForwardPass.check(weights.get(m).get("enc_b"), 1, hidden).values();
            for (int i = 0; i < inputSize; i++) System.arraycopy(w, i * hidden, rows[i], m * hidden, hidden);
            System.arraycopy(b, 0, bias, m * hidden, hidden);
        }
    }

    /** {@return the number of networks encoded} */
    int members() {
        return members;
    }

    /**
     * Every member's encoding of one paragraph input: relu(enc_b + x enc_W).
     *
     * @param x a paragraph's input vector
     * @return one fresh array of {@code hidden} floats per member
     * @throws IllegalArgumentException when {@code x} does not have the networks' input dimension
     */
    float[][] encode(SparseVector x) {
        if (x.dimension() != inputSize) {
            throw new IllegalArgumentException("input has dimension " + x.dimension() + ", network expects " + inputSize);
        }
        int width = bias.length;
        float[] a = bias.clone();
        float[][] w = rows;
        int n = x.size();
        int k = 0;
        // Four weight rows per pass over a: each a[j] still receives its terms one by one in index order, so the sum
        // is the same float as with one row per pass, with a quarter of the loads and stores of a.
        for (; k + 3 < n; k += 4) {
            float v0 = x.valueAt(k), v1 = x.valueAt(k + 1), v2 = x.valueAt(k + 2), v3 = x.valueAt(k + 3);
            float[] w0 = w[x.indexAt(k)], w1 = w[x.indexAt(k + 1)], w2 = w[x.indexAt(k + 2)], w3 = w[x.indexAt(k + 3)];
            for (int j = 0; j < width; j++) a[j] = a[j] + v0 * w0[j] + v1 * w1[j] + v2 * w2[j] + v3 * w3[j];
        }
        // the last one to three rows in one more pass (one pass per row cost about as much as a pass of four)
        int left = n - k;
        if (left == 3) {
            float v0 = x.valueAt(k), v1 = x.valueAt(k + 1), v2 = x.valueAt(k + 2);
            float[] w0 = w[x.indexAt(k)], w1 = w[x.indexAt(k + 1)], w2 = w[x.indexAt(k + 2)];
            for (int j = 0; j < width; j++) a[j] = a[j] + v0 * w0[j] + v1 * w1[j] + v2 * w2[j];
        } else if (left == 2) {
            float v0 = x.valueAt(k), v1 = x.valueAt(k + 1);
            float[] w0 = w[x.indexAt(k)], w1 = w[x.indexAt(k + 1)];
            for (int j = 0; j < width; j++) a[j] = a[j] + v0 * w0[j] + v1 * w1[j];
        } else if (left == 1) {
            float v0 = x.valueAt(k);
            float[] w0 = w[x.indexAt(k)];
            for (int j = 0; j < width; j++) a[j] += v0 * w0[j];
        }
        if (members == 1) {
            relu(a, 0, a, hidden);
            return new float[][]{a};
        }
        float[][] out = new float[members][hidden];
        for (int m = 0; m < members; m++) relu(a, m * hidden, out[m], hidden);
        return out;
    }

    /**
     * {@code out[j] = v < 0f ? 0f : v} for {@code v = a[from + j]}, j in [0, n), chosen on the bits: about half of the
     * sums are negative, at random, and a float select compiles to a branch (x86 has no conditional move for floats),
     * mispredicted half the time; an int select is a conditional move.
     */
    private static void relu(float[] a, int from, float[] out, int n) {
        for (int j = 0; j < n; j++) {
            float v = a[from + j];
            out[j] = Float.intBitsToFloat(v < 0f ? 0 : Float.floatToRawIntBits(v));
        }
    }
}
