package org.wirecopy.classify;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ScoreMap} behaves as the unmodifiable copy of a LinkedHashMap that ClassifiedParagraph kept before. */
class ScoreMapTest {

    private static final List<String> LABELS = List.of("REPORTING", "COMMENTARY", "BOILERPLATE");

    @Test
    void behavesAsAnUnmodifiableLinkedHashMap() {
        Double[] scores = {0.8125, 0.125, 0.0625};
        Map<String, Double> expected = new LinkedHashMap<>();
        for (int j = 0; j < LABELS.size(); j++) expected.put(LABELS.get(j), scores[j]);
        Map<String, Double> before = Collections.unmodifiableMap(new LinkedHashMap<>(expected));
        Map<String, Double> map = new ScoreMap(LABELS, scores);
        assertEquals(before, map);
        assertEquals(map, before);
        assertEquals(before.hashCode(), map.hashCode());
        assertEquals(before.toString(), map.toString());
        assertEquals(new ArrayList<>(before.keySet()), new ArrayList<>(map.keySet()));
        assertEquals(new ArrayList<>(before.values()), new ArrayList<>(map.values()));
        assertEquals(new ArrayList<>(before.entrySet()), new ArrayList<>(map.entrySet()));
        assertEquals(3, map.size());
        assertEquals(0.125, map.get("COMMENTARY"));
        assertNull(map.get("REPORTNG"));
        assertNull(map.get(null));
        assertNull(map.get(42));
        assertTrue(map.containsKey("BOILERPLATE"));
        assertFalse(map.containsKey(null));
        assertThrows(UnsupportedOperationException.class, () -> map.put("X", 1.0));
        assertThrows(UnsupportedOperationException.class, () -> map.remove("REPORTING"));
        assertThrows(UnsupportedOperationException.class, map::clear);
        assertThrows(UnsupportedOperationException.class, () -> map.entrySet().iterator().next().setValue(1.0));
        assertThrows(UnsupportedOperationException.class, () -> {
            var it = map.entrySet().iterator();
            it.next();
            it.remove();
        });
    }

    @Test
    void paragraphsKeepTheirScoreMapAndCopyOtherMaps() {
        ScoreMap map = new ScoreMap(LABELS, new Double[]{0.5, 0.25, 0.25});
        ClassifiedParagraph p = new ClassifiedParagraph(0, "text", 0, 4, "REPORTING", map);
        assertSame(map, p.scores());
        Map<String, Double> plain = new LinkedHashMap<>(map);
        ClassifiedParagraph q = new ClassifiedParagraph(0, "text", 0, 4, "REPORTING", plain);
        plain.put("REPORTING", 0.0);
        assertEquals(0.5, q.scores().get("REPORTING"));
        assertEquals(p, q);
    }
}
