package org.wirecopy.corpus;

import java.util.Map;
import java.util.Objects;

/**
 * One paragraph of a corpus article.
 *
 * <p>Immutable and thread-safe.
 *
 * @param text   the paragraph text, never blank
 * @param label  its gold label, or null in unlabelled data (e.g. articles to classify)
 * @param fields optional extra string fields (e.g. {@code case})
 */
public record LabelledParagraph(String text, String label, Map<String, String> fields) {

    /**
     * Checks the text and copies the fields into an immutable map.
     *
     * @param text   the paragraph text, not blank
     * @param label  its gold label, or null
     * @param fields extra string fields; not null
     * @throws IllegalArgumentException when the text is blank
     */
    public LabelledParagraph {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) throw new IllegalArgumentException("paragraph text is blank");
        fields = OrderedFields.copy(fields);
    }

    /**
     * A paragraph with no extra fields.
     *
     * @param text  the paragraph text, not blank
     * @param label its gold label, or null
     * @throws IllegalArgumentException when the text is blank
     */
    public LabelledParagraph(String text, String label) {
        this(text, label, Map.of());
    }
}
