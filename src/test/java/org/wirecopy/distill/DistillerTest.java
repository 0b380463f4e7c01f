package org.wirecopy.distill;

import org.junit.jupiter.api.Test;
import org.wirecopy.features.WordPiece;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DistillerTest {

    @Test
    void sifWeightsFollowTheTokenFrequenciesOfTheTexts() {
        WordPiece wp = WordPiece.of(List.of("[UNK]", "a", "b", "c", "[CLS]"));
        boolean[] embedded = {false, true, true, true, false};
        // tokens: a a b | a [UNK]  -> 5 tokens: a 3, b 1, [UNK] 1
        float[] w = Distiller.sifWeights(wp, List.of("a a b", "a zz"), 0.1, embedded);
        assertEquals(0f, w[0]);
        assertEquals((float) (0.1 / (0.1 + 3 / 5.0)), w[1], 1e-7);
        assertEquals((float) (0.1 / (0.1 + 1 / 5.0)), w[2], 1e-7);
        assertEquals(1f, w[3], "a token the texts never show weighs 1");
        assertEquals(0f, w[4], "special tokens weigh 0");
    }

    @Test
    void configValidatesEveryFieldAndNamesTheOption() {
        assertEquals(64, DistillConfig.builder().build().dims());
        assertEquals(0.3, DistillConfig.builder().build().sifA());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DistillConfig.builder().dims(500).build());
        assertTrue(e.getMessage().contains("--dims"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DistillConfig.builder().sifA(0).build());
        assertThrows(IllegalArgumentException.class, () -> DistillConfig.builder().sifA(Double.NaN).build());
        assertThrows(IllegalArgumentException.class, () -> DistillConfig.builder().batchSize(0).build());
        assertThrows(IllegalArgumentException.class, () -> DistillConfig.builder().threads(0).build());
    }
}
