package org.wirecopy.model;

import org.wirecopy.features.FeatureConfig;
import org.wirecopy.network.NetworkConfig;
import org.wirecopy.network.NetworkWeights;

import org.wirecopy.features.StaticVectors;

import java.util.List;
import java.util.Objects;

/**
 * A trained model: its labels, the feature and network configuration it was trained with, the network weights, the
 * DL4J graph configuration (as JSON, for reference and inspection only; it is never deserialised) and provenance.
 * Saved and loaded by {@link ModelIO}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param labels          the label set, in score order
 * @param features        feature configuration
 * @param network         network configuration
 * @param weights         trained parameters
 * @param dl4jConfiguration the Deeplearning4j graph configuration JSON the weights were trained in
 * @param provenance      where the model comes from
 * @param vectors         static word vectors of the features ({@code features/vectors.bin}), or null when the feature
 *                        set has none
 * @param decision        how scores become labels: {@link DecisionBiases#NONE} (the highest score) unless the model
 *                        was trained with {@code --fit-thresholds}
 */
public record Model(List<String> labels, FeatureConfig features, NetworkConfig network, NetworkWeights weights,
                    String dl4jConfiguration, Provenance provenance, StaticVectors vectors, DecisionBiases decision) {

    /**
     * A model whose features have no static word vectors.
     *
     * @param labels            the label set, in score order: at least two, distinct
     * @param features          feature configuration, with no word vectors; not null
     * @param network           network configuration; not null
     * @param weights           trained parameters; not null
     * @param dl4jConfiguration the Deeplearning4j graph configuration JSON; not null
     * @param provenance        where the model comes from; not null
     * @throws IllegalArgumentException when the labels are fewer than two or repeated, or the features need vectors
     */
    public Model(List<String> labels, FeatureConfig features, NetworkConfig network, NetworkWeights weights,
                 String dl4jConfiguration, Provenance provenance) {
        this(labels, features, network, weights, dl4jConfiguration, provenance, null);
    }

    /**
     * A model that labels each paragraph with its highest score ({@link DecisionBiases#NONE}).
     *
     * @param labels            the label set, in score order: at least two, distinct
     * @param features          feature configuration; not null
     * @param network           network configuration; not null
     * @param weights           trained parameters; not null
     * @param dl4jConfiguration the Deeplearning4j graph configuration JSON; not null
     * @param provenance        where the model comes from; not null
     * @param vectors           static word vectors of {@link FeatureConfig#vectorDims()} dimensions when the features
     *                          have them, else null
     * @throws IllegalArgumentException when the labels are fewer than two or repeated, or the vectors do not fit the
     *                                  features
     */
    public Model(List<String> labels, FeatureConfig features, NetworkConfig network, NetworkWeights weights,
                 String dl4jConfiguration, Provenance provenance, StaticVectors vectors) {
        this(labels, features, network, weights, dl4jConfiguration, provenance, vectors, DecisionBiases.NONE);
    }

    /**
     * Checks the components and copies the labels into an immutable list.
     *
     * @param labels            the label set, in score order: at least two, distinct
     * @param features          feature configuration; not null
     * @param network           network configuration; not null
     * @param weights           trained parameters; not null
     * @param dl4jConfiguration the Deeplearning4j graph configuration JSON; not null
     * @param provenance        where the model comes from; not null
     * @param vectors           static word vectors of {@link FeatureConfig#vectorDims()} dimensions when the features
     *                          have them, else null
     * @param decision          how scores become labels; not null ({@link DecisionBiases#NONE} for the highest score)
     * @throws IllegalArgumentException when the labels are fewer than two or repeated, the vectors do not fit the
     *                                  features, or the decision biases are not one per label
     */
    public Model {
        labels = List.copyOf(Objects.requireNonNull(labels, "labels"));
        if (labels.size() < 2) throw new IllegalArgumentException("a model needs at least two labels, got " + labels);
        if (labels.stream().distinct().count() != labels.size()) {
            throw new IllegalArgumentException("duplicate labels in " + labels);
        }
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(dl4jConfiguration, "dl4jConfiguration");
        Objects.requireNonNull(provenance, "provenance");
        if ((features.vectorDims() > 0) != (vectors != null)) {
            throw new IllegalArgumentException("features " + features.version() + (vectors == null
                    ? " need static word vectors, and the model has none" : " have no word vectors, yet some were given"));
        }
        if (vectors != null && vectors.dims() != features.vectorDims()) {
            throw new IllegalArgumentException("features " + features.version() + " need " + features.vectorDims()
                    + "-dimensional vectors, the model has " + vectors.dims());
        }
        Objects.requireNonNull(decision, "decision");
        if (!decision.isNone() && decision.size() != labels.size()) {
            throw new IllegalArgumentException("decision biases are for " + decision.size() + " labels, the model has "
                    + labels.size() + " " + labels);
        }
    }

    /**
     * This model with another decision rule; everything else is shared.
     *
     * @param d the decision biases; not null ({@link DecisionBiases#NONE} for the highest score)
     * @return a new model
     * @throws IllegalArgumentException when the biases are not one per label
     */
    public Model withDecision(DecisionBiases d) {
        return new Model(labels, features, network, weights, dl4jConfiguration, provenance, vectors, d);
    }
}
