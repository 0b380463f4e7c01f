package org.wirecopy.train;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.wirecopy.corpus.CorpusFormatException;
import org.wirecopy.corpus.DataProblem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes {@link ExperimentConfig} JSON. A file may give only some keys: the rest keep their defaults. An
 * unknown key (a typo) or a bad value is a data error ({@link CorpusFormatException}) that names the file, the line,
 * the key and the fix.
 *
 * <p>Stateless and thread-safe.
 */
public final class ConfigIO {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ConfigIO() {
    }

    /**
     * The configuration as indented JSON.
     *
     * @param config the configuration
     * @return every key with its value, ending with a line separator
     */
    public static String toJson(ExperimentConfig config) {
        try {
            return JSON.writeValueAsString(config) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the configuration", e);
        }
    }

    /**
     * Reads a configuration file over the defaults.
     *
     * @param file a JSON file of at most 1 MiB
     * @return the configuration: the file's keys, the defaults for the rest
     * @throws IOException when the file is missing or cannot be read, naming it
     * @throws org.wirecopy.io.LimitExceededException when it holds more than 1 MiB
     * @throws CorpusFormatException when it is not valid JSON, has an unknown key or a bad value: one
     *                               {@link DataProblem} with the file, the line, the key and the fix
     */
    public static ExperimentConfig read(Path file) throws IOException {
        return parse(org.wirecopy.io.SafeFiles.readString(file, 1 << 20, "--config file",
                "an experiment configuration is a small JSON file; write one with init-config"), file.toString());
    }

    /**
     * Parses configuration JSON over the defaults.
     *
     * @param json a JSON object giving some or all keys
     * @param name names the source in error messages
     * @return the configuration: the JSON's keys, the defaults for the rest
     * @throws CorpusFormatException when it is not a valid JSON object, has an unknown key or a bad value: one
     *                               {@link DataProblem} with {@code name}, the line, the key and the fix
     */
    static ExperimentConfig parse(String json, String name) {
        JsonNode user;
        Map<String, Integer> lines;
        try {
            user = JSON.readTree(json);
            lines = keyLines(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw problem(name, at == null ? 0 : at.getLineNr(), "", "not valid JSON" + (at == null ? ""
                    : " at column " + at.getColumnNr()) + ": " + e.getOriginalMessage(),
                    "fix the JSON; init-config writes a valid file with every key");
        }
        if (!(user instanceof ObjectNode)) {
            throw problem(name, 1, "", "the configuration must be a JSON object",
                    "write one with init-config and keep the keys you need");
        }
        ObjectNode merged = JSON.valueToTree(ExperimentConfig.defaults());
        // keys whose default (null) is left out of the written configuration, which a file may still give
        if (merged.path("training").path("features") instanceof ObjectNode f && !f.has("encoder")) f.putNull("encoder");
        if (merged.path("training") instanceof ObjectNode t && !t.has("fitThresholds")) t.put("fitThresholds", false);
        merge(merged, (ObjectNode) user, "", name, lines);
        try {
            return JSON.treeToValue(merged, ExperimentConfig.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String path = e instanceof JsonMappingException m ? path(m) : "";
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) root = root.getCause();
            String message;
            String key;
            if (root instanceof IllegalArgumentException) {
                // a value out of its range, refused by the record it belongs to: the message starts with the key
                message = root.getMessage();
                key = keyNamed(message, path, lines.keySet());
            } else {
                // a value of the wrong type: the path leads to it
                message = e instanceof JsonMappingException m ? m.getOriginalMessage() : String.valueOf(e.getMessage());
                key = path;
            }
            throw problem(name, lines.getOrDefault(key, 0), key, message,
                    "change the value; init-config writes every key with its default");
        }
    }

    /** The key path (e.g. {@code training.seed}) of a mapping error, from Jackson's reference chain. */
    private static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() == null) continue;
            if (b.length() > 0) b.append('.');
            b.append(r.getFieldName());
        }
        return b.toString();
    }

    /**
     * The key a range error names: its message starts with the key relative to the record that refused it (e.g.
     * {@code epochs}, {@code network.hidden}); the one key of the file that ends with it, else the record's path.
     */
    private static String keyNamed(String message, String path, java.util.Set<String> keys) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^[A-Za-z][A-Za-z0-9_.]*").matcher(message);
        if (m.find()) {
            String named = m.group();
            List<String> found = keys.stream().filter(k -> k.equals(named) || k.endsWith("." + named)).toList();
            if (found.size() == 1) return found.get(0);
            String under = path.isEmpty() ? named : path + "." + named;
            if (keys.contains(under)) return under;
        }
        return path;
    }

    /** The line of every key of {@code json}, by its dotted path (keys inside arrays are not listed). */
    private static Map<String, Integer> keyLines(String json) throws JsonProcessingException {
        Map<String, Integer> out = new java.util.HashMap<>();
        try (JsonParser p = JSON.getFactory().createParser(json)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t != JsonToken.FIELD_NAME) continue;
                String pointer = p.getParsingContext().pathAsPointer().toString();
                if (pointer.matches(".*/\\d+(/.*)?")) continue;
                String key = pointer.substring(1).replace("/", ".").replace("~1", "/").replace("~0", "~");
                out.putIfAbsent(key, p.currentTokenLocation().getLineNr());
            }
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a parser over a String does not throw otherwise
        }
        return out;
    }

    private static CorpusFormatException problem(String name, long line, String key, String message, String fix) {
        return new CorpusFormatException(List.of(new DataProblem(name, Math.max(0, line), key, message, fix)));
    }

    private static void merge(ObjectNode target, ObjectNode source, String path, String name,
                              Map<String, Integer> lines) {
        Iterator<Map.Entry<String, JsonNode>> it = source.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            if (!target.has(e.getKey())) {
                List<String> known = new ArrayList<>();
                target.fieldNames().forEachRemaining(known::add);
                String near = closest(e.getKey(), known);
                throw problem(name, lines.getOrDefault(key, 0), key, "unknown key",
                        (near == null ? "" : "did you mean '" + near + "'? ") + "known keys here: " + known);
            }
            JsonNode current = target.get(e.getKey());
            if (current instanceof ObjectNode obj && e.getValue() instanceof ObjectNode sub
                    && !e.getKey().equals("labelMap")) {
                merge(obj, sub, key, name, lines);
            } else {
                target.set(e.getKey(), e.getValue());
            }
        }
    }

    /** The known key within two edits of {@code key} (a typo), or null. */
    private static String closest(String key, List<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String k : known) {
            int d = distance(key.toLowerCase(java.util.Locale.ROOT), k.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best;
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[b.length()];
    }
}
