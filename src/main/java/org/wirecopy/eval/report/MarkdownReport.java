package org.wirecopy.eval.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.wirecopy.eval.CrossValidation;
import org.wirecopy.eval.Evaluation;
import org.wirecopy.model.Provenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;

/**
 * The Markdown report, for people: GitHub-flavoured Markdown with {@code \n} line ends. Figures have four decimals,
 * counts none; a cross-validation figure reads "mean ± standard deviation" (sample standard deviation over folds).
 * Names from the data (labels, field values, file names) are escaped, so tables stay tables whatever they contain.
 *
 * <p>Sections: the data and its SHA-256; the figures; a per-label table (precision, recall, F1, support,
 * predicted, PR-AUC); the confusion matrix; figures per {@code style} and per {@code source} when the articles carry
 * at least two values; the plots; the model's provenance. A cross-validation report starts with a table of every
 * figure of {@link CrossValidation#metrics()} with each fold's value and mean ± std, and shows the other sections for
 * the pooled predictions of all folds.
 *
 * <p>Stateless and thread-safe.
 */
final class MarkdownReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String NONE = "–";

    private MarkdownReport() {
    }

    /**
     * The report of one evaluation.
     *
     * @param evaluation the figures; not null
     * @param provenance the model's provenance, or null when unknown
     * @param data       the data the figures were measured on; not null
     * @param plots      file names of the plots to show, relative to the report (may be empty)
     * @return the Markdown text
     */
    static String evaluation(Evaluation evaluation, Provenance provenance, DataDescription data,
                                    List<String> plots) {
        Objects.requireNonNull(evaluation, "evaluation");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(plots, "plots");
        StringBuilder b = new StringBuilder("# Evaluation report\n\n");
        table(b, List.of("item", "value"), List.of("---", "---"), List.of(
                List.of("data", escape(data.name())),
                List.of("data SHA-256", code(data.sha256())),
                List.of("articles", Integer.toString(evaluation.articles().size())),
                List.of("paragraphs", Long.toString(evaluation.paragraphs()))));
        heldOutWarning(b, provenance, data);
        body(b, evaluation, "##");
        plots(b, plots, "##");
        provenance(b, provenance);
        return b.toString();
    }

    /**
     * The report of a cross-validation: figures per fold with mean ± std, then the pooled predictions.
     *
     * @param crossValidation the figures; not null
     * @param provenance      the provenance of the configuration cross-validated, or null when unknown
     * @param data            the data the figures were measured on; not null
     * @param plots           file names of the plots (of the pooled predictions) to show, relative to the report
     * @return the Markdown text
     */
    static String crossValidation(CrossValidation crossValidation, Provenance provenance,
                                         DataDescription data, List<String> plots) {
        Objects.requireNonNull(crossValidation, "crossValidation");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(plots, "plots");
        List<Evaluation> folds = crossValidation.perFold();
        Evaluation pooled = crossValidation.pooled();
        StringBuilder b = new StringBuilder("# Cross-validation report: ").append(escape(crossValidation.name()))
                .append("\n\n");
        table(b, List.of("item", "value"), List.of("---", "---"), List.of(
                List.of("data", escape(data.name())),
                List.of("data SHA-256", code(data.sha256())),
                List.of("folds", Integer.toString(crossValidation.folds().k())),
                List.of("fold seed", Long.toString(crossValidation.folds().seed())),
                List.of("articles", Integer.toString(pooled.articles().size())),
                List.of("paragraphs", Long.toString(pooled.paragraphs()))));

        b.append("## Figures per fold\n\n");
        b.append("Mean ± sample standard deviation over the ").append(folds.size()).append(" folds.\n\n");
        List<String> header = new ArrayList<>(List.of("figure"));
        List<String> align = new ArrayList<>(List.of("---"));
        for (int f = 0; f < folds.size(); f++) {
            header.add("fold " + f);
            align.add("---:");
        }
        header.add("mean ± std");
        align.add("---:");
        List<List<String>> rows = new ArrayList<>();
        rows.add(foldRow("articles", folds, e -> e.articles().size()));
        rows.add(foldRow("paragraphs", folds, e -> (int) e.paragraphs()));
        for (Map.Entry<String, ToDoubleFunction<Evaluation>> m : crossValidation.metrics().entrySet()) {
            List<String> row = new ArrayList<>();
            row.add(escape(m.getKey()));
            for (Evaluation e : folds) row.add(number(m.getValue().applyAsDouble(e)));
            row.add(number(crossValidation.mean(m.getValue())) + " ± " + number(crossValidation.std(m.getValue())));
            rows.add(row);
        }
        table(b, header, align, rows);

        b.append("## Pooled predictions of all folds\n\n");
        body(b, pooled, "###");
        plots(b, plots, "###");
        provenance(b, provenance);
        return b.toString();
    }

    private static List<String> foldRow(String name, List<Evaluation> folds, ToIntFunction<Evaluation> count) {
        List<String> row = new ArrayList<>(List.of(name));
        for (Evaluation e : folds) row.add(Integer.toString(count.applyAsInt(e)));
        row.add("");
        return row;
    }

    private static void body(StringBuilder b, Evaluation ev, String h) {
        b.append(h).append(" Figures\n\n");
        List<List<String>> figures = new ArrayList<>();
        figures.add(List.of("accuracy", number(ev.accuracy())));
        figures.add(List.of("macro-F1", number(ev.macroF1())));
        figures.add(List.of("micro-F1", number(ev.microF1())));
        figures.add(List.of("expected calibration error", number(ev.expectedCalibrationError())));
        figures.add(List.of("articles with every paragraph right", number(ev.articlesAllRight())));
        if (ev.labels().contains("REPORTING")) {
            figures.add(List.of("REPORTING share of characters, mean absolute error",
                    number(ev.shareError("REPORTING"))));
        }
        table(b, List.of("figure", "value"), List.of("---", "---:"), figures);

        b.append(h).append(" Per label\n\n");
        List<List<String>> perLabel = new ArrayList<>();
        for (String l : ev.labels()) {
            perLabel.add(List.of(escape(l), number(ev.precision(l)), number(ev.recall(l)), number(ev.f1(l)),
                    Long.toString(ev.support(l)), Long.toString(ev.predicted(l)), number(ev.prAuc(l))));
        }
        table(b, List.of("label", "precision", "recall", "F1", "support", "predicted", "PR-AUC"),
                List.of("---", "---:", "---:", "---:", "---:", "---:", "---:"), perLabel);

        b.append(h).append(" Confusion matrix\n\nRows are gold labels, columns predicted labels.\n\n");
        List<String> header = new ArrayList<>(List.of("gold / predicted"));
        List<String> align = new ArrayList<>(List.of("---"));
        for (String l : ev.labels()) {
            header.add(escape(l));
            align.add("---:");
        }
        long[][] c = ev.confusion();
        List<List<String>> rows = new ArrayList<>();
        for (int g = 0; g < c.length; g++) {
            List<String> row = new ArrayList<>(List.of(escape(ev.labels().get(g))));
            for (long v : c[g]) row.add(Long.toString(v));
            rows.add(row);
        }
        table(b, header, align, rows);

        for (Map.Entry<String, Map<String, Evaluation>> field : Groups.of(ev).entrySet()) {
            b.append(h).append(" By ").append(escape(field.getKey())).append("\n\n");
            b.append("F1 is ").append(NONE).append(" for a label with neither gold paragraphs nor predictions in the ")
                    .append("group.\n\n");
            List<String> gh = new ArrayList<>(List.of(escape(field.getKey()), "articles", "paragraphs", "accuracy",
                    "macro-F1"));
            List<String> ga = new ArrayList<>(List.of("---", "---:", "---:", "---:", "---:"));
            for (String l : ev.labels()) {
                gh.add("F1 " + escape(l));
                ga.add("---:");
            }
            List<List<String>> gr = new ArrayList<>();
            for (Map.Entry<String, Evaluation> g : field.getValue().entrySet()) {
                Evaluation e = g.getValue();
                List<String> row = new ArrayList<>(List.of(escape(g.getKey()), Integer.toString(e.articles().size()),
                        Long.toString(e.paragraphs()), number(e.accuracy()), number(e.macroF1())));
                for (String l : ev.labels()) {
                    row.add(e.support(l) > 0 || e.predicted(l) > 0 ? number(e.f1(l)) : NONE);
                }
                gr.add(row);
            }
            table(b, gh, ga, gr);
        }
    }

    private static void plots(StringBuilder b, List<String> plots, String h) {
        if (plots.isEmpty()) return;
        b.append(h).append(" Plots\n\n");
        for (String p : plots) {
            b.append("![").append(escape(caption(p))).append("](").append(p.replace(" ", "%20")).append(")\n\n");
        }
    }

    private static String caption(String file) {
        String base = file.endsWith(".png") ? file.substring(0, file.length() - 4) : file;
        return switch (base) {
            case "confusion" -> "Confusion matrix";
            case "reliability" -> "Reliability diagram";
            case "precision-recall" -> "Precision-recall curves";
            default -> base.startsWith("f1-by-") ? "F1 per label by " + base.substring(6) : base;
        };
    }

    private static void heldOutWarning(StringBuilder b, Provenance p, DataDescription data) {
        if (p == null) return;
        if (data.sha256().equals(p.trainingDataSha256())) {
            b.append("> **Warning:** this data has the SHA-256 of the model's training data: these figures are not ")
                    .append("measured on held-out data.\n\n");
        } else if (data.sha256().equals(p.devDataSha256())) {
            b.append("> **Note:** this is the model's dev data, which chose the training epoch: these figures are ")
                    .append("slightly optimistic.\n\n");
        }
    }

    private static void provenance(StringBuilder b, Provenance p) {
        b.append("## Provenance of the model\n\n");
        if (p == null) {
            b.append("Not recorded: no model provenance was given.\n");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("wirecopy version", escape(p.wirecopyVersion())));
        rows.add(List.of("Deeplearning4j version", escape(p.dl4jVersion())));
        rows.add(List.of("Java version", escape(p.javaVersion())));
        rows.add(List.of("OS", escape(p.os())));
        rows.add(List.of("seed", Long.toString(p.seed())));
        rows.add(List.of("training data", escape(p.trainingData())));
        rows.add(List.of("training data SHA-256", code(p.trainingDataSha256())));
        rows.add(List.of("training articles", Integer.toString(p.trainingArticles())));
        rows.add(List.of("training paragraphs", Integer.toString(p.trainingParagraphs())));
        rows.add(List.of("dev data", p.devData().isEmpty() ? NONE : escape(p.devData())));
        rows.add(List.of("dev data SHA-256", p.devDataSha256().isEmpty() ? NONE : code(p.devDataSha256())));
        rows.add(List.of("best epoch", Integer.toString(p.bestEpoch())));
        for (Map.Entry<String, Double> m : p.devMetrics().entrySet()) {
            rows.add(List.of("dev " + escape(m.getKey()), m.getValue() == null ? NONE : number(m.getValue())));
        }
        table(b, List.of("item", "value"), List.of("---", "---"), rows);
        b.append("Training configuration:\n\n");
        String config = prettyJson(p.trainingConfig());
        String fence = "```";
        while (config.contains(fence)) fence += "`";
        b.append(fence).append("json\n").append(config).append('\n').append(fence).append('\n');
    }

    private static String prettyJson(String json) {
        try {
            return JSON.writeValueAsString(JSON.readTree(json)).replace("\r\n", "\n");
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return json.strip(); // not JSON: shown as recorded
        }
    }

    /** Appends a GitHub table: cells must already be escaped. */
    private static void table(StringBuilder b, List<String> header, List<String> align, List<List<String>> rows) {
        row(b, header);
        b.append('|').append(String.join("|", align)).append("|\n");
        for (List<String> r : rows) {
            if (r.size() != header.size()) {
                throw new IllegalStateException("table row of " + r.size() + " cells under " + header.size()
                        + " headers");
            }
            row(b, r);
        }
        b.append('\n');
    }

    private static void row(StringBuilder b, List<String> cells) {
        b.append('|');
        for (String c : cells) b.append(' ').append(c).append(" |");
        b.append('\n');
    }

    private static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : NONE;
    }

    /** Inline code of a value with no backticks (hashes). */
    private static String code(String s) {
        return s.isEmpty() || s.contains("`") ? escape(s) : "`" + s + "`";
    }

    /** Text as literal Markdown inline content, safe in a table cell: punctuation escaped, line breaks as spaces. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '#', '~', '!', '&' -> out.append('\\').append(c);
                case '\n', '\r', '\t' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
