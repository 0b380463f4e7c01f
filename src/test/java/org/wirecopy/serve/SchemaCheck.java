package org.wirecopy.serve;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A small JSON Schema checker for the keywords our OpenAPI document uses: type (one or a list), properties, required,
 * additionalProperties (false or a schema), items, enum, const, oneOf, minimum, maximum and local $ref. Unknown
 * keywords are ignored (descriptions, defaults, examples). Not thread-safe.
 */
final class SchemaCheck {

    private final JsonNode document;

    SchemaCheck(JsonNode document) {
        this.document = document;
    }

    /** Every violation of {@code schema} by {@code value}, each with its JSON path; empty when valid. */
    List<String> violations(JsonNode schema, JsonNode value) {
        List<String> out = new ArrayList<>();
        check(schema, value, "$", out);
        return out;
    }

    private JsonNode resolve(JsonNode schema) {
        while (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            if (!ref.startsWith("#/")) throw new IllegalArgumentException("only local $ref: " + ref);
            JsonNode n = document;
            for (String part : ref.substring(2).split("/")) n = n.get(part);
            if (n == null) throw new IllegalArgumentException("dangling $ref " + ref);
            schema = n;
        }
        return schema;
    }

    private void check(JsonNode schema, JsonNode value, String path, List<String> out) {
        schema = resolve(schema);
        if (schema.has("oneOf")) {
            int matches = 0;
            List<String> reasons = new ArrayList<>();
            for (JsonNode alt : schema.get("oneOf")) {
                List<String> v = new ArrayList<>();
                check(alt, value, path, v);
                if (v.isEmpty()) matches++;
                else reasons.add(String.join("; ", v));
            }
            if (matches != 1) out.add(path + ": matches " + matches + " of oneOf (" + reasons + ")");
        }
        if (schema.has("type")) {
            List<String> types = new ArrayList<>();
            if (schema.get("type").isArray()) schema.get("type").forEach(t -> types.add(t.asText()));
            else types.add(schema.get("type").asText());
            if (types.stream().noneMatch(t -> is(t, value))) {
                out.add(path + ": expected " + types + ", got " + value.getNodeType());
                return;
            }
        }
        if (schema.has("const") && !schema.get("const").equals(value)) {
            out.add(path + ": expected " + schema.get("const") + ", got " + value);
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode e : schema.get("enum")) found |= e.equals(value);
            if (!found) out.add(path + ": " + value + " is not one of " + schema.get("enum"));
        }
        if (value.isNumber()) {
            if (schema.has("minimum") && value.asDouble() < schema.get("minimum").asDouble()) {
                out.add(path + ": " + value + " < minimum " + schema.get("minimum"));
            }
            if (schema.has("maximum") && value.asDouble() > schema.get("maximum").asDouble()) {
                out.add(path + ": " + value + " > maximum " + schema.get("maximum"));
            }
        }
        if (value.isObject()) {
            JsonNode props = schema.get("properties");
            if (schema.has("required")) {
                for (JsonNode r : schema.get("required")) {
                    if (!value.has(r.asText())) out.add(path + ": missing required " + r.asText());
                }
            }
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                String p = path + "." + f.getKey();
                if (props != null && props.has(f.getKey())) {
                    check(props.get(f.getKey()), f.getValue(), p, out);
                } else if (schema.has("additionalProperties")) {
                    JsonNode ap = schema.get("additionalProperties");
                    if (ap.isBoolean()) {
                        if (!ap.asBoolean()) out.add(path + ": undocumented property " + f.getKey());
                    } else {
                        check(ap, f.getValue(), p, out);
                    }
                }
            }
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) check(schema.get("items"), value.get(i), path + "[" + i + "]", out);
        }
    }

    private static boolean is(String type, JsonNode v) {
        return switch (type) {
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "string" -> v.isTextual();
            case "integer" -> v.isIntegralNumber() || (v.isNumber() && v.asDouble() == Math.rint(v.asDouble()));
            case "number" -> v.isNumber();
            case "boolean" -> v.isBoolean();
            case "null" -> v.isNull();
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }
}
