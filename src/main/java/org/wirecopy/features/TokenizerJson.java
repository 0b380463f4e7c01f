package org.wirecopy.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads a Hugging Face {@code tokenizer.json}, as the MiniLM jar ships it, for the {@link WordPiece} vocabulary that
 * the static vectors' distiller and accurate mode's encoder both need. A class of its own so that JSON data binding
 * stays off the classify path.
 *
 * <p>Stateless and thread-safe.
 */
public final class TokenizerJson {

    private TokenizerJson() {
    }

    /**
     * The vocabulary, in id order, of a {@code tokenizer.json} (its {@code model.vocab} object of token to id).
     *
     * @param tokenizerJson the file's bytes
     * @param source        the file's name, for messages
     * @return the tokens, index = id
     * @throws IllegalStateException naming {@code source} when there is no vocabulary or an id is out of range or taken
     */
    public static List<String> vocabulary(byte[] tokenizerJson, String source) {
        try {
            JsonNode vocab = new ObjectMapper().readTree(tokenizerJson).path("model").path("vocab");
            if (!vocab.isObject() || vocab.isEmpty()) {
                throw new IllegalStateException(source + " has no model.vocab object");
            }
            String[] tokens = new String[vocab.size()];
            for (Iterator<Map.Entry<String, JsonNode>> it = vocab.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                int id = e.getValue().asInt(-1);
                if (id < 0 || id >= tokens.length || tokens[id] != null) {
                    throw new IllegalStateException(source + ": token '" + e.getKey() + "' has id " + e.getValue()
                            + ", outside 0.." + (tokens.length - 1) + " or taken");
                }
                tokens[id] = e.getKey();
            }
            return List.of(tokens);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }
}
