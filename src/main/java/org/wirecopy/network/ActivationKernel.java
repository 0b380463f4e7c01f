package org.wirecopy.network;

/**
 * How the LSTM's tanh and sigmoid are computed in the plain-Java forward pass ({@link Ensemble}).
 *
 * <p>Immutable and thread-safe (an enum).
 */
public enum ActivationKernel {

    /**
     * {@code (float) Math.tanh(x)} and {@code (float) (1 / (1 + Math.exp(-x)))} bit for bit, the arithmetic of the
     * Deeplearning4j graph the network was trained as: what the tests that compare with Deeplearning4j read.
     */
    EXACT,

    /**
     * A rational approximation of tanh evaluated in double and rounded to float (the sigmoid through
     * {@code 1/2 + tanh(x/2)/2}): each value within 1 ulp of {@link #EXACT}'s (the sigmoid below 1.3e-8 within that
     * absolute difference), at about half the cost. The classifier's kernel: on the bundled model's dev and test
     * paragraphs no label differs from {@link #EXACT}'s and no score by more than a few 1e-7 (see
     * {@code docs/performance.md}, "Ninth round"). Deterministic like {@link #EXACT}: the same input gives the same
     * floats on any thread, batch or JVM.
     */
    RATIONAL
}
