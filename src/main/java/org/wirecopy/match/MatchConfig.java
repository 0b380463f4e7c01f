package org.wirecopy.match;

import java.util.ArrayList;
import java.util.List;

/**
 * How {@link SourceMatcher} verifies candidates and which matches it reports.
 *
 * <p>Immutable and thread-safe.
 *
 * @param top               best matching stories reported per paragraph (default 3)
 * @param minCoverage       least share of a paragraph's words covered by a source for a match (default 0.5)
 * @param minCoveredWords least number of copied words for a match (default 8): a shared stock phrase ("said in a
 *                          statement that") does not make a short paragraph a copy
 * @param minRun            words in a row that make an aligned run count as copied (default 3); shorter runs count
 *                          only next to a longer one (see the alignment documentation)
 * @param minContainment    least share of the paragraph's shingles a candidate source paragraph must contain to be
 *                          aligned at all (default 0.2); neighbours of a candidate in its story are
 *                          aligned too (see {@link SourceMatcher})
 * @param maxBucket         most paragraphs read from one LSH bucket (default 1,000): bounds the work a phrase shared
 *                          by thousands of stories can cause
 * @param maxSourceParagraphs most paragraphs of one story aligned with one pasted paragraph (default 4): enough for a
 *                          few merged paragraphs
 * @param maxWords          words of a pasted paragraph compared (default 2,000); later words are ignored
 * @param reportingCoverage least coverage at which {@link MatchingClassifier} labels a paragraph REPORTING whatever
 *                          the network says (default 0.9)
 */
public record MatchConfig(int top, double minCoverage, int minCoveredWords, int minRun, double minContainment, int maxBucket,
                          int maxSourceParagraphs, int maxWords, double reportingCoverage) {

    /**
     * Checks every value.
     *
     * @param top                 at least 1
     * @param minCoverage         in (0, 1]
     * @param minCoveredWords     at least 1
     * @param minRun              at least 1
     * @param minContainment      in [0, 1]
     * @param maxBucket           at least 1
     * @param maxSourceParagraphs at least 1
     * @param maxWords            at least 10
     * @param reportingCoverage   in (0, 1]
     * @throws IllegalArgumentException naming every bad value
     */
    public MatchConfig {
        List<String> bad = new ArrayList<>();
        if (top < 1) bad.add("top must be >= 1, got " + top);
        if (!(minCoverage > 0 && minCoverage <= 1)) bad.add("minCoverage must be in (0, 1], got " + minCoverage);
        if (minCoveredWords < 1) bad.add("minCoveredWords must be >= 1, got " + minCoveredWords);
        if (minRun < 1) bad.add("minRun must be >= 1, got " + minRun);
        if (!(minContainment >= 0 && minContainment <= 1)) {
            bad.add("minContainment must be in [0, 1], got " + minContainment);
        }
        if (maxBucket < 1) bad.add("maxBucket must be >= 1, got " + maxBucket);
        if (maxSourceParagraphs < 1) bad.add("maxSourceParagraphs must be >= 1, got " + maxSourceParagraphs);
        if (maxWords < 10) bad.add("maxWords must be >= 10, got " + maxWords);
        if (!(reportingCoverage > 0 && reportingCoverage <= 1)) {
            bad.add("reportingCoverage must be in (0, 1], got " + reportingCoverage);
        }
        if (!bad.isEmpty()) throw new IllegalArgumentException("match configuration: " + String.join("; ", bad));
    }

    /** {@return the defaults} */
    public static MatchConfig defaults() {
        return builder().build();
    }

    /** {@return a builder with the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder with the defaults of {@link #defaults()}. Not thread-safe. */
    public static final class Builder {
        private int top = 3;
        private double minCoverage = 0.5;
        private int minCoveredWords = 8;
        private int minRun = 3;
        private double minContainment = 0.2;
        private int maxBucket = 1000;
        private int maxSourceParagraphs = 4;
        private int maxWords = 2000;
        private double reportingCoverage = 0.9;

        /**
         * Sets the best matching stories reported per paragraph.
         *
         * @param v at least 1 (checked by {@link #build()})
         * @return this builder
         */
        public Builder top(int v) {
            top = v;
            return this;
        }

        /**
         * Sets the least share of a paragraph's words covered by a source for a match.
         *
         * @param v in (0, 1] (checked by {@link #build()})
         * @return this builder
         */
        public Builder minCoverage(double v) {
            minCoverage = v;
            return this;
        }

        /**
         * Sets the least number of copied words for a match.
         *
         * @param v at least 1 (checked by {@link #build()})
         * @return this builder
         */
        public Builder minCoveredWords(int v) {
            minCoveredWords = v;
            return this;
        }

        /**
         * Sets the words in a row that make an aligned run count as copied.
         *
         * @param v at least 1 (checked by {@link #build()})
         * @return this builder
         */
        public Builder minRun(int v) {
            minRun = v;
            return this;
        }

        /**
         * Sets the least share of the paragraph's shingles a candidate must contain to be aligned.
         *
         * @param v in [0, 1] (checked by {@link #build()})
         * @return this builder
         */
        public Builder minContainment(double v) {
            minContainment = v;
            return this;
        }

        /**
         * Sets the most paragraphs read from one LSH bucket.
         *
         * @param v at least 1 (checked by {@link #build()})
         * @return this builder
         */
        public Builder maxBucket(int v) {
            maxBucket = v;
            return this;
        }

        /**
         * Sets the most paragraphs of one story aligned with one pasted paragraph.
         *
         * @param v at least 1 (checked by {@link #build()})
         * @return this builder
         */
        public Builder maxSourceParagraphs(int v) {
            maxSourceParagraphs = v;
            return this;
        }

        /**
         * Sets the words of a pasted paragraph compared.
         *
         * @param v at least 10 (checked by {@link #build()})
         * @return this builder
         */
        public Builder maxWords(int v) {
            maxWords = v;
            return this;
        }

        /**
         * Sets the least coverage at which {@link MatchingClassifier} labels a paragraph REPORTING.
         *
         * @param v in (0, 1] (checked by {@link #build()})
         * @return this builder
         */
        public Builder reportingCoverage(double v) {
            reportingCoverage = v;
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the configuration
         * @throws IllegalArgumentException naming every bad value
         */
        public MatchConfig build() {
            return new MatchConfig(top, minCoverage, minCoveredWords, minRun, minContainment, maxBucket, maxSourceParagraphs,
                    maxWords, reportingCoverage);
        }
    }
}
