package org.wirecopy.match;

import org.wirecopy.classify.ClassifiedParagraph;

import java.util.Objects;

/**
 * A paragraph classified and matched: the network's result, the source match, and the final label.
 *
 * <p>Immutable and thread-safe.
 *
 * @param classified  the classifier's result (label and every score)
 * @param match       the source matches
 * @param label       the final label: REPORTING when the paragraph is found (nearly) verbatim in a reference story,
 *                    the network's label otherwise
 * @param explanation why the label is what it is, when a match had a say (empty otherwise)
 */
public record MatchedParagraph(ClassifiedParagraph classified, ParagraphMatch match, String label,
                               String explanation) {

    /**
     * Checks that no component is null.
     *
     * @param classified  the classifier's result
     * @param match       the source matches
     * @param label       the final label
     * @param explanation why the label is what it is, or empty
     */
    public MatchedParagraph {
        Objects.requireNonNull(classified, "classified");
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(explanation, "explanation");
    }

    /** {@return whether the match changed the network's label} */
    public boolean overridden() {
        return !label.equals(classified.label());
    }
}
