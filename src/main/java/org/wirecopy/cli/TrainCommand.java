package org.wirecopy.cli;

import org.wirecopy.corpus.Corpus;
import org.wirecopy.features.FeatureConfig;
import org.wirecopy.model.Model;
import org.wirecopy.model.ModelIO;
import org.wirecopy.network.Architecture;
import org.wirecopy.network.NetworkConfig;
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

    private static final TrainingConfig D = TrainingConfig.defaults();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, split = ",", paramLabel = "TRAIN",
            description = "Training data file(s): JSONL, TSV or CSV (comma-separated or repeated).")
    List<Path> data;

    @Option(names = "--dev", split = ",", paramLabel = "DEV",
            description = "Dev data to pick the best epoch on. Default: none (all epochs, keep the last).")
    List<Path> dev;

    @Option(names = "--out", required = true, paramLabel = "MODEL", description = "Where to write the model file.")
    Path out;

    @Mixin
    DataOptions dataOptions;

    @Option(names = "--seed", paramLabel = "N", description = "Root random seed. Default: ${DEFAULT-VALUE}.")
    long seed = D.seed();

    @Option(names = "--epochs", paramLabel = "N", description = "Maximum epochs. Default: ${DEFAULT-VALUE}.")
    int epochs = D.epochs();

    @Option(names = "--patience", paramLabel = "N",
            description = "Stop after N epochs without a better dev macro-F1. Default: ${DEFAULT-VALUE}.")
    int patience = D.patience();

    @Option(names = "--batch-size", paramLabel = "N", description = "Articles per mini-batch. Default: ${DEFAULT-VALUE}.")
    int batchSize = D.batchSize();

    @Option(names = "--learning-rate", paramLabel = "LR", description = "Adam learning rate. Default: ${DEFAULT-VALUE}.")
    double learningRate = D.learningRate();

    @Option(names = "--l2", paramLabel = "X", description = "L2 weight penalty. Default: ${DEFAULT-VALUE}.")
    double l2 = D.l2();

    @Option(names = "--crop", paramLabel = "P",
            description = "Chance per article and epoch of training on a random part of it. Default: ${DEFAULT-VALUE}.")
    double crop = D.cropProbability();

    @Option(names = "--architecture", paramLabel = "ARCH",
            description = "Network: BILSTM (sequence over the article's paragraphs) or MLP (per paragraph). "
                    + "Default: ${DEFAULT-VALUE}.")
    Architecture architecture = D.network().architecture();

    @Option(names = "--hidden", paramLabel = "N", description = "Paragraph encoding size. Default: ${DEFAULT-VALUE}.")
    int hidden = D.network().hidden();

    @Option(names = "--recurrent", paramLabel = "N", description = "LSTM size per direction. Default: ${DEFAULT-VALUE}.")
    int recurrent = D.network().recurrent();

    @Option(names = "--input-dropout", paramLabel = "P", description = "Input dropout. Default: ${DEFAULT-VALUE}.")
    double inputDropout = D.network().inputDropout();

    @Option(names = "--dropout", paramLabel = "P", description = "Dropout before the output layer. Default: ${DEFAULT-VALUE}.")
    double dropout = D.network().dropout();

    @Option(names = "--hash-bits", paramLabel = "N", description = "log2 of n-gram buckets. Default: ${DEFAULT-VALUE}.")
    int hashBits = D.features().hashBits();

    @Option(names = "--ngrams", paramLabel = "N", description = "Longest word n-gram. Default: ${DEFAULT-VALUE}.")
    int ngrams = D.features().maxNgram();

    @Option(names = "--window", paramLabel = "N",
            description = "Neighbours on each side whose cues are copied in. Default: ${DEFAULT-VALUE}.")
    int window = D.features().window();

    @Option(names = "--contrast", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Add each cue's difference from its article mean (--no-contrast to leave out). "
                    + "Default: ${DEFAULT-VALUE}.")
    boolean contrast;

    TrainingConfig config() {
        FeatureConfig f = new FeatureConfig(FeatureConfig.CURRENT_VERSION, hashBits, ngrams, window, contrast,
                D.features().maxChars());
        NetworkConfig n = new NetworkConfig(architecture, hidden, recurrent, inputDropout, dropout);
        return TrainingConfig.builder().features(f).network(n).seed(seed).epochs(epochs).batchSize(batchSize)
                .learningRate(learningRate).l2(l2).patience(patience).cropProbability(crop).build();
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        TrainingConfig config = config();
        Corpus train = dataOptions.read(data);
        Corpus devCorpus = dev == null || dev.isEmpty() ? null : dataOptions.read(dev);
        err.printf(Locale.ROOT, "training on %s: %d articles, %d paragraphs, labels %s%n", train.name(),
                train.articles().size(), train.paragraphCount(), train.labelCounts());
        long t0 = System.nanoTime();
        Model model = new Trainer(config).onProgress(p -> {
            err.printf(Locale.ROOT, "epoch %d/%d  loss %.4f%s%n", p.epoch(), p.maxEpochs(), p.loss(),
                    Double.isNaN(p.devMacroF1()) ? "" : String.format(Locale.ROOT, "  dev macro-F1 %.4f",
                            p.devMacroF1()));
            err.flush();
        }).train(train, devCorpus);
        ModelIO.save(model, out);
        err.printf(Locale.ROOT, "trained in %.1f s; kept epoch %d%s; wrote %s%n", (System.nanoTime() - t0) / 1e9,
                model.provenance().bestEpoch(), model.provenance().devMetrics().isEmpty() ? ""
                        : String.format(Locale.ROOT, " (dev macro-F1 %.4f)",
                        model.provenance().devMetrics().get("macroF1")), out);
        return ExitCodes.OK;
    }
}
