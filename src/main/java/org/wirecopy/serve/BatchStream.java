package org.wirecopy.serve;

import io.javalin.http.Context;
import org.wirecopy.classify.Classifier;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * One {@code POST /v1/classify/batch}: reads NDJSON lines, classifies them on the worker pool with a bounded window of
 * lines in flight, and writes one NDJSON result per line in input order as soon as it is ready. Memory is bounded by
 * the window, whatever the batch's length. A bad line gives an {@code {"line": n, "error": {problem}}} line and the
 * batch goes on.
 *
 * <p>Not thread-safe: one instance serves one request on its thread.
 */
final class BatchStream {

    private static final byte[] NEWLINE = {'\n'};

    private final WirecopyServer server;
    private final Classifier classifier;
    private final ClassifyOptions options;
    private final Context ctx;
    private final int window;
    private final Deque<Pending> pending = new ArrayDeque<>();
    private OutputStream out;

    private record Pending(int line, Future<byte[]> result, long deadline) {
    }

    BatchStream(WirecopyServer server, Classifier classifier, ClassifyOptions options, Context ctx) {
        this.server = server;
        this.classifier = classifier;
        this.options = options;
        this.ctx = ctx;
        this.window = Math.max(2, 2 * server.configuration().workers());
    }

    void run() throws IOException, InterruptedException {
        long max = server.configuration().maxBodyBytes();
        long timeout = server.configuration().requestTimeout().toNanos();
        InputStream in = new BufferedInputStream(ctx.req().getInputStream(), 65536);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int number = 0;
        boolean any = false;
        try {
            while (true) {
                line.reset();
                boolean oversize = false;
                int b;
                long length = 0;
                while ((b = in.read()) != -1 && b != '\n') {
                    if (++length <= max) {
                        line.write(b);
                    } else {
                        oversize = true;
                    }
                }
                if (b == -1 && length == 0) break;
                number++;
                byte[] bytes = line.toByteArray();
                int end = bytes.length;
                if (end > 0 && bytes[end - 1] == '\r') end--;
                if (isBlank(bytes, end)) {
                    if (b == -1) break;
                    continue;
                }
                if (end != bytes.length) bytes = java.util.Arrays.copyOf(bytes, end);
                Future<byte[]> f;
                if (oversize) {
                    f = CompletableFuture.failedFuture(new Problem(413, "too-large", "Line too large", "line "
                            + number + ": " + length + " bytes is over the limit of " + max + " bytes per line; "
                            + "split the article or raise --max-body"));
                } else {
                    f = server.submitLine(classifier, number, bytes, options, !any);
                }
                any = true;
                pending.add(new Pending(number, f, System.nanoTime() + timeout));
                while (pending.size() >= window || (!pending.isEmpty() && pending.peekFirst().result().isDone())) {
                    writeHead();
                }
                if (b == -1) break;
            }
            if (!any) {
                throw Problem.badRequest("empty-body", "Empty body", "the batch has no lines; send one JSON "
                        + "article per line, e.g. {\"id\": \"a1\", \"text\": \"...\"}");
            }
            while (!pending.isEmpty()) writeHead();
            out().flush();
        } finally {
            for (Pending p : pending) p.result().cancel(true);
        }
    }

    private OutputStream out() throws IOException {
        if (out == null) {
            ctx.status(200);
            ctx.contentType("application/x-ndjson");
            out = ctx.res().getOutputStream(); // unbuffered by Javalin: each flush reaches the client
        }
        return out;
    }

    private void writeHead() throws IOException, InterruptedException {
        Pending p = pending.removeFirst();
        byte[] json;
        try {
            json = server.awaitLine(p.result(), p.deadline());
        } catch (Problem problem) {
            json = ResultJson.batchError(p.line(), null, withLine(problem, p.line()), ctx.path());
        } catch (RuntimeException e) {
            server.log().error("internal error on batch line {}", p.line(), e);
            json = ResultJson.batchError(p.line(), null, WirecopyServer.internal(), ctx.path());
        }
        OutputStream o = out();
        o.write(json);
        o.write(NEWLINE);
        o.flush();
    }

    /** Problems raised outside the line's own parsing (timeouts) get the line number in their detail. */
    private static Problem withLine(Problem p, int line) {
        if (p.detail().startsWith("line ")) return p;
        return new Problem(p.status(), p.type().substring(p.type().lastIndexOf('/') + 1), p.title(), "line " + line
                + ": " + p.detail(), p.retryAfter());
    }

    private static boolean isBlank(byte[] bytes, int end) {
        for (int i = 0; i < end; i++) {
            byte c = bytes[i];
            if (c != ' ' && c != '\t' && c != '\r') return false;
        }
        return true;
    }
}
