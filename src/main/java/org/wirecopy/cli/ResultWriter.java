package org.wirecopy.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonFactory;
import org.apache.commons.text.StringEscapeUtils;
import org.wirecopy.classify.ClassifiedArticle;
import org.wirecopy.classify.ClassifiedParagraph;
import org.wirecopy.classify.Explanation;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders classified articles in one of the {@link OutputFormat}s. Not thread-safe. */
abstract class ResultWriter {

    protected final PrintWriter out;
    protected final List<String> labels;
    /** The article fields CSV gives a column each (after {@code text}). */
    protected List<String> fieldColumns = List.of();

    ResultWriter(PrintWriter out, List<String> labels) {
        this.out = out;
        this.labels = labels;
    }

    static ResultWriter of(OutputFormat f, PrintWriter out, List<String> labels) {
        return switch (f) {
            case text -> new Text(out, labels);
            case jsonl -> new Jsonl(out, labels);
            case csv -> new Csv(out, labels);
            case html -> new Html(out, labels);
        };
    }

    /** Whether CSV has an {@code explanation} column (with {@code --explain}). */
    protected boolean explanationColumn;

    /** The same writer with an {@code explanation} column in CSV (call before {@link #begin()}). */
    ResultWriter withExplanationColumn(boolean on) {
        this.explanationColumn = on;
        return this;
    }

