package org.wirecopy.train;

import org.junit.jupiter.api.Test;
import org.wirecopy.TestData;
import org.wirecopy.network.Architecture;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 9: cross-validation reports epochs through the learner's listener. */
class NetworkLearnerProgressTest {

    @Test
    void everyEpochOfTheInnerTrainingReachesTheListener() throws Exception {
        TrainingConfig config = TestData.smallConfig(Architecture.BILSTM, 3).toBuilder().epochs(4).build();
        List<Trainer.Progress> seen = new ArrayList<>();
        new NetworkLearner(config, 0.2).withProgress(seen::add).train(TestData.tinyCorpus());
        assertEquals(List.of(1, 2, 3, 4), seen.stream().map(Trainer.Progress::epoch).toList());
        for (Trainer.Progress p : seen) {
            assertEquals(4, p.maxEpochs());
            assertTrue(Double.isFinite(p.loss()) && p.loss() > 0);
            assertTrue(p.devMacroF1() >= 0 && p.devMacroF1() <= 1, "the held-out inner dev set is scored");
        }
    }
}
