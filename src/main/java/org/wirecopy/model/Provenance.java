package org.wirecopy.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where a model comes from: enough to retrain it and to compare it with another. Holds no timestamps, so that the same
 * data, configuration and seed give a byte-identical model file.
 *
 * <p>Immutable and thread-safe.
 *
 * @param wirecopyVersion  release that trained it
 * @param dl4jVersion      Deeplearning4j version used for training
 * @param javaVersion      Java runtime version used for training
 * @param os               operating system and architecture used for training
 * @param seed             root random seed
 * @param trainingData     name of the training data (file names)
 * @param trainingDataSha256 SHA-256 of the training data content (see {@code Corpus.sha256()})
 * @param trainingArticles number of training articles
 * @param trainingParagraphs number of training paragraphs
 * @param devData          name of the dev data, or empty
 * @param devDataSha256    SHA-256 of the dev data content, or empty
 * @param bestEpoch        epoch whose weights were kept
 * @param devMetrics       dev-set figures of the kept weights (accuracy, macro-F1, per-label F1), empty without dev
 * @param trainingConfig   the full training configuration as JSON
 */
public record Provenance(String wirecopyVersion, String dl4jVersion, String javaVersion, String os, long seed,
                         String trainingData, String trainingDataSha256, int trainingArticles,
                         int trainingParagraphs, String devData, String devDataSha256, int bestEpoch,
                         Map<String, Double> devMetrics, String trainingConfig) {

    /**
     * Checks that no string or map is null, and copies the dev metrics into an unmodifiable map that keeps their
     * order.
     *
     * @param wirecopyVersion    release that trained it
     * @param dl4jVersion        Deeplearning4j version used for training
     * @param javaVersion        Java runtime version used for training
     * @param os                 operating system and architecture used for training
     * @param seed               root random seed
     * @param trainingData       name of the training data
     * @param trainingDataSha256 SHA-256 of the training data content
     * @param trainingArticles   number of training articles
     * @param trainingParagraphs number of training paragraphs
     * @param devData            name of the dev data, or empty
     * @param devDataSha256      SHA-256 of the dev data content, or empty
     * @param bestEpoch          epoch whose weights were kept
     * @param devMetrics         dev-set figures of the kept weights, empty without dev
     * @param trainingConfig     the full training configuration as JSON
     */
    public Provenance {
        Objects.requireNonNull(wirecopyVersion, "wirecopyVersion");
        Objects.requireNonNull(dl4jVersion, "dl4jVersion");
        Objects.requireNonNull(javaVersion, "javaVersion");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(trainingData, "trainingData");
        Objects.requireNonNull(trainingDataSha256, "trainingDataSha256");
        Objects.requireNonNull(devData, "devData");
        Objects.requireNonNull(devDataSha256, "devDataSha256");
        devMetrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(
                Objects.requireNonNull(devMetrics, "devMetrics")));
        Objects.requireNonNull(trainingConfig, "trainingConfig");
    }
}
