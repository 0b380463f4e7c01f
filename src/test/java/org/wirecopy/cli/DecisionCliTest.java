package org.wirecopy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirecopy.TestData;
import org.wirecopy.model.Model;
import org.wirecopy.model.ModelIO;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code inspect} and {@code evaluate --prediction-map} with a model trained with {@code --fit-thresholds}. */
class DecisionCliTest {

    @TempDir
    static Path dir;
    static Path plain;
    static Path decided;
    static Path sameProvenance;

    @BeforeAll
    static void saveModels() throws Exception {
        plain = dir.resolve("plain.zip");
        decided = dir.resolve("decided.zip");
        sameProvenance = dir.resolve("same-provenance.zip");
        Model tiny = TestData.tinyModel();
        Model d = TestData.decidedTinyModel();
        ModelIO.save(tiny, plain);
        ModelIO.save(d, decided);
        ModelIO.save(tiny.withDecision(d.decision()), sameProvenance);
    }

    @Test
    void inspectShowsTheFittedDecisionAndItsDevFigures() throws Exception {
        CliTest.Run r = CliTest.run("inspect", "--model", decided.toString());
        assertEquals(0, r.code(), r.err());
        List<String> labels = TestData.tinyModel().labels();
        StringBuilder biases = new StringBuilder("log-score biases ");
        for (int j = 0; j < labels.size(); j++) {
            biases.append(j == 0 ? "" : ", ").append(labels.get(j))
                    .append(labels.get(j).equals("BOILERPLATE") ? " +45.0000" : " +0.0000");
        }
        assertTrue(r.out().contains("decision:     fitted on dev (train --fit-thresholds): " + biases + "\n"),
                r.out());
        assertTrue(r.out().contains("  dev macro-F1 0.5000 with the decision (in sample: fitted on this dev data), "
                + "0.8750 by the highest score, 0.4375 with thresholds fitted on the other folds of dev\n"), r.out());
    }

    @Test
    void inspectOfAModelWithoutADecisionIsUnchanged() {
        CliTest.Run p = CliTest.run("inspect", "--model", plain.toString());
        CliTest.Run d = CliTest.run("inspect", "--model", sameProvenance.toString());
        assertEquals(0, p.code(), p.err());
        assertFalse(p.out().contains("decision"), p.out());
        // the same model and provenance with a decision (no dev figures recorded): one line more, nothing else
        String withoutDecisionLine = d.out().lines().filter(l -> !l.startsWith("decision:"))
                .collect(Collectors.joining("\n", "", "\n"));
        assertNotEquals(p.out(), d.out());
        assertEquals(p.out().replace(plain.toString(), "M"), withoutDecisionLine.replace(sameProvenance.toString(),
                "M"));
    }

    /**
     * The decided model labels every paragraph BOILERPLATE, so through REPORTING=OBJ,BOILERPLATE=OBJ,COMMENTARY=SUBJ
     * every paragraph is OBJ: of the tiny corpus's 42 paragraphs, the 24 that are not COMMENTARY are right (counted in
     * the file), accuracy 24/42; OBJ's F1 is 2 * (24/42) / (1 + 24/42) = 48/66, SUBJ's 0, macro-F1 24/66.
     */
    @Test
    void evaluateWithAPredictionMapLabelsByTheModelsDecision() throws Exception {
        String data = TestData.resource("tiny-corpus.jsonl").toString();
        String map = "REPORTING=OBJ,BOILERPLATE=OBJ,COMMENTARY=SUBJ";
        Path report = dir.resolve("decided.json");
        CliTest.Run r = CliTest.run("evaluate", "--model", decided.toString(), "--data", data, "--label-map", map,
                "--prediction-map", map, "--report-json", report.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode rep = new ObjectMapper().readTree(report.toFile());
        assertEquals(42, rep.get("paragraphs").asInt());
        assertEquals(24.0 / 42, rep.get("accuracy").asDouble(), 1e-9, rep.toString());
        assertEquals(24.0 / 66, rep.get("macroF1").asDouble(), 1e-9, rep.toString());

        // without the decision, the same network's summed scores call some paragraphs SUBJ (as before)
        Path plainReport = dir.resolve("plain.json");
        CliTest.Run p = CliTest.run("evaluate", "--model", plain.toString(), "--data", data, "--label-map", map,
                "--prediction-map", map, "--report-json", plainReport.toString());
        assertEquals(0, p.code(), p.err());
        assertNotEquals(24.0 / 42, new ObjectMapper().readTree(plainReport.toFile()).get("accuracy").asDouble(),
                1e-9);
    }

    /** With two labels the rule is worded as the threshold on the second label's score, with the biases beside it. */
    @Test
    void twoLabelsAreWordedAsAThreshold() {
        // p(SUBJ) > 1 / (1 + exp(b1 - b0)) = 0.63 when b1 - b0 = ln(1 / 0.63 - 1)
        org.wirecopy.model.DecisionBiases d = org.wirecopy.model.DecisionBiases.of(
                new double[]{0, Math.log(1 / 0.63 - 1)});
        assertEquals("SUBJ when its score > 0.6300", DecisionText.rule(List.of("OBJ", "SUBJ"), d));
        assertEquals("log-score biases OBJ +0.0000, SUBJ -0.5322", DecisionText.biases(List.of("OBJ", "SUBJ"), d));
        org.wirecopy.model.DecisionBiases three = org.wirecopy.model.DecisionBiases.of(new double[]{1, 0, -2.5});
        assertEquals("log-score biases A +1.0000, B +0.0000, C -2.5000",
                DecisionText.rule(List.of("A", "B", "C"), three));
    }
}
