package org.wirecopy.cli;

import org.wirecopy.corpus.Corpus;
import org.wirecopy.eval.Folds;
import org.wirecopy.train.ConfigIO;
import org.wirecopy.train.ExperimentConfig;
import org.wirecopy.train.TrainingConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Data, folds and training options shared by cross-validate and baselines. */
final class ExperimentSetup {

    @Option(names = "--data", split = ",", paramLabel = "FILE",
            description = "Labelled data to cross-validate on. Default: data.train of --config.")
    List<Path> data;

    @Option(names = "--config", paramLabel = "JSON",
            description = "Experiment configuration (see init-config); options given here override it.")
    Path config;

    @Option(names = "--folds", paramLabel = "K", description = "Number of folds. Default: folds of --config, else 5.")
    Integer folds;

    @Option(names = "--folds-in", paramLabel = "TSV",
            description = "Reuse a fold assignment written by --folds-out instead of making one.")
    Path foldsIn;

    @Option(names = "--folds-out", paramLabel = "TSV", description = "Write the fold assignment (article_id, fold).")
    Path foldsOut;

    @Option(names = "--report-json", paramLabel = "OUT", description = "Write every figure (per fold, mean, std) as JSON.")
    Path reportJson;

    @Option(names = "--report-dir", paramLabel = "DIR",
            description = "Write report.json, report.md and PNG plots of the pooled folds into DIR "
                    + "(baselines: DIR/<learner>/).")
    Path reportDir;

    @Mixin
    DataOptions dataOptions;

    @Mixin
    TrainingOptions trainingOptions;

    /** Everything an experiment verb needs, resolved from the options and --config. */
    record Prepared(TrainingConfig training, Corpus corpus, Folds folds) {
    }

    /** Refuses outputs that are inputs, directories, FIFOs or devices, before any work. */
    void checkOutputs() throws IOException {
        Outputs.check(Outputs.list(data, config, foldsIn), "--folds-out", foldsOut, "--report-json", reportJson);
        Outputs.checkDirectory("--report-dir", reportDir);
    }

    Prepared prepare() throws IOException {
        ExperimentConfig exp = experiment();
        TrainingConfig tc = training(exp);
        Corpus corpus = corpus(exp);
        return new Prepared(tc, corpus, folds(corpus, exp, tc.seed()));
    }

    ExperimentConfig experiment() throws IOException {
        return config == null ? null : ConfigIO.read(config);
    }

    TrainingConfig training(ExperimentConfig exp) {
        return trainingOptions.resolve(exp == null ? null : exp.training());
    }

    Corpus corpus(ExperimentConfig exp) throws IOException {
        List<Path> files = data != null ? data : exp == null ? List.of()
                : exp.data().train().stream().map(Path::of).toList();
        if (files.isEmpty()) throw new IllegalArgumentException("no data: give --data or --config");
        return dataOptions.read(files, dataOptions.options(exp == null ? null : exp.data()));
    }

    /** The folds (made with the training seed, or read from --folds-in), written to --folds-out. */
    Folds folds(Corpus corpus, ExperimentConfig exp, long seed) throws IOException {
        Folds f;
        if (foldsIn != null) {
            String tsv = org.wirecopy.io.SafeFiles.readString(foldsIn, 256L << 20, "--folds-in file",
                    "a fold assignment lists article ids; give the file written by --folds-out");
            try {
                f = Folds.fromTsv(tsv, seed);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--folds-in " + foldsIn + " is not a usable fold assignment ("
                        + e.getMessage() + "); give the file written by --folds-out", e);
            }
        } else {
            int k = folds != null ? folds : exp != null ? exp.folds() : 5;
            f = Folds.of(corpus, k, seed);
        }
        if (foldsOut != null) org.wirecopy.io.SafeFiles.writeAtomically(foldsOut, f.toTsv());
        return f;
    }
}
