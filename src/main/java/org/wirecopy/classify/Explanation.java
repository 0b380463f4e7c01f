package org.wirecopy.classify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Why a paragraph got its scores: for each label, the paragraph's features that pushed its score up most, with how
 * much (occlusion: the label's log-odds with all features minus its log-odds with that one feature removed).
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

    public Explanation {
        Objects.requireNonNull(label, "label");
        scores = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(scores));
        Map<String, List<Contribution>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, List<Contribution>> e : toward.entrySet()) copy.put(e.getKey(), List.copyOf(e.getValue()));
        toward = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * One feature's effect.
     *
     * @param feature readable name: {@code cue:dateline}, {@code ngram:"said on"}
     * @param effect  log-odds of the label with the feature minus without it
     */
    public record Contribution(String feature, double effect) {
        public Contribution {
            Objects.requireNonNull(feature, "feature");
        }
    }
}
