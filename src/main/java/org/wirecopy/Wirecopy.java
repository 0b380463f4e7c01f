package org.wirecopy;

import org.wirecopy.classify.ClassifiedArticle;
import org.wirecopy.classify.Classifier;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Entry point: the bundled default classifier in one call.
 *
 * <pre>{@code
 * ClassifiedArticle result = Wirecopy.classifier().classify(text);
 * }</pre>
 *
 * <p>Thread-safe: every method may be called from any thread, and the returned classifier is shared.
 */
public final class Wirecopy {

    private Wirecopy() {
    }

    /**
     * The classifier of the bundled default model, loaded on first use and shared.
     *
     * @deprecated use {@link Classifier#bundled()}, which throws no checked exception
     */
    @Deprecated
    public static Classifier classifier() throws IOException {
        return Classifier.bundled();
    }

    /** The classifier of the bundled default model, loaded on first use and shared (no checked exception). */
    public static Classifier bundled() {
        return Classifier.bundled();
    }

    /** A classifier for a model file trained by {@code wirecopy train}. */
    public static Classifier classifier(Path modelFile) throws IOException {
        return Classifier.load(modelFile);
    }

    /** Classifies text or HTML with the bundled model. */
    public static ClassifiedArticle classify(String textOrHtml) throws IOException {
        return classifier().classify(textOrHtml);
    }
}
