package org.wirecopy.spark;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wirecopy.classify.Classifier;
import org.wirecopy.model.ModelIO;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The classifiers of one JVM (a Spark executor, or the driver in local mode), keyed by the SHA-256 of the model's
 * bytes: the first task that needs a model reads it from the broadcast bytes, every later task of the JVM shares that
 * {@link Classifier} (which is lock-free and thread-safe).
 *
 * <p>Thread-safe.
 */
final class ExecutorClassifiers {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutorClassifiers.class);
    private static final Map<String, Classifier> CLASSIFIERS = new ConcurrentHashMap<>();
    private static final AtomicInteger LOADS = new AtomicInteger();

    private ExecutorClassifiers() {
    }

    /**
     * The SHA-256 of a model's bytes, in hex: the key of its classifier.
     *
     * @param modelBytes a model file's bytes
     * @return 64 lower-case hexadecimal digits
     */
    static String hash(byte[] modelBytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(modelBytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    /**
     * The classifier of the model with this hash, loaded from {@code bytes} on the first call in this JVM.
     *
     * @param modelHash the model's {@link #hash}
     * @param bytes     gives the model's bytes; called only when this JVM has no classifier for the hash yet
     * @return the JVM's shared classifier of that model
     * @throws UncheckedIOException when the bytes are not a valid model (naming the hash)
     */
    static Classifier get(String modelHash, Supplier<byte[]> bytes) {
        return CLASSIFIERS.computeIfAbsent(modelHash, h -> {
            try {
                Classifier c = new Classifier(ModelIO.fromBytes(bytes.get(), "broadcast model " + h));
                LOADS.incrementAndGet();
                LOG.info("loaded model {} once for this JVM (labels {})", h, c.labels());
                return c;
            } catch (IOException e) {
                throw new UncheckedIOException("broadcast model " + h + " cannot be read: " + e.getMessage(), e);
            }
        });
    }

    /** {@return how many models this JVM has loaded (one per distinct model, however many tasks ran)} */
    static int loads() {
        return LOADS.get();
    }
}
