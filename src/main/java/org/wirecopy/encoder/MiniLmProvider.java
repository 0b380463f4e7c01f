package org.wirecopy.encoder;

import org.wirecopy.features.FeatureConfig;
import org.wirecopy.features.MiniLmJar;
import org.wirecopy.features.SentenceEncoder;
import org.wirecopy.features.SentenceEncoders;

/**
 * The {@link SentenceEncoder.Provider} of {@value FeatureConfig#MINILM} ({@link MiniLmEncoder}), registered in
 * {@code META-INF/services}. Loading this class loads no ONNX Runtime class: {@link #open()} does, and turns their
 * absence into the error that names the artifact to add.
 *
 * <p>Thread-safe (stateless).
 */
public final class MiniLmProvider implements SentenceEncoder.Provider {

    /** For {@link java.util.ServiceLoader}. */
    public MiniLmProvider() {
    }

    @Override
    public String name() {
        return FeatureConfig.MINILM;
    }

    @Override
    public SentenceEncoder open() {
        try {
            Class.forName("ai.onnxruntime.OrtEnvironment", false, MiniLmProvider.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw SentenceEncoders.missing(name(), "ONNX Runtime is not on the class path", e);
        }
        if (MiniLmProvider.class.getClassLoader().getResource(MiniLmJar.MODEL) == null) {
            throw SentenceEncoders.missing(name(), MiniLmJar.MODEL + " is not on the class path", null);
        }
        return MiniLmEncoder.load();
    }
}
