package org.wirecopy.classify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Why a paragraph got its scores: for each label, the paragraph's features that pushed its score up most, with how
 * much (occlusion: the label's log-odds with all features minus its log-odds with that one feature removed), and
 * where each feature comes from (the paragraph, a neighbour or the article, see {@link Source}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param index  the paragraph's index in its article
 * @param label  the predicted label
 * @param scores the scores with all features
 * @param toward per label, the features that raised its probability most, largest first
 */
public record Explanation(int index, String label, Map<String, Double> scores,
                          Map<String, List<Contribution>> toward) {

    /**
     * Copies the maps (and each list of contributions) into unmodifiable ones that keep their order.
     *
     * @param index  the paragraph's index in its article
     * @param label  the predicted label; not null
     * @param scores the scores with all features; not null
     * @param toward per label, the features that raised its probability most, largest first; not null
     */
    public Explanation {
        Objects.requireNonNull(label, "label");
        scores = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(scores));
        Map<String, List<Contribution>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, List<Contribution>> e : toward.entrySet()) copy.put(e.getKey(), List.copyOf(e.getValue()));
        toward = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * Where a feature of a paragraph's input comes from. The network reads more than the paragraph: its neighbours'
     * cues and each cue's difference from the article's mean are part of every paragraph's input, so a cue such as
     * {@code cue:dateline} can weigh on a paragraph that has no dateline itself.
     *
     * <p>Immutable and thread-safe.
     */
    public enum Source {
        /** The paragraph itself: its own cues, markup, words and vector. */
        PARAGRAPH("paragraph"),
        /** A neighbouring paragraph's cue, copied into this paragraph's input (see {@link Contribution#offset()}). */
        NEIGHBOUR("neighbour"),
        /**
         * The article: a cue's difference from its mean over the article (it speaks even when the paragraph lacks
         * the cue, because other paragraphs have it), or a cue of the whole page.
         */
        ARTICLE("article");

        private final String key;

        Source(String key) {
            this.key = key;
        }

        /** {@return the lower-case name used in output: {@code paragraph}, {@code neighbour}, {@code article}} */
        public String key() {
            return key;
        }
    }

    /**
     * One feature's effect.
     *
     * <p>Immutable and thread-safe.
     *
     * @param feature readable name: {@code cue:dateline}, {@code ngram:"said on"}
     * @param effect  log-odds of the label with the feature minus without it
     * @param source  where the feature's value comes from
     * @param offset  for {@link Source#NEIGHBOUR}, the neighbour's position relative to the paragraph ({@code -1} the
     *                paragraph before, {@code +1} the one after); 0 otherwise
     */
    public record Contribution(String feature, double effect, Source source, int offset) {
        /**
         * Checks the components.
         *
         * @param feature readable name; not null
         * @param effect  log-odds of the label with the feature minus without it
         * @param source  where the feature's value comes from; not null
         * @param offset  the neighbour's relative position for {@link Source#NEIGHBOUR}, 0 otherwise
         * @throws IllegalArgumentException when {@code offset} is 0 for a neighbour or not 0 for another source
         */
        public Contribution {
            Objects.requireNonNull(feature, "feature");
            Objects.requireNonNull(source, "source");
            if ((source == Source.NEIGHBOUR) != (offset != 0)) {
                throw new IllegalArgumentException("contribution " + feature + ": offset " + offset
                        + " does not fit source " + source + " (only a neighbour has a non-zero offset)");
            }
        }

        /**
         * A feature of the paragraph itself ({@link Source#PARAGRAPH}, offset 0).
         *
         * @param feature readable name; not null
         * @param effect  log-odds of the label with the feature minus without it
         */
        public Contribution(String feature, double effect) {
            this(feature, effect, Source.PARAGRAPH, 0);
        }

        /**
         * {@return where the feature comes from, for people: {@code paragraph}, {@code article}, {@code neighbour -1}}
         */
        public String from() {
            return source == Source.NEIGHBOUR ? String.format(java.util.Locale.ROOT, "neighbour %+d", offset)
                    : source.key();
        }

        /** {@return the feature with its source: {@code cue:dateline (neighbour -1)}} */
        public String describe() {
            return feature + " (" + from() + ")";
        }
    }
}
