package org.wirecopy.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.wirecopy.TestData;
import org.wirecopy.classify.Classifier;
import org.wirecopy.features.FeatureConfig;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The model loader reads its JSON without jackson-databind: what it reads must be what databind (the oracle, as the
 * loader used it before) reads from the same bytes.
 */
class ModelJsonTest {

    private static final ObjectMapper DATABIND = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void theBundledAndATrainedModelsEntriesReadAsDatabindReadsThem() throws Exception {
        byte[] bundled;
        try (InputStream in = Classifier.class.getResourceAsStream(Classifier.DEFAULT_MODEL_RESOURCE)) {
            bundled = in.readAllBytes();
        }
        for (byte[] zip : List.of(bundled, ModelIO.toBytes(TestData.tinyModel()))) {
            Map<String, byte[]> entries = ModelIOTest.entries(zip);
            byte[] manifest = entries.get(ModelIO.MANIFEST);
            JsonNode tree = DATABIND.readTree(manifest);
            Object m = ModelJson.parse(manifest);
            assertEquals(DATABIND.treeToValue(tree.get("features"), FeatureConfig.class),
                    ModelJson.features(ModelJson.get(m, "features")));
            byte[] provenance = entries.get(ModelIO.PROVENANCE);
            assertEquals(DATABIND.readValue(provenance, Provenance.class),
                    ModelJson.provenance(ModelJson.parse(provenance)));
            for (String field : List.of("format", "formatVersion", "inputSize", "parameters", "members")) {
                assertEquals(tree.path(field).asText(), ModelJson.text(ModelJson.get(m, field)), field);
                assertEquals(tree.path(field).asInt(-7), ModelJson.asInt(ModelJson.get(m, field), -7), field);
            }
            for (String field : List.of("architecture", "hidden", "recurrent", "inputDropout", "dropout")) {
                Object v = ModelJson.get(ModelJson.get(m, "network"), field);
                assertEquals(tree.get("network").path(field).asText(), ModelJson.text(v), field);
                assertEquals(tree.get("network").path(field).asInt(), ModelJson.asInt(v, 0), field);
                assertEquals(tree.get("network").path(field).asDouble(), ModelJson.asDouble(v), field);
            }
            Map<?, ?> sums = (Map<?, ?>) ModelJson.get(m, "sha256");
            assertEquals(List.copyOf(iterable(tree.get("sha256").fieldNames())), List.copyOf(sums.keySet()));
        }
    }

    @Test
    void scalarsReadAsJsonNodeReadsThem() throws Exception {
        String json = "{\"a\":\"12\",\"b\":3.9,\"c\":true,\"d\":null,\"e\":\" 7 \",\"f\":\"x\",\"g\":[1],\"h\":{},"
                + "\"i\":-0.0,\"j\":123456789012,\"a\":\"13\"}";
        JsonNode tree = DATABIND.readTree(json);
        Object m = ModelJson.parse(json.getBytes(StandardCharsets.UTF_8));
        for (String f : List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "missing")) {
            Object v = ModelJson.get(m, f);
            assertEquals(tree.path(f).asText(), ModelJson.text(v), f);
            assertEquals(tree.path(f).asInt(-1), ModelJson.asInt(v, -1), f);
            assertEquals(tree.path(f).asDouble(), ModelJson.asDouble(v), f);
        }
        assertEquals(List.copyOf(iterable(tree.fieldNames())), List.copyOf(((Map<?, ?>) m).keySet()));
        assertNull(ModelJson.parse(new byte[0]));
        assertEquals("", ModelJson.text(ModelJson.get(ModelJson.parse("[1]".getBytes(StandardCharsets.UTF_8)), "a")));
    }

    @Test
    void theFeaturesEncoderIsRead() throws Exception {
        String base = "{\"version\":\"wirecopy.features.v2\",\"hashBits\":12,\"maxNgram\":2,\"window\":2,"
                + "\"contrast\":true,\"maxChars\":20000";
        org.wirecopy.features.FeatureConfig with = ModelJson.features(ModelJson.parse((base + ",\"encoder\":\""
                + org.wirecopy.features.FeatureConfig.MINILM + "\"}").getBytes(StandardCharsets.UTF_8)));
        assertEquals(org.wirecopy.features.FeatureConfig.MINILM, with.encoder());
        org.wirecopy.features.FeatureConfig without = ModelJson.features(ModelJson.parse((base + "}")
                .getBytes(StandardCharsets.UTF_8)));
        assertEquals(null, without.encoder());
        assertTrue(with.inputSize() > without.inputSize(), "the encoder's values are part of the input");
    }

    @Test
    void fieldsOfTheWrongTypeAreNamed() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelJson.features(
                ModelJson.parse("{\"version\":\"wirecopy.features.v2\",\"hashBits\":\"12\"}".getBytes())));
        assertTrue(e.getMessage().contains("features.hashBits must be an integer"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ModelJson.provenance(
                ModelJson.parse("{\"seed\":1.5}".getBytes())));
        assertTrue(e.getMessage().contains("provenance.json.seed"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ModelJson.features(ModelJson.parse("[]".getBytes())));
        assertTrue(e.getMessage().contains("features must be a JSON object"), e.getMessage());
        // deeper than jackson-core's nesting limit: a parse error, not a stack overflow
        byte[] deep = ("[".repeat(100_000)).getBytes(StandardCharsets.US_ASCII);
        assertThrows(java.io.IOException.class, () -> ModelJson.parse(deep));
    }

    @Test
    void aManifestWithAFieldOfTheWrongTypeIsAModelFormatError() throws Exception {
        byte[] changed = ModelIOTest.rewrite(ModelIO.toBytes(TestData.tinyModel()), "manifest.json",
                s -> s.replace("\"contrast\" : true", "\"contrast\" : \"yes\""));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelIO.fromBytes(changed, "x.zip"));
        assertTrue(e.getMessage().contains("do not make a valid model")
                && e.getMessage().contains("features.contrast must be true or false"), e.getMessage());
    }

    private static <T> List<T> iterable(java.util.Iterator<T> it) {
        List<T> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
