package org.wirecopy.cli;

import org.wirecopy.classify.Classifier;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/** {@code --model}: a model file, or the bundled default model. */
final class ModelOption {

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL",
            description = "Model file from 'wirecopy train'. Default: the bundled model.")
    Path model;

    Classifier classifier() throws IOException {
        return model == null ? Classifier.bundled() : Classifier.load(model);
    }
}
