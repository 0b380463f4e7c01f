package org.wirecopy.match.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.wirecopy.classify.ClassifiedParagraph;
import org.wirecopy.classify.Classifier;
import org.wirecopy.cli.ExitCodes;
import org.wirecopy.corpus.CorpusFormat;
import org.wirecopy.corpus.CorpusOptions;
import org.wirecopy.corpus.CorpusReader;
import org.wirecopy.corpus.DataProblem;
import org.wirecopy.corpus.LabelledArticle;
import org.wirecopy.io.SafeFiles;
import org.wirecopy.match.ArticleMatch;
import org.wirecopy.match.Edit;
import org.wirecopy.match.IndexFormatException;
import org.wirecopy.match.MatchConfig;
import org.wirecopy.match.MatchedArticle;
import org.wirecopy.match.MatchedParagraph;
import org.wirecopy.match.MatchingClassifier;
import org.wirecopy.match.ParagraphMatch;
import org.wirecopy.match.SourceIndex;
import org.wirecopy.match.SourceMatch;
import org.wirecopy.match.SourceMatcher;
import org.wirecopy.match.StoryUse;
import org.wirecopy.text.Article;
import org.wirecopy.text.ArticleReader;
import org.wirecopy.text.InputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code match}: finds, for every paragraph of an article (or of every article of a JSONL file), the reference stories
 * it was pasted from; with {@code --classify}, also labels the paragraphs and uses a verbatim match as a REPORTING
 * cue. Not thread-safe (one run per instance).
 */
@Command(name = "match", mixinStandardHelpOptions = true,
        description = {"Find the reference stories each paragraph was pasted from, with coverage and edits.",
                "FILE '-' reads stdin. Output per paragraph, then a per-article summary: matched paragraphs and "
                        + "the stories pasted, with how much of each."})
