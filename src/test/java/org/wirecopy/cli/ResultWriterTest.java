package org.wirecopy.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.junit.jupiter.api.Test;
import org.wirecopy.classify.ClassifiedArticle;
import org.wirecopy.classify.ClassifiedParagraph;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The JSONL writer's shortcuts print exactly what Jackson and Double.toString print. */
class ResultWriterTest {

    @Test
    void roundedScoresPrintAsDoubleToStringForEveryValueTheyCover() {
        int covered = 0;
        for (long m = 0; m <= 1_000_000; m++) {
            double r = m / 1e6;
            String fast = ResultWriter.roundedText(r);
            if (fast == null) continue;
            covered++;
            assertEquals(Double.toString(r), fast, "m = " + m);
        }
        // every m from 1000 (0.001) to 1000000 (1.0) takes the short path
        assertEquals(999_001, covered);
        assertNull(ResultWriter.roundedText(0.0009));
        assertNull(ResultWriter.roundedText(1.5));
        assertNull(ResultWriter.roundedText(0.1234567));
        assertNull(ResultWriter.roundedText(Double.NaN));
    }

    @Test
    void jsonlIsByteForByteWhatOneGeneratorPerParagraphPrints() throws Exception {
        Random random = new Random(7);
        List<String> labels = List.of("REPORTING", "COMMENTARY", "BOILERPLATE");
        List<ClassifiedParagraph> ps = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Map<String, Double> scores = new LinkedHashMap<>();
            double a = i % 50 == 0 ? 1e-7 * random.nextInt(10_000) : random.nextDouble();
            double b = (1 - a) * random.nextDouble();
            scores.put("REPORTING", a);
            scores.put("COMMENTARY", b);
            scores.put("BOILERPLATE", i % 7 == 0 ? (double) (float) (1 - a - b) : 1 - a - b);
            String text = "para \"" + i + "\" \u00e9\u2014\\ <b>" + "x".repeat(i);
            ps.add(new ClassifiedParagraph(i, text, i * 10, i * 10 + text.length(), labels.get(i % 3), scores,
                    i % 5 == 0));
        }
        ClassifiedArticle article = new ClassifiedArticle(labels, ps);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("style", "wire \"copy\"");
        fields.put("text", "a field named like a paragraph key");

        StringWriter got = new StringWriter();
        ResultWriter w = ResultWriter.of(OutputFormat.jsonl, new PrintWriter(got, true), labels);
        w.article("story-1", fields, article, null);
        w.article(null, Map.of(), article, null);

        assertEquals(reference("story-1", fields, article) + reference(null, Map.of(), article), got.toString());
    }

    @Test
    void jsonlRendererEscapesEveryCharacterAndPrintsEveryNumberAsJackson() throws Exception {
        Random random = new Random(11);
        List<String> labels = List.of("REPORTING", "COMMENTARY", "BOILERPLATE");
        double[] odd = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.25, 0.0, 1e-9, 123456.75,
                0.0009999, 2.0};
        List<ClassifiedParagraph> ps = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            StringBuilder t = new StringBuilder();
            int n = 1 + random.nextInt(40);
            for (int k = 0; k < n; k++) {
                int kind = random.nextInt(4);
                // control characters, ASCII, any BMP char (lone surrogates included), then pairs beyond the BMP
                if (kind == 0) t.append((char) random.nextInt(0x20));
                else if (kind == 1) t.append((char) (0x20 + random.nextInt(0x60)));
                else if (kind == 2) t.append((char) random.nextInt(0x10000));
                else t.appendCodePoint(0x10000 + random.nextInt(0x100000));
            }
            if (i < 0x80) t.append((char) i);
            Map<String, Double> scores = new LinkedHashMap<>();
            scores.put("REPORTING", odd[i % odd.length]);
            scores.put("COMMENTARY", random.nextDouble());
            scores.put("BOILERPLATE", i % 3 == 0 ? random.nextDouble() * 1e-4 : (double) random.nextFloat());
            ps.add(new ClassifiedParagraph(i, t.toString(), -i, i * 7, labels.get(i % 3), scores, i % 4 == 0));
        }
        ClassifiedArticle article = new ClassifiedArticle(labels, ps);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("label", "\u0000\n\"\\\u2028\u007f\ud800");
        fields.put("dir", "");
        for (String id : new String[]{null, "a\tb\u0001\"", ""}) {
            Map<String, String> f = id == null ? Map.of() : fields;
            assertEquals(reference(id, f, article), JsonlRenderer.render(id, f, article), "id " + id);
        }
    }

    /** The writer as it was: a generator and a println per paragraph, scores through writeNumberField. */
    private static String reference(String id, Map<String, String> fields, ClassifiedArticle a) throws Exception {
        JsonFactory json = new JsonFactory();
        StringWriter all = new StringWriter();
        PrintWriter out = new PrintWriter(all, true);
        for (ClassifiedParagraph p : a.paragraphs()) {
            StringWriter sw = new StringWriter();
            try (JsonGenerator g = json.createGenerator(sw)) {
                g.writeStartObject();
                if (id != null) g.writeStringField("article", id);
                g.writeNumberField("index", p.index());
                g.writeStringField("label", p.label());
                g.writeObjectFieldStart("scores");
                for (Map.Entry<String, Double> e : p.scores().entrySet()) {
                    g.writeNumberField(e.getKey(), ResultWriter.round(e.getValue()));
                }
                g.writeEndObject();
                g.writeNumberField("start", p.start());
                g.writeNumberField("end", p.end());
                g.writeStringField("text", p.text());
                if (p.uncertain()) g.writeBooleanField("uncertain", true);
                for (Map.Entry<String, String> e : fields.entrySet()) {
                    g.writeStringField(ResultWriter.fieldKey(e.getKey()), e.getValue());
                }
                g.writeEndObject();
            }
            out.println(sw);
        }
        return all.toString();
    }
}
