package org.wirecopy.network;

import org.wirecopy.features.SparseVector;

import java.util.List;
import java.util.Objects;

/**
 * The networks of a model run on one article, their probabilities averaged: a model holds one network or a seed
 * ensemble of several of the same shape (see {@link NetworkWeights#members()}). With one member the scores are that
 * network's, float for float; with {@code k} members each probability is the sum of the members' in member order,
 * divided by {@code k}, so scores never depend on threads or batching. The sums are written into the first member's
 * arrays, which {@link ForwardPass} makes new for every call.
 *
 * <p>The members' paragraph encoders read the same input vector, so they run as one pass over its non-zeros (see
 * {@link SparseEncoder}); each member's encoding, and so every score, is the same float as when that member runs
 * alone as a {@link ForwardPass}. Every member's encodings of an article are made before the members run:
 * {@code members * hidden} floats per paragraph while it is scored.
 *
 * <p>Immutable and thread-safe.
 */
public final class Ensemble {

    private final ForwardPass[] members;
    private final SparseEncoder encoder;
    private final int labels;
    private final ActivationKernel kernel;

    /**
     * The forward passes of every member of {@code weights}, with the rational activations
     * ({@link ActivationKernel#RATIONAL}).
     *
     * @param config    the shape shared by every member
     * @param weights   one network's weights or an ensemble's (copied)
     * @param inputSize the dimension of the paragraph input vectors
     * @param labels    the number of labels
     * @throws IllegalArgumentException when a member's tensor is missing or has the wrong shape
     */
    public Ensemble(NetworkConfig config, NetworkWeights weights, int inputSize, int labels) {
        this(config, weights, inputSize, labels, Objects.requireNonNull(weights, "weights").members(),
                ActivationKernel.RATIONAL);
    }

