package org.wirecopy.serve;

import java.util.Objects;

/**
 * An RFC 9457 problem ({@code application/problem+json}): what went wrong with a request and how to fix it. Thrown
 * by request handlers and rendered by the server; never carries a stack trace.
 *
 * <p>Immutable and thread-safe.
 */
final class Problem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The HTTP status, 400..599. */
    private final int status;
    /** The short machine-readable kind, e.g. {@code empty-body}. */
    private final String type;
    /** The short human summary of the kind. */
    private final String title;
    /** Seconds for {@code Retry-After}, or null. */
    private final String retryAfter;

    /**
     * A problem without a {@code Retry-After} header.
     *
     * @param status HTTP status, 400..599
     * @param type   short machine-readable kind, e.g. {@code empty-body}; the document type is
     *               {@code https://wirecopy.org/problems/<type>}
     * @param title  short human summary of the kind
     * @param detail this occurrence: where and how to fix it
     */
    Problem(int status, String type, String title, String detail) {
        this(status, type, title, detail, null);
    }

    /**
     * A problem with a {@code Retry-After} header value (seconds), for 503 answers.
     *
     * @param status     HTTP status, 400..599
     * @param type       short machine-readable kind, e.g. {@code overloaded}; not null
     * @param title      short human summary of the kind; not null
     * @param detail     this occurrence: where and how to fix it; not null
     * @param retryAfter seconds the client should wait, or null for no header
     * @throws IllegalArgumentException when {@code status} is not 4xx or 5xx
     */
    Problem(int status, String type, String title, String detail, String retryAfter) {
        super(Objects.requireNonNull(detail, "detail"), null, false, false);
        if (status < 400 || status > 599) throw new IllegalArgumentException("status must be 4xx or 5xx: " + status);
        this.status = status;
        this.type = Objects.requireNonNull(type, "type");
        this.title = Objects.requireNonNull(title, "title");
        this.retryAfter = retryAfter;
    }

    /** {@return the HTTP status, 400..599} */
    int status() {
        return status;
    }

    /** {@return the full type URI, {@code https://wirecopy.org/problems/<type>}} */
    String type() {
        return "https://wirecopy.org/problems/" + type;
    }

    /** {@return the short human summary of the kind} */
    String title() {
        return title;
    }

    /** {@return this occurrence: where and how to fix it (the exception's message)} */
    String detail() {
        return getMessage();
    }

    /** {@return the seconds for {@code Retry-After}, or null} */
    String retryAfter() {
        return retryAfter;
    }

    static Problem badRequest(String type, String title, String detail) {
        return new Problem(400, type, title, detail);
    }

    static Problem unavailable(String type, String title, String detail) {
        return new Problem(503, type, title, detail, "1");
    }
}
