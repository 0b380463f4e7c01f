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
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code tune-threshold}: the minimum confidence that gives a label a target precision on dev data. */
@Command(name = "tune-threshold", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Pick the minimum confidence at which paragraphs labelled LABEL reach a target precision on "
                + "labelled dev data; lower-scored paragraphs are then reported as uncertain "
                + "(classify --min-confidence, --thresholds) and keep their label. (train --fit-thresholds fits "
                + "a rule that changes labels instead.)"})
final class TuneThresholdCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ModelOption model;

    @Option(names = "--data", required = true, split = ",", paramLabel = "DEV", description = "Labelled dev data.")
    List<Path> data;

    @Option(names = "--label", paramLabel = "LABEL",
            description = "The label to tune for. Default: every label of the model (with --output).")
    String label;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write a threshold file (JSON: each label's own minimum confidence) for classify "
                    + "--thresholds.")
    Path output;

    @Option(names = "--precision", paramLabel = "P", defaultValue = "0.95",
            description = "Target precision. Default: ${DEFAULT-VALUE}.")
    double precision;

    @Mixin
    DataOptions dataOptions;

    @Override
    public Integer call() throws Exception {
        Outputs.check(Outputs.list(data, model.model), "--output", output);
        Classifier classifier = model.classifier();
        if (dataOptions.labels == null && dataOptions.labelMap == null) {
            dataOptions.labels = String.join(",", classifier.labels());
        }
        Corpus corpus = dataOptions.read(data);
        var out = spec.commandLine().getOut();
        if (label == null && output == null) {
            throw new IllegalArgumentException("give --label LABEL, or --output FILE to tune every label into a "
                    + "threshold file");
        }
        org.wirecopy.eval.Evaluation evaluation = Evaluator.evaluate(classifier, corpus);
        if (output != null) {
            List<String> labels = label == null ? classifier.labels() : List.of(label);
            Map<String, Double> thresholds = new LinkedHashMap<>();
            Map<String, Map<String, Object>> details = new LinkedHashMap<>();
            boolean all = true;
            for (String l : labels) {
                ThresholdTuner.Threshold t = ThresholdTuner.tune(evaluation, l, precision);
                thresholds.put(l, t.minConfidence());
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("target_precision", precision);
                d.put("reached", t.reached());
                d.put("precision", t.precision());
                d.put("recall", t.recall());
                d.put("coverage", t.coverage());
                d.put("data", corpus.name());
                details.put(l, d);
                all &= t.reached();
                out.printf(Locale.ROOT, "%-12s min confidence %.6f  precision %.4f  recall %.4f  coverage %.4f%s%n",
                        l, t.minConfidence(), t.precision(), t.recall(), t.coverage(),
                        t.reached() ? "" : "  (target never reached: every " + l + " paragraph will be uncertain)");
            }
            String json = new org.wirecopy.study.LabelThresholds(thresholds).toJson(details);
            org.wirecopy.io.SafeFiles.writeAtomically(output, json);
            out.printf(Locale.ROOT, "%nwrote %s (%d labels); use: classify --thresholds %s%n", output, labels.size(),
                    output);
            out.flush();
            return all ? ExitCodes.OK : ExitCodes.DATA;
        }
        ThresholdTuner.Threshold t = ThresholdTuner.tune(evaluation, label, precision);
        if (!t.reached()) {
            out.printf(Locale.ROOT, "%s never reaches precision %.3f on %s at any threshold%n", label, precision,
                    corpus.name());
            out.flush();
            return ExitCodes.DATA;
        }
        out.printf(Locale.ROOT, "label             %s%ntarget precision  %.4f%nmin confidence    %.6f%n"
                        + "precision         %.4f%nrecall            %.4f%ncoverage          %.4f%n", label, precision,
                t.minConfidence(), t.precision(), t.recall(), t.coverage());
        out.printf(Locale.ROOT, "%nuse: classify --min-confidence %.6f (every label), or tune-threshold --output FILE "
                + "then classify --thresholds FILE (each label its own)%n", t.minConfidence());
        out.flush();
        return ExitCodes.OK;
    }
}
