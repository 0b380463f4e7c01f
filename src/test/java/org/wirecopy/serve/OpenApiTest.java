package org.wirecopy.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wirecopy.classify.Classifier;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hand-written /openapi.json describes what the server really answers, success and error alike. */
class OpenApiTest {

    static WirecopyServer server;
    static Http http;
    static JsonNode doc;
    static SchemaCheck check;

    @BeforeAll
    static void start() throws Exception {
        server = WirecopyServer.start(ServeConfig.builder().port(0).maxBodyBytes(4096).maxParagraphs(20)
                .accessLog(false).build(), "bundled", Classifier::loadDefault);
        http = new Http(server.port());
        ServerApiTest.awaitReady(http);
        HttpResponse<String> r = http.get("/openapi.json");
        assertEquals(200, r.statusCode());
        doc = Http.json(r);
        check = new SchemaCheck(doc);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Validates an answer against the schema the document gives for its path, method, status and media type. */
    static void conforms(String path, String method, HttpResponse<String> r) throws Exception {
        JsonNode op = doc.path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
        assertFalse(op.isMissingNode(), method + " " + path + " is not documented");
        JsonNode response = op.path("responses").path(String.valueOf(r.statusCode()));
        assertFalse(response.isMissingNode(), method + " " + path + " answers " + r.statusCode()
                + ", which is not documented: " + r.body());
        String media = RequestParser.mediaType(r.headers().firstValue("Content-Type").orElse(""));
        JsonNode schema = response.path("content").path(media).path("schema");
        assertFalse(schema.isMissingNode(), method + " " + path + " " + r.statusCode() + " answers " + media
                + ", which is not documented");
        if (!r.body().contains("model-failed")) {
            for (var h : (Iterable<String>) () -> response.path("headers").fieldNames()) {
                assertTrue(r.headers().firstValue(h).isPresent(), "documented header " + h + " missing");
            }
        }
        List<JsonNode> values = new ArrayList<>();
        if (media.equals("application/x-ndjson")) {
            for (String line : r.body().split("\n")) values.add(Http.JSON.readTree(line));
        } else if (media.contains("json")) {
            values.add(Http.json(r));
        } else {
            values.add(Http.JSON.getNodeFactory().textNode(r.body()));
        }
        for (JsonNode v : values) {
            List<String> violations = check.violations(schema, v);
            assertTrue(violations.isEmpty(), method + " " + path + " " + r.statusCode() + ": " + violations);
        }
    }

    @Test
    void everyRouteTheServerHasIsDocumented() {
        TreeSet<String> documented = new TreeSet<>();
        doc.get("paths").fieldNames().forEachRemaining(documented::add);
        assertEquals(new TreeSet<>(List.of("/", "/health", "/metrics", "/openapi.json", "/v1/classify",
                "/v1/classify/batch", "/v1/model")), documented);
        assertEquals("3.1.0", doc.get("openapi").asText());
    }

    @Test
    void successfulAnswersConform() throws Exception {
        String text = "My take on this.\nWASHINGTON (AP) \u2014 The Senate voted 51-49 on Tuesday, officials said."
                + "\nAdvertisement\n";
        conforms("/v1/classify", "POST", http.post("/v1/classify", "text/plain", text));
        conforms("/v1/classify", "POST", http.post("/v1/classify?explain=true&threshold=REPORTING:0.99",
                "text/plain", text));
        conforms("/v1/classify", "POST", http.post("/v1/classify", "text/html", "<p>One.</p><p>Two.</p>"));
        conforms("/v1/classify", "POST", http.post("/v1/classify", "application/json",
                "{\"id\": 7, \"text\": \"Hello.\"}"));
        conforms("/v1/classify/batch", "POST", http.post("/v1/classify/batch", "application/x-ndjson",
                "{\"id\": \"a\", \"text\": \"Hello.\"}\n{broken\n{\"paragraphs\": [\"x\", {\"text\": \"y\"}]}\n"
                        + "{\"text\": \"" + "z".repeat(5000) + "\"}\n"));
        conforms("/v1/model", "GET", http.get("/v1/model"));
        conforms("/health", "GET", http.get("/health"));
        conforms("/metrics", "GET", http.get("/metrics"));
        conforms("/openapi.json", "GET", http.get("/openapi.json"));
        conforms("/", "GET", http.get("/"));
    }

    @Test
    void errorAnswersConform() throws Exception {
        conforms("/v1/classify", "POST", http.post("/v1/classify", "text/plain", ""));
        conforms("/v1/classify", "POST", http.post("/v1/classify", "text/plain", new byte[]{(byte) 0xC3, '('}));
        conforms("/v1/classify", "POST", http.post("/v1/classify", "application/json", "{oops"));
        conforms("/v1/classify", "POST", http.post("/v1/classify", "application/pdf", "x"));
        conforms("/v1/classify", "POST", http.post("/v1/classify", "text/plain", "y".repeat(5000)));
        conforms("/v1/classify", "POST", http.post("/v1/classify", "text/plain", "P.\n".repeat(21)));
        conforms("/v1/classify", "POST", http.post("/v1/classify?top=0", "text/plain", "Hello."));
        conforms("/v1/classify", "POST", http.get("/v1/classify")); // the 405 is documented under POST
        conforms("/v1/classify/batch", "POST", http.post("/v1/classify/batch", "application/x-ndjson", ""));
        conforms("/v1/classify/batch", "POST", http.post("/v1/classify/batch", "text/plain", "x"));
    }

    @Test
    void unavailableAnswersConform() throws Exception {
        java.util.concurrent.CountDownLatch loaded = new java.util.concurrent.CountDownLatch(1);
        try (WirecopyServer loading = WirecopyServer.start(ServeConfig.builder().port(0).accessLog(false).build(),
                "bundled", () -> {
                    loaded.await();
                    return Classifier.loadDefault();
                })) {
            Http h = new Http(loading.port());
            conforms("/health", "GET", h.get("/health"));
            conforms("/v1/classify", "POST", h.post("/v1/classify", "text/plain", "Hello."));
            conforms("/v1/classify/batch", "POST", h.post("/v1/classify/batch", "application/x-ndjson", "{}"));
            conforms("/v1/model", "GET", h.get("/v1/model"));
            loaded.countDown();
        }
    }

    @Test
    void theCheckerCatchesAnswersThatDriftFromTheDocument() throws Exception {
        JsonNode article = Http.json(http.post("/v1/classify", "text/plain", "Hello.\nAdvertisement\n"));
        JsonNode schema = doc.at("/components/schemas/ClassifiedArticle");
        assertTrue(check.violations(schema, article).isEmpty());
        ObjectNode missing = article.deepCopy();
        ((ObjectNode) missing.get("paragraphs").get(0)).remove("label");
        assertTrue(check.violations(schema, missing).toString().contains("missing required label"));
        ObjectNode extra = article.deepCopy();
        extra.put("surprise", 1);
        assertTrue(check.violations(schema, extra).toString().contains("undocumented property surprise"));
        ObjectNode wrongType = article.deepCopy();
        ((ObjectNode) wrongType.get("paragraphs").get(1)).put("uncertain", "no");
        assertFalse(check.violations(schema, wrongType).isEmpty());
        ObjectNode share = article.deepCopy();
        ((ObjectNode) share.get("shares")).put("REPORTING", 1.5);
        assertFalse(check.violations(schema, share).isEmpty());
        assertNotNull(doc.at("/components/schemas/Problem/required"));
    }
}
