package org.wirecopy.match;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What building an index produced.
 *
 * <p>Immutable and thread-safe.
 *
 * @param file              the index file
 * @param stories           stories stored
 * @param paragraphs        paragraphs stored
 * @param indexedParagraphs paragraphs long enough to be matched ({@link IndexConfig#minWords()} words or more)
 * @param entries           LSH entries
 * @param bytes             size of the file
 * @param spilledRuns       sorted runs spilled to temporary files while building (0 when everything fit in memory)
 * @param corpusSha256      SHA-256 of the corpus bytes read (empty when built from code)
 */
public record IndexSummary(Path file, int stories, int paragraphs, int indexedParagraphs, long entries, long bytes,
                           int spilledRuns, String corpusSha256) {
    /**
     * Checks that the file and hash are not null.
     *
     * @param file              the index file
     * @param stories           stories stored
     * @param paragraphs        paragraphs stored
     * @param indexedParagraphs paragraphs long enough to be matched
     * @param entries           LSH entries
     * @param bytes             size of the file
     * @param spilledRuns       sorted runs spilled to temporary files while building
     * @param corpusSha256      SHA-256 of the corpus bytes read, or empty
     */
    public IndexSummary {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(corpusSha256, "corpusSha256");
    }
}
