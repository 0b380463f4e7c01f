package org.wirecopy.eval.report;

import org.wirecopy.eval.Evaluation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The article fields a report breaks its figures down by, and the breakdowns that are worth showing: a field counts
 * when the articles carry at least two of its values. Stateless and thread-safe.
 */
final class Groups {

    /** Article fields reports break figures down by, in report order. */
    static final List<String> FIELDS = List.of("style", "source");

    private Groups() {
    }

    /** Field name to (value to evaluation), for each of {@link #FIELDS} with at least two values. */
    static Map<String, Map<String, Evaluation>> of(Evaluation evaluation) {
        Map<String, Map<String, Evaluation>> out = new LinkedHashMap<>();
        for (String field : FIELDS) {
            Map<String, Evaluation> groups = evaluation.by(field);
            if (groups.size() >= 2) out.put(field, groups);
        }
        return Collections.unmodifiableMap(out);
    }

    /** File name of the F1 plot of one field. */
    static String plotFile(String field) {
        return "f1-by-" + field + ".png";
    }
}
