package org.wirecopy.serve;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.wirecopy.text.ArticleInputException;
import org.wirecopy.text.ArticleReader;
import org.wirecopy.text.InputFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a request body into an {@link ArticleRequest}: strict UTF-8, a known content type, well-formed JSON with the
 * canonical fields. Every refusal is a {@link Problem} that names the field, line or byte offset and the fix.
 *
 * <p>Stateless and thread-safe.
 */
final class RequestParser {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private RequestParser() {
    }

    /** The media type without parameters, lower case, or "" when absent. */
    static String mediaType(String contentType) {
        if (contentType == null) return "";
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    /** Refuses a charset parameter other than UTF-8. */
    static void requireUtf8(String contentType) {
        if (contentType == null) return;
        for (String part : contentType.split(";")) {
            String p = part.trim().toLowerCase(Locale.ROOT);
            if (p.startsWith("charset=")) {
                String cs = p.substring(8).replace("\"", "").trim();
                if (!cs.equals("utf-8") && !cs.equals("utf8")) {
                    throw new Problem(415, "unsupported-charset", "Unsupported charset", "charset " + cs
                            + " is not supported; send UTF-8 (convert with iconv -t utf-8) and say charset=utf-8");
                }
            }
        }
    }

    /**
     * Parses the body of {@code POST /v1/classify}.
     *
     * @param formatParam the {@code format} query parameter, or null
     */
    static ArticleRequest parseSingle(byte[] body, String contentType, String formatParam) {
        String media = mediaType(contentType);
        if (!media.equals("text/plain") && !media.equals("text/html") && !media.equals("application/json")) {
            throw unsupported(contentType, "text/plain, text/html or application/json");
        }
        requireUtf8(contentType);
        if (body.length == 0) {
            throw Problem.badRequest("empty-body", "Empty body", "the request body is empty; send the article's "
                    + "text, e.g. curl --data-binary @post.txt -H 'Content-Type: text/plain'");
        }
        String text = decode(body, "request body");
        return switch (media) {
            case "text/plain" -> ArticleRequest.ofText(null, text,
                    formatParam == null ? InputFormat.TEXT : format(formatParam, "query parameter format"));
            case "text/html" -> ArticleRequest.ofText(null, text,
                    formatParam == null ? InputFormat.HTML : format(formatParam, "query parameter format"));
            default -> parseJsonArticle(text, null);
        };
    }

    static Problem unsupported(String contentType, String expected) {
        return new Problem(415, "unsupported-media-type", "Unsupported content type",
                (contentType == null || contentType.isBlank() ? "no Content-Type header" : "content type '"
                        + contentType + "' is not accepted") + "; send " + expected);
    }

    /** Strict UTF-8 (see {@link ArticleReader#decode}); binary and malformed input are 400 with the byte offset. */
    static String decode(byte[] bytes, String name) {
        try {
            return ArticleReader.decode(bytes, name);
        } catch (ArticleInputException e) {
            throw Problem.badRequest("invalid-utf8", "Invalid UTF-8", e.getMessage());
        }
    }

    /**
     * Parses one JSON article: {@code {"text": ..., "format": ..., "id": ...}} or, as in a labelled corpus,
     * {@code {"id": ..., "paragraphs": [{"text": ...}, ...]}} (labels and other fields are ignored).
     *
     * @param line the batch line number for messages, or null for a single body
     */
    static ArticleRequest parseJsonArticle(String json, Integer line) {
        String where = line == null ? "" : "line " + line + ": ";
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String at = loc == null ? "" : (line == null ? "line " + loc.getLineNr() + ", " : "") + "column "
                    + loc.getColumnNr() + ": ";
            throw Problem.badRequest("malformed-json", "Malformed JSON", where + at + e.getOriginalMessage()
                    + "; send one JSON object" + (line == null ? "" : " per line"));
        }
        if (node == null || !node.isObject()) {
            throw Problem.badRequest("malformed-json", "Malformed JSON", where + "expected a JSON object such as "
                    + "{\"text\": \"...\"}, got " + (node == null ? "nothing" : node.getNodeType().toString()
                    .toLowerCase(Locale.ROOT)));
        }
        String id = null;
        JsonNode idNode = node.get("id");
        if (idNode != null && !idNode.isNull()) {
            if (!idNode.isTextual() && !idNode.isIntegralNumber()) {
                throw field(where, "id", "must be a string or a whole number");
            }
            id = idNode.asText();
        }
        JsonNode text = node.get("text");
        JsonNode paragraphs = node.get("paragraphs");
        if (text != null && paragraphs != null) {
            throw field(where, "text", "give either text or paragraphs, not both");
        }
        InputFormat format = InputFormat.AUTO;
        JsonNode f = node.get("format");
        if (f != null && !f.isNull()) {
            if (!f.isTextual()) throw field(where, "format", "must be a string: auto, text or html");
            format = format(f.asText(), where + "field format");
        }
        if (paragraphs != null) {
            if (!paragraphs.isArray()) throw field(where, "paragraphs", "must be an array of {\"text\": ...} objects");
            List<String> texts = new ArrayList<>(paragraphs.size());
            for (int i = 0; i < paragraphs.size(); i++) {
                JsonNode p = paragraphs.get(i);
                JsonNode t = p.isObject() ? p.get("text") : p;
                if (t == null || !t.isTextual()) {
                    throw field(where, "paragraphs[" + i + "].text", "must be a string");
                }
                texts.add(t.asText());
            }
            if (texts.stream().allMatch(String::isBlank)) throw noText(where, "paragraphs");
            return new ArticleRequest(id, null, InputFormat.LINES, texts);
        }
        if (text == null || text.isNull()) {
            throw field(where, "text", "is missing; send {\"text\": \"the article\"} (or \"paragraphs\")");
        }
        if (!text.isTextual()) throw field(where, "text", "must be a string");
        if (text.asText().isBlank()) throw noText(where, "text");
        return ArticleRequest.ofText(id, text.asText(), format);
    }

    private static Problem noText(String where, String field) {
        return Problem.badRequest("empty-body", "Empty body", where + "field " + field
                + " is empty or only whitespace; send the article's text");
    }

    private static InputFormat format(String value, String where) {
        try {
            return InputFormat.parse(value);
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("bad-format", "Unknown input format", where + ": " + e.getMessage());
        }
    }

    private static Problem field(String where, String field, String detail) {
        return Problem.badRequest("bad-field", "Bad field", where + "field " + field + " " + detail);
    }
}
