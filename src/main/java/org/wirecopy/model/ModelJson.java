package org.wirecopy.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.wirecopy.features.FeatureConfig;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON entries of a model file (the manifest and the provenance) with jackson-core's streaming parser into
 * plain values, and the records in them field by field. Loading a model used jackson-databind's {@code ObjectMapper}
 * for this: about 400 classes to load and set up, a fifth of a cold start (docs/performance.md, "Seventh round").
 *
 * <p>A document becomes {@code Map<String, Object>} (keys in document order; a repeated key keeps its first place and
 * its last value, as Jackson's tree did), {@code List<Object>}, {@code String}, {@code Long} (integers that fit),
 * {@code java.math.BigInteger}, {@code Double}, {@code Boolean} or {@link #NULL}; a missing field is {@code null}. The
 * accessors {@link #text}, {@link #asInt} and {@link #asDouble} read a value as Jackson's {@code JsonNode.asText()},
 * {@code asInt(default)} and {@code asDouble()} did. The records' fields are typed: a string field takes a string, an
 * integer field an integer that fits, a flag a boolean, else {@link IllegalArgumentException} naming the field; a
 * missing field is null, 0 or false, as Jackson's data binding gave (and the records' constructors check them).
 *
 * <p>Stateless and thread-safe.
 */
final class ModelJson {

    /** JSON's {@code null}. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private static final JsonFactory FACTORY = new JsonFactory();

    private ModelJson() {
    }

    /**
     * The first JSON value of {@code json} (anything after it is ignored, as Jackson's {@code readTree} did).
     *
     * @param json UTF-8 JSON
     * @return the value, or null for an empty document
     * @throws IOException when the JSON is malformed or nested deeper than jackson-core allows (its
     *                     {@code StreamReadConstraints}, 500 levels)
     */
    static Object parse(byte[] json) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonToken t = p.nextToken();
            return t == null ? null : value(p, t);
        }
    }

    private static Object value(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> m = new LinkedHashMap<>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String name = p.currentName();
                    m.put(name, value(p, p.nextToken()));
                }
                return m;
            }
            case START_ARRAY: {
                List<Object> l = new ArrayList<>();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) l.add(value(p, e));
                return l;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getBigIntegerValue()
                        : (Object) p.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return NULL;
            default:
                throw new IOException("unexpected JSON token " + t);
        }
    }

    /**
     * A field of an object.
     *
     * @param object a parsed value
     * @param name   the field's name
     * @return its value, or null when {@code object} is not an object or has no such field
     */
    static Object get(Object object, String name) {
        return object instanceof Map<?, ?> m ? m.get(name) : null;
    }

    /** {@return the value as text, as {@code JsonNode.asText()}: "" for a missing value, an object or an array} */
    static String text(Object v) {
        if (v == null || v instanceof Map || v instanceof List) return "";
        return v.toString();
    }

    /**
     * The value as an int, as {@code JsonNode.asInt(dflt)}: a number cast to int, a string parsed as an integer (or
     * else as a decimal, cast), true 1 and false 0, else {@code dflt}.
     */
    static int asInt(Object v, int dflt) {
        if (v instanceof Number n) return n.intValue();
        if (v instanceof Boolean b) return b ? 1 : 0;
        if (v instanceof String s) {
            String t = s.trim();
            try {
                return Integer.parseInt(t);
            } catch (NumberFormatException e) {
                try {
                    return (int) Double.parseDouble(t);
                } catch (NumberFormatException e2) {
                    return dflt;
                }
            }
        }
        return dflt;
    }

    /** {@return the value as a double, as {@code JsonNode.asDouble()}: as {@link #asInt} with 0.0 by default} */
    static double asDouble(Object v) {
        if (v instanceof Number n) return n.doubleValue();
        if (v instanceof Boolean b) return b ? 1 : 0;
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return 0.0;
            }
        }
        return 0.0;
    }

    /**
     * The manifest's feature configuration.
     *
     * @param v the manifest's {@code features} value
     * @return the configuration (its constructor checks the values)
     * @throws IllegalArgumentException when a field has the wrong JSON type or a value is out of range
     * @throws NullPointerException     when {@code version} is missing
     */
    static FeatureConfig features(Object v) {
        Map<?, ?> f = object(v, "features");
        return new FeatureConfig(string(f, "version", "features"), integer(f, "hashBits", "features"),
                integer(f, "maxNgram", "features"), integer(f, "window", "features"), flag(f, "contrast", "features"),
                integer(f, "maxChars", "features"), string(f, "encoder", "features"));
    }

    /**
     * The provenance entry.
     *
     * @param v the parsed {@code provenance.json}
     * @return the provenance (its constructor checks the values)
     * @throws IllegalArgumentException when a field has the wrong JSON type
     * @throws NullPointerException     when a text field or the dev metrics are missing
     */
    static Provenance provenance(Object v) {
        String where = ModelIO.PROVENANCE;
        Map<?, ?> p = object(v, where);
        Map<String, Double> devMetrics = null;
        Object metrics = p.get("devMetrics");
        if (metrics != null && metrics != NULL) {
            devMetrics = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : object(metrics, where + " devMetrics").entrySet()) {
                Object x = e.getValue();
                if (x != NULL && !(x instanceof Number)) {
                    throw new IllegalArgumentException(where + ": devMetrics." + e.getKey() + " must be a number, got "
                            + shown(x));
                }
                devMetrics.put((String) e.getKey(), x == NULL ? null : ((Number) x).doubleValue());
            }
        }
        return new Provenance(string(p, "wirecopyVersion", where), string(p, "dl4jVersion", where),
                string(p, "javaVersion", where), string(p, "os", where), longInteger(p, "seed", where),
                string(p, "trainingData", where), string(p, "trainingDataSha256", where),
                integer(p, "trainingArticles", where), integer(p, "trainingParagraphs", where),
                string(p, "devData", where), string(p, "devDataSha256", where), integer(p, "bestEpoch", where),
                devMetrics, string(p, "trainingConfig", where));
    }

    private static Map<?, ?> object(Object v, String what) {
        if (v instanceof Map<?, ?> m) return m;
        throw new IllegalArgumentException(what + " must be a JSON object, got " + (v == null ? "nothing" : shown(v)));
    }

    /** A value as the message shows it: a string quoted, an array or object by its kind. */
    private static String shown(Object v) {
        if (v instanceof String s) return "\"" + s + "\"";
        if (v instanceof Map) return "an object";
        if (v instanceof List) return "an array";
        return text(v);
    }

    private static String string(Map<?, ?> o, String name, String where) {
        Object v = o.get(name);
        if (v == null || v == NULL) return null;
        if (v instanceof String s) return s;
        throw new IllegalArgumentException(where + "." + name + " must be a string, got " + shown(v));
    }

    private static long longInteger(Map<?, ?> o, String name, String where) {
        Object v = o.get(name);
        if (v == null || v == NULL) return 0;
        if (v instanceof Long l) return l;
        throw new IllegalArgumentException(where + "." + name + " must be an integer, got " + shown(v));
    }

    private static int integer(Map<?, ?> o, String name, String where) {
        long l = longInteger(o, name, where);
        if (l != (int) l) throw new IllegalArgumentException(where + "." + name + " is out of range: " + l);
        return (int) l;
    }

    private static boolean flag(Map<?, ?> o, String name, String where) {
        Object v = o.get(name);
        if (v == null || v == NULL) return false;
        if (v instanceof Boolean b) return b;
        throw new IllegalArgumentException(where + "." + name + " must be true or false, got " + shown(v));
    }
}
