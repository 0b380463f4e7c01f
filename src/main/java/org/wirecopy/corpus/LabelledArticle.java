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

    /**
     * Checks the components and copies the list and map into immutable ones.
     *
     * @param id         article id; not null
     * @param paragraphs paragraphs in reading order, at least one
     * @param fields     extra string fields; not null
     * @param origin     {@code file:line} it was read from, or empty; not null
     * @throws IllegalArgumentException when there is no paragraph
     */
    public LabelledArticle {
        Objects.requireNonNull(id, "id");
        paragraphs = List.copyOf(Objects.requireNonNull(paragraphs, "paragraphs"));
        if (paragraphs.isEmpty()) throw new IllegalArgumentException("article " + id + " has no paragraphs");
        fields = OrderedFields.copy(fields);
        Objects.requireNonNull(origin, "origin");
    }

    /**
     * An article built in code: no extra fields, empty origin.
     *
     * @param id         article id; not null
     * @param paragraphs paragraphs in reading order, at least one
     * @throws IllegalArgumentException when there is no paragraph
     */
    public LabelledArticle(String id, List<LabelledParagraph> paragraphs) {
        this(id, paragraphs, Map.of(), "");
    }

    /**
     * The value of an extra field, or null.
     *
     * @param name the field's name, e.g. {@code style}
     * @return its value, or null when the article has no such field
     */
    public String field(String name) {
        return fields.get(name);
    }

    /** {@return the paragraph texts in order} */
    public List<String> texts() {
        List<String> out = new ArrayList<>(paragraphs.size());
        for (LabelledParagraph p : paragraphs) out.add(p.text());
        return out;
    }

    /** {@return the gold labels in order (null entries in unlabelled data)} */
    public List<String> labels() {
        List<String> out = new ArrayList<>(paragraphs.size());
        for (LabelledParagraph p : paragraphs) out.add(p.label());
        return out;
    }
}
