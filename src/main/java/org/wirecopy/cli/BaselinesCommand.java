package org.wirecopy.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.wirecopy.baseline.CueRulesBaseline;
import org.wirecopy.baseline.LogisticRegressionBaseline;
import org.wirecopy.baseline.MajorityBaseline;
import org.wirecopy.baseline.NaiveBayesBaseline;
import org.wirecopy.corpus.Corpus;
import org.wirecopy.eval.CrossValidation;
import org.wirecopy.eval.CrossValidator;
import org.wirecopy.eval.Evaluation;
import org.wirecopy.eval.Folds;
import org.wirecopy.eval.Learner;
import org.wirecopy.train.NetworkLearner;
import org.wirecopy.train.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;

/** {@code baselines}: the network beside simple baselines, on the same folds, in one table. */
@Command(name = "baselines", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Cross-validate, on the same folds: the majority label, hand-written cue rules, multinomial "
                + "Naive Bayes and logistic regression on the same features, and the network; print one table."})
final class BaselinesCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ExperimentSetup setup;

    /** The chart of every learner side by side that {@code --report-dir} holds. */
    static final String BASELINES_PLOT = "baselines.png";

    @Option(names = "--skip-network", description = "Leave the network out (the baselines take seconds).")
    boolean skipNetwork;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        setup.checkOutputs();
        ExperimentSetup.Prepared run = setup.prepare();
        TrainingConfig tc = run.training();
        Corpus corpus = run.corpus();
        Folds folds = run.folds();
        List<Learner> learners = new ArrayList<>(List.of(new MajorityBaseline()));
        if (corpus.labels().equals(org.wirecopy.corpus.Corpus.STANDARD_LABELS)) learners.add(new CueRulesBaseline());
        learners.add(new NaiveBayesBaseline(tc.features(), 1.0));
        learners.add(new LogisticRegressionBaseline(tc.features(), 10, 0.1, 1e-6, tc.seed()));
        if (!skipNetwork) learners.add(new NetworkLearner(tc, 0.1));
        List<CrossValidation> results = new ArrayList<>();
        for (Learner l : learners) {
            results.add(CrossValidator.run(l, corpus, folds,
                    f -> err.printf(Locale.ROOT, "%s: fold %d/%d%n", l.name(), f + 1, folds.k())));
        }
        out.print(table(results));
        out.flush();
        if (setup.reportJson != null) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("data", corpus.name());
            report.put("dataSha256", corpus.sha256());
            List<Object> all = new ArrayList<>();
            for (CrossValidation cv : results) all.add(cv.summary());
            report.put("learners", all);
            org.wirecopy.io.SafeFiles.writeAtomically(setup.reportJson,
                    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(report));
        }
        if (setup.reportDir != null) {
            var provenance = CrossValidateCommand.configProvenance(tc, corpus);
            var described = org.wirecopy.eval.report.DataDescription.of(corpus);
            for (CrossValidation cv : results) {
                org.wirecopy.eval.report.ReportWriter.write(cv, provenance, described, setup.reportDir.resolve(cv.name()));
            }
            Path chart = setup.reportDir.resolve(BASELINES_PLOT);
            org.wirecopy.eval.report.Plots.baselines(results, chart);
            err.println("wrote reports under " + setup.reportDir + " and the learners side by side in " + chart);
        }
        return ExitCodes.OK;
    }

    /** Learners as rows; accuracy, macro-F1 and each label's F1 as mean ± std over the folds. */
    static String table(List<CrossValidation> results) {
        List<String> labels = results.get(0).perFold().get(0).labels();
        Map<String, ToDoubleFunction<Evaluation>> cols = new LinkedHashMap<>();
        cols.put("accuracy", Evaluation::accuracy);
        cols.put("macro-F1", Evaluation::macroF1);
        for (String l : labels) cols.put("F1 " + l, e -> e.f1(l));
        if (labels.contains("REPORTING")) cols.put("share MAE", e -> e.shareError("REPORTING"));
        StringBuilder b = new StringBuilder();
        CrossValidation first = results.get(0);
        b.append(String.format(Locale.ROOT, "%d folds (seed %d), mean ± std over folds%n", first.folds().k(),
                first.folds().seed()));
        b.append(String.format(Locale.ROOT, "%-20s", "learner"));
        for (String c : cols.keySet()) b.append(String.format(Locale.ROOT, " %17s", c));
        b.append(System.lineSeparator());
        for (CrossValidation cv : results) {
            b.append(String.format(Locale.ROOT, "%-20s", cv.name()));
            for (ToDoubleFunction<Evaluation> f : cols.values()) {
                b.append(String.format(Locale.ROOT, " %8.4f ± %.4f", cv.mean(f), cv.std(f)));
            }
            b.append(System.lineSeparator());
        }
        return b.toString();
    }
}