    /**
     * An explanation on one line: {@code LABEL: feature (source) +0.123, feature (source) +0.045; LABEL: ...}, the
     * source being {@code paragraph}, {@code article} or {@code neighbour -1} (see {@link Explanation.Source}).
     */
    static String oneLine(Explanation e) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, List<Explanation.Contribution>> t : e.toward().entrySet()) {
            if (b.length() > 0) b.append("; ");
            b.append(t.getKey()).append(':');
            String sep = " ";
            for (Explanation.Contribution c : t.getValue()) {
                b.append(sep).append(String.format(Locale.ROOT, "%s %+.3f", c.describe(), c.effect()));
                sep = ", ";
            }
        }
        return b.toString();
    }

    /** The same writer with a CSV column per field in {@code fields} (call before {@link #begin()}). */
    ResultWriter withFieldColumns(List<String> fields) {
        this.fieldColumns = List.copyOf(fields);
        return this;
    }

    /** Paragraph keys of JSONL that an article field must not take. */
    static final java.util.Set<String> PARAGRAPH_KEYS = java.util.Set.of("article", "index", "label", "scores",
            "start", "end", "text", "uncertain", "explanation");

    /** The JSONL key of article field {@code name}: the name, or {@code field_NAME} when a paragraph key has it. */
    static String fieldKey(String name) {
        return PARAGRAPH_KEYS.contains(name) ? "field_" + name : name;
    }

    void begin() {
    }

    /**
     * The text {@link #article(String, Map, ClassifiedArticle, List)} would print for an article without
     * explanations, made on any thread, or null when this format renders on the writing thread only (then pass the
     * article to {@code article}). Thread-safe.
     */
    String render(String id, Map<String, String> fields, ClassifiedArticle a) {
        return null;
    }

    /**
     * Prints text made by {@link #render}, without flushing: call {@link #flush()} when no more is ready for a while
     * (and before {@link #check()} reports lost output).
     */
    void printRendered(String text) {
        out.write(text);
    }

    /** Sends what has been printed to the output. */
    void flush() {
        out.flush();
    }

    /** Writes one article; {@code id} is null for a single article. */
    final void article(String id, ClassifiedArticle a) throws IOException {
        article(id, a, null);
    }

    /** Writes one article with an explanation per paragraph ({@code explanations} may be null). */
    final void article(String id, ClassifiedArticle a, List<Explanation> explanations) throws IOException {
        article(id, Map.of(), a, explanations);
    }

    /**
     * Writes one article with its fields ({@code style}, {@code source}...; CSV and JSONL carry them on every
     * paragraph) and an explanation per paragraph ({@code explanations} may be null).
     */
    abstract void article(String id, Map<String, String> fields, ClassifiedArticle a, List<Explanation> explanations)
            throws IOException;

    void end() {
        out.flush();
    }

    /**
     * Ends the run when a write to the output failed (PrintWriter swallows errors: a closed pipe, a full disk,
     * {@code /dev/full}).
     */
    final void check() throws IOException {
        if (out.checkError()) {
            throw new IOException("cannot write the results to standard output (a closed pipe, a full disk or a "
                    + "device that refuses writes); the output is incomplete");
        }
    }

    /** {@code index  LABEL  0.97  text} per paragraph, then totals. */
    static final class Text extends ResultWriter {
        Text(PrintWriter out, List<String> labels) {
            super(out, labels);
        }

        @Override
        void article(String id, Map<String, String> fields, ClassifiedArticle a, List<Explanation> explanations) {
            if (id != null) out.println("# " + id);
            int w = labels.stream().mapToInt(String::length).max().orElse(10);
            for (ClassifiedParagraph p : a.paragraphs()) {
                String t = p.text().replaceAll("\\s+", " ");
                if (t.length() > 100) t = t.substring(0, 97) + "...";
                out.printf(Locale.ROOT, "%4d  %-" + w + "s %s%.2f  %s%n", p.index(), p.label(),
                        p.uncertain() ? "?" : " ", p.confidence(), t);
                if (explanations != null) {
                    for (Map.Entry<String, List<Explanation.Contribution>> e
                            : explanations.get(p.index()).toward().entrySet()) {
                        StringBuilder b = new StringBuilder();
                        for (Explanation.Contribution c : e.getValue()) {
                            b.append(String.format(Locale.ROOT, "%s %+.3f  ", c.describe(), c.effect()));
                        }
                        out.printf(Locale.ROOT, "        toward %-" + w + "s %s%n", e.getKey(), b.toString().strip());
                    }
                }
            }
            StringBuilder b = new StringBuilder("      ");
            Map<String, Double> shares = a.characterShares();
            for (Map.Entry<String, Integer> e : a.counts().entrySet()) {
                b.append(String.format(Locale.ROOT, "%s %d (%.0f%% of text)  ", e.getKey(), e.getValue(),
                        100 * shares.get(e.getKey())));
            }
            out.println(b.toString().stripTrailing());
        }
    }

    /**
     * One JSON object per paragraph. An article's lines are rendered by one {@link JsonGenerator} into a buffer and
     * handed to the output in one write, then flushed: the same bytes as one generator and one {@code println} per
     * paragraph, with a flush per article instead of per paragraph (the CLI's writer flushes on every
     * {@code println}). Scores are printed by {@link #score(JsonGenerator, String, double)}.
     */
    static final class Jsonl extends ResultWriter {
        private final JsonFactory json = new JsonFactory();
        private final StringWriter buffer = new StringWriter(8192);
        private final String newline = System.lineSeparator();

        Jsonl(PrintWriter out, List<String> labels) {
            super(out, labels);
        }

        @Override
        String render(String id, Map<String, String> fields, ClassifiedArticle a) {
            return JsonlRenderer.render(id, fields, a);
        }

        @Override
        void article(String id, Map<String, String> fields, ClassifiedArticle a, List<Explanation> explanations)
                throws IOException {
            if (explanations == null) {
                out.write(JsonlRenderer.render(id, fields, a));
                out.flush();
                return;
            }
            StringBuffer text = buffer.getBuffer();
            text.setLength(0);
            try (JsonGenerator g = json.createGenerator(buffer)) {
                // no separator between root values: each object ends with a line break of its own
                g.setRootValueSeparator(null);
                for (ClassifiedParagraph p : a.paragraphs()) paragraph(g, id, fields, p, explanations);
            }
            out.write(text.toString());
            out.flush();
        }

        private void paragraph(JsonGenerator g, String id, Map<String, String> fields, ClassifiedParagraph p,
                               List<Explanation> explanations) throws IOException {
            g.writeStartObject();
            if (id != null) g.writeStringField("article", id);
            g.writeNumberField("index", p.index());
            g.writeStringField("label", p.label());
            g.writeObjectFieldStart("scores");
            for (Map.Entry<String, Double> e : p.scores().entrySet()) score(g, e.getKey(), e.getValue());
            g.writeEndObject();
            g.writeNumberField("start", p.start());
            g.writeNumberField("end", p.end());
            g.writeStringField("text", p.text());
            if (p.uncertain()) g.writeBooleanField("uncertain", true);
            for (Map.Entry<String, String> e : fields.entrySet()) {
                g.writeStringField(fieldKey(e.getKey()), e.getValue());
            }
            if (explanations != null) {
                g.writeObjectFieldStart("explanation");
                for (Map.Entry<String, List<Explanation.Contribution>> e
                        : explanations.get(p.index()).toward().entrySet()) {
                    g.writeArrayFieldStart(e.getKey());
                    for (Explanation.Contribution c : e.getValue()) {
                        g.writeStartObject();
                        g.writeStringField("feature", c.feature());
                        g.writeStringField("source", c.source().key());
                        if (c.offset() != 0) g.writeNumberField("offset", c.offset());
                        g.writeNumberField("effect", round(c.effect()));
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeRaw(newline);
        }
    }

    /**
     * Writes {@code "name": round(v)} exactly as {@code g.writeNumberField(name, round(v))} does (which prints
     * {@link Double#toString}), without Double.toString for the usual scores: see {@link #roundedText(double)}.
     */
    static void score(JsonGenerator g, String name, double v) throws IOException {
        double r = round(v);
        String text = roundedText(r);
        if (text == null) {
            g.writeNumberField(name, r);
        } else {
            g.writeFieldName(name);
            g.writeRawValue(text);
        }
    }

    /**
     * {@code Double.toString(r)} for {@code r = m / 1e6} with an integer m in [1000, 1000000] (a probability rounded
     * by {@link #round(double)}, at least 0.001), or null for any other value. For those m, Java 17's Double.toString
     * prints the six decimals of m with trailing zeros dropped (checked for every m by ResultWriterTest); below 0.001
     * it switches to {@code 1.0E-4} notation, so those are left to it. Double.toString is the largest method the JIT
     * compiles in a classify run and about a tenth of the JSON writer's time.
     */
    static String roundedText(double r) {
        if (!(r >= 1e-3 && r <= 1.0)) return null;
        long m = Math.round(r * 1e6);
        if (m < 1000 || m > 1_000_000 || m / 1e6 != r) return null;
        if (m == 1_000_000) return "1.0";
        char[] c = {'0', '.', '0', '0', '0', '0', '0', '0'};
        long x = m;
        for (int i = 7; i >= 2; i--) {
            c[i] = (char) ('0' + x % 10);
            x /= 10;
        }
        int end = 8;
        while (end > 3 && c[end - 1] == '0') end--;
        return new String(c, 0, end);
    }

    /** CSV with a header: article, index, label, one score column per label, start, end, text. */
    static final class Csv extends ResultWriter {
        Csv(PrintWriter out, List<String> labels) {
            super(out, labels);
        }

        @Override
        void begin() {
            StringBuilder b = new StringBuilder("article,index,label");
            for (String l : labels) b.append(",score_").append(l);
            b.append(",uncertain,start,end,text");
            for (String f : fieldColumns) b.append(',').append(StringEscapeUtils.escapeCsv(fieldKey(f)));
            if (explanationColumn) b.append(",explanation");
            out.println(b);
        }

        @Override
        void article(String id, Map<String, String> fields, ClassifiedArticle a, List<Explanation> explanations) {
            for (ClassifiedParagraph p : a.paragraphs()) {
                StringBuilder b = new StringBuilder();
                b.append(StringEscapeUtils.escapeCsv(id == null ? "" : id)).append(',').append(p.index()).append(',')
                        .append(p.label());
                for (String l : labels) {
                    // plain decimals (0.000446, not 4.46E-4) for every spreadsheet
                    double r = round(p.score(l));
                    String t = roundedText(r);
                    b.append(',').append(t != null ? t : java.math.BigDecimal.valueOf(r).toPlainString());
                }
                b.append(',').append(p.uncertain());
                b.append(',').append(p.start()).append(',').append(p.end()).append(',')
                        .append(StringEscapeUtils.escapeCsv(p.text()));
                for (String f : fieldColumns) {
                    String v = fields.get(f);
                    b.append(',').append(v == null ? "" : StringEscapeUtils.escapeCsv(v));
                }
                if (explanationColumn) {
                    b.append(',').append(explanations == null ? ""
                            : StringEscapeUtils.escapeCsv(oneLine(explanations.get(p.index()))));
                }
                out.println(b);
            }
        }
    }

    /** A self-contained HTML page with each paragraph coloured by label. */
    static final class Html extends ResultWriter {
        private static final String[] COLOURS = {"#dbeafe", "#fef3c7", "#e5e7eb", "#dcfce7", "#fce7f3", "#ede9fe"};

        Html(PrintWriter out, List<String> labels) {
            super(out, labels);
        }

        @Override
        void begin() {
            out.println("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>wirecopy</title><style>");
            out.println("body{font-family:sans-serif;max-width:52em;margin:2em auto}p{padding:.4em .6em;margin:.3em 0}"
                    + "small{color:#555;float:right}");
            for (int i = 0; i < labels.size(); i++) {
                out.println(".l" + i + "{background:" + COLOURS[i % COLOURS.length] + "}");
            }
            out.println("</style></head><body>");
            StringBuilder legend = new StringBuilder("<p>");
            for (int i = 0; i < labels.size(); i++) {
                legend.append("<span class=\"l").append(i).append("\">").append(esc(labels.get(i)))
                        .append("</span> ");
            }
            out.println(legend.append("</p>"));
        }

        @Override
        void article(String id, Map<String, String> fields, ClassifiedArticle a, List<Explanation> explanations) {
            if (id != null) out.println("<h2>" + esc(id) + "</h2>");
            for (ClassifiedParagraph p : a.paragraphs()) {
                out.printf(Locale.ROOT, "<p class=\"l%d\" title=\"%s\"><small>%s%s %.2f</small>%s</p>%n",
                        labels.indexOf(p.label()), esc(p.scores().toString()), esc(p.label()),
                        p.uncertain() ? "?" : "", p.confidence(), esc(p.text()));
            }
        }

        @Override
        void end() {
            out.println("</body></html>");
            out.flush();
        }

        private static String esc(String s) {
            return StringEscapeUtils.escapeHtml4(s);
        }
    }

    static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
