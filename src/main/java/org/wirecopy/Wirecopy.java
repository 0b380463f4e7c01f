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
     * @return the shared classifier
     * @throws IOException when the bundled model is missing or unreadable (a broken build)
     * @deprecated use {@link Classifier#bundled()}, which throws no checked exception
     */
    @Deprecated
    public static Classifier classifier() throws IOException {
        return Classifier.bundled();
    }

    /**
     * The classifier of the bundled default model, loaded on first use and shared (no checked exception).
     *
     * @return the shared classifier
     * @throws java.io.UncheckedIOException when the bundled model is missing or unreadable (a broken build)
     */
    public static Classifier bundled() {
        return Classifier.bundled();
    }

    /**
     * A classifier for a model file trained by {@code wirecopy train}; the file is read now, each call anew.
     *
     * @param modelFile the model file
     * @return a new classifier for that model
     * @throws IOException when the file cannot be read or is not a valid model
     *                     ({@link org.wirecopy.model.ModelFormatException})
     */
    public static Classifier classifier(Path modelFile) throws IOException {
        return Classifier.load(modelFile);
    }

    /**
     * Classifies text or HTML with the bundled model (the format is detected).
     *
     * @param textOrHtml an article as plain text or an HTML page
     * @return every paragraph with its label and scores
     * @throws IOException when the bundled model is missing or unreadable (a broken build)
     * @throws org.wirecopy.text.ArticleInputException when the input is over a size limit of
     *                                                 {@link org.wirecopy.text.ArticleReader}
     */
    public static ClassifiedArticle classify(String textOrHtml) throws IOException {
        return classifier().classify(textOrHtml);
    }
}
