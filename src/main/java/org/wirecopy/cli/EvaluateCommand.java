package org.wirecopy.cli;

import org.wirecopy.classify.ArticleLabeller;
import org.wirecopy.classify.Classifier;
import org.wirecopy.corpus.CorpusOptions;
import org.wirecopy.eval.MappedLabeller;
import org.wirecopy.eval.report.DataDescription;
import org.wirecopy.eval.report.JsonReport;
import org.wirecopy.eval.report.ReportWriter;
import org.wirecopy.model.Provenance;
import org.wirecopy.corpus.Corpus;
import org.wirecopy.eval.Evaluation;
import org.wirecopy.eval.Evaluator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    @Option(names = "--report-dir", paramLabel = "DIR",
            description = "Also write report.json, report.md and PNG plots (confusion, reliability, precision-recall, "
                    + "F1 per style/source) into DIR.")
    Path reportDir;

    @Option(names = "--prediction-map", paramLabel = "MAP",
            description = "Read the model's labels as others, adding scores of labels mapped together, e.g. "
                    + "REPORTING=OBJ,BOILERPLATE=OBJ,COMMENTARY=SUBJ for zero-shot use on OBJ/SUBJ data.")
    String predictionMap;

    @Override
    public Integer call() throws Exception {
        Outputs.check(Outputs.list(data, model.model), "--report-json", reportJson);
        Outputs.checkDirectory("--report-dir", reportDir);
        Classifier classifier = model.classifier();
        ArticleLabeller labeller = predictionMap == null ? classifier
                : new MappedLabeller(classifier, CorpusOptions.parseLabelMap(predictionMap));
        if (dataOptions.labels == null && dataOptions.labelMap == null) {
            dataOptions.labels = String.join(",", labeller.labels());
        }
        Corpus corpus = dataOptions.read(data);
        Evaluation ev = Evaluator.evaluate(labeller, corpus);
        spec.commandLine().getOut().print(ev.report());
        spec.commandLine().getOut().flush();
        Provenance provenance = classifier.model().provenance();
        DataDescription described = DataDescription.of(corpus);
        if (reportJson != null) {
            org.wirecopy.io.SafeFiles.writeAtomically(reportJson, JsonReport.evaluation(ev, provenance, described));
        }
        if (reportDir != null) {
            for (Path p : ReportWriter.write(ev, provenance, described, reportDir)) {
                spec.commandLine().getErr().println("wrote " + p);
            }
        }
        return ExitCodes.OK;
    }
}
