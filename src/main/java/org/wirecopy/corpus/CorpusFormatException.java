package org.wirecopy.corpus;

import java.util.List;

/**
 * A data file with problems. Carries every problem found (up to {@link CorpusReader#MAX_PROBLEMS}), each with its
 * file, line, field and fix; the message lists the first few.
 *
 * <p>Not meant to be shared between threads while being built; its problem list is immutable.
 */
public class CorpusFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<DataProblem> problems;

    /**
     * An exception for these problems, whose message lists the first few.
     *
     * @param problems every problem found, at least one
     */
    public CorpusFormatException(List<DataProblem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    /** {@return every problem found (empty after deserialization)} */
    public List<DataProblem> problems() {
        return problems;
    }

    private static String summary(List<DataProblem> problems) {
        StringBuilder b = new StringBuilder();
        b.append(problems.size()).append(problems.size() == 1 ? " problem" : " problems").append(" in the data");
        int shown = 0;
        for (DataProblem p : problems) {
            if (shown++ == 5) {
                b.append("\n  ... and ").append(problems.size() - 5).append(" more (run validate-data to list all)");
                break;
            }
            b.append("\n  ").append(p);
        }
        return b.toString();
    }
}
