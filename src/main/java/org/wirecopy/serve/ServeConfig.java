package org.wirecopy.serve;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the service listens and what it accepts. Build with {@link #builder()}; every default is listed there.
 *
 * <p>Immutable and thread-safe.
 *
 * @param host            address to bind; loopback by default
 * @param port            TCP port; 0 picks a free one
 * @param maxBodyBytes    largest request body for {@code /v1/classify} and largest line of a batch, in bytes
 * @param maxParagraphs   most paragraphs in one article
 * @param requestTimeout  time limit for one article, from arrival to result (queueing included)
 * @param workers         classification threads
 * @param queue           requests that may wait for a worker; beyond that the service answers 503 with Retry-After
 * @param drainTimeout    how long a graceful stop waits for requests in flight
 * @param corsOrigins     origins allowed to call the API from a browser; empty turns CORS off
 * @param accessLog       whether to log one line per request (method, path, status, time; never the body)
 */
public record ServeConfig(String host, int port, long maxBodyBytes, int maxParagraphs, Duration requestTimeout,
                          int workers, int queue, Duration drainTimeout, List<String> corsOrigins,
                          boolean accessLog) {

    /**
     * Checks every value and copies the origins into an immutable list.
     *
     * @param host           address to bind, not blank
     * @param port           TCP port, 0..65535
     * @param maxBodyBytes   largest request body, at least 1
     * @param maxParagraphs  most paragraphs in one article, at least 1
     * @param requestTimeout time limit for one article, positive
     * @param workers        classification threads, at least 1
     * @param queue          requests that may wait for a worker, at least 0
     * @param drainTimeout   how long a graceful stop waits, not negative
     * @param corsOrigins    allowed origins, each {@code scheme://host[:port]}; not null
     * @param accessLog      whether to log one line per request
     * @throws IllegalArgumentException when a value is out of its range, naming it
     */
    public ServeConfig {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) throw new IllegalArgumentException("host: must not be blank; use 127.0.0.1 for loopback");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port: must be 0..65535, got " + port);
        if (maxBodyBytes < 1) throw new IllegalArgumentException("maxBodyBytes: must be positive, got " + maxBodyBytes);
        if (maxParagraphs < 1) {
            throw new IllegalArgumentException("maxParagraphs: must be positive, got " + maxParagraphs);
        }
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout: must be positive, got " + requestTimeout);
        }
        if (workers < 1) throw new IllegalArgumentException("workers: must be at least 1, got " + workers);
        if (queue < 0) throw new IllegalArgumentException("queue: must be 0 or more, got " + queue);
        Objects.requireNonNull(drainTimeout, "drainTimeout");
        if (drainTimeout.isNegative()) throw new IllegalArgumentException("drainTimeout: must not be negative");
        corsOrigins = List.copyOf(Objects.requireNonNull(corsOrigins, "corsOrigins"));
        for (String o : corsOrigins) {
            if (!o.matches("https?://[^/\\s]+")) {
                throw new IllegalArgumentException("corsOrigins: '" + o
                        + "' is not an origin; give scheme://host[:port], e.g. http://localhost:3000");
            }
        }
    }

    /** {@return a builder with the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the defaults} */
    public static ServeConfig defaults() {
        return builder().build();
    }

    /** Builder of {@link ServeConfig}. Not thread-safe. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 8080;
        private long maxBodyBytes = 2L * 1024 * 1024;
        private int maxParagraphs = 10_000;
        private Duration requestTimeout = Duration.ofSeconds(10);
        private int workers = Runtime.getRuntime().availableProcessors();
        private int queue = 256;
        private Duration drainTimeout = Duration.ofSeconds(10);
        private List<String> corsOrigins = List.of();
        private boolean accessLog = true;

        private Builder() {
        }

        /**
         * Sets the address to bind; default 127.0.0.1.
         *
         * @param v a host name or IP address, not blank
         * @return this builder
         */
        public Builder host(String v) {
            host = v;
            return this;
        }

        /**
         * Sets the TCP port; default 8080.
         *
         * @param v 0..65535; 0 picks a free port
         * @return this builder
         */
        public Builder port(int v) {
            port = v;
            return this;
        }

        /**
         * Sets the largest request body and batch line; default 2 MiB.
         *
         * @param v bytes, at least 1
         * @return this builder
         */
        public Builder maxBodyBytes(long v) {
            maxBodyBytes = v;
            return this;
        }

        /**
         * Sets the most paragraphs in one article; default 10,000.
         *
         * @param v at least 1
         * @return this builder
         */
        public Builder maxParagraphs(int v) {
            maxParagraphs = v;
            return this;
        }

        /**
         * Sets the time limit for one article, queueing included; default 10 s.
         *
         * @param v a positive duration
         * @return this builder
         */
        public Builder requestTimeout(Duration v) {
            requestTimeout = v;
            return this;
        }

        /**
         * Sets the classification threads; default one per core.
         *
         * @param v at least 1
         * @return this builder
         */
        public Builder workers(int v) {
            workers = v;
            return this;
        }

        /**
         * Sets how many requests may wait for a worker; default 256.
         *
         * @param v at least 0
         * @return this builder
         */
        public Builder queue(int v) {
            queue = v;
            return this;
        }

        /**
         * Sets how long a graceful stop waits for requests in flight; default 10 s.
         *
         * @param v a duration, not negative
         * @return this builder
         */
        public Builder drainTimeout(Duration v) {
            drainTimeout = v;
            return this;
        }

        /**
         * Sets the origins allowed to call the API from a browser; default none (CORS off).
         *
         * @param v origins such as {@code http://localhost:3000}
         * @return this builder
         */
        public Builder corsOrigins(List<String> v) {
            corsOrigins = v;
            return this;
        }

        /**
         * Sets whether to log one line per request; default true.
         *
         * @param v whether to log
         * @return this builder
         */
        public Builder accessLog(boolean v) {
            accessLog = v;
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the configuration
         * @throws IllegalArgumentException when a value is out of its range, naming it
         */
        public ServeConfig build() {
            return new ServeConfig(host, port, maxBodyBytes, maxParagraphs, requestTimeout, workers, queue,
                    drainTimeout, corsOrigins, accessLog);
        }
    }
}
