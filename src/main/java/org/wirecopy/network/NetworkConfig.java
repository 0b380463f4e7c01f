package org.wirecopy.network;

import java.util.Objects;

/**
 * Shape and regularisation of the network. Written into every model file.
 *
 * @param architecture  which network
 * @param hidden        size of the dense paragraph encoding, 4..1024
 * @param recurrent     size of each LSTM direction (ignored by {@link Architecture#MLP}), 2..512
 * @param inputDropout  probability of dropping an input feature while training, 0..0.9
 * @param dropout       probability of dropping an encoding unit before the output layer while training, 0..0.9
 *
 * <p>Immutable and thread-safe.
 */
public record NetworkConfig(Architecture architecture, int hidden, int recurrent, double inputDropout, double dropout) {

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

    /** The defaults: a BiLSTM over 128-unit paragraph encodings, 32 units per direction. */
    public static NetworkConfig defaults() {
        return new NetworkConfig(Architecture.BILSTM, 128, 32, 0.4, 0.2);
    }

    public NetworkConfig withArchitecture(Architecture a) {
        return new NetworkConfig(a, hidden, recurrent, inputDropout, dropout);
    }

    public NetworkConfig withHidden(int h) {
        return new NetworkConfig(architecture, h, recurrent, inputDropout, dropout);
    }

    public NetworkConfig withRecurrent(int r) {
        return new NetworkConfig(architecture, hidden, r, inputDropout, dropout);
    }

    public NetworkConfig withDropout(double input, double encoding) {
        return new NetworkConfig(architecture, hidden, recurrent, input, encoding);
    }
}
