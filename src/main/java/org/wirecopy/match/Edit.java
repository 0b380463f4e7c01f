package org.wirecopy.match;

import java.util.List;
import java.util.Objects;

/**
 * One change between a source and a pasted paragraph, at word level. Words are shown as they appear (after text
 * normalisation: typographic quotes and dashes unified); punctuation other than ellipsis marks is not compared.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind        what changed
 * @param position    index, among the pasted paragraph's tokens (words and ellipsis marks), of the first token at or
 *                    after the change
 * @param sourceWords the source words removed or replaced (empty for {@link EditKind#ADDED})
 * @param pastedWords the words that stand in the pasted text instead (empty for {@link EditKind#CUT} and most
 *                    truncations; {@code ...} for an ellipsis mark)
 */
public record Edit(EditKind kind, int position, List<String> sourceWords, List<String> pastedWords) {

    /**
     * Checks the components and copies the word lists into immutable ones.
     *
     * @param kind        what changed; not null
     * @param position    index among the pasted paragraph's tokens, at least 0
     * @param sourceWords the source words removed or replaced
     * @param pastedWords the words that stand in the pasted text instead
     * @throws IllegalArgumentException when the position is negative or both word lists are empty
     */
    public Edit {
        Objects.requireNonNull(kind, "kind");
        if (position < 0) throw new IllegalArgumentException("position must be >= 0, got " + position);
        sourceWords = List.copyOf(sourceWords);
        pastedWords = List.copyOf(pastedWords);
        if (sourceWords.isEmpty() && pastedWords.isEmpty()) {
            throw new IllegalArgumentException("an edit changes at least one word");
        }
    }

    /** {@return a short human-readable form, e.g. {@code REPLACED "said" -> "stated"}} */
    public String describe() {
        return switch (kind) {
            case ADDED -> "ADDED \"" + String.join(" ", pastedWords) + "\"";
            case CUT -> "CUT \"" + String.join(" ", sourceWords) + "\"";
            case REPLACED -> "REPLACED \"" + String.join(" ", sourceWords) + "\" -> \""
                    + String.join(" ", pastedWords) + "\"";
            case ELLIPSIS -> "ELLIPSIS for " + sourceWords.size() + " words";
            case TRUNCATED_START, TRUNCATED_END -> kind + " " + sourceWords.size() + " words"
                    + (pastedWords.isEmpty() ? "" : " (marked " + String.join(" ", pastedWords) + ")");
        };
    }
}
