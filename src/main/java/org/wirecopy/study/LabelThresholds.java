package org.wirecopy.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.wirecopy.classify.ClassifiedArticle;
import org.wirecopy.classify.ClassifiedParagraph;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A minimum confidence per label: a paragraph is uncertain when its top score is below its own label's threshold
 * (labels not listed have none). Written by {@code tune-threshold --output}, applied by {@code classify --thresholds}.
 * File format (JSON): {@code {"format": 1, "thresholds": {"REPORTING": 0.83, ...}}}; other keys (how each was tuned)
 * are kept for the reader and ignored here.
 *
 * <p>Immutable and thread-safe.
 *
 * @param minConfidence the threshold per label, each in 0..1
 */
public record LabelThresholds(Map<String, Double> minConfidence) {

    /** The file format version written. */
    static final int FORMAT = 1;

    /**
     * Checks the thresholds and copies them into an unmodifiable map that keeps their order.
     *
     * @param minConfidence the threshold per label, each in 0..1; not null
     * @throws IllegalArgumentException when a threshold is null or out of range
     */
    public LabelThresholds {
        minConfidence = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(
                Objects.requireNonNull(minConfidence, "minConfidence")));
        for (Map.Entry<String, Double> e : minConfidence.entrySet()) {
            Double v = e.getValue();
            if (v == null || !(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("threshold of " + e.getKey() + " must be in 0..1, got " + v);
            }
        }
    }

    /**
     * The article with each paragraph flagged uncertain when its top score is below its label's threshold (and
     * unflagged otherwise, whatever it was).
     *
     * @param article a classified article
     * @return a copy with the uncertain flags set by these thresholds
     */
    public ClassifiedArticle apply(ClassifiedArticle article) {
        List<ClassifiedParagraph> out = new ArrayList<>(article.size());
        for (ClassifiedParagraph p : article.paragraphs()) {
            double t = minConfidence.getOrDefault(p.label(), 0.0);
            out.add(new ClassifiedParagraph(p.index(), p.text(), p.start(), p.end(), p.label(), p.scores(),
                    p.confidence() < t));
        }
        return new ClassifiedArticle(article.labels(), out);
    }

    /**
     * Checks that every threshold names one of {@code labels}.
     *
     * @param labels the model's labels
     * @param where  names the threshold file in the error message
     * @throws IllegalArgumentException when a threshold names another label
     */
    public void requireLabels(List<String> labels, String where) {
        for (String l : minConfidence.keySet()) {
            if (!labels.contains(l)) {
                throw new IllegalArgumentException(where + ": label '" + l + "' is not one of the model's " + labels
                        + "; tune the thresholds with this model");
            }
        }
    }

    /**
     * The JSON of the file, with {@code details} (per label: how it was tuned) beside the thresholds.
     *
     * @param details per label, how it was tuned (written as {@code tuning}); null or empty for none
     * @return indented JSON ending with a line end
     * @throws IOException when the details cannot be written as JSON
     */
    public String toJson(Map<String, Map<String, Object>> details) throws IOException {
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = m.createObjectNode();
        root.put("format", FORMAT);
        ObjectNode t = root.putObject("thresholds");
        for (Map.Entry<String, Double> e : minConfidence.entrySet()) t.put(e.getKey(), e.getValue());
        if (details != null && !details.isEmpty()) root.set("tuning", m.valueToTree(details));
        return m.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    /**
     * Reads a threshold file; errors name the file and the key.
     *
     * @param file a JSON file written by {@code tune-threshold --output}, at most 1 MiB
     * @return the thresholds
     * @throws IOException when the file cannot be read, is not JSON, has another format or a bad threshold
     */
    public static LabelThresholds read(Path file) throws IOException {
        String text = org.wirecopy.io.SafeFiles.readString(file, 1 << 20, "threshold file",
                "a threshold file is a small JSON file written by tune-threshold --output");
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + ": not JSON (" + e.getOriginalMessage() + "); write it with tune-threshold "
                    + "--output", e);
        }
        if (root == null || !root.isObject() || !root.path("thresholds").isObject()) {
            throw new IOException(file + ": no \"thresholds\" object; write it with tune-threshold --output");
        }
        int format = root.path("format").asInt(-1);
        if (format != FORMAT) {
            throw new IOException(file + ": \"format\" is " + root.path("format") + ", this version reads " + FORMAT);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.get("thresholds").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isNumber()) {
                throw new IOException(file + ": thresholds." + e.getKey() + " must be a number in 0..1, got "
                        + e.getValue());
            }
            out.put(e.getKey(), e.getValue().asDouble());
        }
        try {
            return new LabelThresholds(out);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": thresholds." + e.getMessage(), e);
        }
    }
}
