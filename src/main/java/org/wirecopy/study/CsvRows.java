package org.wirecopy.study;

import org.wirecopy.corpus.CorpusFormatException;
import org.wirecopy.corpus.DataProblem;
import org.wirecopy.io.BoundedLineReader;
import org.wirecopy.io.LimitExceededException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal RFC 4180 reader (quoted fields may hold commas, quotes and line breaks) over bounded lines; a row that
 * spans lines is bounded by the same number of bytes as one line. Not thread-safe.
 */
final class CsvRows {
    private final BoundedLineReader in;
    private final String name;
    private final int maxRowBytes;
    private final String advice;
    private long rowLine;

    CsvRows(BoundedLineReader in, int maxRowBytes, String advice) {
        this.in = in;
        this.name = in.name();
        this.maxRowBytes = maxRowBytes;
        this.advice = advice;
    }

    /** The line the last row returned started on (1-based). */
    long rowLine() {
        return rowLine;
    }

    /** The next row, or null at the end. */
    List<String> next() throws IOException {
        String l = in.readLine();
        if (l == null) return null;
        rowLine = in.lineNumber();
        long bytes = in.lineBytes();
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (true) {
            if (i == l.length()) {
                if (!quoted) break;
                String more = in.readLine();
                if (more == null) {
                    throw new CorpusFormatException(List.of(new DataProblem(name, rowLine, "",
                            "a quoted field is never closed", "close it with \"")));
                }
                bytes += 1 + in.lineBytes();
                if (bytes > maxRowBytes) {
                    throw new LimitExceededException(name + ":" + rowLine + ": row is longer than " + maxRowBytes
                            + " bytes (a quoted field runs to line " + in.lineNumber() + ")"
                            + (advice.isEmpty() ? "" : "; " + advice));
                }
                cell.append('\n');
                l = more;
                i = 0;
                continue;
            }
            char c = l.charAt(i++);
            if (quoted) {
                if (c == '"') {
                    if (i < l.length() && l.charAt(i) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out;
    }
}
