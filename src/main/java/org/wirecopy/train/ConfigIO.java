package org.wirecopy.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
 * unknown key (a typo) or a bad value is an error that names the key and the file.
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
     * @throws IOException when the file is missing, too large or cannot be read
     * @throws IllegalArgumentException when it is not valid JSON, has an unknown key or a bad value, naming it
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
     * @throws IllegalArgumentException when it is not a valid JSON object, has an unknown key or a bad value
     */
    static ExperimentConfig parse(String json, String name) {
        JsonNode user;
        try {
            user = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr();
            throw new IllegalArgumentException(name + where + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (!(user instanceof ObjectNode)) throw new IllegalArgumentException(name + ": the configuration must be a JSON object");
        ObjectNode merged = JSON.valueToTree(ExperimentConfig.defaults());
        merge(merged, (ObjectNode) user, "", name);
        try {
            return JSON.treeToValue(merged, ExperimentConfig.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) root = root.getCause();
            throw new IllegalArgumentException(name + ": bad configuration: " + root.getMessage(), e);
        }
    }

    private static void merge(ObjectNode target, ObjectNode source, String path, String name) {
        Iterator<Map.Entry<String, JsonNode>> it = source.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            if (!target.has(e.getKey())) {
                List<String> known = new ArrayList<>();
                target.fieldNames().forEachRemaining(known::add);
                throw new IllegalArgumentException(name + ": unknown key '" + key + "'; known keys here: " + known);
            }
            JsonNode current = target.get(e.getKey());
            if (current instanceof ObjectNode obj && e.getValue() instanceof ObjectNode sub
                    && !e.getKey().equals("labelMap")) {
                merge(obj, sub, key, name);
            } else {
                target.set(e.getKey(), e.getValue());
            }
        }
    }
}
