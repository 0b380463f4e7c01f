package org.wirecopy.cli;

import org.wirecopy.classify.ClassifiedArticle;
import org.wirecopy.classify.Classifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code classify}: labels the paragraphs of an article, or of every article of a JSONL file. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Label every paragraph of an article (text or HTML), or of every article in a JSONL corpus.",
                "FILE '-' reads stdin. Several files, folders (--include GLOB) and JSONL corpora are classified in "
                        + "input order on all cores; --summary writes one row per article."})
final class ClassifyCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ProgressOption progress = new ProgressOption();

    @Mixin
    ModelOption model;

    @Option(names = "--input-format", paramLabel = "FMT", defaultValue = "auto",
            description = "auto, text (one paragraph per line or blank-line blocks, detected), lines, blocks, html, "
                    + "or jsonl (one article per line). Default: ${DEFAULT-VALUE} (jsonl for *.jsonl files).")
    String inputFormat;

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "text",
            description = "Output: text, jsonl, csv or html. Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Worker threads for JSONL corpora; 0 means one per core. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--min-confidence", paramLabel = "P", defaultValue = "0",
            description = "Flag paragraphs whose top score is below P as uncertain (see tune-threshold); no "
                    + "label changes. Default: ${DEFAULT-VALUE} (none).")
    double minConfidence;

    @Option(names = "--networks", paramLabel = "N", defaultValue = "0",
            description = "Read only the first N networks of the model's seed ensemble (the bundled model holds 3): "
                    + "faster, usually a little less accurate; 1 is the fastest. Default: all.")
    int networks;

    @Option(names = "--thresholds", paramLabel = "FILE",
            description = "Per-label minimum confidences (written by tune-threshold --output): a paragraph is "
                    + "flagged uncertain when its top score is below its own label's value; no label changes (a "
                    + "decision rule that changes labels is fitted by train --fit-thresholds and stored in the "
                    + "model). Replaces --min-confidence.")
    Path thresholds;

    @Option(names = "--explain", description = "Show, for each paragraph and label, the cues and n-grams that "
            + "pushed the label's score up most (occlusion).")
    boolean explain;

    @Option(names = "--top", paramLabel = "N", defaultValue = "5",
            description = "Features shown per label with --explain. Default: ${DEFAULT-VALUE}.")
    int top;

    @Option(names = "--url", paramLabel = "URL", defaultValue = "",
            description = "The URL an HTML page was saved from: its path (/opinion/, /blog/, /news/) hints at the "
                    + "page's kind. Default: none.")
    String url;

    @Option(names = "--main-content", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "For HTML pages, find the main content (the article) and label everything outside it "
                    + "BOILERPLATE; --no-main-content lets the network read the whole page. Default: on.")
    boolean mainContent;

    @Option(names = "--include", paramLabel = "GLOB",
            description = "Only files in the given folders whose name matches GLOB, e.g. '*.html' ('**/2018/*.htm*' "
                    + "to match paths below the folder). Default: every file (hidden ones skipped).")
    String include;

    @Option(names = "--summary", paramLabel = "FILE",
            description = "Also write one row per article (id, fields, paragraphs and character share per label, "
                    + "mean confidence, uncertain paragraphs) to FILE: CSV or JSONL by its extension.")
    Path summary;

    @Option(names = "--fields", paramLabel = "LIST", split = ",",
            defaultValue = "style,source,date,dir,page,title",
            description = "Article fields given a column in CSV outputs (JSONL carries every field). "
                    + "Default: ${DEFAULT-VALUE}.")
    List<String> fields;

    @Option(names = "--split-posts",
            description = "Split HTML pages that show several posts (blog homepages) into one article per post, "
                    + "id FILE#post-N, with title, date and offsets as fields (docs/study.md lists the layouts).")
    boolean splitPosts;

    @Option(names = "--id-column", paramLabel = "COL",
            description = "For flat JSONL rows (one paragraph per line): the column holding the article id; rows "
                    + "sharing an id form one article. Default: none (each row is its own article).")
    String idColumn;

    @Option(names = "--index-column", paramLabel = "COL",
            description = "For flat JSONL rows: the column holding the paragraph's position. Default: file order.")
    String indexColumn;

    @Option(names = "--text-column", paramLabel = "COL", defaultValue = "text",
            description = "For flat JSONL rows: the column holding the text. Default: ${DEFAULT-VALUE}.")
    String textColumn;

    @Option(names = "--index", paramLabel = "IDX",
            description = "A reference index from 'wirecopy index': each paragraph also gets the wire story it was "
                    + "pasted from, with coverage and edits, and a paragraph found (nearly) verbatim in a story is "
                    + "REPORTING whatever the network says (as 'match --classify'; one FILE, --format text or jsonl).")
    Path index;

    @Option(names = "--progress-seconds", paramLabel = "S", defaultValue = "2", hidden = true)
    double progressSeconds;

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "Article files, folders (read recursively, see --include), JSONL corpora, or - for stdin. "
                    + "Each file is one article, its path its id.")
    List<String> files;

    private org.wirecopy.study.LabelThresholds labelThresholds;

    @Override
    public Integer call() throws IOException {
        if (index != null) return withIndex();
        if (threads < 0) throw new IllegalArgumentException("--threads must be >= 0 (0 = one per core), got " + threads);
        if (threads > 1024) throw new IllegalArgumentException("--threads must be at most 1024, got " + threads);
        if (top < 1) throw new IllegalArgumentException("--top must be >= 1, got " + top);
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("--min-confidence must be in 0..1, got " + minConfidence);
        }
        if (!(progressSeconds > 0)) throw new IllegalArgumentException("--progress-seconds must be > 0");
        org.wirecopy.study.SummaryFormat summaryFormat = summary == null ? null
                : org.wirecopy.study.SummaryFormat.of(summary);
        if (summary != null) org.wirecopy.io.SafeFiles.requireWritableTarget(summary);
        List<org.wirecopy.study.InputFiles.Input> inputs = org.wirecopy.study.InputFiles.expand(files, include);
        for (var in : inputs) {
            if (!in.stdin()) {
                org.wirecopy.io.SafeFiles.requireReadable(in.path(), "article file");
                if (summary != null && org.wirecopy.io.SafeFiles.sameFile(in.path(), summary)) {
                    throw new IllegalArgumentException("--summary " + summary + " is also an input; write it "
                            + "elsewhere");
                }
            }
        }
        Classifier loaded = model.classifier();
        if (networks < 0 || networks > loaded.networks()) {
            throw new IllegalArgumentException("--networks must be in 1.." + loaded.networks()
                    + " (the networks the model holds), got " + networks);
        }
        Classifier classifier = (networks == 0 ? loaded : loaded.withNetworks(networks))
                .withMinConfidence(minConfidence);
        if (thresholds != null) {
            if (minConfidence > 0) throw new IllegalArgumentException("give --thresholds or --min-confidence, not both");
            labelThresholds = org.wirecopy.study.LabelThresholds.read(thresholds);
            labelThresholds.requireLabels(classifier.labels(), thresholds.toString());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ResultWriter writer = ResultWriter.of(format, out, classifier.labels()).withFieldColumns(fields)
                .withExplanationColumn(explain);
        boolean single = inputs.size() == 1 && files.size() == 1 && !java.nio.file.Files.isDirectory(
                Path.of(files.get(0))) && !splitPosts && !isJsonl(inputs.get(0));
        if (single) return one(inputs.get(0), classifier, writer, err, summaryFormat);
        if (explain) throw new IllegalArgumentException("--explain works on one article, not on several files, a "
                + "folder or a JSONL corpus");
        org.wirecopy.corpus.CorpusOptions corpus = org.wirecopy.corpus.CorpusOptions.builder()
                .textColumn(textColumn).idColumn(idColumn).indexColumn(indexColumn).build()
                .anyLabel().requiringLabels(false);
        var reading = new BatchClassification.Reading(inputFormat, url, mainContent, splitPosts, corpus);
        if (summary == null) {
            return new BatchClassification(classifier, writer, null, err, threads, reading, labelThresholds,
                    (long) (progressSeconds * 1e9)).withProgress(progress).run(inputs);
        }
        int[] code = new int[1];
        org.wirecopy.io.SafeFiles.writeAtomically(summary, stream -> {
            java.io.Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(stream,
                    java.nio.charset.StandardCharsets.UTF_8));
            var sw = new org.wirecopy.study.SummaryWriter(w, summaryFormat, classifier.labels(), fields);
            code[0] = new BatchClassification(classifier, writer, sw, err, threads, reading, labelThresholds,
                    (long) (progressSeconds * 1e9)).withProgress(progress).run(inputs);
            w.flush();
        });
        return code[0];
    }

    private boolean isJsonl(org.wirecopy.study.InputFiles.Input in) {
        return inputFormat.equalsIgnoreCase("jsonl") || (inputFormat.equalsIgnoreCase("auto") && !in.stdin()
                && in.path().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".jsonl"));
    }

    /** One article: the output as before (no id), with explanations when asked. */
    private int one(org.wirecopy.study.InputFiles.Input in, Classifier classifier, ResultWriter writer,
                    PrintWriter err, org.wirecopy.study.SummaryFormat summaryFormat) throws IOException {
        String text = in.stdin() ? org.wirecopy.text.ArticleReader.readStream(System.in, "stdin")
                : org.wirecopy.text.ArticleReader.readFile(in.path());
        org.wirecopy.text.Article article;
        try {
            article = org.wirecopy.text.ArticleReader.read(text, org.wirecopy.text.InputFormat.parse(inputFormat), url,
                    mainContent);
        } catch (org.wirecopy.text.ArticleInputException e) {
            throw new org.wirecopy.text.ArticleInputException(in.id() + ": " + e.getMessage(), e);
        }
        ClassifiedArticle result = classifier.classify(article);
        if (labelThresholds != null) result = labelThresholds.apply(result);
        java.util.List<org.wirecopy.classify.Explanation> explanations = null;
        if (explain) {
            explanations = classifier.explainAll(article, top);
        }
        if (result.paragraphs().isEmpty()) {
            err.println("warning: " + in.id() + ": no paragraphs (the input is empty or only whitespace)");
        }
        if (summary != null) {
            java.io.StringWriter sw = new java.io.StringWriter();
            var w = new org.wirecopy.study.SummaryWriter(sw, summaryFormat, classifier.labels(), fields);
            w.write(org.wirecopy.study.ArticleSummary.of(in.id(), BatchClassification.fileFields(in), result));
            w.finish();
            org.wirecopy.io.SafeFiles.writeAtomically(summary, sw.toString());
        }
        writer.begin();
        writer.article(null, result, explanations);
        writer.end();
        writer.check();
        return ExitCodes.OK;
    }

    /** {@code classify --index}: the matcher labels and matches the article (see {@code match --classify}). */
    private Integer withIndex() {
        if (files.size() != 1) {
            throw new IllegalArgumentException("--index classifies one FILE (or -) at a time; got " + files.size());
        }
        if (format != OutputFormat.text && format != OutputFormat.jsonl) {
            throw new IllegalArgumentException("--index writes --format text or jsonl, not " + format);
        }
        if (explain || thresholds != null || splitPosts || minConfidence != 0) {
            throw new IllegalArgumentException("--index cannot be combined with --explain, --thresholds, "
                    + "--split-posts or --min-confidence");
        }
        List<String> args = new java.util.ArrayList<>(List.of("--index", index.toString(), "--classify",
                "--input-format", inputFormat, "--format", format.name().toLowerCase(java.util.Locale.ROOT)));
        if (model.model != null) args.addAll(List.of("--model", model.model.toString()));
        if (summary != null) args.addAll(List.of("--summary", summary.toString()));
        args.add(files.get(0));
        picocli.CommandLine match = new picocli.CommandLine(new org.wirecopy.match.cli.MatchCommand())
                .setOut(spec.commandLine().getOut()).setErr(spec.commandLine().getErr());
        match.setExecutionExceptionHandler((e, cmd, parsed) -> {
            throw e;
        });
        return match.execute(args.toArray(new String[0]));
    }
}
