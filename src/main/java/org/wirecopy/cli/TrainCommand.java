package org.wirecopy.cli;

import org.wirecopy.corpus.Corpus;
import org.wirecopy.corpus.CorpusFormatException;
import org.wirecopy.corpus.CorpusOptions;
import org.wirecopy.corpus.DataProblem;
import org.wirecopy.features.StaticVectors;
import org.wirecopy.io.SafeFiles;
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

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        List<Path> inputs = Outputs.list(trainFiles, config, furniture, vectors);
        inputs.addAll(devFiles);
        Outputs.check(inputs, "--out", out);
        // the small inputs first, so that a bad one fails before the corpus is read
        org.wirecopy.train.Furniture library = furniture == null ? org.wirecopy.train.Furniture.NONE
                : org.wirecopy.train.Furniture.read(furniture);
        StaticVectors vec = null;
        if (vectors != null) {
            vec = readVectors(vectors);
            tc = tc.toBuilder().features(tc.features().withVersion(org.wirecopy.features.FeatureConfig.V3)).build();
        }
        Corpus train = dataOptions.read(trainFiles, options);
        Corpus devCorpus = devFiles.isEmpty() ? null : dataOptions.read(devFiles, options);
        err.printf(Locale.ROOT, "training on %s: %d articles, %d paragraphs, labels %s%n", train.name(),
                train.articles().size(), train.paragraphCount(), train.labelCounts());
        long t0 = System.nanoTime();
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
        Map<String, Double> dm = model.provenance().devMetrics();
        String decision = "";
        if (!model.decision().isNone()) {
            StringBuilder d = new StringBuilder("; decision fitted on dev: ").append(DecisionText.rule(model));
            d.append(String.format(Locale.ROOT, " (dev macro-F1 %.4f by the highest score",
                    dm.getOrDefault("macroF1.argmax", Double.NaN)));
            if (dm.containsKey("macroF1.crossFitted")) {
                d.append(String.format(Locale.ROOT, ", %.4f with thresholds fitted on the other folds of dev",
                        dm.get("macroF1.crossFitted")));
            }
            d.append(')');
            decision = d.toString();
        }
        err.printf(Locale.ROOT, "trained in %.1f s; kept epoch %d%s%s; wrote %s%n", (System.nanoTime() - t0) / 1e9,
                model.provenance().bestEpoch(), dm.isEmpty() ? ""
                        : String.format(Locale.ROOT, " (dev macro-F1 %.4f)", dm.get("macroF1")), decision, out);
        return ExitCodes.OK;
    }

    /**
     * Reads {@code --vectors}: at most {@link StaticVectors#MAX_BYTES} (counted as read), and a malformed file is a
     * data error that names it, the byte offset and the fix.
     */
    static StaticVectors readVectors(Path file) throws IOException {
        return readVectors(file, StaticVectors.MAX_BYTES);
    }

    /** {@link #readVectors(Path)} with another limit (for tests). */
    static StaticVectors readVectors(Path file, long maxBytes) throws IOException {
        byte[] bytes = SafeFiles.readBounded(file, maxBytes, "--vectors file", "a vectors file holds "
                + "one small vector per WordPiece token (training-data/minilm-vectors.bin is 2.5 MB); give a file "
                + "written by org.wirecopy.distill.Distill, with fewer --dims if it must be smaller");
        try {
            return StaticVectors.read(bytes);
        } catch (IllegalArgumentException e) {
            throw new CorpusFormatException(List.of(new DataProblem(file.toString(), 0, "", e.getMessage(),
                    "give a file written by org.wirecopy.distill.Distill (e.g. training-data/minilm-vectors.bin), "
                            + "or write it again")));
        }
    }
}
