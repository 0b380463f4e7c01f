package org.wirecopy.eval.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.wirecopy.eval.CrossValidation;
import org.wirecopy.eval.Evaluation;
import org.wirecopy.model.Provenance;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The JSON report: indented, {@code \n} line ends, no timestamps, so the same results give the same bytes.
 *
 * <p>Top-level keys: {@code format} ({@value #FORMAT}), {@code formatVersion} ({@value #FORMAT_VERSION}),
 * {@code kind} ({@code evaluation} or {@code cross-validation}), {@code data} ({@code name}, {@code sha256}),
 * {@code provenance} (the model's {@link Provenance} record, or null when unknown), then the figures:
 * <ul>
 *   <li>evaluation: every key of {@link Evaluation#summary()} ({@code accuracy}, {@code macroF1}, {@code perLabel},
 *       {@code confusion}, ...), and {@code by}: field to value to that group's summary, for the fields
 *       {@code style} and {@code source} when the articles carry at least two values;</li>
 *   <li>cross-validation: every key of {@link CrossValidation#summary()} ({@code name}, {@code folds},
 *       {@code seed}, {@code figures} with {@code perFold}, {@code mean} and {@code std}, {@code pooled}); the
 *       {@code pooled} summary also holds {@code by}.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class JsonReport {

    /** Value of the {@code format} key. */
    static final String FORMAT = "wirecopy-report";
    /** Value of the {@code formatVersion} key; raised when a key changes meaning or disappears. */
    static final int FORMAT_VERSION = 1;

    private static final ObjectWriter WRITER = new ObjectMapper().writer(
            new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private JsonReport() {
    }

    /**
     * The report of one evaluation.
     *
     * @param evaluation the figures; not null
     * @param provenance the model's provenance, or null when unknown
     * @param data       the data the figures were measured on
     * @return the JSON text, ending with a line end
     */
    public static String evaluation(Evaluation evaluation, Provenance provenance, DataDescription data) {
        Objects.requireNonNull(evaluation, "evaluation");
        Map<String, Object> m = header("evaluation", data);
        m.putAll(withGroups(evaluation));
        m.put("provenance", provenance);
        return write(m);
    }

    /**
     * The report of a cross-validation.
     *
     * @param crossValidation the figures; not null
     * @param provenance      the provenance of the configuration cross-validated, or null when unknown
     * @param data            the data the figures were measured on
     * @return the JSON text, ending with a line end
     */
    public static String crossValidation(CrossValidation crossValidation, Provenance provenance,
                                         DataDescription data) {
        Objects.requireNonNull(crossValidation, "crossValidation");
        Map<String, Object> m = header("cross-validation", data);
        m.putAll(crossValidation.summary());
        m.put("pooled", withGroups(crossValidation.pooled()));
        m.put("provenance", provenance);
        return write(m);
    }

    /** Format, kind and data; the figures follow, and the provenance comes last. */
    private static Map<String, Object> header(String kind, DataDescription data) {
        Objects.requireNonNull(data, "data");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("formatVersion", FORMAT_VERSION);
        m.put("kind", kind);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", data.name());
        d.put("sha256", data.sha256());
        m.put("data", d);
        return m;
    }

    private static Map<String, Object> withGroups(Evaluation evaluation) {
        Map<String, Object> m = new LinkedHashMap<>(evaluation.summary());
        Map<String, Object> by = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Evaluation>> field : Groups.of(evaluation).entrySet()) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (Map.Entry<String, Evaluation> v : field.getValue().entrySet()) {
                values.put(v.getKey(), v.getValue().summary());
            }
            by.put(field.getKey(), values);
        }
        m.put("by", by);
        return m;
    }

    private static String write(Map<String, Object> report) {
        try {
            return WRITER.writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            // only maps, lists, numbers, strings and the Provenance record are written
            throw new UncheckedIOException("could not write the JSON report", e);
        }
    }
}
