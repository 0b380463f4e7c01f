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
 * @param fields optional extra string fields (e.g. {@code case}), in file order
 */
public record LabelledParagraph(String text, String label, Map<String, String> fields) {

    public LabelledParagraph {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) throw new IllegalArgumentException("paragraph text is blank");
        fields = Map.copyOf(Objects.requireNonNull(fields, "fields"));
    }

    public LabelledParagraph(String text, String label) {
        this(text, label, Map.of());
    }
}
