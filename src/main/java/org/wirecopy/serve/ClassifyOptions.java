package org.wirecopy.serve;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Per-request options, from the query string: {@code explain=true}, {@code top=N} (features per label),
 * {@code min-confidence=P} (paragraphs whose top score is below P are marked uncertain) and
 * {@code threshold=LABEL:P,...} (the same, per label; it overrides {@code min-confidence} for that label).
 *
 * <p>Immutable and thread-safe.
 */
record ClassifyOptions(boolean explain, int top, double minConfidence, Map<String, Double> thresholds) {

    static final int MAX_TOP = 50;

    ClassifyOptions {
        thresholds = Map.copyOf(Objects.requireNonNull(thresholds, "thresholds"));
    }

    static ClassifyOptions defaults() {
        return new ClassifyOptions(false, 5, 0, Map.of());
    }

    /** The threshold below which a paragraph labelled {@code label} is uncertain. */
    double threshold(String label) {
        return thresholds.getOrDefault(label, minConfidence);
    }

    /**
     * Parses the query parameters ({@code query} maps a name to its values).
     *
     * @throws Problem 400 naming the parameter and the fix
     */
    static ClassifyOptions parse(Map<String, List<String>> query, List<String> labels) {
        boolean explain = false;
        String e = first(query, "explain");
        if (e != null) {
            switch (e.toLowerCase(Locale.ROOT)) {
                case "true", "1", "" -> explain = true;
                case "false", "0" -> explain = false;
                default -> throw bad("explain", "'" + e + "' is not a boolean; use explain=true or explain=false");
            }
        }
        int top = 5;
        String t = first(query, "top");
        if (t != null) {
            try {
                top = Integer.parseInt(t.trim());
            } catch (NumberFormatException ex) {
                top = -1;
            }
            if (top < 1 || top > MAX_TOP) {
                throw bad("top", "'" + t + "' must be a whole number from 1 to " + MAX_TOP);
            }
        }
        double min = 0;
        String m = first(query, "min-confidence");
        if (m != null) min = probability("min-confidence", m);
        Map<String, Double> thresholds = new LinkedHashMap<>();
        for (String list : query.getOrDefault("threshold", List.of())) {
            for (String item : list.split(",")) {
                if (item.isBlank()) continue;
                int colon = item.lastIndexOf(':');
                if (colon <= 0) {
                    throw bad("threshold", "'" + item + "' is not LABEL:P; e.g. threshold=REPORTING:0.8");
                }
                String label = item.substring(0, colon).trim();
                if (!labels.contains(label)) {
                    throw bad("threshold", "unknown label '" + label + "'; the model's labels are "
                            + String.join(", ", labels));
                }
                thresholds.put(label, probability("threshold", item.substring(colon + 1)));
            }
        }
        return new ClassifyOptions(explain, top, min, thresholds);
    }

    private static double probability(String name, String value) {
        double p;
        try {
            p = Double.parseDouble(value.trim());
        } catch (NumberFormatException ex) {
            p = Double.NaN;
        }
        if (!(p >= 0 && p <= 1)) throw bad(name, "'" + value + "' must be a number from 0 to 1");
        return p;
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static Problem bad(String parameter, String detail) {
        return Problem.badRequest("bad-parameter", "Bad query parameter", "query parameter " + parameter + ": "
                + detail);
    }
}
