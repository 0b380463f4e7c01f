package org.wirecopy.cli;

import org.wirecopy.classify.Classifier;
import org.wirecopy.corpus.Corpus;
import org.wirecopy.eval.Evaluator;
import org.wirecopy.eval.ThresholdTuner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code tune-threshold}: the minimum confidence that gives a label a target precision on dev data. */
@Command(name = "tune-threshold", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Pick the minimum confidence at which paragraphs labelled LABEL reach a target precision on "
                + "labelled dev data; lower-scored paragraphs are then reported as uncertain "
                + "(classify --min-confidence)."})
final class TuneThresholdCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ModelOption model;

    @Option(names = "--data", required = true, split = ",", paramLabel = "DEV", description = "Labelled dev data.")
    List<Path> data;

    @Option(names = "--label", required = true, paramLabel = "LABEL", description = "The label to tune for.")
    String label;

    @Option(names = "--precision", paramLabel = "P", defaultValue = "0.95",
            description = "Target precision. Default: ${DEFAULT-VALUE}.")
    double precision;

    @Mixin
    DataOptions dataOptions;

    @Override
    public Integer call() throws Exception {
        Classifier classifier = model.classifier();
        if (dataOptions.labels == null && dataOptions.labelMap == null) {
            dataOptions.labels = String.join(",", classifier.labels());
        }
        Corpus corpus = dataOptions.read(data);
        ThresholdTuner.Threshold t = ThresholdTuner.tune(Evaluator.evaluate(classifier, corpus), label, precision);
        var out = spec.commandLine().getOut();
        if (!t.reached()) {
            out.printf(Locale.ROOT, "%s never reaches precision %.3f on %s at any threshold%n", label, precision,
                    corpus.name());
            out.flush();
            return ExitCodes.DATA;
        }
        out.printf(Locale.ROOT, "label             %s%ntarget precision  %.4f%nmin confidence    %.6f%n"
                        + "precision         %.4f%nrecall            %.4f%ncoverage          %.4f%n", label, precision,
                t.minConfidence(), t.precision(), t.recall(), t.coverage());
        out.printf(Locale.ROOT, "%nuse: classify --min-confidence %.6f%n", t.minConfidence());
        out.flush();
        return ExitCodes.OK;
    }
}
