package org.wirecopy.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.wirecopy.classify.ClassifiedArticle;
import org.wirecopy.classify.ClassifiedParagraph;
import org.wirecopy.classify.Explanation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Renders results and problems as JSON: the article as {@code classify --format jsonl} gives its paragraphs (index,
 * label, every score, offsets, text), plus counts and character shares per label.
 *
 * <p>Stateless and thread-safe.
 */
final class ResultJson {

    private static final JsonFactory JSON = new JsonFactory();

    private ResultJson() {
    }

    /**
     * One classified article as a JSON object (no line break).
     *
     * @param line         the batch line number, or null
     * @param explanations one per paragraph, or null
     */
    static byte[] article(Integer line, String id, String format, ClassifiedArticle a, ClassifyOptions options,
                          List<Explanation> explanations) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + 256 * a.size());
        try (JsonGenerator g = JSON.createGenerator(bytes)) {
            g.writeStartObject();
            if (line != null) g.writeNumberField("line", line);
            if (id != null) g.writeStringField("id", id);
            g.writeStringField("format", format);
            g.writeArrayFieldStart("labels");
            for (String l : a.labels()) g.writeString(l);
            g.writeEndArray();
            g.writeArrayFieldStart("paragraphs");
            for (ClassifiedParagraph p : a.paragraphs()) {
                g.writeStartObject();
                g.writeNumberField("index", p.index());
                g.writeStringField("label", p.label());
                g.writeObjectFieldStart("scores");
                for (Map.Entry<String, Double> e : p.scores().entrySet()) {
                    g.writeNumberField(e.getKey(), round(e.getValue()));
                }
                g.writeEndObject();
                g.writeNumberField("start", p.start());
                g.writeNumberField("end", p.end());
                g.writeStringField("text", p.text());
                g.writeBooleanField("uncertain", p.confidence() < options.threshold(p.label()));
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
            }
            g.writeEndArray();
            g.writeObjectFieldStart("counts");
            for (Map.Entry<String, Integer> e : a.counts().entrySet()) g.writeNumberField(e.getKey(), e.getValue());
            g.writeEndObject();
            g.writeObjectFieldStart("shares");
            for (Map.Entry<String, Double> e : a.characterShares().entrySet()) {
                g.writeNumberField(e.getKey(), round(e.getValue()));
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: writing JSON to memory", e);
        }
        return bytes.toByteArray();
    }

    /** A problem document; {@code instance} is the request path, {@code line} the batch line or null. */
    static byte[] problem(Problem p, String instance, Integer line) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JSON.createGenerator(bytes)) {
            writeProblem(g, p, instance, line);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: writing JSON to memory", e);
        }
        return bytes.toByteArray();
    }

    /** A batch line that failed: {@code {"line": n, "id": ..., "error": {problem}}}. */
    static byte[] batchError(int line, String id, Problem p, String instance) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JSON.createGenerator(bytes)) {
            g.writeStartObject();
            g.writeNumberField("line", line);
            if (id != null) g.writeStringField("id", id);
            g.writeFieldName("error");
            writeProblem(g, p, instance, line);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: writing JSON to memory", e);
        }
        return bytes.toByteArray();
    }

    private static void writeProblem(JsonGenerator g, Problem p, String instance, Integer line) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", p.type());
        g.writeStringField("title", p.title());
        g.writeNumberField("status", p.status());
        g.writeStringField("detail", p.detail());
        if (instance != null) g.writeStringField("instance", instance);
        if (line != null) g.writeNumberField("line", line);
        g.writeEndObject();
    }

    static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
