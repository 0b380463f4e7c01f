package org.wirecopy.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.wirecopy.classify.Classifier;
import org.wirecopy.corpus.Corpus;
import org.wirecopy.eval.Evaluation;
import org.wirecopy.eval.Evaluator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code evaluate}: figures of a model on labelled data. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Evaluate a model on labelled data: accuracy, per-label precision/recall/F1, macro-F1, "
                + "confusion matrix and more.")
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ModelOption model;

    @Option(names = "--data", required = true, split = ",", paramLabel = "FILE", description = "Labelled data file(s).")
    List<Path> data;

    @Mixin
    DataOptions dataOptions;

    @Option(names = "--report-json", paramLabel = "OUT", description = "Also write the figures as JSON to OUT.")
    Path reportJson;

    @Override
    public Integer call() throws Exception {
        Classifier classifier = model.classifier();
        if (dataOptions.labels == null && dataOptions.labelMap == null) {
            dataOptions.labels = String.join(",", classifier.labels());
        }
        Corpus corpus = dataOptions.read(data);
        Evaluation ev = Evaluator.evaluate(classifier, corpus);
        spec.commandLine().getOut().print(ev.report());
        spec.commandLine().getOut().flush();
        if (reportJson != null) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("data", corpus.name());
            report.put("dataSha256", corpus.sha256());
            report.put("model", model.model == null ? "bundled" : model.model.toString());
            report.put("provenance", classifier.model().provenance());
            report.putAll(ev.summary());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(reportJson.toFile(), report);
        }
        return ExitCodes.OK;
    }
}
