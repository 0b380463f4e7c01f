package org.wirecopy.eval.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirecopy.eval.Evaluation;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wirecopy.eval.report.ReportFixtures.a1;
import static org.wirecopy.eval.report.ReportFixtures.a2;
import static org.wirecopy.eval.report.ReportFixtures.a3;

class ReportWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void evaluationReportWritesJsonMarkdownAndPlotsAndReturnsThemInOrder() throws IOException {
        Path out = dir.resolve("not/yet/there");
        List<Path> files = ReportWriter.write(ReportFixtures.twoStylesOneSource(), ReportFixtures.provenance(),
                ReportFixtures.data(), out);

        assertEquals(List.of("report.json", "report.md", "confusion.png", "reliability.png",
                "precision-recall.png", "f1-by-style.png"), names(files));
        for (Path f : files) {
            assertTrue(Files.isRegularFile(f), f + " exists");
            assertEquals(out, f.getParent());
        }
    }

    @Test
    void everyPlotDecodesAsAPngOfThePlotSize() throws IOException {
        List<Path> files = ReportWriter.write(ReportFixtures.twoStylesOneSource(), null, ReportFixtures.data(), dir);
        int pngs = 0;
        for (Path f : files) {
            if (!f.toString().endsWith(".png")) continue;
            BufferedImage image = ImageIO.read(f.toFile());
            assertNotNull(image, f + " decodes");
            assertEquals(Plots.WIDTH, image.getWidth(), f + " width");
            assertEquals(Plots.HEIGHT, image.getHeight(), f + " height");
            pngs++;
        }
        assertEquals(4, pngs);
    }

    @Test
    void jsonHoldsTheFiguresTheDataAndTheProvenance() throws IOException {
        ReportWriter.write(ReportFixtures.twoStylesOneSource(), ReportFixtures.provenance(), ReportFixtures.data(),
                dir);
        JsonNode json = JSON.readTree(Files.readString(dir.resolve("report.json"), StandardCharsets.UTF_8));

        assertEquals("wirecopy-report", json.path("format").asText());
        assertEquals(1, json.path("formatVersion").asInt());
        assertEquals("evaluation", json.path("kind").asText());
        assertEquals(7.0 / 9, json.path("macroF1").asDouble(), 1e-12);
        assertEquals(0.75, json.path("accuracy").asDouble(), 1e-12);
        assertEquals(2.0 / 3, json.path("perLabel").path("REPORTING").path("f1").asDouble(), 1e-12);
        assertEquals(11.0 / 12, json.path("perLabel").path("REPORTING").path("prAuc").asDouble(), 1e-12);
        assertEquals(1, json.path("confusion").path("REPORTING").path("COMMENTARY").asLong());

        assertEquals("test.jsonl", json.path("data").path("name").asText());
        assertEquals(ReportFixtures.sha256("test"), json.path("data").path("sha256").asText());

        JsonNode p = json.path("provenance");
        assertEquals("0.1.0", p.path("wirecopyVersion").asText());
        assertEquals("1.0.0-M2.1", p.path("dl4jVersion").asText());
        assertEquals("17.0.15", p.path("javaVersion").asText());
        assertEquals(42, p.path("seed").asLong());
        assertEquals(ReportFixtures.sha256("train"), p.path("trainingDataSha256").asText());
        assertEquals(ReportFixtures.sha256("dev"), p.path("devDataSha256").asText());
        assertEquals("{\"seed\":42,\"epochs\":5}", p.path("trainingConfig").asText());
        assertEquals(0.9, p.path("devMetrics").path("macroF1").asDouble(), 1e-12);

        JsonNode byStyle = json.path("by").path("style");
        assertEquals(List.of("politics", "tech-blog"), fieldNames(byStyle));
        assertEquals(0.75, byStyle.path("politics").path("accuracy").asDouble(), 1e-12);
        assertTrue(json.path("by").path("source").isMissingNode(), "one source value: no breakdown");
    }

    @Test
    void missingProvenanceIsWrittenAsNull() throws IOException {
        ReportWriter.write(ReportFixtures.twoStylesOneSource(), null, ReportFixtures.data(), dir);
        JsonNode json = JSON.readTree(dir.resolve("report.json").toFile());
        assertTrue(json.has("provenance"));
        assertTrue(json.path("provenance").isNull());
        assertTrue(Files.readString(dir.resolve("report.md")).contains("Not recorded: no model provenance was given."));
    }

    @Test
    void perFieldPlotsAppearOnlyForFieldsWithAtLeastTwoValues() throws IOException {
        List<Path> none = ReportWriter.write(ReportFixtures.noFields(), null, ReportFixtures.data(),
                dir.resolve("none"));
        assertFalse(names(none).stream().anyMatch(n -> n.startsWith("f1-by-")), names(none).toString());
        assertFalse(Files.exists(dir.resolve("none/f1-by-style.png")));

        List<Path> style = ReportWriter.write(ReportFixtures.twoStylesOneSource(), null, ReportFixtures.data(),
                dir.resolve("style"));
        assertTrue(names(style).contains("f1-by-style.png"));
        assertFalse(names(style).contains("f1-by-source.png"), "both articles are from AP");
        assertFalse(Files.exists(dir.resolve("style/f1-by-source.png")));

        Evaluation both = new Evaluation(ReportFixtures.LABELS, List.of(
                a1(Map.of("style", "tech-blog", "source", "AP")),
                a2(Map.of("style", "politics", "source", "Reuters")),
                a3(Map.of("source", "AFP"))));
        List<Path> files = ReportWriter.write(both, null, ReportFixtures.data(), dir.resolve("both"));
        assertTrue(names(files).containsAll(List.of("f1-by-style.png", "f1-by-source.png")), names(files).toString());
        assertNotNull(ImageIO.read(dir.resolve("both/f1-by-source.png").toFile()));
    }

    @Test
    void sameResultsGiveByteIdenticalTextReports() throws IOException {
        ReportWriter.write(ReportFixtures.twoStylesOneSource(), ReportFixtures.provenance(), ReportFixtures.data(),
                dir.resolve("one"));
        ReportWriter.write(ReportFixtures.twoStylesOneSource(), ReportFixtures.provenance(), ReportFixtures.data(),
                dir.resolve("two"));
        for (String f : List.of("report.json", "report.md")) {
            byte[] one = Files.readAllBytes(dir.resolve("one").resolve(f));
            assertArrayEquals(one, Files.readAllBytes(dir.resolve("two").resolve(f)), f);
            assertFalse(new String(one, StandardCharsets.UTF_8).contains("\r"), f + " uses \\n");
        }
    }

    @Test
    void anEvaluationWithoutParagraphsIsRefusedBeforeAnythingIsWritten() {
        Path out = dir.resolve("empty");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReportWriter.write(new Evaluation(ReportFixtures.LABELS, List.of()), null,
                        ReportFixtures.data(), out));
        assertTrue(e.getMessage().contains("no paragraphs"), e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void crossValidationReportWritesTheSameFilesForThePooledPredictions() throws IOException {
        List<Path> files = ReportWriter.write(ReportFixtures.twoFolds(), ReportFixtures.provenance(),
                ReportFixtures.data(), dir);
        assertEquals(List.of("report.json", "report.md", "confusion.png", "reliability.png",
                "precision-recall.png", "f1-by-style.png"), names(files));
        for (Path f : files.subList(2, files.size())) {
            BufferedImage image = ImageIO.read(f.toFile());
            assertEquals(Plots.WIDTH, image.getWidth());
            assertEquals(Plots.HEIGHT, image.getHeight());
        }
    }

    @Test
    void crossValidationJsonHoldsTheSummaryAndTheProvenance() throws IOException {
        ReportWriter.write(ReportFixtures.twoFolds(), ReportFixtures.provenance(), ReportFixtures.data(), dir);
        JsonNode json = JSON.readTree(dir.resolve("report.json").toFile());

        assertEquals("cross-validation", json.path("kind").asText());
        assertEquals("bilstm", json.path("name").asText());
        assertEquals(2, json.path("folds").asInt());
        assertEquals(7, json.path("seed").asLong());
        JsonNode accuracy = json.path("figures").path("accuracy");
        assertEquals(0.75, accuracy.path("perFold").get(0).asDouble(), 1e-12);
        assertEquals(0.5, accuracy.path("perFold").get(1).asDouble(), 1e-12);
        assertEquals(0.625, accuracy.path("mean").asDouble(), 1e-12);
        assertEquals(0.125 * Math.sqrt(2), accuracy.path("std").asDouble(), 1e-12);
        assertEquals(7.0 / 12, json.path("figures").path("macroF1").path("mean").asDouble(), 1e-12);
        assertEquals(0.625, json.path("pooled").path("accuracy").asDouble(), 1e-12);
        assertEquals(List.of("politics", "tech-blog"), fieldNames(json.path("pooled").path("by").path("style")));
        assertEquals(42, json.path("provenance").path("seed").asLong());
        assertEquals(ReportFixtures.sha256("train"), json.path("provenance").path("trainingDataSha256").asText());
    }

    @Test
    void dataDescriptionRefusesAStringThatIsNotASha256() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DataDescription("x.jsonl", "abc"));
        assertTrue(e.getMessage().contains("Corpus.sha256()"), e.getMessage());
        assertEquals(ReportFixtures.sha256("x"),
                new DataDescription("x.jsonl", ReportFixtures.sha256("x").toUpperCase(Locale.ROOT)).sha256());
    }

    private static List<String> names(List<Path> files) {
        return files.stream().map(f -> f.getFileName().toString()).toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
