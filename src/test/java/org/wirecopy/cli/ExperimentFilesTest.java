package org.wirecopy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirecopy.TestData;
import org.wirecopy.classify.ClassifiedArticle;
import org.wirecopy.classify.ClassifiedParagraph;
import org.wirecopy.classify.Classifier;
import org.wirecopy.model.ModelIO;
import org.wirecopy.study.LabelThresholds;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-label thresholds, evaluate --config with data.test, init-config's message. */
class ExperimentFilesTest {

    @TempDir
    static Path dir;
    static Path model;
    static Path corpus;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WirecopyCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void saveModel() throws Exception {
        model = dir.resolve("tiny.zip");
        ModelIO.save(TestData.tinyModel(), model);
        corpus = TestData.resource("tiny-corpus.jsonl");
    }

    @Test
    void eachLabelIsFlaggedAgainstItsOwnThreshold() {
        ClassifiedArticle a = new ClassifiedArticle(List.of("A", "B"), List.of(
                new ClassifiedParagraph(0, "x", 0, 1, "A", Map.of("A", 0.7, "B", 0.3)),
                new ClassifiedParagraph(1, "y", 2, 3, "B", Map.of("A", 0.3, "B", 0.7)),
                new ClassifiedParagraph(2, "z", 4, 5, "A", Map.of("A", 0.9, "B", 0.1))));
        ClassifiedArticle t = new LabelThresholds(Map.of("A", 0.8, "B", 0.6)).apply(a);
        assertEquals(List.of(true, false, false), t.paragraphs().stream().map(ClassifiedParagraph::uncertain).toList());
        assertThrows(IllegalArgumentException.class, () -> new LabelThresholds(Map.of("A", 1.5)));
    }

    @Test
    void tuneThresholdWritesAFileThatClassifyApplies() throws Exception {
        Path file = dir.resolve("thresholds.json");
        Run t = run("tune-threshold", "--model", model.toString(), "--data", corpus.toString(), "--precision", "0.6",
                "--output", file.toString());
        assertTrue(t.code() == 0 || t.code() == ExitCodes.DATA, t.err());
        assertTrue(t.out().contains("wrote " + file), t.out());
        JsonNode root = new ObjectMapper().readTree(Files.readString(file));
        assertEquals(1, root.get("format").asInt());
        Classifier classifier = new Classifier(TestData.tinyModel());
        assertEquals(classifier.labels().size(), root.get("thresholds").size());
        LabelThresholds read = LabelThresholds.read(file);

        Path article = dir.resolve("a.txt");
        Files.writeString(article, "Headline\n\nFrom the AP:\n\nWASHINGTON (AP) \u2014 Text.\n\nAdvertisement\n",
                StandardCharsets.UTF_8);
        // thresholds chosen so that every paragraph's own label decides: 1.0 for the first paragraph's label only
        ClassifiedArticle plain = classifier.classify(Files.readString(article));
        String first = plain.paragraphs().get(0).label();
        Path own = dir.resolve("own.json");
        Files.writeString(own, new LabelThresholds(Map.of(first, 1.0)).toJson(null));
        Run c = run("classify", "--model", model.toString(), "--format", "jsonl", "--thresholds", own.toString(),
                article.toString());
        assertEquals(0, c.code(), c.err());
        List<String> lines = c.out().lines().toList();
        for (int i = 0; i < plain.size(); i++) {
            boolean expected = plain.paragraphs().get(i).label().equals(first);
            assertEquals(expected, lines.get(i).contains("\"uncertain\":true"), lines.get(i));
        }
        assertTrue(read.minConfidence().keySet().containsAll(classifier.labels()));

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"format\":1,\"thresholds\":{\"OTHER\":0.5}}");
        Run b = run("classify", "--model", model.toString(), "--thresholds", bad.toString(), article.toString());
        assertEquals(ExitCodes.USAGE, b.code(), b.err());
        assertTrue(b.err().contains("'OTHER'"), b.err());
        Files.writeString(bad, "{\"format\":1,\"thresholds\":{\"REPORTING\":\"high\"}}");
        IOException e = assertThrows(IOException.class, () -> LabelThresholds.read(bad));
        assertTrue(e.getMessage().contains("thresholds.REPORTING"), e.getMessage());
    }

    @Test
    void evaluateConfigUsesDataTestAndInitConfigSaysWhatItWrote() throws Exception {
        Path config = dir.resolve("exp.json");
        Run init = run("init-config", config.toString());
        assertEquals(0, init.code(), init.err());
        assertTrue(init.err().contains("wrote " + config) && init.err().contains("data.test"), init.err());
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = (ObjectNode) m.readTree(Files.readString(config));
        ArrayNode test = ((ObjectNode) root.get("data")).putArray("test");
        test.add(corpus.toString());
        Files.writeString(config, m.writeValueAsString(root));
        Run viaConfig = run("evaluate", "--model", model.toString(), "--config", config.toString());
        assertEquals(0, viaConfig.code(), viaConfig.err());
        Run direct = run("evaluate", "--model", model.toString(), "--data", corpus.toString());
        assertEquals(0, direct.code(), direct.err());
        assertEquals(direct.out().replaceAll("(?m)^data.*$", ""), viaConfig.out().replaceAll("(?m)^data.*$", ""));
        ((ObjectNode) root.get("data")).putArray("test");
        Files.writeString(config, m.writeValueAsString(root));
        Run empty = run("evaluate", "--model", model.toString(), "--config", config.toString());
        assertEquals(ExitCodes.USAGE, empty.code(), empty.err());
        assertTrue(empty.err().contains("data.test is empty"), empty.err());
    }
}
