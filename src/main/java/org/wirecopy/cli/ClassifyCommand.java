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
import java.util.concurrent.Callable;

/** {@code classify}: labels the paragraphs of an article, or of every article of a JSONL file. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Label every paragraph of an article (text or HTML), or of every article in a JSONL corpus.",
                "FILE '-' reads stdin."})
final class ClassifyCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

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
            description = "Flag paragraphs whose top score is below P as uncertain (see tune-threshold). "
                    + "Default: ${DEFAULT-VALUE} (none).")
    double minConfidence;

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

    @Parameters(index = "0", paramLabel = "FILE", description = "Article file, or - for stdin.")
    String file;

    @Override
    public Integer call() throws IOException {
        if (threads < 0) throw new IllegalArgumentException("--threads must be >= 0 (0 = one per core), got " + threads);
        if (threads > 1024) throw new IllegalArgumentException("--threads must be at most 1024, got " + threads);
        if (top < 1) throw new IllegalArgumentException("--top must be >= 1, got " + top);
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("--min-confidence must be in 0..1, got " + minConfidence);
        }
        if (!file.equals("-")) org.wirecopy.io.SafeFiles.requireReadable(Path.of(file), "article file");
        Classifier classifier = model.classifier().withMinConfidence(minConfidence);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean stdin = file.equals("-");
        boolean jsonl = inputFormat.equalsIgnoreCase("jsonl")
                || (inputFormat.equalsIgnoreCase("auto") && !stdin && file.toLowerCase(java.util.Locale.ROOT)
                .endsWith(".jsonl"));
        ResultWriter writer = ResultWriter.of(format, out, classifier.labels());
        if (jsonl) {
            if (explain) throw new IllegalArgumentException("--explain works on one article, not on a JSONL corpus");
            return new CorpusClassification(classifier, writer, err, threads).run(stdin ? null : Path.of(file));
        }
        String text = stdin ? org.wirecopy.text.ArticleReader.readStream(System.in, "stdin")
                : org.wirecopy.text.ArticleReader.readFile(Path.of(file));
        org.wirecopy.text.Article article = org.wirecopy.text.ArticleReader.read(text,
                org.wirecopy.text.InputFormat.parse(inputFormat), url, mainContent);
        ClassifiedArticle result = classifier.classify(article);
        java.util.List<org.wirecopy.classify.Explanation> explanations = null;
        if (explain) {
            explanations = new java.util.ArrayList<>();
            for (int i = 0; i < article.size(); i++) explanations.add(classifier.explain(article, i, top));
        }
        if (result.paragraphs().isEmpty()) {
            err.println("warning: " + file + ": no paragraphs (the input is empty or only whitespace)");
        }
        writer.begin();
        writer.article(null, result, explanations);
        writer.end();
        writer.check();
        return ExitCodes.OK;
    }
}
