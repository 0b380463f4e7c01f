package org.wirecopy.cli;

import org.wirecopy.corpus.Corpus;
import org.wirecopy.eval.CrossValidation;
import org.wirecopy.eval.CrossValidator;
import org.wirecopy.eval.Evaluation;
import org.wirecopy.eval.Folds;
import org.wirecopy.eval.report.DataDescription;
import org.wirecopy.eval.report.JsonReport;
import org.wirecopy.eval.report.ReportWriter;
import org.wirecopy.model.Provenance;
import org.wirecopy.model.Versions;
import org.wirecopy.train.NetworkLearner;
import org.wirecopy.train.Trainer;
import org.wirecopy.train.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;

/** {@code cross-validate}: k-fold cross-validation of the network, grouped by article. */
@Command(name = "cross-validate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"k-fold cross-validation of the network: folds grouped by article, stratified by label, seeded.",
                "Each fold's model picks its epoch on a held-out 10%% of its own training articles."})
final class CrossValidateCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ProgressOption progress = new ProgressOption();

    @Mixin
    ExperimentSetup setup;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        setup.checkOutputs();
        ExperimentSetup.Prepared run = setup.prepare();
        TrainingConfig tc = run.training();
        Corpus corpus = run.corpus();
        Folds folds = run.folds();
        long started = System.nanoTime();
        long[] lastEpochLine = {System.nanoTime()};
        int[] fold = {0};
        int epochs = tc.epochs();
        CrossValidation cv;
        try (ProgressDisplay bar = progress.open(err, "cross-validate", (long) folds.k() * epochs, "epochs")) {
            NetworkLearner learner = new NetworkLearner(tc, 0.1).withProgress(p -> {
                String dev = Double.isNaN(p.devMacroF1()) ? ""
                        : String.format(Locale.ROOT, "  inner-dev macro-F1 %.4f", p.devMacroF1());
                if (bar.active()) {
                    bar.extra(String.format(Locale.ROOT, "fold %d/%d  epoch %d/%d  loss %.4f%s", fold[0] + 1,
                            folds.k(), p.epoch(), p.maxEpochs(), p.loss(), dev));
                    bar.stepTo((long) fold[0] * epochs + p.epoch());
                    return;
                }
                long now = System.nanoTime();
                if (now - lastEpochLine[0] < 5_000_000_000L && p.epoch() != p.maxEpochs()) return;
                lastEpochLine[0] = now;
                err.printf(Locale.ROOT, "  epoch %d/%d  loss %.4f%s%n", p.epoch(), p.maxEpochs(), p.loss(), dev);
                err.flush();
            });
            cv = CrossValidator.run(learner, corpus, folds,
                    f -> {
                        fold[0] = f;
                        if (bar.active()) {
                            // a fold that stopped early still counts its epochs as done
                            bar.stepTo((long) f * epochs);
                            bar.extra(String.format(Locale.ROOT, "fold %d/%d", f + 1, folds.k()));
                            return;
                        }
                        err.print(foldLine(f, folds.k(), (System.nanoTime() - started) / 1e9));
                        err.flush();
                    });
        }
        out.print(table(cv));
        out.flush();
        Provenance provenance = configProvenance(tc, corpus);
        DataDescription described = DataDescription.of(corpus);
        if (setup.reportJson != null) {
            org.wirecopy.io.SafeFiles.writeAtomically(setup.reportJson,
                    JsonReport.crossValidation(cv, provenance, described));
        }
        if (setup.reportDir != null) {
            for (Path p : ReportWriter.write(cv, provenance, described, setup.reportDir)) err.println("wrote " + p);
        }
        return ExitCodes.OK;
    }

    /** {@code fold i/k}, with the time so far and an ETA from the folds done (plain lines, for logs and pipes). */
    static String foldLine(int fold, int k, double elapsedSeconds) {
        if (fold == 0) return String.format(Locale.ROOT, "fold 1/%d%n", k);
        double perFold = elapsedSeconds / fold;
        return String.format(Locale.ROOT, "fold %d/%d  (%.0f s so far, %.0f s per fold, ETA %.0f s)%n", fold + 1, k,
                elapsedSeconds, perFold, perFold * (k - fold));
    }

    /** What a cross-validation run was: its configuration, seed, data and versions (no single model exists). */
    static Provenance configProvenance(TrainingConfig tc, Corpus corpus) {
        return new Provenance(Versions.wirecopy(), Versions.dl4j(), Versions.java(), Versions.os(), tc.seed(),
                corpus.name(), corpus.sha256(), corpus.articles().size(), corpus.paragraphCount(), "", "", 0,
                Map.of(), Trainer.toJson(tc));
    }

    /** One row per figure: each fold's value, then mean ± std. */
    static String table(CrossValidation cv) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s, %d folds (seed %d)%n", cv.name(), cv.folds().k(), cv.folds().seed()));
        b.append(String.format(Locale.ROOT, "%-34s", "figure"));
        for (int f = 0; f < cv.folds().k(); f++) b.append(String.format(Locale.ROOT, " %7s", "fold" + f));
        b.append("   mean ± std").append(System.lineSeparator());
        for (Map.Entry<String, ToDoubleFunction<Evaluation>> e : cv.metrics().entrySet()) {
            b.append(String.format(Locale.ROOT, "%-34s", e.getKey()));
            for (Evaluation ev : cv.perFold()) {
                b.append(String.format(Locale.ROOT, " %7.4f", e.getValue().applyAsDouble(ev)));
            }
            b.append(String.format(Locale.ROOT, "   %.4f ± %.4f%n", cv.mean(e.getValue()), cv.std(e.getValue())));
        }
        return b.toString();
    }
}
