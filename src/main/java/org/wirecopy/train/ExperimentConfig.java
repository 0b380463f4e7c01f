package org.wirecopy.train;

import org.wirecopy.corpus.DataConfig;

import java.util.Objects;

/**
 * One JSON file that fixes an experiment: data files and how to read them, the full training configuration (features,
 * network, optimisation, seed) and the number of cross-validation folds. {@code wirecopy init-config} writes every
 * default; {@code train --config} and {@code cross-validate --config} read it. The same configuration and data give the
 * same figures.
 *
 * <p>Immutable and thread-safe.
 *
 * @param data     data files and columns
 * @param training training configuration
 * @param folds    folds for cross-validation, 2..100
 */
public record ExperimentConfig(DataConfig data, TrainingConfig training, int folds) {

    /**
     * Checks the components.
     *
     * @param data     data files and columns; not null
     * @param training training configuration; not null
     * @param folds    folds for cross-validation, 2..100
     * @throws IllegalArgumentException when {@code folds} is out of range
     */
    public ExperimentConfig {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(training, "training");
        if (folds < 2 || folds > 100) throw new IllegalArgumentException("folds must be in 2..100, got " + folds);
    }

    /** {@return every default: the bundled model's data and configuration, 5 folds} */
    public static ExperimentConfig defaults() {
        return new ExperimentConfig(DataConfig.defaults(), TrainingConfig.defaults(), 5);
    }
}
