package org.wirecopy.cli;

import org.wirecopy.corpus.Corpus;
import org.wirecopy.corpus.CorpusOptions;
import org.wirecopy.model.Model;
import org.wirecopy.model.ModelIO;
import org.wirecopy.train.ConfigIO;
import org.wirecopy.train.ExperimentConfig;
import org.wirecopy.train.Trainer;
import org.wirecopy.train.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code train}: trains a model from labelled data. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a model on labelled data and save it.",
                "Reproducible bit for bit with the same data, options and seed when run with OMP_NUM_THREADS=1."})
final class TrainCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ProgressOption progress = new ProgressOption();

    @Option(names = "--data", split = ",", paramLabel = "TRAIN",
            description = "Training data file(s): JSONL, TSV or CSV (comma-separated or repeated). "
                    + "Default: data.train of --config.")
    List<Path> data;

    @Option(names = "--furniture", paramLabel = "FILE",
            description = "Page furniture library (JSONL, e.g. training-data/furniture.jsonl) placed around "
                    + "training articles to simulate whole web pages (see --page). Default: none.")
    Path furniture;

    @Option(names = "--vectors", paramLabel = "FILE",
            description = "Static word vectors (e.g. training-data/minilm-vectors.bin, distilled from "
                    + "all-MiniLM-L6-v2): adds a paragraph vector to the features (feature set "
                    + "wirecopy.features.v3" + ") and ships the vectors inside the model. Default: none.")
    Path vectors;

    @Option(names = "--dev", split = ",", paramLabel = "DEV",
            description = "Dev data to pick the best epoch on. Default: data.dev of --config, else none "
                    + "(all epochs, keep the last).")
    List<Path> dev;

    @Option(names = "--out", required = true, paramLabel = "MODEL", description = "Where to write the model file.")
    Path out;

    @Option(names = "--config", paramLabel = "JSON",
            description = "Experiment configuration (see init-config); options given here override it.")
    Path config;

    @Mixin
    DataOptions dataOptions;

    @Mixin
    TrainingOptions trainingOptions;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        ExperimentConfig exp = config == null ? null : ConfigIO.read(config);
        TrainingConfig tc = trainingOptions.resolve(exp == null ? null : exp.training());
        CorpusOptions options = dataOptions.options(exp == null ? null : exp.data());
        List<Path> trainFiles = data != null ? data : exp == null ? List.of()
                : exp.data().train().stream().map(Path::of).toList();
        if (trainFiles.isEmpty()) throw new IllegalArgumentException("no training data: give --data or --config");
        List<Path> devFiles = dev != null ? dev : exp == null ? List.of()
                : exp.data().dev().stream().map(Path::of).toList();
        List<Path> inputs = Outputs.list(trainFiles, config);
        inputs.addAll(devFiles);
        Outputs.check(inputs, "--out", out);
        Corpus train = dataOptions.read(trainFiles, options);
        Corpus devCorpus = devFiles.isEmpty() ? null : dataOptions.read(devFiles, options);
        err.printf(Locale.ROOT, "training on %s: %d articles, %d paragraphs, labels %s%n", train.name(),
                train.articles().size(), train.paragraphCount(), train.labelCounts());
        long t0 = System.nanoTime();
        org.wirecopy.train.Furniture library = furniture == null ? org.wirecopy.train.Furniture.NONE
                : org.wirecopy.train.Furniture.read(furniture);
        org.wirecopy.features.StaticVectors vec = null;
        if (vectors != null) {
            vec = org.wirecopy.features.StaticVectors.read(java.nio.file.Files.readAllBytes(vectors));
            tc = tc.toBuilder().features(tc.features().withVersion(org.wirecopy.features.FeatureConfig.V3)).build();
        }
        Model model;
        try (ProgressDisplay bar = progress.open(err, "train", tc.epochs(), "epochs")) {
            model = new Trainer(tc).withFurniture(library).withVectors(vec).onProgress(p -> {
                String dev = Double.isNaN(p.devMacroF1()) ? ""
                        : String.format(Locale.ROOT, "  dev macro-F1 %.4f", p.devMacroF1());
                if (bar.active()) {
                    bar.extra(String.format(Locale.ROOT, "loss %.4f%s", p.loss(), dev));
                    bar.stepTo(p.epoch());
                    return;
                }
                err.printf(Locale.ROOT, "epoch %d/%d  loss %.4f%s%n", p.epoch(), p.maxEpochs(), p.loss(), dev);
                err.flush();
            }).train(train, devCorpus);
        }
        ModelIO.save(model, out);
        err.printf(Locale.ROOT, "trained in %.1f s; kept epoch %d%s; wrote %s%n", (System.nanoTime() - t0) / 1e9,
                model.provenance().bestEpoch(), model.provenance().devMetrics().isEmpty() ? ""
                        : String.format(Locale.ROOT, " (dev macro-F1 %.4f)",
                        model.provenance().devMetrics().get("macroF1")), out);
        return ExitCodes.OK;
    }
}