public final class MatchCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--index", required = true, paramLabel = "IDX", description = "Index from 'wirecopy index'.")
    Path indexFile;

    @Option(names = "--input-format", paramLabel = "FMT", defaultValue = "auto",
            description = "auto, text, lines, blocks, html, or jsonl (one article per line). "
                    + "Default: ${DEFAULT-VALUE} (jsonl for *.jsonl files).")
    String inputFormat;

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "text",
            description = "Output: text or jsonl. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--top", paramLabel = "N", defaultValue = "3",
            description = "Matching stories reported per paragraph. Default: ${DEFAULT-VALUE}.")
    int top;

    @Option(names = "--min-coverage", paramLabel = "P", defaultValue = "0.5",
            description = "Least share of a paragraph's words copied from a story for a match. "
                    + "Default: ${DEFAULT-VALUE}.")
    double minCoverage;

    @Option(names = "--min-copied-words", paramLabel = "N", defaultValue = "8",
            description = "Least number of copied words for a match. Default: ${DEFAULT-VALUE}.")
    int minCopiedWords;

    @Option(names = "--classify", description = "Also label every paragraph with the classifier; a paragraph "
            + "found (nearly) verbatim in a story (coverage >= --reporting-coverage) is REPORTING whatever the "
            + "network says.")
    boolean classify;

    @Option(names = "--reporting-coverage", paramLabel = "P", defaultValue = "0.9",
            description = "Coverage from which --classify labels a paragraph REPORTING. Default: ${DEFAULT-VALUE}.")
    double reportingCoverage;

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL",
            description = "Model file for --classify. Default: the bundled model.")
    Path model;

    @Option(names = "--summary", paramLabel = "FILE",
            description = "Also write one row per article (CSV, or JSONL when FILE ends in .jsonl): paragraphs, "
                    + "matched paragraphs, share of words matched, the stories pasted (id:paragraphs:share of the "
                    + "story taken, separated by ';'), and with --classify the count of each label.")
    Path summary;

    @Parameters(index = "0", paramLabel = "FILE", description = "Article file, or - for stdin.")
    String file;

    /** The rows of --summary, in input order. */
    private final StringBuilder summaryRows = new StringBuilder();

    private final JsonFactory json = new JsonFactory();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!format.equals("text") && !format.equals("jsonl")) {
            throw new IllegalArgumentException("unknown --format '" + format + "'; use text or jsonl");
        }
        if (summary != null) {
            SafeFiles.requireOutput("--summary", summary, file.equals("-") ? Arrays.asList(indexFile, model)
                    : Arrays.asList(indexFile, model, Path.of(file)));
        }
        MatchConfig config = MatchConfig.builder().top(top).minCoverage(minCoverage).minCoveredWords(minCopiedWords)
                .reportingCoverage(reportingCoverage).build();
        SourceIndex index;
        try {
            index = SourceIndex.open(indexFile);
        } catch (IndexFormatException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.MODEL;
        }
        SourceMatcher matcher = new SourceMatcher(index, config);
        MatchingClassifier mc = classify
                ? new MatchingClassifier(model == null ? Classifier.loadDefault() : Classifier.load(model), matcher)
                : null;
        boolean stdin = file.equals("-");
        boolean jsonl = inputFormat.equalsIgnoreCase("jsonl") || (inputFormat.equalsIgnoreCase("auto") && !stdin
                && file.toLowerCase(Locale.ROOT).endsWith(".jsonl"));
        if (!jsonl) {
            String text = stdin ? ArticleReader.readStream(System.in, "stdin") : ArticleReader.readFile(Path.of(file));
            Article article = ArticleReader.read(text, InputFormat.parse(inputFormat));
            write(out, null, article, matcher, mc);
            out.flush();
            writeSummary(mc != null);
            return ExitCodes.OK;
        }
        int[] problems = {0};
        CorpusOptions o = CorpusOptions.builder().requireLabels(false).labels(null).build();
        try (InputStream in = stdin ? System.in : Files.newInputStream(Path.of(file))) {
            CorpusReader.stream(in, stdin ? "stdin" : file, CorpusFormat.JSONL, o, new CorpusReader.Sink() {
                @Override
                public void article(LabelledArticle a) throws IOException {
                    write(out, a.id(), Article.ofParagraphs(a.texts()), matcher, mc);
                }

                @Override
                public void problem(DataProblem p) {
                    problems[0]++;
                    err.println("error: " + p + " (line skipped)");
                }
            }, false);
        }
        out.flush();
        writeSummary(mc != null);
        return problems[0] == 0 ? ExitCodes.OK : ExitCodes.DATA;
    }

    private void write(PrintWriter out, String id, Article article, SourceMatcher matcher, MatchingClassifier mc)
            throws IOException {
        MatchedArticle classified = mc == null ? null : mc.classify(article);
        ArticleMatch m = classified == null ? matcher.match(article) : classified.matches();
        if (summary != null) summaryRow(id, m, classified);
        if (format.equals("text")) text(out, id, m, classified);
        else jsonl(out, id, m, classified);
    }

    private static void text(PrintWriter out, String id, ArticleMatch m, MatchedArticle classified) {
        if (id != null) out.println("# " + id);
        for (ParagraphMatch p : m.paragraphs()) {
            String t = p.text().replaceAll("\\s+", " ");
            if (t.length() > 80) t = t.substring(0, 77) + "...";
            String label = "";
            if (classified != null) {
                MatchedParagraph c = classified.paragraphs().get(p.index());
                label = String.format(Locale.ROOT, "%-11s %s", c.label(), c.overridden() ? "*" : " ");
            }
            if (!p.matched()) {
                out.printf(Locale.ROOT, "%4d  %s-  %s%n", p.index(), label, t);
                continue;
            }
            SourceMatch b = p.best().orElseThrow();
            out.printf(Locale.ROOT, "%4d  %s<- %s ¶%s  coverage %.2f%s  %s%n", p.index(), label, b.story().id(),
                    paragraphs(b.paragraphs()), b.coverage(), b.verbatim() ? " verbatim" : "", t);
            List<String> edits = new ArrayList<>();
            for (Edit e : b.edits()) edits.add(e.describe());
            if (!edits.isEmpty()) out.println("        edits: " + String.join("; ", edits));
            for (int k = 1; k < p.matches().size(); k++) {
                SourceMatch o = p.matches().get(k);
                out.printf(Locale.ROOT, "        also %s ¶%s  coverage %.2f%n", o.story().id(),
                        paragraphs(o.paragraphs()), o.coverage());
            }
        }
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "      matched %d of %d paragraphs (%.0f%% of words)",
                m.matchedParagraphs(), m.paragraphs().size(), 100 * m.coveredShare()));
        if (classified != null) {
            s.append(String.format(Locale.ROOT, "; labels %s, %d set by a match", classified.counts(),
                    classified.overridden()));
        }
        out.println(s);
        for (StoryUse u : m.stories()) {
            out.printf(Locale.ROOT, "      story %s%s: %d pasted paragraph%s from story paragraph%s %s, %.0f%% of "
                            + "its words%n", u.story().id(), u.story().title() == null ? "" : " (" + u.story().title()
                            + ")", u.pastedParagraphs().size(), u.pastedParagraphs().size() == 1 ? "" : "s",
                    u.storyParagraphs().size() == 1 ? "" : "s", paragraphs(u.storyParagraphs()), 100 * u.share());
        }
    }

    private boolean jsonSummary() {
        return summary.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl");
    }

    /** One --summary row: the article's matches (and labels with --classify). */
    private void summaryRow(String id, ArticleMatch m, MatchedArticle classified) throws IOException {
        StringBuilder stories = new StringBuilder();
        for (StoryUse u : m.stories()) {
            if (stories.length() > 0) stories.append(';');
            stories.append(u.story().id()).append(':').append(u.pastedParagraphs().size()).append(':')
                    .append(String.format(Locale.ROOT, "%.3f", u.share()));
        }
        String article = id == null ? file : id;
        Map<String, Integer> counts = classified == null ? Map.of() : classified.counts();
        if (jsonSummary()) {
            StringWriter sw = new StringWriter();
            try (JsonGenerator g = json.createGenerator(sw)) {
                g.writeStartObject();
                g.writeStringField("article", article);
                g.writeNumberField("paragraphs", m.paragraphs().size());
                g.writeNumberField("matched_paragraphs", m.matchedParagraphs());
                g.writeNumberField("matched_word_share", round(m.coveredShare()));
                g.writeStringField("stories", stories.toString());
                for (String l : SUMMARY_LABELS) if (classified != null) g.writeNumberField(l, counts.getOrDefault(l, 0));
                g.writeEndObject();
            }
            summaryRows.append(sw).append('\n');
        } else {
            summaryRows.append(csv(article)).append(',').append(m.paragraphs().size()).append(',')
                    .append(m.matchedParagraphs()).append(',')
                    .append(String.format(Locale.ROOT, "%.4f", m.coveredShare())).append(',')
                    .append(csv(stories.toString()));
            if (classified != null) for (String l : SUMMARY_LABELS) summaryRows.append(',').append(counts.getOrDefault(l, 0));
            summaryRows.append('\n');
        }
    }

    private static final List<String> SUMMARY_LABELS = List.of("REPORTING", "COMMENTARY", "BOILERPLATE");

    private static String csv(String v) {
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    private void writeSummary(boolean labels) throws IOException {
        if (summary == null) return;
        String header = "";
        if (!jsonSummary()) {
            header = "article,paragraphs,matched_paragraphs,matched_word_share,stories"
                    + (labels ? ",REPORTING,COMMENTARY,BOILERPLATE" : "") + "\n";
        }
        SafeFiles.writeAtomically(summary, header + summaryRows);
    }

    private static String paragraphs(List<Integer> ps) {
        StringBuilder b = new StringBuilder();
        for (int p : ps) b.append(b.length() == 0 ? "" : ",").append(p);
        return b.toString();
    }

    private void jsonl(PrintWriter out, String id, ArticleMatch m, MatchedArticle classified) throws IOException {
        StringWriter sw = new StringWriter();
        for (ParagraphMatch p : m.paragraphs()) {
            sw.getBuffer().setLength(0);
            try (JsonGenerator g = json.createGenerator(sw)) {
                g.writeStartObject();
                if (id != null) g.writeStringField("article", id);
                g.writeNumberField("index", p.index());
                g.writeNumberField("words", p.words());
                if (classified != null) {
                    MatchedParagraph c = classified.paragraphs().get(p.index());
                    ClassifiedParagraph cp = c.classified();
                    g.writeStringField("label", c.label());
                    g.writeStringField("network_label", cp.label());
                    g.writeObjectFieldStart("scores");
                    for (Map.Entry<String, Double> e : cp.scores().entrySet()) {
                        g.writeNumberField(e.getKey(), round(e.getValue()));
                    }
                    g.writeEndObject();
                    if (!c.explanation().isEmpty()) g.writeStringField("explanation", c.explanation());
                }
                g.writeArrayFieldStart("matches");
                for (SourceMatch s : p.matches()) {
                    g.writeStartObject();
                    g.writeStringField("story", s.story().id());
                    if (s.story().source() != null) g.writeStringField("source", s.story().source());
                    if (s.story().date() != null) g.writeStringField("date", s.story().date());
                    if (s.story().title() != null) g.writeStringField("title", s.story().title());
                    g.writeArrayFieldStart("paragraphs");
                    for (int x : s.paragraphs()) g.writeNumber(x);
                    g.writeEndArray();
                    g.writeNumberField("coverage", round(s.coverage()));
                    g.writeNumberField("containment", round(s.containment()));
                    g.writeNumberField("jaccard", round(s.jaccard()));
                    g.writeNumberField("copied_words", s.coveredWords());
                    g.writeBooleanField("verbatim", s.verbatim());
                    g.writeArrayFieldStart("edits");
                    for (Edit e : s.edits()) {
                        g.writeStartObject();
                        g.writeStringField("kind", e.kind().name());
                        g.writeNumberField("position", e.position());
                        g.writeArrayFieldStart("source");
                        for (String w : e.sourceWords()) g.writeString(w);
                        g.writeEndArray();
                        g.writeArrayFieldStart("pasted");
                        for (String w : e.pastedWords()) g.writeString(w);
                        g.writeEndArray();
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeStringField("text", p.text());
                g.writeEndObject();
            }
            out.println(sw);
        }
        sw.getBuffer().setLength(0);
        try (JsonGenerator g = json.createGenerator(sw)) {
            g.writeStartObject();
            if (id != null) g.writeStringField("article", id);
            g.writeObjectFieldStart("summary");
            g.writeNumberField("paragraphs", m.paragraphs().size());
            g.writeNumberField("matched_paragraphs", m.matchedParagraphs());
            g.writeNumberField("copied_share", round(m.coveredShare()));
            if (classified != null) {
                g.writeObjectFieldStart("labels");
                for (Map.Entry<String, Integer> e : classified.counts().entrySet()) {
                    g.writeNumberField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
                g.writeNumberField("labels_set_by_match", classified.overridden());
            }
            g.writeArrayFieldStart("stories");
            for (StoryUse u : m.stories()) {
                g.writeStartObject();
                g.writeStringField("story", u.story().id());
                if (u.story().title() != null) g.writeStringField("title", u.story().title());
                g.writeArrayFieldStart("pasted_paragraphs");
                for (int x : u.pastedParagraphs()) g.writeNumber(x);
                g.writeEndArray();
                g.writeArrayFieldStart("story_paragraphs");
                for (int x : u.storyParagraphs()) g.writeNumber(x);
                g.writeEndArray();
                g.writeNumberField("words_taken", u.wordsTaken());
                g.writeNumberField("story_share", round(u.share()));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        }
        out.println(sw);
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }
}
