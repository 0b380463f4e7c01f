package org.wirecopy.train;

import org.junit.jupiter.api.Test;

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
    void typosAndBadValuesNameTheKeyAndTheFile() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigIO.parse("{\"training\": {\"epoch\": 3}}", "exp.json"));
        assertTrue(e.getMessage().contains("exp.json: unknown key 'training.epoch'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ConfigIO.parse("{\"training\": {\"learningRate\": 5}}", "exp.json"));
        assertTrue(e.getMessage().contains("exp.json") && e.getMessage().contains("learningRate"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ConfigIO.parse("{oops", "exp.json"));
        assertTrue(e.getMessage().startsWith("exp.json:1: not valid JSON"), e.getMessage());
    }
}
