package org.wirecopy.features;

/**
 * A pretrained sentence encoder that turns a paragraph into a dense vector, for feature sets with an
 * {@link FeatureConfig#encoder() encoder}. The library never implements one: implementations live outside it (the
 * MiniLM encoder is {@code org.wirecopy.encoder}, which needs ONNX Runtime and the model's jar) and are found through
 * {@link Provider} and {@link java.util.ServiceLoader} by {@link SentenceEncoders#require(String)}, so an app that only
 * classifies with a model without an encoder never loads them.
 *
 * <p>Implementations must be thread-safe, and deterministic: the same text gives the same floats on every call, in
 * every thread and run (a model's scores depend on them).
 */
public interface SentenceEncoder {

    /** {@return the encoder's name as a feature configuration records it, such as {@value FeatureConfig#MINILM}} */
    String name();

    /** {@return the number of values {@link #embed} writes} */
    int dims();

    /**
     * Writes the embedding of one paragraph.
     *
     * @param normalizedText the paragraph's normalised text; not null, may be empty
     * @param out            receives {@link #dims()} values
     * @param offset         where in {@code out} the first value goes
     * @throws IllegalStateException when the encoder fails (the cause says why)
     */
    void embed(String normalizedText, float[] out, int offset);

    /**
     * Makes encoders of one name; registered as a {@link java.util.ServiceLoader} service
     * ({@code META-INF/services/org.wirecopy.features.SentenceEncoder$Provider}). A provider is instantiated by the
     * service loader, so its class must be cheap to load: it loads its encoder's heavy dependencies in {@link #open()}
     * only.
     *
     * <p>Implementations must be thread-safe.
     */
    interface Provider {

        /** {@return the encoder's name, as {@link SentenceEncoder#name()}} */
        String name();

        /**
         * Loads the encoder (once per process: {@link SentenceEncoders} keeps what this returns).
         *
         * @return the encoder
         * @throws IllegalStateException when its dependencies are not on the class path, naming the artifacts to add
         */
        SentenceEncoder open();
    }
}
