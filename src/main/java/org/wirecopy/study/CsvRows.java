package org.wirecopy.study;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A minimal RFC 4180 reader (quoted fields may hold commas, quotes and line breaks). Not thread-safe. */
final class CsvRows {
    private final BufferedReader in;
    private final String name;
    private int line;
    private int rowLine;

    CsvRows(BufferedReader in, String name) {
        this.in = in;
        this.name = name;
    }

    /** The line the last row returned started on (1-based). */
    int rowLine() {
        return rowLine;
    }

    /** The next row, or null at the end. */
    List<String> next() throws IOException {
        String l = in.readLine();
        if (l == null) return null;
        line++;
        rowLine = line;
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (true) {
            if (i == l.length()) {
                if (!quoted) break;
                String more = in.readLine();
                if (more == null) {
                    throw new IOException(name + ":" + rowLine + ": a quoted field is never closed; close it with \"");
                }
                line++;
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
