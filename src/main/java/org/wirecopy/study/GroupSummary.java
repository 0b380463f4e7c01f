package org.wirecopy.study;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The articles of one group (a site, a month, a style...): how many, their paragraphs, the mean of their per-article
 * character shares per label and a bootstrap 95% interval of that mean (percentile method, resampling articles).
 *
 * <p>Immutable and thread-safe.
 *
 * @param group      the group's key
 * @param articles   articles in the group, at least one
 * @param paragraphs paragraphs in those articles
 * @param meanShares mean per-article share per label (each article counts once, whatever its length)
 * @param lower      2.5th percentile of the bootstrap means per label
 * @param upper      97.5th percentile of the bootstrap means per label
 */
public record GroupSummary(String group, int articles, long paragraphs, Map<String, Double> meanShares,
                           Map<String, Double> lower, Map<String, Double> upper) {

    /**
     * Checks the components and copies the maps.
     *
     * @param group      the group's key; not null
     * @param articles   articles in the group, at least 1
     * @param paragraphs paragraphs in those articles, at least 0
     * @param meanShares mean per-article share per label
     * @param lower      lower bound per label, at most the mean
     * @param upper      upper bound per label, at least the mean
     * @throws IllegalArgumentException when a count is out of range or a label's bounds do not hold its mean
     */
    public GroupSummary {
        Objects.requireNonNull(group, "group");
        if (articles < 1) throw new IllegalArgumentException("group " + group + " must hold at least one article");
        if (paragraphs < 0) throw new IllegalArgumentException("group " + group + ": paragraphs must be >= 0");
        meanShares = copy(meanShares, "meanShares");
        lower = copy(lower, "lower");
        upper = copy(upper, "upper");
        for (String l : meanShares.keySet()) {
            Double lo = lower.get(l);
            Double hi = upper.get(l);
            double m = meanShares.get(l);
            if (lo == null || hi == null || !(lo <= m + 1e-9 && m <= hi + 1e-9)) {
                throw new IllegalArgumentException("group " + group + ", label " + l + ": need lower <= mean <= upper, "
                        + "got " + lo + " <= " + m + " <= " + hi);
            }
        }
    }

    private static Map<String, Double> copy(Map<String, Double> m, String name) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(m, name)));
    }
}
