package org.wirecopy.corpus;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Immutable copies of an article's or a paragraph's extra fields that keep the order they were read in, so that
 * everything written from them (JSONL results, reports) comes out the same on every run. ({@code Map.copyOf} iterates
 * in an order that changes from one JVM to the next.) Stateless and thread-safe.
 */
final class OrderedFields {

    private OrderedFields() {
    }

    /** An unmodifiable copy of {@code fields} in its iteration order; nulls are refused as {@code Map.copyOf} does. */
    static Map<String, String> copy(Map<String, String> fields) {
        Objects.requireNonNull(fields, "fields");
        if (fields.isEmpty()) return Map.of();
        Map<String, String> out = new LinkedHashMap<>(fields.size() * 2);
        for (Map.Entry<String, String> e : fields.entrySet()) {
            out.put(Objects.requireNonNull(e.getKey(), "field name"), Objects.requireNonNull(e.getValue(), e.getKey()));
        }
        return Collections.unmodifiableMap(out);
    }
}
