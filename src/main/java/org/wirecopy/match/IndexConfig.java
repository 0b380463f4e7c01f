package org.wirecopy.match;

import java.util.ArrayList;
import java.util.List;

/**
 * How a {@link SourceIndex} is built. Every value is written into the index file, and matching reads them from there.
 *
 * <p>Immutable and thread-safe.
 *
 * @param shingleSize   words per shingle (default 5)
 * @param bands         LSH bands (default 16); a paragraph becomes a candidate when one band of its MinHash signature
 *                      equals that of the pasted paragraph
 * @param rows          MinHash values per band (default 1). With b bands of r rows, a source paragraph whose shingle
 *                      sets has Jaccard similarity J with the pasted one is a candidate with probability
 *                      1 - (1 - J^r)^b: 0.97 at J = 0.2 for the defaults
 * @param minWords      paragraphs with fewer words are stored but not indexed, and are not matched (default 8)
 * @param seed          seed of the MinHash functions (default 20261207)
 * @param spillEntries  LSH entries held in memory while building before a sorted run is spilled to a temporary file
 *                      (default 4,000,000, 32 MB); bounds the builder's memory
 */
public record IndexConfig(int shingleSize, int bands, int rows, int minWords, long seed, int spillEntries) {

    /**
     * Checks every value.
     *
     * @param shingleSize  words per shingle, 1..16
     * @param bands        LSH bands, 1..256
     * @param rows         MinHash values per band, 1..16
     * @param minWords     least words of an indexed paragraph, at least {@code shingleSize}
     * @param seed         seed of the MinHash functions
     * @param spillEntries LSH entries held in memory while building, at least 1024
     * @throws IllegalArgumentException naming every bad value
     */
    public IndexConfig {
        List<String> bad = new ArrayList<>();
        if (shingleSize < 1 || shingleSize > 16) bad.add("shingleSize must be 1..16, got " + shingleSize);
        if (bands < 1 || bands > 256) bad.add("bands must be 1..256, got " + bands);
        if (rows < 1 || rows > 16) bad.add("rows must be 1..16, got " + rows);
        if (minWords < shingleSize) bad.add("minWords must be >= shingleSize (" + shingleSize + "), got " + minWords);
        if (spillEntries < 1024) bad.add("spillEntries must be >= 1024, got " + spillEntries);
        if (!bad.isEmpty()) throw new IllegalArgumentException("index configuration: " + String.join("; ", bad));
    }

    /** {@return the defaults} */
    public static IndexConfig defaults() {
        return builder().build();
    }

    /** {@return a builder with the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder with the defaults of {@link #defaults()}. Not thread-safe. */
    public static final class Builder {
        private int shingleSize = 5;
        private int bands = 16;
        private int rows = 1;
        private int minWords = 8;
        private long seed = 20261207L;
        private int spillEntries = 4_000_000;

        /**
         * Sets the words per shingle.
         *
         * @param v 1..16 (checked by {@link #build()})
         * @return this builder
         */
        public Builder shingleSize(int v) {
            this.shingleSize = v;
            return this;
        }

        /**
         * Sets the LSH bands.
         *
         * @param v 1..256 (checked by {@link #build()})
         * @return this builder
         */
        public Builder bands(int v) {
            this.bands = v;
            return this;
        }

        /**
         * Sets the MinHash values per band.
         *
         * @param v 1..16 (checked by {@link #build()})
         * @return this builder
         */
        public Builder rows(int v) {
            this.rows = v;
            return this;
        }

        /**
         * Sets the least words of an indexed paragraph.
         *
         * @param v at least the shingle size (checked by {@link #build()})
         * @return this builder
         */
        public Builder minWords(int v) {
            this.minWords = v;
            return this;
        }

        /**
         * Sets the seed of the MinHash functions.
         *
         * @param v the seed
         * @return this builder
         */
        public Builder seed(long v) {
            this.seed = v;
            return this;
        }

        /**
         * Sets the LSH entries held in memory while building.
         *
         * @param v at least 1024 (checked by {@link #build()})
         * @return this builder
         */
        public Builder spillEntries(int v) {
            this.spillEntries = v;
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the configuration
         * @throws IllegalArgumentException naming every bad value
         */
        public IndexConfig build() {
            return new IndexConfig(shingleSize, bands, rows, minWords, seed, spillEntries);
        }
    }
}
