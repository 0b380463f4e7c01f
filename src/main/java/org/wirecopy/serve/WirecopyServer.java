package org.wirecopy.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wirecopy.classify.ClassifiedArticle;
import org.wirecopy.classify.Classifier;
import org.wirecopy.classify.Explanation;
import org.wirecopy.model.Model;
import org.wirecopy.model.ModelIO;
import org.wirecopy.model.Versions;
import org.wirecopy.text.Article;
import org.wirecopy.text.ArticleInputException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The wirecopy HTTP service: the JSON API, health, metrics, the OpenAPI document and the web page, on Javalin.
 *
 * <p>{@link #start} binds at once and loads the model in the background; {@code /health} says ready once it is
 * loaded. Classification runs on a bounded pool of workers with a bounded queue: when the queue is full the answer is
 * 503 with {@code Retry-After}. The time limit bounds when the answer comes: an article still queued is dropped, one
 * already being classified finishes on its worker (only explanations stop early), as the classifier is not
 * interruptible. {@link #close()} stops gracefully: requests in flight finish, new ones are refused.
 *
 * <p><b>Thread-safe:</b> every method may be called from any thread.
 */
public final class WirecopyServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WirecopyServer.class);
    private static final Logger ACCESS = LoggerFactory.getLogger("org.wirecopy.serve.access");
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final Set<String> ROUTES = Set.of("/", "/app.js", "/app.css", "/health", "/metrics",
            "/openapi.json", "/v1/model", "/v1/classify", "/v1/classify/batch");

    private final ServeConfig config;
    private final String modelName;
    private final ThreadPoolExecutor workers;
    private final Metrics metrics = new Metrics();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final StaticPages pages = new StaticPages();
    private volatile Classifier classifier;
    private volatile byte[] modelJson;
    private volatile String loadFailure;
    private volatile boolean draining;
    private final Javalin app;

    private WirecopyServer(ServeConfig config, String modelName) {
        this.config = config;
        this.modelName = modelName;
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(config.workers(), config.workers(), 0, TimeUnit.MILLISECONDS,
                config.queue() == 0 ? new java.util.concurrent.SynchronousQueue<>()
                        : new ArrayBlockingQueue<>(config.queue()),
                r -> {
                    Thread t = new Thread(r, "wirecopy-worker-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        this.app = Javalin.create(this::configure);
    }

    /**
     * Starts a server: binds to {@code config.host():config.port()} now and loads the classifier on a background
     * thread.
     *
     * @param config    how to listen and what to accept; not null
     * @param modelName what {@code /v1/model} calls the model (a file name, or "bundled")
     * @param loader    loads the classifier, e.g. {@code Classifier::loadDefault}
     * @return the running server
     * @throws UncheckedIOException (with a {@link java.net.BindException}) when the address cannot be bound
     */
    public static WirecopyServer start(ServeConfig config, String modelName, Callable<Classifier> loader) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(loader, "loader");
        WirecopyServer s = new WirecopyServer(config, modelName);
        try {
            s.app.start(config.host(), config.port());
        } catch (RuntimeException e) {
            s.workers.shutdownNow();
            throw new UncheckedIOException(new java.net.BindException("cannot listen on " + config.host() + ":"
                    + config.port() + " (" + e.getMessage() + "); choose another --port or --host"));
        }
        Thread t = new Thread(() -> s.load(loader), "wirecopy-model-loader");
        t.setDaemon(true);
        t.start();
        return s;
    }

    /** {@return the port the server listens on (the chosen one when the configuration said 0)} */
    public int port() {
        return app.port();
    }

    /** {@return the configuration} */
    public ServeConfig config() {
        return config;
    }

    /** {@return true once the model is loaded and until the server starts stopping} */
    public boolean ready() {
        return classifier != null && !draining;
    }

    /** {@return why the model could not be loaded, or null} */
    public String loadFailure() {
        return loadFailure;
    }

    /**
     * Waits until the server has stopped.
     *
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    /**
     * Stops gracefully: refuses new classification requests (503), waits up to the drain timeout for those in flight,
     * then stops listening. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (stopped.getCount() == 0) return;
        draining = true;
        long deadline = System.nanoTime() + config.drainTimeout().toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (inFlight.get() > 0) LOG.warn("stopping with {} requests still in flight after the drain timeout", inFlight);
        app.stop();
        workers.shutdownNow();
        stopped.countDown();
        LOG.info("stopped");
    }

    /** The worker pool (tests fill it to check the 503 answer). */
    ThreadPoolExecutor workers() {
        return workers;
    }

    private void load(Callable<Classifier> loader) {
        try {
            Classifier c = loader.call();
            modelJson = modelDocument(c.model());
            classifier = c;
            LOG.info("model {} loaded: labels {}", modelName, c.labels());
        } catch (Exception | LinkageError e) {
            loadFailure = "the model " + modelName + " could not be loaded: " + e.getMessage();
            LOG.error("{}", loadFailure, e);
        }
    }

    private void configure(JavalinConfig cfg) {
        cfg.startup.showJavalinBanner = false;
        cfg.startup.showOldJavalinVersionWarning = false;
        cfg.http.compressionStrategy = CompressionStrategy.NONE;
        cfg.http.prefer405over404 = true;
        cfg.http.maxRequestSize = config.maxBodyBytes();
        cfg.jetty.threadPool = new QueuedThreadPool(config.workers() + config.queue() + 32, 8);
        cfg.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
        if (!config.corsOrigins().isEmpty()) {
            List<String> origins = config.corsOrigins();
            cfg.bundledPlugins.enableCors(cors -> cors.addRule(rule -> rule.allowHost(origins.get(0),
                    origins.subList(1, origins.size()).toArray(String[]::new))));
        }
        cfg.requestLogger.http(this::logged);
        var r = cfg.routes;
        r.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "no-referrer");
        });
        r.get("/", ctx -> pages.serve(ctx, "index.html"));
        r.get("/app.js", ctx -> pages.serve(ctx, "app.js"));
        r.get("/app.css", ctx -> pages.serve(ctx, "app.css"));
        r.get("/openapi.json", ctx -> pages.serve(ctx, "openapi.json"));
        r.get("/health", this::health);
        r.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(metrics.render(() -> workers.getQueue().size(), workers::getActiveCount, ready())));
        r.get("/v1/model", ctx -> {
            requireReady();
            ctx.contentType("application/json").result(modelJson);
        });
        if (!config.corsOrigins().isEmpty()) {
            for (String path : List.of("/v1/classify", "/v1/classify/batch", "/v1/model")) {
                r.options(path, ctx -> ctx.status(204)); // preflight; the CORS plugin adds the headers
            }
        }
        r.post("/v1/classify", this::classify);
        r.post("/v1/classify/batch", this::batch);
        r.exception(Problem.class, (p, ctx) -> problem(ctx, p));
        r.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, httpProblem(e.getStatus(), ctx)));
        r.exception(Exception.class, (e, ctx) -> {
            LOG.error("internal error on {} {}", ctx.method(), ctx.path(), e);
            problem(ctx, new Problem(500, "internal", "Internal error",
                    "the server failed on this request; the server log has the details"));
        });
        r.error(404, ctx -> {
            if (!PROBLEM_JSON.equals(ctx.res().getContentType())) problem(ctx, httpProblem(404, ctx));
        });
        r.error(405, ctx -> {
            if (!PROBLEM_JSON.equals(ctx.res().getContentType())) problem(ctx, httpProblem(405, ctx));
        });
    }

    private static Problem httpProblem(int status, Context ctx) {
        return switch (status) {
            case 404 -> new Problem(404, "not-found", "Not found", "no resource at " + ctx.path()
                    + "; see /openapi.json for the API and / for the page");
            case 405 -> new Problem(405, "method-not-allowed", "Method not allowed", ctx.method() + " is not "
                    + "allowed on " + ctx.path() + "; see /openapi.json");
            case 413 -> new Problem(413, "too-large", "Body too large", "the body is over "
                    + "the limit; send a smaller article");
            default -> new Problem(status >= 400 && status <= 599 ? status : 500, "http-" + status, "HTTP error",
                    "the request could not be served (status " + status + ")");
        };
    }

    private void problem(Context ctx, Problem p) {
        ctx.status(p.status()).contentType(PROBLEM_JSON).result(ResultJson.problem(p, ctx.path(), null));
        if (p.retryAfter() != null) ctx.header("Retry-After", p.retryAfter());
        if (draining) ctx.header("Connection", "close");
    }

    private void logged(Context ctx, Float ms) {
        String route = ROUTES.contains(ctx.path()) ? ctx.path() : "other";
        metrics.request(ctx.method().name(), route, ctx.statusCode(), ms / 1000.0);
        if (config.accessLog() && ACCESS.isInfoEnabled()) {
            ACCESS.info("{} {} {} {} ms", ctx.method().name(), route.equals("other") ? "(other)" : route,
                    ctx.statusCode(), String.format(java.util.Locale.ROOT, "%.1f", ms));
        }
    }

    private void health(Context ctx) {
        String status = draining ? "stopping" : classifier != null ? "ready" : loadFailure != null ? "failed"
                : "loading";
        ObjectNode o = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        o.put("status", status);
        o.put("model", modelName);
        if (loadFailure != null) o.put("detail", loadFailure);
        ctx.status(status.equals("ready") ? 200 : 503).contentType("application/json").result(o.toString());
    }

    private Classifier requireReady() {
        Classifier c = classifier;
        if (draining) {
            throw Problem.unavailable("shutting-down", "Shutting down", "the server is stopping; retry on "
                    + "another instance");
        }
        if (c == null) {
            if (loadFailure != null) {
                throw new Problem(503, "model-failed", "Model not loaded", loadFailure
                        + "; restart the server with a valid --model");
            }
            throw Problem.unavailable("loading", "Model loading", "the model is still loading; retry in a second "
                    + "(GET /health says ready when it is)");
        }
        return c;
    }

    /** Counts a request in flight, or refuses it when the server is stopping. */
    private void enter() {
        inFlight.incrementAndGet();
        if (draining) {
            inFlight.decrementAndGet();
            requireReady();
        }
    }

    private void classify(Context ctx) throws InterruptedException {
        enter();
        try {
            long deadline = System.nanoTime() + config.requestTimeout().toNanos();
            Classifier c = requireReady();
            String ct = ctx.header("Content-Type");
            String media = RequestParser.mediaType(ct);
            if (!media.equals("text/plain") && !media.equals("text/html") && !media.equals("application/json")) {
                throw RequestParser.unsupported(ct, "text/plain, text/html or application/json");
            }
            ClassifyOptions options = ClassifyOptions.parse(ctx.queryParamMap(), c.labels());
            byte[] body = readBody(ctx);
            ArticleRequest request = RequestParser.parseSingle(body, ct, ctx.queryParam("format"));
            Future<byte[]> f = submit(() -> classifyOne(c, null, request, options));
            byte[] json = await(f, deadline);
            ctx.contentType("application/json").result(json);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private Future<byte[]> submit(Callable<byte[]> task) {
        try {
            return workers.submit(task);
        } catch (RejectedExecutionException e) {
            metrics.rejected();
            throw Problem.unavailable("overloaded", "Overloaded", "all " + config.workers() + " workers are busy "
                    + "and the queue of " + config.queue() + " is full; retry after the Retry-After delay");
        }
    }

    private byte[] await(Future<byte[]> f, long deadline) throws InterruptedException {
        try {
            return f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw Problem.unavailable("timeout", "Time limit", "the article was not classified within the "
                    + config.requestTimeout().toMillis() + " ms limit (queueing included); send a shorter article "
                    + "or retry later");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Problem p) throw p;
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Reads and classifies one article (on a worker); returns its JSON. */
    private byte[] classifyOne(Classifier c, Integer line, ArticleRequest request, ClassifyOptions options) {
        String where = line == null ? "" : "line " + line + ": ";
        Article article;
        try {
            article = request.read();
        } catch (ArticleInputException | IllegalArgumentException e) {
            throw Problem.badRequest("bad-article", "Unreadable article", where + e.getMessage());
        }
        if (article.isEmpty()) {
            throw Problem.badRequest("empty-body", "Empty body", where + "the article has no paragraphs (it is empty "
                    + "or only whitespace or markup); send the article's text");
        }
        if (article.size() > config.maxParagraphs()) {
            throw new Problem(413, "too-many-paragraphs", "Too many paragraphs", where + "the article has "
                    + article.size() + " paragraphs, over the limit of " + config.maxParagraphs()
                    + "; split it or raise --max-paragraphs");
        }
        ClassifiedArticle result = c.classify(article);
        List<Explanation> explanations = null;
        if (options.explain()) {
            explanations = c.explainAll(article, options.top());
        }
        metrics.classified(result);
        return ResultJson.article(line, request.id(), article.format().name().toLowerCase(java.util.Locale.ROOT),
                result, options, explanations);
    }

    /** How far over the body limit a request is still read (and dropped) before the 413 is sent. */
    static final long DRAIN_LIMIT = 1L << 20;

    private byte[] readBody(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > config.maxBodyBytes()) {
            // a body a little over the limit is read and dropped first, so that the client, still sending, reads
            // the 413 instead of a reset connection; a much larger one is refused at once
            if (declared <= config.maxBodyBytes() + DRAIN_LIMIT) {
                try {
                    ctx.req().getInputStream().skipNBytes(declared);
                } catch (IOException | RuntimeException e) {
                    // the answer is 413 all the same
                }
            }
            throw tooLarge(declared + " bytes");
        }
        try {
            InputStream in = ctx.req().getInputStream();
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, config.maxBodyBytes() + 1));
            if (body.length > config.maxBodyBytes()) throw tooLarge("more than " + config.maxBodyBytes() + " bytes");
            return body;
        } catch (IOException e) {
            throw Problem.badRequest("unreadable-body", "Unreadable body", "the body could not be read: "
                    + e.getMessage());
        }
    }

    private Problem tooLarge(String size) {
        return new Problem(413, "too-large", "Body too large", "the body is " + size + ", over the limit of "
                + config.maxBodyBytes() + " bytes; send a shorter article, split the batch into lines, or raise "
                + "--max-body");
    }

    private void batch(Context ctx) throws InterruptedException, IOException {
        enter();
        try {
            Classifier c = requireReady();
            String ct = ctx.header("Content-Type");
            String media = RequestParser.mediaType(ct);
            if (!media.equals("application/x-ndjson") && !media.equals("application/jsonl")) {
                throw RequestParser.unsupported(ct, "application/x-ndjson, one JSON article per line");
            }
            RequestParser.requireUtf8(ct);
            ClassifyOptions options = ClassifyOptions.parse(ctx.queryParamMap(), c.labels());
            try {
                new BatchStream(this, c, options, ctx).run();
            } catch (org.eclipse.jetty.io.EofException e) {
                LOG.info("a batch client closed the connection before the end of its answer");
            }
        } finally {
            inFlight.decrementAndGet();
        }
    }

    // --- used by BatchStream -------------------------------------------------------------------------------------

    ServeConfig configuration() {
        return config;
    }

    /** Submits a batch line; when the pool is full, runs it on the calling thread (the batch never loses a line). */
    Future<byte[]> submitLine(Classifier c, int line, byte[] bytes, ClassifyOptions options, boolean first) {
        Callable<byte[]> task = () -> {
            String json = RequestParser.decode(bytes, "line " + line);
            ArticleRequest request = RequestParser.parseJsonArticle(json, line);
            return classifyOne(c, line, request, options);
        };
        try {
            return workers.submit(task);
        } catch (RejectedExecutionException e) {
            if (first) return submit(task);
            java.util.concurrent.FutureTask<byte[]> inline = new java.util.concurrent.FutureTask<>(task);
            inline.run();
            return inline;
        }
    }

    byte[] awaitLine(Future<byte[]> f, long deadline) throws InterruptedException {
        return await(f, deadline);
    }

    static Problem internal() {
        return new Problem(500, "internal", "Internal error", "the server failed on this line; the server log has "
                + "the details");
    }

    Logger log() {
        return LOG;
    }

    private byte[] modelDocument(Model m) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode o = json.createObjectNode();
        o.put("model", modelName);
        o.put("format", ModelIO.FORMAT);
        o.put("formatVersion", ModelIO.FORMAT_VERSION);
        o.putPOJO("labels", m.labels());
        o.put("inputSize", m.features().inputSize());
        o.put("parameters", m.weights().parameterCount());
        o.set("features", json.valueToTree(m.features()));
        ObjectNode net = o.putObject("network");
        net.put("architecture", m.network().architecture().id());
        net.put("hidden", m.network().hidden());
        net.put("recurrent", m.network().recurrent());
        net.put("inputDropout", m.network().inputDropout());
        net.put("dropout", m.network().dropout());
        net.put("members", m.weights().members());
        if (!m.decision().isNone()) decision(o.putObject("decision"), m);
        ObjectNode prov = json.valueToTree(m.provenance());
        o.set("provenance", prov);
        ObjectNode server = o.putObject("server");
        server.put("wirecopyVersion", Versions.wirecopy());
        server.put("java", Versions.java());
        return json.writeValueAsBytes(o);
    }

    /**
     * The document's {@code decision}, only for a model trained with {@code --fit-thresholds} (a model without one has
     * no such key, so its document is as before): each label's log-score bias, with two labels the threshold on the
     * second label's score, and the dev figures train recorded with it in the provenance, those present.
     */
    private static void decision(ObjectNode d, Model m) {
        ObjectNode biases = d.putObject("biases");
        for (int j = 0; j < m.labels().size(); j++) biases.put(m.labels().get(j), m.decision().biases().get(j));
        if (m.labels().size() == 2) {
            ObjectNode t = d.putObject("threshold");
            t.put("label", m.labels().get(1));
            t.put("score", m.decision().threshold());
        }
        ObjectNode dev = d.putObject("dev");
        for (String k : List.of("macroF1", "macroF1.argmax", "macroF1.crossFitted")) {
            Double v = m.provenance().devMetrics().get(k);
            if (v != null && Double.isFinite(v)) dev.put(k, v);
        }
    }

    /**
     * Answers the errors Jetty raises before a request reaches the routes (a malformed URI, headers too large) as
     * problem documents too, without stack traces.
     */
    private static final class ProblemErrorHandler extends org.eclipse.jetty.server.handler.ErrorHandler {
        @Override
        public boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                              org.eclipse.jetty.util.Callback callback) {
            int status = response.getStatus() >= 400 ? response.getStatus() : 500;
            Object message = request.getAttribute(ERROR_MESSAGE);
            String detail = "the request could not be read (HTTP " + status
                    + (message == null ? "" : ": " + message) + "); check the URI's percent-encoding and the headers";
            Problem p = new Problem(status, "bad-request", "Bad request", detail);
            response.getHeaders().put(org.eclipse.jetty.http.HttpHeader.CONTENT_TYPE, PROBLEM_JSON);
            response.write(true, java.nio.ByteBuffer.wrap(ResultJson.problem(p, null, null)), callback);
            return true;
        }
    }

    /** The page, its script and style sheet and the OpenAPI document, from the jar; nothing else is served. */
    private static final class StaticPages {
        private final Map<String, byte[]> files = Map.of(
                "index.html", resource("web/index.html"),
                "app.js", resource("web/app.js"),
                "app.css", resource("web/app.css"),
                "openapi.json", resource("openapi.json"));
        private static final Map<String, String> TYPES = Map.of(
                "index.html", "text/html; charset=utf-8",
                "app.js", "text/javascript; charset=utf-8",
                "app.css", "text/css; charset=utf-8",
                "openapi.json", "application/json");

        void serve(Context ctx, String name) {
            if (name.equals("index.html")) {
                ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; "
                        + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
            }
            ctx.header("Cache-Control", "no-cache");
            ctx.contentType(TYPES.get(name)).result(files.get(name));
        }

        private static byte[] resource(String name) {
            try (InputStream in = WirecopyServer.class.getResourceAsStream(name)) {
                if (in == null) throw new IllegalStateException("resource org/wirecopy/serve/" + name
                        + " is missing from the jar; rebuild wirecopy");
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

}
