package org.wirecopy.train;

import org.junit.jupiter.api.Test;
import org.wirecopy.corpus.CorpusFormatException;
import org.wirecopy.corpus.DataProblem;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigIOTest {

    @Test
    void defaultsRoundTripThroughJson() {
        ExperimentConfig d = ExperimentConfig.defaults();
        assertEquals(d, ConfigIO.parse(ConfigIO.toJson(d), "defaults.json"));
        assertEquals(TrainingConfig.defaults(), d.training());
    }

    @Test
    void aPartialFileKeepsTheOtherDefaults() {
        ExperimentConfig c = ConfigIO.parse("{\"folds\": 10, \"training\": {\"seed\": 7, \"network\": "
                + "{\"architecture\": \"MLP\"}}, \"data\": {\"labelMap\": {\"OBJ\": \"REPORTING\"}}}", "c.json");
        assertEquals(10, c.folds());
        assertEquals(7, c.training().seed());
        assertEquals(org.wirecopy.network.Architecture.MLP, c.training().network().architecture());
        assertEquals(TrainingConfig.defaults().epochs(), c.training().epochs());
        assertEquals("REPORTING", c.data().labelMap().get("OBJ"));
    }

    @Test
    void aFileMayNameTheSentenceEncoderThatTheDefaultsLeaveOut() {
        ExperimentConfig c = ConfigIO.parse("{\"training\": {\"features\": {\"encoder\": \"minilm\"}}}", "c.json");
        assertEquals("minilm", c.training().features().encoder());
        assertEquals(c, ConfigIO.parse(ConfigIO.toJson(c), "again.json"));
        assertEquals(null, ConfigIO.parse("{}", "d.json").training().features().encoder());
    }

    @Test
    void typosAndBadValuesAreDataProblemsWithFileLineAndKey() {
        assertEquals(new DataProblem("exp.json", 2, "training.epoch", "unknown key", "did you mean 'epochs'? "
                        + "known keys here: " + List.copyOf(names(TrainingConfig.defaults().toBuilder()
                        .fitThresholds(true).build()))),
                problem("{\n \"training\": {\"epoch\": 3}}"));
        DataProblem p = problem("{\"training\": {\n  \"learningRate\": 5\n}}");
        assertEquals(List.of(2L, "training.learningRate"), List.of(p.line(), p.field()), p.toString());
        assertTrue(p.message().contains("learningRate must be in (0, 1], got 5.0"), p.toString());
        p = problem("{\"training\": {\"network\":\n\n {\"hidden\": 2}}}");
        assertEquals(List.of(3L, "training.network.hidden"), List.of(p.line(), p.field()), p.toString());
        p = problem("{\"folds\": 1}");
        assertEquals(List.of(1L, "folds"), List.of(p.line(), p.field()), p.toString());
        p = problem("{\"training\": {\n\"seed\": \"x\"}}");
        assertEquals(List.of(2L, "training.seed"), List.of(p.line(), p.field()), p.toString());
        assertTrue(p.message().contains("\"x\"") && p.message().contains("long"), p.toString());
        p = problem("{\"training\":\n {\"network\": {\"architecture\": \"FOO\"}}}");
        assertEquals(List.of(2L, "training.network.architecture"), List.of(p.line(), p.field()), p.toString());
        p = problem("{\n\n  oops");
        assertEquals(3, p.line(), p.toString());
        assertTrue(p.toString().startsWith("exp.json:3: not valid JSON at column 3"), p.toString());
        assertEquals("exp.json:1: the configuration must be a JSON object (write one with init-config and keep the "
                + "keys you need)", problem("[1]").toString());
    }

    private static DataProblem problem(String json) {
        CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> ConfigIO.parse(json, "exp.json"));
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0);
    }

    private static List<String> names(TrainingConfig c) {
        List<String> out = new java.util.ArrayList<>();
        new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(c).fieldNames().forEachRemaining(out::add);
        return out;
    }
}
