package org.wirecopy.network;

import java.util.Arrays;

/**
 * The network shapes wirecopy can train. Names carry a version: a saved model names the exact architecture it was
 * trained with, and a later release that changes an architecture gives it a new name.
 *
 * <p>Immutable and thread-safe.
 */
public enum Architecture {
    /** Per-paragraph MLP: hashed n-grams and cues (own and, with a feature window, neighbours') -> dense -> softmax. */
    MLP("wirecopy.mlp.v1"),
    /**
     * Sequence model over the article's paragraphs: a shared dense paragraph encoder, then a forward and a backward LSTM
     * over the article, then softmax over [encoding, forward state, backward state] of each paragraph.
     */
    BILSTM("wirecopy.bilstm.v1");

    private final String id;

    Architecture(String id) {
        this.id = id;
    }

    /** {@return the versioned name written into model files, e.g. {@code wirecopy.bilstm.v1}} */
    public String id() {
        return id;
    }

    /**
     * The architecture with this versioned name or enum name.
     *
     * @param id a versioned name such as {@code wirecopy.bilstm.v1}, or an enum name in any case such as
     *           {@code bilstm}
     * @return the architecture
     * @throws IllegalArgumentException when no architecture has that name, listing them
     */
    public static Architecture fromId(String id) {
        for (Architecture a : values()) {
            if (a.id.equals(id) || a.name().equalsIgnoreCase(id)) return a;
        }
        throw new IllegalArgumentException("unknown network architecture '" + id + "'; this release knows "
                + Arrays.toString(Arrays.stream(values()).map(Architecture::id).toArray()));
    }
}
