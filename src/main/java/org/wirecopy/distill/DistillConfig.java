package org.wirecopy.distill;

/**
 * Settings of {@link Distiller}. Build with {@link #builder()}; every field has a default.
 *
 * <p>Immutable and thread-safe.
 *
 * @param dims      components kept by PCA (default 64; 1..384)
 * @param sifA      the SIF constant a in the token weight a / (a + p(token)) (default 0.3, chosen on dev, see docs/vectors.md; &gt; 0)
 * @param batchSize tokens per ONNX batch (default 256; 1..4096)
 * @param threads   ONNX Runtime intra-op threads (default 1, which is bit-reproducible; 1..64)
 */
record DistillConfig(int dims, double sifA, int batchSize, int threads) {

    /**
     * Checks the components.
     *
     * @param dims      components kept by PCA, 1..384
     * @param sifA      the SIF constant, finite and &gt; 0
     * @param batchSize tokens per ONNX batch, 1..4096
     * @param threads   ONNX Runtime intra-op threads, 1..64
     * @throws IllegalArgumentException when a value is out of its range, naming the command-line option
     */
    DistillConfig {
        if (dims < 1 || dims > 384) throw new IllegalArgumentException("dims is " + dims + ": use 1..384 (--dims)");
        if (!(sifA > 0) || Double.isInfinite(sifA)) {
            throw new IllegalArgumentException("sifA is " + sifA + ": use a finite value > 0 (--sif-a), e.g. 0.3");
        }
        if (batchSize < 1 || batchSize > 4096) {
            throw new IllegalArgumentException("batchSize is " + batchSize + ": use 1..4096 (--batch)");
        }
        if (threads < 1 || threads > 64) throw new IllegalArgumentException("threads is " + threads + ": use 1..64 (--threads)");
    }

    /** {@return a builder with every field at its default} */
    static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link DistillConfig}; not thread-safe. */
    static final class Builder {
        private int dims = 64;
        private double sifA = 0.3;
        private int batchSize = 256;
        private int threads = 1;

        /**
         * Sets the components kept by PCA.
         *
         * @param dims 1..384 (checked by {@link #build()})
         * @return this builder
         */
        Builder dims(int dims) {
            this.dims = dims;
            return this;
        }

        /**
         * Sets the SIF constant.
         *
         * @param sifA finite and &gt; 0 (checked by {@link #build()})
         * @return this builder
         */
        Builder sifA(double sifA) {
            this.sifA = sifA;
            return this;
        }

        /**
         * Sets the tokens per ONNX batch.
         *
         * @param batchSize 1..4096 (checked by {@link #build()})
         * @return this builder
         */
        Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Sets the ONNX Runtime intra-op threads.
         *
         * @param threads 1..64 (checked by {@link #build()}); 1 is bit-reproducible
         * @return this builder
         */
        Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the configuration
         * @throws IllegalArgumentException when a value is out of its range
         */
        DistillConfig build() {
            return new DistillConfig(dims, sifA, batchSize, threads);
        }
    }
}
