package org.wirecopy.serve;

import org.wirecopy.classify.ClassifiedArticle;
import org.wirecopy.classify.ClassifiedParagraph;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/**
 * The service's counters and latency histograms, rendered in the Prometheus text format (version 0.0.4).
 *
 * <p>Thread-safe and lock-free on the recording path.
 */
final class Metrics {

    /** Upper bounds of the latency buckets, in seconds. */
    static final double[] BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Map<String, Histogram> latency = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> paragraphs = new ConcurrentHashMap<>();
    private final LongAdder articles = new LongAdder();
    private final LongAdder rejected = new LongAdder();

    /** One finished request; {@code path} is a route (never a raw URL, so the label set stays small). */
    void request(String method, String path, int status, double seconds) {
        String key = "method=\"" + method + "\",path=\"" + path + "\",status=\"" + status + "\"";
        requests.computeIfAbsent(key, k -> new LongAdder()).increment();
        if (status >= 400) errors.computeIfAbsent("path=\"" + path + "\"", k -> new LongAdder()).increment();
        latency.computeIfAbsent(path, k -> new Histogram()).observe(seconds);
    }

    /** One classified article. */
    void classified(ClassifiedArticle a) {
        articles.increment();
        for (ClassifiedParagraph p : a.paragraphs()) {
            paragraphs.computeIfAbsent(p.label(), k -> new LongAdder()).increment();
        }
    }

    /** One request refused because the queue was full. */
    void rejected() {
        rejected.increment();
    }

    /** The Prometheus text exposition. */
    String render(IntSupplier queued, IntSupplier active, boolean ready) {
        StringBuilder b = new StringBuilder(4096);
        b.append("# HELP wirecopy_http_requests_total HTTP requests answered, by method, route and status.\n");
        b.append("# TYPE wirecopy_http_requests_total counter\n");
        for (Map.Entry<String, LongAdder> e : new TreeMap<>(requests).entrySet()) {
            b.append("wirecopy_http_requests_total{").append(e.getKey()).append("} ").append(e.getValue().sum())
                    .append('\n');
        }
        b.append("# HELP wirecopy_http_request_errors_total HTTP requests answered with status 400 or more.\n");
        b.append("# TYPE wirecopy_http_request_errors_total counter\n");
        for (Map.Entry<String, LongAdder> e : new TreeMap<>(errors).entrySet()) {
            b.append("wirecopy_http_request_errors_total{").append(e.getKey()).append("} ")
                    .append(e.getValue().sum()).append('\n');
        }
        b.append("# HELP wirecopy_http_request_duration_seconds Time from request to response, by route.\n");
        b.append("# TYPE wirecopy_http_request_duration_seconds histogram\n");
        for (Map.Entry<String, Histogram> e : new TreeMap<>(latency).entrySet()) {
            e.getValue().render(b, "wirecopy_http_request_duration_seconds", "path=\"" + e.getKey() + "\"");
        }
        b.append("# HELP wirecopy_articles_classified_total Articles classified.\n");
        b.append("# TYPE wirecopy_articles_classified_total counter\n");
        b.append("wirecopy_articles_classified_total ").append(articles.sum()).append('\n');
        b.append("# HELP wirecopy_paragraphs_classified_total Paragraphs classified, by predicted label.\n");
        b.append("# TYPE wirecopy_paragraphs_classified_total counter\n");
        for (Map.Entry<String, LongAdder> e : new TreeMap<>(paragraphs).entrySet()) {
            b.append("wirecopy_paragraphs_classified_total{label=\"").append(e.getKey()).append("\"} ")
                    .append(e.getValue().sum()).append('\n');
        }
        b.append("# HELP wirecopy_rejected_total Requests refused with 503 because the queue was full.\n");
        b.append("# TYPE wirecopy_rejected_total counter\n");
        b.append("wirecopy_rejected_total ").append(rejected.sum()).append('\n');
        b.append("# HELP wirecopy_queue_length Articles waiting for a worker.\n");
        b.append("# TYPE wirecopy_queue_length gauge\n");
        b.append("wirecopy_queue_length ").append(queued.getAsInt()).append('\n');
        b.append("# HELP wirecopy_workers_busy Workers classifying now.\n");
        b.append("# TYPE wirecopy_workers_busy gauge\n");
        b.append("wirecopy_workers_busy ").append(active.getAsInt()).append('\n');
        b.append("# HELP wirecopy_model_ready 1 once the model is loaded.\n");
        b.append("# TYPE wirecopy_model_ready gauge\n");
        b.append("wirecopy_model_ready ").append(ready ? 1 : 0).append('\n');
        return b.toString();
    }

    /** A cumulative histogram over {@link #BUCKETS}. Thread-safe. */
    private static final class Histogram {
        private final AtomicLongArray counts = new AtomicLongArray(BUCKETS.length + 1);
        private final DoubleAdder sum = new DoubleAdder();

        void observe(double seconds) {
            int i = 0;
            while (i < BUCKETS.length && seconds > BUCKETS[i]) i++;
            counts.incrementAndGet(i);
            sum.add(seconds);
        }

        void render(StringBuilder b, String name, String labels) {
            long cumulative = 0;
            for (int i = 0; i <= BUCKETS.length; i++) {
                cumulative += counts.get(i);
                String le = i == BUCKETS.length ? "+Inf" : format(BUCKETS[i]);
                b.append(name).append("_bucket{").append(labels).append(",le=\"").append(le).append("\"} ")
                        .append(cumulative).append('\n');
            }
            b.append(name).append("_sum{").append(labels).append("} ").append(format(sum.sum())).append('\n');
            b.append(name).append("_count{").append(labels).append("} ").append(cumulative).append('\n');
        }

        private static String format(double v) {
            return String.format(Locale.ROOT, "%s", v);
        }
    }
}
