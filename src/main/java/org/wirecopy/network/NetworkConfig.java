package org.wirecopy.network;

import java.util.Objects;

/**
 * Shape and regularisation of the network. Written into every model file.
 *
 * <p>Immutable and thread-safe.
 *
 * @param architecture  which network
 * @param hidden        size of the dense paragraph encoding, 4..1024
 * @param recurrent     size of each LSTM direction (ignored by {@link Architecture#MLP}), 2..512
 * @param inputDropout  probability of dropping an input feature while training, 0..0.9
 * @param dropout       probability of dropping an encoding unit before the output layer while training, 0..0.9
 */
public record NetworkConfig(Architecture architecture, int hidden, int recurrent, double inputDropout, double dropout) {

    /**
     * Checks the components.
     *
     * @param architecture which network; not null
     * @param hidden       size of the dense paragraph encoding, 4..1024
     * @param recurrent    size of each LSTM direction, 2..512
     * @param inputDropout probability of dropping an input feature while training, 0..0.9
     * @param dropout      probability of dropping an encoding unit while training, 0..0.9
     * @throws IllegalArgumentException when a number is out of its range
     */
    public NetworkConfig {
        Objects.requireNonNull(architecture, "network.architecture");
        if (hidden < 4 || hidden > 1024) {
            throw new IllegalArgumentException("network.hidden must be in 4..1024, got " + hidden);
        }
        if (recurrent < 2 || recurrent > 512) {
            throw new IllegalArgumentException("network.recurrent must be in 2..512, got " + recurrent);
        }
        if (inputDropout < 0 || inputDropout > 0.9) {
            throw new IllegalArgumentException("network.inputDropout must be in 0..0.9, got " + inputDropout);
        }
        if (dropout < 0 || dropout > 0.9) {
            throw new IllegalArgumentException("network.dropout must be in 0..0.9, got " + dropout);
        }
    }

    /**
     * The defaults: a BiLSTM over 128-unit paragraph encodings, 32 units per direction, input dropout 0.4, encoding
     * dropout 0.2.
     *
     * @return the default configuration
     */
    public static NetworkConfig defaults() {
        return new NetworkConfig(Architecture.BILSTM, 128, 32, 0.4, 0.2);
    }

    /**
     * A copy with another architecture.
     *
     * @param a the architecture; not null
     * @return the copy
     */
    public NetworkConfig withArchitecture(Architecture a) {
        return new NetworkConfig(a, hidden, recurrent, inputDropout, dropout);
    }

    /**
     * A copy with another encoding size.
     *
     * @param h size of the dense paragraph encoding, 4..1024
     * @return the copy
     * @throws IllegalArgumentException when {@code h} is out of range
     */
    public NetworkConfig withHidden(int h) {
        return new NetworkConfig(architecture, h, recurrent, inputDropout, dropout);
    }

    /**
     * A copy with another LSTM size.
     *
     * @param r size of each LSTM direction, 2..512
     * @return the copy
     * @throws IllegalArgumentException when {@code r} is out of range
     */
    public NetworkConfig withRecurrent(int r) {
        return new NetworkConfig(architecture, hidden, r, inputDropout, dropout);
    }

    /**
     * A copy with other dropout probabilities.
     *
     * @param input    probability of dropping an input feature, 0..0.9
     * @param encoding probability of dropping an encoding unit, 0..0.9
     * @return the copy
     * @throws IllegalArgumentException when a probability is out of range
     */
    public NetworkConfig withDropout(double input, double encoding) {
        return new NetworkConfig(architecture, hidden, recurrent, input, encoding);
    }
}
