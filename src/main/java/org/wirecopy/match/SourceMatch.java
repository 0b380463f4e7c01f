package org.wirecopy.match;

import java.util.List;
import java.util.Objects;

/**
 * One reference story a pasted paragraph was found in, with the alignment's figures and edits.
 *
 * <p>Immutable and thread-safe.
 *
 * @param story        the story
 * @param paragraphs   the story's paragraphs (0-based positions in the story) the pasted text was taken from, in
 *                     order; more than one for merged paragraphs
 * @param coverage     share of the pasted paragraph's words that are copied from these paragraphs (0..1)
 * @param containment  share of the pasted paragraph's word shingles found in these paragraphs (0..1)
 * @param jaccard      Jaccard similarity of the shingle sets of the pasted text and these paragraphs (0..1)
 * @param coveredWords words of the pasted paragraph copied from the source
 * @param sourceWords  words in the source paragraphs
 * @param verbatim     whether the pasted text is the source word for word, apart from truncation at either end
 * @param edits        the writer's edits, in order
 */
public record SourceMatch(Story story, List<Integer> paragraphs, double coverage, double containment,
                          double jaccard, int coveredWords, int sourceWords, boolean verbatim, List<Edit> edits) {

    /**
     * Checks the components and copies the lists into immutable ones.
     *
     * @param story        the story; not null
     * @param paragraphs   the story's paragraphs the text was taken from, at least one
     * @param coverage     0..1
     * @param containment  0..1
     * @param jaccard      0..1
     * @param coveredWords words of the pasted paragraph copied from the source
     * @param sourceWords  words in the source paragraphs
     * @param verbatim     whether the pasted text is the source word for word
     * @param edits        the writer's edits, in order
     * @throws IllegalArgumentException when there is no paragraph or a share is out of range
     */
    public SourceMatch {
        Objects.requireNonNull(story, "story");
        paragraphs = List.copyOf(paragraphs);
        if (paragraphs.isEmpty()) throw new IllegalArgumentException("a match has at least one source paragraph");
        edits = List.copyOf(edits);
        for (double v : new double[]{coverage, containment, jaccard}) {
            if (!(v >= 0 && v <= 1)) throw new IllegalArgumentException("share out of [0, 1]: " + v);
        }
    }

    /**
     * Number of edits of one kind.
     *
     * @param kind an edit kind
     * @return how many of the edits are of that kind
     */
    public long count(EditKind kind) {
        return edits.stream().filter(e -> e.kind() == kind).count();
    }
}
