package org.wirecopy.serve;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wirecopy.TestData;
import org.wirecopy.classify.Classifier;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every endpoint of a real server on a free loopback port, with the bundled model. */
class ServerApiTest {

    /** The labels a reader gives docs/examples/sample-post.txt, paragraph by paragraph (by hand). */
    static final List<String> SAMPLE_LABELS = List.of("COMMENTARY", "COMMENTARY", "BOILERPLATE", "REPORTING",
            "REPORTING", "REPORTING", "COMMENTARY", "COMMENTARY", "COMMENTARY", "BOILERPLATE", "BOILERPLATE");

    static WirecopyServer server;
    static Http http;
    static String sample;

    @BeforeAll
    static void start() throws Exception {
        sample = Files.readString(TestData.root().resolve("docs/examples/sample-post.txt"), StandardCharsets.UTF_8);
        server = WirecopyServer.start(ServeConfig.builder().port(0).maxBodyBytes(64 * 1024).maxParagraphs(50)
                .accessLog(false).build(), "bundled", Classifier::loadDefault);
        http = new Http(server.port());
        awaitReady(http);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static void awaitReady(Http h) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (h.get("/health").statusCode() == 200) return;
            Thread.sleep(50);
        }
        throw new AssertionError("the server did not become ready in 60 s");
    }

    static List<String> labels(JsonNode article) {
        List<String> out = new ArrayList<>();
        for (JsonNode p : article.get("paragraphs")) out.add(p.get("label").asText());
        return out;
    }

    static void assertProblem(HttpResponse<String> r, int status, String type, String detailPart) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
        JsonNode p = Http.json(r);
        assertEquals("https://wirecopy.org/problems/" + type, p.get("type").asText(), r.body());
        assertEquals(status, p.get("status").asInt());
        assertTrue(p.get("detail").asText().contains(detailPart), "detail '" + p.get("detail").asText()
                + "' should mention '" + detailPart + "'");
        assertFalse(r.body().contains("Exception") || r.body().contains("\tat ") || r.body().contains(".java:"),
                "no stack trace or exception names in responses: " + r.body());
    }

    @Test
    void plainTextGivesEveryParagraphWithItsLabelScoresOffsetsCountsAndShares() throws Exception {
        HttpResponse<String> r = http.post("/v1/classify", "text/plain; charset=utf-8", sample);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
        JsonNode a = Http.json(r);
        assertEquals(SAMPLE_LABELS, labels(a));
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Long> chars = new LinkedHashMap<>();
        long total = 0;
        int i = 0;
        for (JsonNode p : a.get("paragraphs")) {
            assertEquals(i++, p.get("index").asInt());
            String text = p.get("text").asText();
            assertEquals(text, sample.substring(p.get("start").asInt(), p.get("end").asInt()), "offsets");
            double sum = 0;
            for (String l : List.of("REPORTING", "COMMENTARY", "BOILERPLATE")) sum += p.get("scores").get(l).asDouble();
            assertEquals(1.0, sum, 1e-4);
            assertFalse(p.get("uncertain").asBoolean());
            counts.merge(p.get("label").asText(), 1, Integer::sum);
            chars.merge(p.get("label").asText(), (long) text.length(), Long::sum);
            total += text.length();
        }
        assertEquals(3, counts.get("REPORTING"));
        assertEquals(5, counts.get("COMMENTARY"));
        assertEquals(3, counts.get("BOILERPLATE"));
        for (String l : counts.keySet()) {
            assertEquals(counts.get(l), a.get("counts").get(l).asInt());
            assertEquals(chars.get(l) / (double) total, a.get("shares").get(l).asDouble(), 1e-6);
        }
    }

    @Test
    void htmlBodyIsReadAsHtml() throws Exception {
        String html = "<html><body><h1>My take</h1><p>Advertisement</p><blockquote><p>WASHINGTON (AP) \u2014 The Senate "
                + "passed the bill on Tuesday, officials said.</p></blockquote><p>I think this is a mistake.</p>"
                + "<script>var x = 1;</script></body></html>";
        HttpResponse<String> r = http.post("/v1/classify", "text/html", html);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode a = Http.json(r);
        assertEquals("html", a.get("format").asText());
        assertEquals(4, a.get("paragraphs").size(), r.body());
        assertEquals("My take", a.get("paragraphs").get(0).get("text").asText());
        assertFalse(r.body().contains("var x"), "script is dropped");
    }

    @Test
    void jsonBodyEchoesTheIdAndTakesTheFormat() throws Exception {
        String body = Http.JSON.writeValueAsString(Map.of("id", "post-17", "text", sample, "format", "text"));
        HttpResponse<String> r = http.post("/v1/classify", "application/json", body);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode a = Http.json(r);
        assertEquals("post-17", a.get("id").asText());
        assertEquals(SAMPLE_LABELS, labels(a));
        HttpResponse<String> html = http.post("/v1/classify", "application/json",
                "{\"text\": \"<p>One.</p><p>Two.</p>\", \"format\": \"html\"}");
        assertEquals(2, Http.json(html).get("paragraphs").size(), html.body());
    }

    @Test
    void explainAddsTheTopFeaturesPerLabel() throws Exception {
        HttpResponse<String> r = http.post("/v1/classify?explain=true&top=2", "text/plain", sample);
        assertEquals(200, r.statusCode(), r.body());
        for (JsonNode p : Http.json(r).get("paragraphs")) {
            JsonNode e = p.get("explanation");
            assertNotNull(e, "explanation of paragraph " + p.get("index"));
            for (String l : List.of("REPORTING", "COMMENTARY", "BOILERPLATE")) {
                assertTrue(e.get(l).size() <= 2, e.toString());
                for (JsonNode c : e.get(l)) assertTrue(c.get("feature").asText().contains(":"), c.toString());
            }
        }
        assertFalse(Http.json(http.post("/v1/classify", "text/plain", sample)).get("paragraphs").get(0)
                .has("explanation"));
    }

    @Test
    void perLabelThresholdsMarkUncertainParagraphs() throws Exception {
        JsonNode a = Http.json(http.post("/v1/classify?threshold=COMMENTARY:1.0", "text/plain", sample));
        for (JsonNode p : a.get("paragraphs")) {
            assertEquals(p.get("label").asText().equals("COMMENTARY"), p.get("uncertain").asBoolean(), p.toString());
        }
        JsonNode all = Http.json(http.post("/v1/classify?min-confidence=1", "text/plain", sample));
        for (JsonNode p : all.get("paragraphs")) assertTrue(p.get("uncertain").asBoolean());
        JsonNode override = Http.json(http.post("/v1/classify?min-confidence=1&threshold=REPORTING:0,COMMENTARY:0,"
                + "BOILERPLATE:0", "text/plain", sample));
        for (JsonNode p : override.get("paragraphs")) assertFalse(p.get("uncertain").asBoolean());
        assertProblem(http.post("/v1/classify?threshold=OPINION:0.5", "text/plain", sample), 400, "bad-parameter",
                "unknown label 'OPINION'");
        assertProblem(http.post("/v1/classify?min-confidence=2", "text/plain", sample), 400, "bad-parameter",
                "min-confidence");
        assertProblem(http.post("/v1/classify?explain=maybe", "text/plain", sample), 400, "bad-parameter",
                "explain");
    }

    @Test
    void emptyBodyIs400() throws Exception {
        assertProblem(http.post("/v1/classify", "text/plain", ""), 400, "empty-body", "empty");
        assertProblem(http.post("/v1/classify", "text/plain", " \n\t\n"), 400, "empty-body", "no paragraphs");
        assertProblem(http.post("/v1/classify", "application/json", "{\"text\": \"  \"}"), 400, "empty-body",
                "field text");
    }

    @Test
    void invalidUtf8Is400WithTheByteOffset() throws Exception {
        byte[] body = {'H', 'e', 'l', 'l', 'o', (byte) 0xC3, '(', '\n'};
        assertProblem(http.post("/v1/classify", "text/plain", body), 400, "invalid-utf8", "byte offset 5");
        assertProblem(http.post("/v1/classify", "application/json", new byte[]{'{', '"', 't', '"', ':', '"',
                (byte) 0xFF, '"', '}'}), 400, "invalid-utf8", "byte offset 6");
        assertProblem(http.post("/v1/classify", "text/plain", new byte[]{'a', 0, 'b'}), 400, "invalid-utf8",
                "binary");
    }

    @Test
    void unknownContentTypeIs415() throws Exception {
        assertProblem(http.post("/v1/classify", "application/xml", "<a/>"), 415, "unsupported-media-type",
                "application/xml");
        assertProblem(http.post("/v1/classify", null, sample), 415, "unsupported-media-type", "no Content-Type");
        assertProblem(http.post("/v1/classify", "text/plain; charset=iso-8859-1", sample), 415,
                "unsupported-charset", "iso-8859-1");
        assertProblem(http.post("/v1/classify/batch", "application/json", "{}"), 415, "unsupported-media-type",
                "x-ndjson");
    }

    @Test
    void oversizeBodyIs413() throws Exception {
        String big = "A paragraph of some length that repeats.\n".repeat(2000);
        assertProblem(http.post("/v1/classify", "text/plain", big), 413, "too-large", "65536");
        String many = "Paragraph.\n".repeat(51);
        assertProblem(http.post("/v1/classify", "text/plain", many), 413, "too-many-paragraphs", "51 paragraphs");
    }

    @Test
    void malformedJsonIs400WithWhereItBroke() throws Exception {
        assertProblem(http.post("/v1/classify", "application/json", "{\n \"text\": \"abc\",\n oops}"), 400,
                "malformed-json", "line 3");
        assertProblem(http.post("/v1/classify", "application/json", "[1, 2]"), 400, "malformed-json",
                "expected a JSON object");
        assertProblem(http.post("/v1/classify", "application/json", "{\"id\": \"x\"}"), 400, "bad-field",
                "field text is missing");
        assertProblem(http.post("/v1/classify", "application/json", "{\"text\": 5}"), 400, "bad-field",
                "field text must be a string");
        assertProblem(http.post("/v1/classify", "application/json", "{\"text\": \"a\", \"format\": \"pdf\"}"), 400,
                "bad-format", "unknown input format 'pdf'");
    }

    @Test
    void batchStreamsOneResultPerLineInOrderAndKeepsGoodLinesAroundBadOnes() throws Exception {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(("{\"id\": \"a1\", \"text\": " + Http.JSON.writeValueAsString(sample) + "}\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write("{\"id\": \"a2\", \"text\": \"oops\n".getBytes(StandardCharsets.UTF_8));        // line 2 malformed
        body.write(new byte[]{'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, '"', '}', '\n'}); // 3 bad UTF-8
        body.write("\n".getBytes(StandardCharsets.UTF_8));                                           // 4 blank
        body.write(("{\"id\": \"a5\", \"paragraphs\": [{\"text\": \"Advertisement\", \"label\": \"BOILERPLATE\"}, "
                + "{\"text\": \"I think so.\"}]}\n").getBytes(StandardCharsets.UTF_8));
        body.write(("{\"id\": \"a6\", \"text\": \"" + "x".repeat(70_000) + "\"}\n").getBytes(StandardCharsets.UTF_8));
        body.write("{\"id\": \"a7\", \"text\": \"Share this post\"}".getBytes(StandardCharsets.UTF_8)); // no final \n
        HttpResponse<String> r = http.post("/v1/classify/batch", "application/x-ndjson", body.toByteArray());
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("application/x-ndjson", r.headers().firstValue("Content-Type").orElse(""));
        List<JsonNode> lines = new ArrayList<>();
        for (String l : r.body().split("\n")) lines.add(Http.JSON.readTree(l));
        assertEquals(List.of(1, 2, 3, 5, 6, 7), lines.stream().map(n -> n.get("line").asInt()).toList());
        assertEquals("a1", lines.get(0).get("id").asText());
        assertEquals(SAMPLE_LABELS, labels(lines.get(0)));
        JsonNode malformed = lines.get(1).get("error");
        assertEquals(400, malformed.get("status").asInt());
        assertTrue(malformed.get("detail").asText().startsWith("line 2: "), malformed.toString());
        assertEquals(400, lines.get(2).get("error").get("status").asInt());
        assertTrue(lines.get(2).get("error").get("detail").asText().contains("line 3"), lines.get(2).toString());
        assertEquals("a5", lines.get(3).get("id").asText());
        assertEquals(2, lines.get(3).get("paragraphs").size());
        assertEquals(413, lines.get(4).get("error").get("status").asInt());
        assertEquals("a7", lines.get(5).get("id").asText());
    }

    @Test
    void longBatchComesBackInInputOrder() throws Exception {
        StringBuilder b = new StringBuilder();
        String[] texts = sample.split("\n+");
        for (int i = 0; i < 300; i++) {
            b.append("{\"id\": \"n").append(i).append("\", \"paragraphs\": [")
                    .append(Http.JSON.writeValueAsString(texts[i % texts.length])).append(", ")
                    .append(Http.JSON.writeValueAsString(texts[(i * 7) % texts.length])).append("]}\n");
        }
        HttpResponse<String> r = http.post("/v1/classify/batch", "application/x-ndjson", b.toString());
        assertEquals(200, r.statusCode());
        List<String> lines = r.body().lines().toList();
        assertEquals(300, lines.size());
        for (int i = 0; i < 300; i++) {
            JsonNode n = Http.JSON.readTree(lines.get(i));
            assertEquals("n" + i, n.get("id").asText());
            assertEquals(texts[i % texts.length], n.get("paragraphs").get(0).get("text").asText());
        }
    }

    @Test
    void emptyBatchIs400() throws Exception {
        assertProblem(http.post("/v1/classify/batch", "application/x-ndjson", "\n\n"), 400, "empty-body",
                "no lines");
    }

    @Test
    void modelDescribesLabelsParametersAndProvenance() throws Exception {
        HttpResponse<String> r = http.get("/v1/model");
        assertEquals(200, r.statusCode());
        JsonNode m = Http.json(r);
        Classifier c = Classifier.loadDefault();
        assertEquals(c.labels(), Http.JSON.convertValue(m.get("labels"), List.class));
        assertEquals(c.model().weights().parameterCount(), m.get("parameters").asLong());
        assertEquals(c.model().provenance().seed(), m.get("provenance").get("seed").asLong());
        assertEquals(c.model().provenance().trainingDataSha256(),
                m.get("provenance").get("trainingDataSha256").asText());
        assertEquals("wirecopy-model", m.get("format").asText());
    }

    @Test
    void healthSaysReady() throws Exception {
        HttpResponse<String> r = http.get("/health");
        assertEquals(200, r.statusCode());
        assertEquals("ready", Http.json(r).get("status").asText());
    }

    @Test
    void metricsCountRequestsErrorsLatencyAndParagraphs() throws Exception {
        String before = http.get("/metrics").body();
        http.post("/v1/classify", "text/plain", sample);
        http.post("/v1/classify", "text/plain", "");
        HttpResponse<String> r = http.get("/metrics");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        String after = r.body();
        String ok = "wirecopy_http_requests_total{method=\"POST\",path=\"/v1/classify\",status=\"200\"}";
        assertEquals(value(before, ok) + 1, value(after, ok), 0);
        String err = "wirecopy_http_requests_total{method=\"POST\",path=\"/v1/classify\",status=\"400\"}";
        assertEquals(value(before, err) + 1, value(after, err), 0);
        String errors = "wirecopy_http_request_errors_total{path=\"/v1/classify\"}";
        assertTrue(value(after, errors) >= value(before, errors) + 1);
        for (String label : List.of("REPORTING", "COMMENTARY", "BOILERPLATE")) {
            String k = "wirecopy_paragraphs_classified_total{label=\"" + label + "\"}";
            long expected = SAMPLE_LABELS.stream().filter(label::equals).count();
            assertEquals(value(before, k) + expected, value(after, k), 0, k);
        }
        String count = "wirecopy_http_request_duration_seconds_count{path=\"/v1/classify\"}";
        String inf = "wirecopy_http_request_duration_seconds_bucket{path=\"/v1/classify\",le=\"+Inf\"}";
        assertEquals(value(after, count), value(after, inf), 0);
        assertTrue(value(after, count) >= value(before, count) + 2);
        assertTrue(after.contains("# TYPE wirecopy_http_request_duration_seconds histogram"));
    }

    /** The sample's value in a Prometheus exposition, 0 when absent. */
    static double value(String exposition, String series) {
        for (String line : exposition.split("\n")) {
            if (line.startsWith(series + " ")) return Double.parseDouble(line.substring(series.length() + 1));
        }
        return 0;
    }

    @Test
    void pageScriptAndStylesComeFromTheJar() throws Exception {
        HttpResponse<String> page = http.get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("app.js") && page.body().contains("app.css"));
        assertFalse(page.body().contains("http://") || page.body().contains("https://"), "no CDN: " + page.body());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
        assertEquals(200, http.get("/app.js").statusCode());
        assertEquals(200, http.get("/app.css").statusCode());
        assertEquals(200, http.get("/openapi.json").statusCode());
    }

    @Test
    void noDirectoryListingOrPathTraversal() throws Exception {
        for (String path : List.of("/web/", "/web/index.html", "/org/wirecopy/serve/web/app.js", "/app.js/x",
                "/static/", "/v1/")) {
            HttpResponse<String> r = http.get(path);
            assertEquals(404, r.statusCode(), path + ": " + r.body());
            assertProblem(r, 404, "not-found", "no resource");
        }
        for (String raw : List.of("GET /../pom.xml HTTP/1.1", "GET /%2e%2e/%2e%2e/pom.xml HTTP/1.1",
                "GET /..%2f..%2fpom.xml HTTP/1.1", "GET /app.js/../../../../etc/passwd HTTP/1.1")) {
            String answer = http.raw(raw);
            int status = Integer.parseInt(answer.substring(9, 12));
            assertTrue(status == 400 || status == 404, raw + " -> " + answer);
            assertFalse(answer.contains("<project") || answer.contains("root:"), raw + " leaked a file");
            assertFalse(answer.contains("Exception") || answer.contains("\tat "), raw + " -> " + answer);
        }
    }

    @Test
    void requestsJettyRefusesAreProblemsToo() throws Exception {
        for (String raw : List.of("GET /%zz HTTP/1.1", "GARBAGE")) {
            String answer = http.raw(raw);
            assertTrue(answer.startsWith("HTTP/1.1 400"), raw + " -> " + answer);
            assertTrue(answer.contains("application/problem+json"), raw + " -> " + answer);
            assertTrue(answer.contains("\"status\":400"), raw + " -> " + answer);
            assertFalse(answer.contains("Exception") || answer.contains("\tat "), raw + " -> " + answer);
        }
    }

    @Test
    void aBusyPortIsReportedWithTheFix() {
        java.io.UncheckedIOException e = org.junit.jupiter.api.Assertions.assertThrows(
                java.io.UncheckedIOException.class, () -> WirecopyServer.start(ServeConfig.builder()
                        .port(server.port()).build(), "bundled", Classifier::loadDefault));
        assertTrue(e.getCause() instanceof java.net.BindException);
        assertTrue(e.getCause().getMessage().contains("choose another --port"), e.getCause().getMessage());
    }

    @Test
    void wrongMethodIs405AsProblem() throws Exception {
        HttpResponse<String> r = http.get("/v1/classify");
        assertProblem(r, 405, "method-not-allowed", "GET");
    }

    @Test
    void corsIsOffByDefault() throws Exception {
        HttpResponse<String> r = Http.client().send(java.net.http.HttpRequest.newBuilder(http.uri("/v1/model"))
                .header("Origin", "http://evil.example").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), r.headers().toString());
    }
}