    /**
     * The forward passes of the first {@code use} members of {@code weights} (fewer than all: a faster, usually
     * slightly less accurate reading of a seed ensemble), with the LSTM activations of {@code kernel}.
     *
     * @param config    the shape shared by every member
     * @param weights   one network's weights or an ensemble's (copied)
     * @param inputSize the dimension of the paragraph input vectors
     * @param labels    the number of labels
     * @param use       how many members to read, from the first, 1..members
     * @param kernel    how the LSTM's tanh and sigmoid are computed
     * @throws IllegalArgumentException when {@code use} is not in 1..members, or a tensor is missing or misshapen
     */
    public Ensemble(NetworkConfig config, NetworkWeights weights, int inputSize, int labels, int use,
                    ActivationKernel kernel) {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(kernel, "kernel");
        int all = weights.members();
        if (use < 1 || use > all) {
            throw new IllegalArgumentException("members to use must be in 1.." + all + ", got " + use);
        }
        int n = use;
        this.members = new ForwardPass[n];
        List<NetworkWeights> each = new java.util.ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            try {
                NetworkWeights w = weights.memberView(k);
                members[k] = new ForwardPass(config, w, inputSize, labels, false, kernel);
                each.add(w);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(n == 1 ? e.getMessage()
                        : "ensemble member " + k + ": " + e.getMessage(), e);
            }
        }
        this.encoder = new SparseEncoder(each, inputSize, Objects.requireNonNull(config, "config").hidden());
        this.labels = labels;
        this.kernel = kernel;
    }

    /** {@return how the members' LSTM activations are computed} */
    public ActivationKernel kernel() {
        return kernel;
    }

    /**
     * Checks, without building anything, what the constructor checks: that every member of {@code weights} has each
     * tensor of a network of shape {@code config}, of its shape (a model loader's check; building copies the weights).
     *
     * @param config    the shape shared by every member
     * @param weights   one network's weights or an ensemble's
     * @param inputSize the dimension of the paragraph input vectors
     * @param labels    the number of labels
     * @throws IllegalArgumentException when a tensor is missing or misshapen, with the constructor's message
     */
    public static void check(NetworkConfig config, NetworkWeights weights, int inputSize, int labels) {
        Objects.requireNonNull(config, "config");
        int n = Objects.requireNonNull(weights, "weights").members();
        for (int k = 0; k < n; k++) {
            try {
                ForwardPass.checkShapes(config, weights.memberView(k), inputSize, labels);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(n == 1 ? e.getMessage()
                        : "ensemble member " + k + ": " + e.getMessage(), e);
            }
        }
    }

    /** {@return the number of member networks read (1 for an ordinary model)} */
    public int size() {
        return members.length;
    }

    /**
     * Mean probabilities per paragraph of an article.
     *
     * @param inputs the article's paragraph inputs, in order
     * @return {@code [paragraph][label]} probabilities
     */
    public float[][] scores(List<SparseVector> inputs) {
        float[][][] enc = encode(inputs);
        // the members have one shape, so they run one after the other on one set of working arrays
        ForwardPass.Work work = members[0].work();
        float[][] sum = members[0].scoresOfEncodings(enc[0], work);
        if (members.length == 1) return sum;
        for (int k = 1; k < members.length; k++) {
            float[][] s = members[k].scoresOfEncodings(enc[k], work);
            for (int i = 0; i < sum.length; i++) add(sum[i], s[i]);
        }
        for (float[] row : sum) divide(row);
        return sum;
    }

    /**
     * Every member's {@link ForwardPass.Context} of the article, for constant-time rescoring of one paragraph.
     *
     * @param inputs the article's paragraph inputs, in order
     * @return the article's context
     */
    public Context context(List<SparseVector> inputs) {
        float[][][] enc = encode(inputs);
        ForwardPass.Context[] c = new ForwardPass.Context[members.length];
        for (int k = 0; k < members.length; k++) c[k] = members[k].contextOfEncodings(enc[k]);
        return new Context(c);
    }

    /** Every member's encodings of the article's paragraphs: {@code [member][paragraph][unit]}. */
    private float[][][] encode(List<SparseVector> inputs) {
        int n = inputs.size();
        float[][][] enc = new float[members.length][n][];
        for (int i = 0; i < n; i++) {
            float[][] e = encoder.encode(inputs.get(i));
            for (int k = 0; k < members.length; k++) enc[k][i] = e[k];
        }
        return enc;
    }

    /**
     * One article's states in every member (see {@link Ensemble#context}).
     *
     * <p>Immutable after construction; thread-safe.
     */
    public final class Context {
        private final ForwardPass.Context[] members;

        private Context(ForwardPass.Context[] members) {
            this.members = members;
        }

        /** {@return the article's number of paragraphs} */
        int size() {
            return members[0].size();
        }

        /**
         * The scores of one paragraph as the article has it.
         *
         * @param index the paragraph's index
         * @return its probabilities, equal to {@code scores(inputs)[index]}
         */
        public float[] scores(int index) {
            float[] sum = members[0].scores(index);
            if (members.length == 1) return sum;
            for (int k = 1; k < members.length; k++) add(sum, members[k].scores(index));
            divide(sum);
            return sum;
        }

        /**
         * The scores paragraph {@code index} gets when its input is {@code replacement} and every other paragraph's
         * stays (see {@link ForwardPass.Context#rescore}), averaged over the members as {@link #scores} is.
         *
         * @param index       the paragraph's index
         * @param replacement its other input
         * @return its probabilities with that input
         */
        public float[] rescore(int index, SparseVector replacement) {
            java.util.Objects.checkIndex(index, size());
            float[][] e = encoder.encode(replacement);
            float[] sum = members[0].rescoreEncoded(index, e[0]);
            if (members.length == 1) return sum;
            for (int k = 1; k < members.length; k++) add(sum, members[k].rescoreEncoded(index, e[k]));
            divide(sum);
            return sum;
        }
    }

    private static void add(float[] sum, float[] s) {
        for (int j = 0; j < sum.length; j++) sum[j] += s[j];
    }

    private void divide(float[] row) {
        float k = members.length;
        for (int j = 0; j < labels; j++) row[j] /= k;
    }
}
