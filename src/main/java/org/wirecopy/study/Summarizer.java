package org.wirecopy.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Aggregates article summaries per group: counts, the mean per-article share of every label and a percentile
 * bootstrap 95% interval of that mean. Each group's resampling is seeded from the root seed and the group's name, so
 * a group's interval does not depend on which other groups are present or their order.
 *
 * <p>Immutable and thread-safe.
 *
 * @param resamples bootstrap resamples per group, 100..1,000,000
 * @param seed      root seed
 */
public record Summarizer(int resamples, long seed) {

    /** 2,000 resamples, seed 42. */
    public static final Summarizer DEFAULT = new Summarizer(2000, 42);

    /**
     * Checks the number of resamples.
     *
     * @param resamples bootstrap resamples per group, 100..1,000,000
     * @param seed      root seed
     * @throws IllegalArgumentException when {@code resamples} is out of range
     */
    public Summarizer {
        if (resamples < 100 || resamples > 1_000_000) {
            throw new IllegalArgumentException("resamples must be in 100..1000000, got " + resamples);
        }
    }

    /**
     * Groups {@code rows} by {@code key} and summarises each group; groups in key order.
     *
     * @param rows the articles; not null
     * @param key  an article's group, e.g. a {@link GroupKey}; not null
     * @return one summary per group
     * @throws IllegalArgumentException when the articles' labels differ
     */
    public List<GroupSummary> summarize(List<ArticleSummary> rows, Function<ArticleSummary, String> key) {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(key, "key");
        Map<String, List<ArticleSummary>> groups = new TreeMap<>();
        for (ArticleSummary s : rows) groups.computeIfAbsent(key.apply(s), k -> new ArrayList<>()).add(s);
        List<GroupSummary> out = new ArrayList<>();
        for (Map.Entry<String, List<ArticleSummary>> e : groups.entrySet()) out.add(group(e.getKey(), e.getValue()));
        return out;
    }

    /**
     * Summarises one group.
     *
     * @param name the group's name, which also seeds its bootstrap
     * @param rows its articles, at least one, all with the same labels
     * @return the group's summary
     * @throws IllegalArgumentException when there is no article or their labels differ
     */
    public GroupSummary group(String name, List<ArticleSummary> rows) {
        if (rows.isEmpty()) throw new IllegalArgumentException("group " + name + " has no articles");
        List<String> labels = rows.get(0).labels();
        long paragraphs = 0;
        for (ArticleSummary s : rows) {
            if (!s.labels().equals(labels)) {
                throw new IllegalArgumentException("article " + s.id() + " has labels " + s.labels() + ", article "
                        + rows.get(0).id() + " has " + labels + "; summarise results of one model");
            }
            paragraphs += s.paragraphs();
        }
        Map<String, Double> mean = new LinkedHashMap<>();
        Map<String, Double> lower = new LinkedHashMap<>();
        Map<String, Double> upper = new LinkedHashMap<>();
        int n = rows.size();
        for (String l : labels) {
            double[] x = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                x[i] = rows.get(i).share(l);
                sum += x[i];
            }
            double m = sum / n;
            double[] boot = bootstrap(x, new SplittableRandom(seed * 31 + (name + "\u0000" + l).hashCode()));
            mean.put(l, m);
            lower.put(l, Math.min(m, quantile(boot, 0.025)));
            upper.put(l, Math.max(m, quantile(boot, 0.975)));
        }
        return new GroupSummary(name, n, paragraphs, mean, lower, upper);
    }

    private double[] bootstrap(double[] x, SplittableRandom random) {
        int n = x.length;
        double[] means = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            double s = 0;
            for (int i = 0; i < n; i++) s += x[random.nextInt(n)];
            means[b] = s / n;
        }
        Arrays.sort(means);
        return means;
    }

    /** Linear-interpolated quantile of sorted values. */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
