package org.wirecopy.serve;

import org.wirecopy.classify.Classifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code serve}: the HTTP service and web page. Prints where it listens on stderr and stops gracefully on SIGTERM or
 * Ctrl-C. Not thread-safe (one per command line).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the JSON API (/v1/classify, /v1/classify/batch, /v1/model), /health, /metrics, "
                + "/openapi.json and a web page at /.",
                "Binds to loopback unless --host says otherwise; stops gracefully on SIGTERM."})
public final class ServeCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = {"-m", "--model"}, paramLabel = "MODEL",
            description = "Model file from 'wirecopy train'. Default: the bundled model.")
    Path model;

    @Option(names = "--host", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address to bind. Default: ${DEFAULT-VALUE} (loopback only); 0.0.0.0 for every interface.")
    String host;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "Port; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "0",
            description = "Classification threads; 0 means one per core. Default: ${DEFAULT-VALUE}.")
    int workers;

    @Option(names = "--queue", paramLabel = "N", defaultValue = "256",
            description = "Requests that may wait for a worker; more get 503 with Retry-After. Default: "
                    + "${DEFAULT-VALUE}.")
    int queue;

    @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "2097152",
            description = "Largest article body (and batch line) in bytes. Default: ${DEFAULT-VALUE}.")
    long maxBody;

    @Option(names = "--max-paragraphs", paramLabel = "N", defaultValue = "10000",
            description = "Most paragraphs per article. Default: ${DEFAULT-VALUE}.")
    int maxParagraphs;

    @Option(names = "--timeout-ms", paramLabel = "MS", defaultValue = "10000",
            description = "Time limit per article, queueing included. Default: ${DEFAULT-VALUE}.")
    long timeoutMs;

    @Option(names = "--drain-ms", paramLabel = "MS", defaultValue = "10000",
            description = "On stop, how long requests in flight may take to finish. Default: ${DEFAULT-VALUE}.")
    long drainMs;

    @Option(names = "--cors-origin", paramLabel = "ORIGIN",
            description = "Allow browser calls from ORIGIN (repeatable), e.g. http://localhost:3000. Default: none "
                    + "(CORS off).")
    List<String> corsOrigins = new ArrayList<>();

    @Option(names = "--no-access-log", negatable = false,
            description = "Do not log a line per request (method, route, status, time; bodies are never logged).")
    boolean noAccessLog;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        try {
            Class.forName("io.javalin.Javalin", false, ServeCommand.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("serve needs the server library io.javalin:javalin:7.2.3, an optional "
                    + "dependency of wirecopy; add it to the classpath (the build's target/lib has it)");
        }
        quietServerLogs();
        if (model != null && !Files.isRegularFile(model)) {
            throw new java.nio.file.NoSuchFileException(model.toString());
        }
        ServeConfig config = ServeConfig.builder().host(host).port(port)
                .workers(workers == 0 ? Runtime.getRuntime().availableProcessors() : workers).queue(queue)
                .maxBodyBytes(maxBody).maxParagraphs(maxParagraphs).requestTimeout(Duration.ofMillis(timeoutMs))
                .drainTimeout(Duration.ofMillis(drainMs)).corsOrigins(corsOrigins).accessLog(!noAccessLog).build();
        Path m = model;
        WirecopyServer server = WirecopyServer.start(config, m == null ? "bundled" : m.getFileName().toString(),
                () -> m == null ? Classifier.loadDefault() : Classifier.load(m));
        String shown = host.contains(":") ? "[" + host + "]" : host;
        err.println("wirecopy: listening on http://" + shown + ":" + server.port() + "/ (page at /, API at /v1, "
                + "health at /health); stop with Ctrl-C or SIGTERM");
        err.flush();
        Thread hook = new Thread(() -> {
            err.println("wirecopy: stopping (finishing requests in flight)");
            err.flush();
            server.close();
            err.println("wirecopy: stopped");
            err.flush();
        }, "wirecopy-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        server.awaitStopped();
        return 0;
    }

    /** Jetty's and Javalin's start-up chatter at warn, unless the user set their levels. */
    private static void quietServerLogs() {
        for (String logger : new String[]{"org.eclipse.jetty", "io.javalin"}) {
            String key = "org.slf4j.simpleLogger.log." + logger;
            if (System.getProperty(key) == null) System.setProperty(key, "warn");
        }
    }
}
