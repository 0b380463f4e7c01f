package org.wirecopy.study;

import java.util.Set;

/** Column names shared by summary writers and readers. */
final class SummaryColumns {
    static final String ID = "id";
    static final String PARAGRAPHS = "paragraphs";
    static final String COUNT = "n_";
    static final String SHARE = "share_";
    static final String CONFIDENCE = "mean_confidence";
    static final String UNCERTAIN = "uncertain";

    private SummaryColumns() {
    }

    /** Whether {@code column} is one of the computed columns (not an article field). */
    static boolean computed(String column) {
        return Set.of(ID, PARAGRAPHS, CONFIDENCE, UNCERTAIN).contains(column) || column.startsWith(COUNT)
                || column.startsWith(SHARE);
    }
}
