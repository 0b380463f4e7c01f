package org.wirecopy.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One article of a corpus: an id, its paragraphs with labels, optional string fields such as {@code style},
 * {@code source} and {@code split}, and where it was read from.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id         article id, unique in its corpus
 * @param paragraphs paragraphs in reading order, at least one
 * @param fields     extra string fields
 * @param origin     {@code file:line} it was read from (empty when built in code)
 */
public record LabelledArticle(String id, List<LabelledParagraph> paragraphs, Map<String, String> fields,
                              String origin) {

    public LabelledArticle {
        Objects.requireNonNull(id, "id");
        paragraphs = List.copyOf(Objects.requireNonNull(paragraphs, "paragraphs"));
        if (paragraphs.isEmpty()) throw new IllegalArgumentException("article " + id + " has no paragraphs");
        fields = Map.copyOf(Objects.requireNonNull(fields, "fields"));
        Objects.requireNonNull(origin, "origin");
    }

    public LabelledArticle(String id, List<LabelledParagraph> paragraphs) {
        this(id, paragraphs, Map.of(), "");
    }

    /** The value of an extra field, or null. */
    public String field(String name) {
        return fields.get(name);
    }

    /** Paragraph texts in order. */
    public List<String> texts() {
        List<String> out = new ArrayList<>(paragraphs.size());
        for (LabelledParagraph p : paragraphs) out.add(p.text());
        return out;
    }

    /** Gold labels in order (null entries in unlabelled data). */
    public List<String> labels() {
        List<String> out = new ArrayList<>(paragraphs.size());
        for (LabelledParagraph p : paragraphs) out.add(p.label());
        return out;
    }
}
