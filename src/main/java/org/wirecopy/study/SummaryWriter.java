package org.wirecopy.study;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.apache.commons.text.StringEscapeUtils;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes {@link ArticleSummary} rows as they come, one per article: {@code id}, the article's fields, {@code paragraphs},
 * {@code n_LABEL} and {@code share_LABEL} per label, {@code mean_confidence} and {@code uncertain}. CSV has a fixed
 * header, so it carries the fields named at construction (empty when an article lacks one); JSONL carries every field
 * of each article. A field named like a computed column is written as {@code field_NAME}.
 *
 * <p>Not thread-safe. Does not close the writer.
 */
public final class SummaryWriter {

    private final Writer out;
    private final SummaryFormat format;
    private final List<String> labels;
    private final List<String> fields;
    private final JsonFactory json = new JsonFactory();
    private boolean begun;

    /**
     * @param out    where rows go
     * @param format CSV or JSONL
     * @param labels the model's labels, in order
     * @param fields the field columns of CSV (ignored by JSONL, which writes every field)
     */
    public SummaryWriter(Writer out, SummaryFormat format, List<String> labels, List<String> fields) {
        this.out = Objects.requireNonNull(out, "out");
        this.format = Objects.requireNonNull(format, "format");
        this.labels = List.copyOf(labels);
        this.fields = List.copyOf(fields);
        if (this.labels.isEmpty()) throw new IllegalArgumentException("labels must not be empty");
    }

    /**
     * Writes one row (the CSV header before the first).
     *
     * @param s the article's summary, with this writer's labels
     * @throws IOException when writing fails
     */
    public void write(ArticleSummary s) throws IOException {
        if (!begun) {
            begun = true;
            if (format == SummaryFormat.CSV) header();
        }
        if (format == SummaryFormat.CSV) csv(s);
        else jsonl(s);
    }

    /**
     * Writes the CSV header if no row was written (an empty but well-formed file), then flushes.
     *
     * @throws IOException when writing fails
     */
    public void finish() throws IOException {
        if (!begun && format == SummaryFormat.CSV) header();
        begun = true;
        out.flush();
    }

    static String fieldColumn(String name) {
        return SummaryColumns.computed(name) ? "field_" + name : name;
    }

    private void header() throws IOException {
        StringBuilder b = new StringBuilder(SummaryColumns.ID);
        for (String f : fields) b.append(',').append(StringEscapeUtils.escapeCsv(fieldColumn(f)));
        b.append(',').append(SummaryColumns.PARAGRAPHS);
        for (String l : labels) b.append(',').append(SummaryColumns.COUNT).append(l);
        for (String l : labels) b.append(',').append(SummaryColumns.SHARE).append(l);
        b.append(',').append(SummaryColumns.CONFIDENCE).append(',').append(SummaryColumns.UNCERTAIN).append('\n');
        out.write(b.toString());
    }

    private void csv(ArticleSummary s) throws IOException {
        StringBuilder b = new StringBuilder(StringEscapeUtils.escapeCsv(s.id()));
        for (String f : fields) {
            String v = s.field(f);
            b.append(',').append(v == null ? "" : StringEscapeUtils.escapeCsv(v));
        }
        b.append(',').append(s.paragraphs());
        for (String l : labels) b.append(',').append(s.counts().getOrDefault(l, 0));
        for (String l : labels) b.append(',').append(plain(s.share(l)));
        b.append(',').append(Double.isNaN(s.meanConfidence()) ? "" : plain(s.meanConfidence()));
        b.append(',').append(s.uncertain()).append('\n');
        out.write(b.toString());
    }

    private void jsonl(ArticleSummary s) throws IOException {
        StringWriter sw = new StringWriter();
        try (JsonGenerator g = json.createGenerator(sw)) {
            g.writeStartObject();
            g.writeStringField(SummaryColumns.ID, s.id());
            for (Map.Entry<String, String> e : s.fields().entrySet()) {
                g.writeStringField(fieldColumn(e.getKey()), e.getValue());
            }
            g.writeNumberField(SummaryColumns.PARAGRAPHS, s.paragraphs());
            for (String l : labels) g.writeNumberField(SummaryColumns.COUNT + l, s.counts().getOrDefault(l, 0));
            for (String l : labels) g.writeNumberField(SummaryColumns.SHARE + l, round(s.share(l)));
            if (Double.isNaN(s.meanConfidence())) g.writeNullField(SummaryColumns.CONFIDENCE);
            else g.writeNumberField(SummaryColumns.CONFIDENCE, round(s.meanConfidence()));
            g.writeNumberField(SummaryColumns.UNCERTAIN, s.uncertain());
            g.writeEndObject();
        }
        out.write(sw.toString());
        out.write('\n');
    }

    static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    /** {@link #round} as CSV text, never in scientific notation ({@code 0.000446}, not {@code 4.46E-4}). */
    static String plain(double v) {
        return java.math.BigDecimal.valueOf(round(v)).toPlainString();
    }
}
