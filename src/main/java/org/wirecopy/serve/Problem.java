package org.wirecopy.serve;

import java.util.Objects;

/**
 * An RFC 9457 problem ({@code application/problem+json}): what went wrong with a request and how to fix it. Thrown
 * by request handlers and rendered by the server; never carries a stack trace.
 *
 * <p>Immutable and thread-safe.
 */
public final class Problem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String title;
    private final String retryAfter;

    /**
     * @param status HTTP status
     * @param type   short machine-readable kind, e.g. {@code empty-body}; the document type is
     *               {@code https://wirecopy.org/problems/<type>}
     * @param title  short human summary of the kind
     * @param detail this occurrence: where and how to fix it
     */
    public Problem(int status, String type, String title, String detail) {
        this(status, type, title, detail, null);
    }

    /** A problem with a {@code Retry-After} header value (seconds), for 503 answers. */
    public Problem(int status, String type, String title, String detail, String retryAfter) {
        super(Objects.requireNonNull(detail, "detail"), null, false, false);
        if (status < 400 || status > 599) throw new IllegalArgumentException("status must be 4xx or 5xx: " + status);
        this.status = status;
        this.type = Objects.requireNonNull(type, "type");
        this.title = Objects.requireNonNull(title, "title");
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    /** The full type URI. */
    public String type() {
        return "https://wirecopy.org/problems/" + type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    /** Seconds for {@code Retry-After}, or null. */
    public String retryAfter() {
        return retryAfter;
    }

    static Problem badRequest(String type, String title, String detail) {
        return new Problem(400, type, title, detail);
    }

    static Problem unavailable(String type, String title, String detail) {
        return new Problem(503, type, title, detail, "1");
    }
}
