package org.wirecopy.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.wirecopy.TestData;
import org.wirecopy.classify.Classifier;
import org.wirecopy.model.Model;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /v1/model} shows a model's fitted decision ({@code train --fit-thresholds}), and only then. */
class ServeDecisionTest {

    private static JsonNode modelDocument(Model m) throws Exception {
        try (WirecopyServer s = WirecopyServer.start(ServeConfig.builder().port(0).accessLog(false).build(),
                "m.zip", () -> new Classifier(m))) {
            Http h = new Http(s.port());
            ServerApiTest.awaitReady(h);
            HttpResponse<String> r = h.get("/v1/model");
            assertEquals(200, r.statusCode(), r.body());
            return Http.json(r);
        }
    }

    private static JsonNode modelInfoSchema(SchemaCheck[] check) throws Exception {
        JsonNode doc;
        try (InputStream in = WirecopyServer.class.getResourceAsStream("openapi.json")) {
            doc = Http.JSON.readTree(in);
        }
        check[0] = new SchemaCheck(doc);
        return doc.at("/components/schemas/ModelInfo");
    }

    @Test
    void theModelDocumentShowsTheDecisionAndTheDevFiguresRecordedWithIt() throws Exception {
        Model decided = TestData.decidedTinyModel();
        JsonNode m = modelDocument(decided);
        JsonNode d = m.get("decision");
        assertTrue(d != null && d.isObject(), m.toString());
        List<String> labels = decided.labels();
        assertEquals(labels.size(), d.get("biases").size(), d.toString());
        for (String l : labels) {
            assertEquals(l.equals("BOILERPLATE") ? 45.0 : 0.0, d.get("biases").get(l).asDouble(), 0, d.toString());
        }
        assertFalse(d.has("threshold"), "a threshold only with two labels: " + d);
        assertEquals(0.5, d.get("dev").get("macroF1").asDouble(), 0);
        assertEquals(0.875, d.get("dev").get("macroF1.argmax").asDouble(), 0);
        assertEquals(0.4375, d.get("dev").get("macroF1.crossFitted").asDouble(), 0);
        SchemaCheck[] check = new SchemaCheck[1];
        JsonNode schema = modelInfoSchema(check);
        assertEquals(List.of(), check[0].violations(schema, m), "the document conforms to /openapi.json");
        ObjectNode typo = m.deepCopy();
        ((ObjectNode) typo.get("decision")).put("bias", 1);
        assertFalse(check[0].violations(schema, typo).isEmpty(), "the schema of decision is closed");
    }

    @Test
    void aModelWithoutADecisionHasTheDocumentItHadBefore() throws Exception {
        Model plain = TestData.tinyModel();
        JsonNode p = modelDocument(plain);
        assertFalse(p.has("decision"), p.toString());
        // the same network and provenance with a decision: the same document plus "decision"
        ObjectNode d = (ObjectNode) modelDocument(plain.withDecision(TestData.decidedTinyModel().decision()));
        assertTrue(d.has("decision"));
        d.remove("decision");
        assertEquals(p, d);
    }
}
