package org.wirecopy.corpus;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The tree-less reading of the usual JSONL article line gives what Jackson's strict tree gives, and leaves every other
 * line to the general reader. The oracle is Jackson with CorpusReader's settings.
 */
class CanonicalJsonlTest {

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final CorpusOptions CLASSIFY = CorpusOptions.defaults().anyLabel().requiringLabels(false);

    /** The article Jackson's tree says the line holds, when it is one the fast path may take; else null. */
    private static LabelledArticle fromTree(String line, long ln) {
        JsonNode node;
        try {
            node = STRICT.readTree(line);
        } catch (Exception e) {
            return null;
        }
        if (!(node instanceof ObjectNode obj) || !obj.has("paragraphs")) return null;
        String id = "f.jsonl:" + ln;
        Map<String, String> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("paragraphs")) continue;
            if (!e.getValue().isTextual()) return null;
            if (e.getKey().equals("id")) id = e.getValue().asText();
            else fields.put(e.getKey(), e.getValue().asText());
        }
        if (id.isBlank() || !obj.get("paragraphs").isArray() || obj.get("paragraphs").isEmpty()) return null;
        List<LabelledParagraph> ps = new ArrayList<>();
        for (JsonNode p : obj.get("paragraphs")) {
            if (!p.isObject() || p.size() != 1 || !p.has("text") || !p.get("text").isTextual()
                    || p.get("text").asText().isBlank()) {
                return null;
            }
            ps.add(new LabelledParagraph(p.get("text").asText(), null, Map.of()));
        }
        return new LabelledArticle(id, ps, fields, "f.jsonl:" + ln);
    }

    private static LabelledArticle fast(String line) {
        return CanonicalJsonl.article(line, "f.jsonl", 7, CLASSIFY);
    }

    /** Same article (id, texts, labels, fields in order, origin) or both null. */
    private static void assertSameArticle(LabelledArticle expected, LabelledArticle got, String line) {
        if (expected == null) {
            assertNull(got, line);
            return;
        }
        assertNotNull(got, line);
        assertEquals(expected, got, line);
        assertEquals(List.copyOf(expected.fields().entrySet()), List.copyOf(got.fields().entrySet()), line);
    }

    @Test
    void readsTheUsualLinesAsJacksonDoes() {
        String[] lines = {
            "{\"id\":\"reuters-1#0\",\"paragraphs\":[{\"text\":\"Oil rose.\"},{\"text\":\"Traders said so.\"}]}",
            "{\"id\": \"t1\", \"style\": \"news\", \"source\": \"x\", \"paragraphs\": [{\"text\": \"A b.\"}]}",
            " {\"paragraphs\":[ {\"text\":\"no id\"} ] , \"date\":\"2020\"}\t",
            "{\"id\":\"e\",\"paragraphs\":[{\"text\":\"q \\\" b \\\\ s \\/ \\b\\f\\n\\r\\t \\u00e9\\u2014\\uD83D\\uDE00 \\u0041\"}]}",
            "{\"id\":\"\u00e9\u4e2d\ud83d\ude00\",\"\":\"empty key\",\"paragraphs\":[{\"text\":\"caf\u00e9 \u2014 ok\"}]}",
            "{\"id\":\"x\",\"paragraphs\":[{\"text\":\" padded \"}],\"k\":\"\"}",
        };
        for (String line : lines) {
            assertNotNull(fast(line), line);
            assertSameArticle(fromTree(line, 7), fast(line), line);
        }
    }

    @Test
    void leavesEveryOtherLineToTheGeneralReader() {
        String[] lines = {
            "", "[]", "{}", "{\"id\":\"x\"}", "{\"id\":\"x\",\"paragraphs\":[]}",
            "{\"id\":\"x\",\"paragraphs\":[{\"text\":\"a\",\"label\":\"REPORTING\"}]}",
            "{\"id\":\"x\",\"paragraphs\":[{\"text\":\"a\",\"n\":\"1\"}]}",
            "{\"id\":\"x\",\"paragraphs\":[{\"text\":\"   \"}]}",
            "{\"id\":\" \",\"paragraphs\":[{\"text\":\"a\"}]}",
            "{\"id\":7,\"paragraphs\":[{\"text\":\"a\"}]}",
            "{\"id\":\"x\",\"n\":1,\"paragraphs\":[{\"text\":\"a\"}]}",
            "{\"id\":\"x\",\"n\":null,\"paragraphs\":[{\"text\":\"a\"}]}",
            "{\"id\":\"x\",\"id\":\"y\",\"paragraphs\":[{\"text\":\"a\"}]}",
            "{\"id\":\"x\",\"s\":\"1\",\"s\":\"2\",\"paragraphs\":[{\"text\":\"a\"}]}",
            "{\"id\":\"x\",\"paragraphs\":[{\"text\":\"a\"}]}{\"id\":\"y\"}",
            "{\"id\":\"x\",\"paragraphs\":[{\"text\":\"a\"}]} x",
            "{\"id\":\"x\",\"paragraphs\":[{\"text\":\"a\"},]}",
            "{\"id\":\"x\",\"paragraphs\":[{\"text\":\"a\"}],}",
            "{\"id\":\"x\",\"paragraphs\":[{\"text\":\"a\\x\"}]}",
            "{\"id\":\"x\",\"paragraphs\":[{\"text\":\"a\\u00g1\"}]}",
            "{\"id\":\"x\",\"paragraphs\":[{\"text\":\"a\\u00\"}]}",
            "{\"id\":\"x\",\"paragraphs\":[{\"text\":\"tab\there\"}]}",
            "{\"id\":\"x\",\"paragraphs\":[{\"text\":\"a\"}]",
            "{'id':'x','paragraphs':[{'text':'a'}]}",
            "{\"id\":\"x\",\"paragraphs\":[{\"text\":\"" + "a".repeat(CanonicalJsonl.MAX_STRING) + "\"}]}",
        };
        for (String line : lines) assertNull(fast(line), line);
        // labelled reading (training, evaluation) always takes the general path
        String ok = "{\"id\":\"x\",\"paragraphs\":[{\"text\":\"a\"}]}";
        assertNull(CanonicalJsonl.article(ok, "f", 1, CorpusOptions.defaults()));
        assertNotNull(fast(ok));
    }

    @Test
    void agreesWithJacksonOnRandomlyDamagedLines() {
        Random random = new Random(3);
        String base = "{\"id\": \"a\\u00e9\", \"style\": \"s\\n\", \"paragraphs\": [{\"text\": \"One \\\"two\\\".\"}, "
                + "{\"text\": \"x\"}], \"z\": \"\"}";
        String alphabet = "{}[]:,\" \\/ubfnrt0aeE9.-\u00e9\t\n\u0001";
        int taken = 0;
        for (int round = 0; round < 20_000; round++) {
            StringBuilder b = new StringBuilder(base);
            int edits = 1 + random.nextInt(3);
            for (int k = 0; k < edits; k++) {
                int at = random.nextInt(b.length() + 1);
                switch (random.nextInt(3)) {
                    case 0 -> b.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 1 -> { if (at < b.length()) b.deleteCharAt(at); }
                    default -> { if (at < b.length()) b.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length()))); }
                }
            }
            String line = b.toString();
            LabelledArticle got = fast(line);
            if (got != null) taken++;
            // whatever the fast path takes, Jackson reads the same; what it leaves is for the general reader
            if (got != null) assertSameArticle(fromTree(line, 7), got, line);
        }
        assertNotNull(fast(base));
        // the damage leaves a fair share of lines valid and canonical, so the comparison is not empty
        org.junit.jupiter.api.Assertions.assertTrue(taken > 1_000, "taken " + taken);
    }
}
