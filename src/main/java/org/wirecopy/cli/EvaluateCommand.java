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
    ProgressOption progress = new ProgressOption();

    @Mixin
    ModelOption model;

    @Option(names = "--data", split = ",", paramLabel = "FILE",
            description = "Labelled data file(s). Default: data.test of --config.")
    List<Path> data;

    @Option(names = "--config", paramLabel = "JSON",
            description = "Experiment configuration (see init-config): evaluates on its data.test, read with its "
                    + "columns and label map; options given here override it.")
    Path config;

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
                    + "REPORTING=OBJ,BOILERPLATE=OBJ,COMMENTARY=SUBJ for zero-shot use on OBJ/SUBJ data. A "
                    + "paragraph gets the mapped label of the highest summed score, or, for a model trained with "
                    + "train --fit-thresholds, the label its fitted decision gives, mapped.")
    String predictionMap;

    @Option(names = "--html", paramLabel = "DIR",
            description = "Score whole web pages: classify every DIR/NAME.html as HTML and match the gold paragraphs "
                    + "of the article whose id is NAME (or of the articles whose style is NAME, e.g. the posts of a "
                    + "blog homepage) by their text. Default: classify the gold paragraphs as given.")
    Path html;

    @Option(names = "--url-field", paramLabel = "FIELD", defaultValue = "source",
            description = "With --html, the article field that holds the page's URL, passed to the classifier as a "
                    + "page signal ('none' to pass no URL). Default: ${DEFAULT-VALUE}.")
    String urlField;

    @Option(names = "--by", paramLabel = "FIELD",
            description = "Also print per-label F1 and macro-F1 for each value of an article field (e.g. style).")
    String by;

    @Option(names = "--main-content", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "With --html, find each page's main content (the article); --no-main-content lets the "
                    + "network read the whole page. Default: on.")
    boolean mainContent;

    @Option(names = "--share-plot", paramLabel = "FILE",
            description = "Also plot the predicted against the gold share of --share-label per article, with the "
                    + "diagonal and the mean absolute error (PNG or SVG by extension).")
    Path sharePlot;

    @Option(names = "--share-label", paramLabel = "LABEL", defaultValue = "REPORTING",
            description = "The label of --share-plot. Default: ${DEFAULT-VALUE}.")
    String shareLabel;

    @Override
    public Integer call() throws Exception {
        Outputs.check(Outputs.list(data == null ? List.of() : data, model.model), "--report-json", reportJson);
        Outputs.checkDirectory("--report-dir", reportDir);
        Classifier classifier = model.classifier();
        // a model trained with --fit-thresholds is evaluated as it classifies: its decided label, then mapped;
        // a model without one keeps the label of the highest summed (mapped) score
        ArticleLabeller labeller = predictionMap == null ? classifier
                : new MappedLabeller(classifier, CorpusOptions.parseLabelMap(predictionMap),
                classifier.model().decision().isNone() ? MappedLabeller.Pick.SUMMED_SCORES
                        : MappedLabeller.Pick.INNER_LABEL);
        if (dataOptions.labels == null && dataOptions.labelMap == null) {
            dataOptions.labels = String.join(",", labeller.labels());
        }
        org.wirecopy.train.ExperimentConfig exp = config == null ? null
                : org.wirecopy.train.ConfigIO.read(config);
        List<Path> files = data != null ? data : exp == null ? List.of()
                : exp.data().test().stream().map(Path::of).toList();
        if (files.isEmpty()) {
            throw new IllegalArgumentException(exp == null ? "no data: give --data FILE or --config JSON"
                    : config + ": data.test is empty; list the held-out files there or give --data");
        }
        Corpus corpus = exp == null ? dataOptions.read(files) : dataOptions.read(files, dataOptions.options(exp.data()));
        Evaluation ev;
        if (html == null) {
            try (ProgressDisplay bar = progress.open(spec.commandLine().getErr(), "evaluate",
                    corpus.articles().size(), "articles")) {
                ev = Evaluator.evaluate(labeller, corpus, bar::stepTo);
            }
        } else ev = PageEvaluation.run(classifier, labeller, corpus, html, urlField, mainContent,
                spec.commandLine().getErr());
        spec.commandLine().getOut().print(ev.report());
        if (by != null) spec.commandLine().getOut().print(GroupTable.render(ev, by));
        spec.commandLine().getOut().flush();
        Provenance provenance = classifier.model().provenance();
        DataDescription described = DataDescription.of(corpus);
        if (reportJson != null) {
            org.wirecopy.io.SafeFiles.writeAtomically(reportJson, JsonReport.evaluation(ev, provenance, described));
        }
        if (sharePlot != null) {
            if (!ev.labels().contains(shareLabel)) {
                throw new IllegalArgumentException("--share-label " + shareLabel + " is not one of " + ev.labels());
            }
            org.wirecopy.study.StudyPlots.save(org.wirecopy.study.StudyPlots.shareChart(ev, shareLabel), sharePlot);
            spec.commandLine().getErr().printf(java.util.Locale.ROOT, "wrote %s (%s share MAE %.4f)%n", sharePlot,
                    shareLabel, org.wirecopy.study.StudyPlots.meanAbsoluteError(
                            org.wirecopy.study.StudyPlots.shares(ev, shareLabel)));
        }
        if (reportDir != null) {
            for (Path p : ReportWriter.write(ev, provenance, described, reportDir)) {
                spec.commandLine().getErr().println("wrote " + p);
            }
        }
        return ExitCodes.OK;
    }
}
