package org.wirecopy.serve;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.wirecopy.TestData;
import org.wirecopy.classify.Classifier;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Limits, readiness, graceful shutdown, CORS and the serve verb in its own process. */
class ServerLimitsTest {

    private static final String ARTICLE = "My take on it.\nWASHINGTON (AP) \u2014 The Senate voted on Tuesday.\n"
            + "Advertisement\n";

    private static ServeConfig.Builder config() {
        return ServeConfig.builder().port(0).accessLog(false);
    }

    /** Occupies every worker and queue slot until the latch opens. */
    private static void block(WirecopyServer server, CountDownLatch release, int tasks) {
        for (int i = 0; i < tasks; i++) {
            server.workers().submit(() -> {
                release.await();
                return null;
            });
        }
    }

    @Test
    void fullQueueGives503WithRetryAfter() throws Exception {
        try (WirecopyServer server = WirecopyServer.start(config().workers(1).queue(1).build(), "bundled",
                Classifier::loadDefault)) {
            Http http = new Http(server.port());
            ServerApiTest.awaitReady(http);
            CountDownLatch release = new CountDownLatch(1);
            block(server, release, 2);
            try {
                HttpResponse<String> r = http.post("/v1/classify", "text/plain", ARTICLE);
                ServerApiTest.assertProblem(r, 503, "overloaded", "queue of 1 is full");
                assertEquals("1", r.headers().firstValue("Retry-After").orElse(""));
                HttpResponse<String> b = http.post("/v1/classify/batch", "application/x-ndjson",
                        "{\"text\": \"Hello.\"}\n");
                ServerApiTest.assertProblem(b, 503, "overloaded", "full");
                assertTrue(http.get("/metrics").body().contains("wirecopy_rejected_total 2"));
            } finally {
                release.countDown();
            }
            long deadline = System.nanoTime() + 10_000_000_000L;
            while ((server.workers().getActiveCount() > 0 || !server.workers().getQueue().isEmpty())
                    && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(200, http.post("/v1/classify", "text/plain", ARTICLE).statusCode());
        }
    }

    @Test
    void requestOverTheTimeLimitGives503() throws Exception {
        try (WirecopyServer server = WirecopyServer.start(config().workers(1).queue(4)
                .requestTimeout(Duration.ofMillis(300)).build(), "bundled", Classifier::loadDefault)) {
            Http http = new Http(server.port());
            ServerApiTest.awaitReady(http);
            CountDownLatch release = new CountDownLatch(1);
            block(server, release, 1);
            try {
                long t0 = System.nanoTime();
                HttpResponse<String> r = http.post("/v1/classify", "text/plain", ARTICLE);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                ServerApiTest.assertProblem(r, 503, "timeout", "300 ms");
                assertTrue(ms >= 250 && ms < 5000, "answered after " + ms + " ms");
                HttpResponse<String> b = http.post("/v1/classify/batch", "application/x-ndjson",
                        "{\"id\": \"x\", \"text\": \"Hello.\"}\n");
                assertEquals(200, b.statusCode());
                JsonNode line = Http.JSON.readTree(b.body().strip());
                assertEquals(503, line.get("error").get("status").asInt(), b.body());
                assertTrue(line.get("error").get("detail").asText().startsWith("line 1: "), b.body());
            } finally {
                release.countDown();
            }
        }
    }

    @Test
    void healthIsNotReadyUntilTheModelIsLoaded() throws Exception {
        CountDownLatch loaded = new CountDownLatch(1);
        try (WirecopyServer server = WirecopyServer.start(config().build(), "bundled", () -> {
            loaded.await();
            return Classifier.loadDefault();
        })) {
            Http http = new Http(server.port());
            HttpResponse<String> h = http.get("/health");
            assertEquals(503, h.statusCode());
            assertEquals("loading", Http.json(h).get("status").asText());
            HttpResponse<String> r = http.post("/v1/classify", "text/plain", ARTICLE);
            ServerApiTest.assertProblem(r, 503, "loading", "still loading");
            assertEquals("1", r.headers().firstValue("Retry-After").orElse(""));
            ServerApiTest.assertProblem(http.get("/v1/model"), 503, "loading", "still loading");
            assertTrue(http.get("/metrics").body().contains("wirecopy_model_ready 0"));
            loaded.countDown();
            ServerApiTest.awaitReady(http);
            assertEquals(200, http.post("/v1/classify", "text/plain", ARTICLE).statusCode());
            assertTrue(http.get("/metrics").body().contains("wirecopy_model_ready 1"));
        }
    }

    @Test
    void aModelThatFailsToLoadIsReportedNotHidden() throws Exception {
        try (WirecopyServer server = WirecopyServer.start(config().build(), "broken.zip", () -> {
            throw new java.io.IOException("broken.zip: not a wirecopy model");
        })) {
            Http http = new Http(server.port());
            HttpResponse<String> h;
            long deadline = System.nanoTime() + 10_000_000_000L;
            do {
                h = http.get("/health");
            } while (Http.json(h).get("status").asText().equals("loading") && System.nanoTime() < deadline);
            assertEquals(503, h.statusCode());
            assertEquals("failed", Http.json(h).get("status").asText());
            assertTrue(Http.json(h).get("detail").asText().contains("not a wirecopy model"));
            ServerApiTest.assertProblem(http.post("/v1/classify", "text/plain", ARTICLE), 503, "model-failed",
                    "--model");
        }
    }

    @Test
    void closeLetsRequestsInFlightFinishAndRefusesNewOnes() throws Exception {
        WirecopyServer server = WirecopyServer.start(config().workers(1).queue(4).drainTimeout(Duration.ofSeconds(20))
                .build(), "bundled", Classifier::loadDefault);
        Http http = new Http(server.port());
        ServerApiTest.awaitReady(http);
        CountDownLatch release = new CountDownLatch(1);
        block(server, release, 1);
        // a client of its own: a connection of the shared pool may be one the server is closing (a POST is not retried)
        CompletableFuture<HttpResponse<String>> inFlight = java.net.http.HttpClient.newHttpClient().sendAsync(
                http.request("/v1/classify", "text/plain", ARTICLE.getBytes(StandardCharsets.UTF_8)),
                HttpResponse.BodyHandlers.ofString());
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (server.workers().getQueue().isEmpty() && System.nanoTime() < deadline) Thread.sleep(5);
        assertEquals(1, server.workers().getQueue().size(), "the request waits in the queue");
        CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
        while (server.ready() && System.nanoTime() < deadline) Thread.sleep(5);
        HttpResponse<String> refused = http.post("/v1/classify", "text/plain", ARTICLE);
        ServerApiTest.assertProblem(refused, 503, "shutting-down", "stopping");
        assertEquals("stopping", Http.json(http.get("/health")).get("status").asText());
        assertFalse(closing.isDone(), "close waits for the request in flight");
        release.countDown();
        HttpResponse<String> done = inFlight.get(20, TimeUnit.SECONDS);
        assertEquals(200, done.statusCode(), done.body());
        assertEquals(3, Http.json(done).get("paragraphs").size());
        closing.get(20, TimeUnit.SECONDS);
        assertThrows(ConnectException.class, () -> http.get("/health"), "no longer listening");
    }

    @Test
    void corsAllowsOnlyTheConfiguredOrigins() throws Exception {
        try (WirecopyServer server = WirecopyServer.start(config().corsOrigins(List.of("http://localhost:3000"))
                .build(), "bundled", Classifier::loadDefault)) {
            Http http = new Http(server.port());
            ServerApiTest.awaitReady(http);
            HttpResponse<String> ok = Http.client().send(java.net.http.HttpRequest.newBuilder(http.uri("/health"))
                    .header("Origin", "http://localhost:3000").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("http://localhost:3000", ok.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
            HttpResponse<String> other = Http.client().send(java.net.http.HttpRequest.newBuilder(http.uri("/health"))
                    .header("Origin", "http://evil.example").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(other.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
            HttpResponse<String> preflight = Http.client().send(java.net.http.HttpRequest.newBuilder(
                    http.uri("/v1/classify")).method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "POST")
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(preflight.statusCode() == 200 || preflight.statusCode() == 204, preflight.toString());
            assertEquals("http://localhost:3000", preflight.headers().firstValue("Access-Control-Allow-Origin")
                    .orElse(""));
            assertTrue(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"),
                    preflight.headers().toString());
        }
    }

    /** Results come back while the batch is still arriving: the server holds a bounded window, not the batch. */
    @Test
    void batchAnswersBeforeTheWholeBatchHasArrived() throws Exception {
        try (WirecopyServer server = WirecopyServer.start(config().workers(1).build(), "bundled",
                Classifier::loadDefault)) {
            ServerApiTest.awaitReady(new Http(server.port()));
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.port())) {
                s.setSoTimeout(20_000);
                java.io.OutputStream out = s.getOutputStream();
                out.write(("POST /v1/classify/batch HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-ndjson"
                        + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                for (int i = 1; i <= 2; i++) { // the window of one worker is two lines
                    byte[] line = ("{\"id\": \"b" + i + "\", \"text\": \"Advertisement\"}\n")
                            .getBytes(StandardCharsets.UTF_8);
                    out.write((Integer.toHexString(line.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(line);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                        StandardCharsets.UTF_8));
                assertTrue(in.readLine().startsWith("HTTP/1.1 200"), "status line");
                String line;
                StringBuilder seen = new StringBuilder();
                while ((line = in.readLine()) != null && !line.contains("\"id\":\"b1\"")) seen.append(line).append('\n');
                assertTrue(line != null, "the first result arrives before the batch ends: " + seen);
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                while ((line = in.readLine()) != null && !line.contains("\"id\":\"b2\"")) seen.append(line);
                assertTrue(line != null, "then the second: " + seen);
            }
        }
    }

    @Test
    void configRefusesBadValuesNamingTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServeConfig.builder().corsOrigins(List.of("*")).build());
        assertTrue(e.getMessage().startsWith("corsOrigins:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ServeConfig.builder().workers(0).build())
                .getMessage().startsWith("workers:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ServeConfig.builder().port(70000).build())
                .getMessage().startsWith("port:"));
    }

    /** The serve verb in its own JVM: says where it listens, logs requests without bodies, stops on SIGTERM. */
    @Test
    void serveVerbListensOnLoopbackLogsWithoutBodiesAndStopsOnSigterm() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "org.wirecopy.cli.WirecopyCli", "serve", "--port", "0")
                .directory(TestData.root().toFile()).redirectErrorStream(true).start();
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Pattern listening = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)/");
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    output.add(line);
                    Matcher m = listening.matcher(line);
                    if (m.find()) port.complete(Integer.parseInt(m.group(1)));
                }
            } catch (java.io.IOException e) {
                output.add("(reading the output failed: " + e + ")");
            }
            port.complete(-1);
        });
        reader.start();
        try {
            int listeningPort = port.get(60, TimeUnit.SECONDS);
            assertTrue(listeningPort > 0, "no 'listening on' line: " + output);
            Http http = new Http(listeningPort);
            ServerApiTest.awaitReady(http);
            String secret = "Zanzibar-quokka-7731 said the council.";
            assertEquals(200, http.post("/v1/classify", "text/plain", secret).statusCode());
            assertTrue(p.toHandle().destroy(), "SIGTERM sent");
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the server stops within 30 s of SIGTERM");
            reader.join(10_000);
            String all = String.join("\n", output);
            assertTrue(all.contains("POST /v1/classify 200"), all);
            assertFalse(all.contains("Zanzibar"), "request bodies are never logged: " + all);
            assertTrue(all.contains("wirecopy: stopped"), all);
        } finally {
            p.destroyForcibly();
        }
    }
}
