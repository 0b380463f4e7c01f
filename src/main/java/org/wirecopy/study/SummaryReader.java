package org.wirecopy.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.wirecopy.corpus.CorpusFormatException;
import org.wirecopy.corpus.DataProblem;
import org.wirecopy.io.BoundedLineReader;
import org.wirecopy.io.LimitExceededException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the summaries {@link SummaryWriter} wrote (CSV or JSONL by extension, UTF-8). Labels are taken from the
 * {@code share_LABEL} columns; every other non-computed column is a field (a {@code field_NAME} column is the field
 * {@code NAME}). Reading is bounded: at most {@value #MAX_BYTES} bytes per file (counted as read) and
 * {@value #MAX_ROW_BYTES} bytes per row. Errors name the file, the line and the column, and say how to fix them.
 *
 * <p>Thread-safe (stateless).
 */
public final class SummaryReader {

    /** The most bytes one summary file may hold (256 MiB: over a million articles' rows). */
    public static final long MAX_BYTES = 256L << 20;
    /** The most bytes one row may hold (a row is an article's id, fields and a few numbers). */
    public static final int MAX_ROW_BYTES = 1 << 20;

    private static final String ADVICE = "a summary has one short row per article, as classify --summary writes it; "
            + "split a larger file into several and give them all to summarize";

    private SummaryReader() {
    }

    /**
     * Reads every row of {@code file}, in the format its name asks for.
     *
     * @param file a {@code .csv} or {@code .jsonl} summary written by {@link SummaryWriter}
     * @return the rows in file order
     * @throws CorpusFormatException when a row is malformed or the file is not UTF-8, with file:line, the column and
     *                               the fix
     * @throws LimitExceededException when the file holds more than {@value #MAX_BYTES} bytes or a row more than
     *                                {@value #MAX_ROW_BYTES} bytes, naming the file (and line) and the fix
     * @throws IOException when the file is missing, a directory or cannot be read, naming it
     * @throws IllegalArgumentException when the name ends with neither {@code .csv} nor {@code .jsonl}/{@code .json}
     */
    public static List<ArticleSummary> read(Path file) throws IOException {
        return read(file, MAX_BYTES, MAX_ROW_BYTES);
    }

    /** {@link #read(Path)} with other limits (for tests). */
    static List<ArticleSummary> read(Path file, long maxBytes, int maxRowBytes) throws IOException {
        boolean csv = SummaryFormat.of(file) == SummaryFormat.CSV;
        try (BoundedLineReader r = BoundedLineReader.open(file, maxBytes, maxRowBytes, "summary file", ADVICE)) {
            try {
                return csv ? csv(r, maxRowBytes) : jsonl(r);
            } catch (java.nio.charset.CharacterCodingException e) {
                throw problem(file.toString(), r.lineNumber(), "", "not valid UTF-8",
                        "save the file as UTF-8 (e.g. iconv -f windows-1252 -t utf-8)");
            }
        }
    }

    private static List<ArticleSummary> csv(BoundedLineReader r, int maxRowBytes) throws IOException {
        String file = r.name();
        List<ArticleSummary> out = new ArrayList<>();
        CsvRows rows = new CsvRows(r, maxRowBytes, ADVICE);
        List<String> header = rows.next();
        if (header == null) {
            throw problem(file, 0, "", "empty file", "expected a header row starting with id; write the file with "
                    + "classify --summary");
        }
        if (!header.get(0).equals(SummaryColumns.ID)) {
            throw problem(file, 1, "", "the first column must be 'id', got '" + header.get(0) + "'",
                    "write the file with classify --summary");
        }
        List<String> row;
        while ((row = rows.next()) != null) {
            if (row.size() == 1 && row.get(0).isEmpty()) continue;
            if (row.size() != header.size()) {
                throw problem(file, rows.rowLine(), "", row.size() + " columns, the header has " + header.size(),
                        "quote values that hold commas");
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) values.put(header.get(i), row.get(i));
            out.add(summary(values, file, rows.rowLine()));
        }
        return out;
    }

    private static List<ArticleSummary> jsonl(BoundedLineReader r) throws IOException {
        String file = r.name();
        ObjectMapper mapper = new ObjectMapper();
        List<ArticleSummary> out = new ArrayList<>();
        String l;
        while ((l = r.readLine()) != null) {
            long ln = r.lineNumber();
            if (l.isBlank()) continue;
            JsonNode n;
            try {
                n = mapper.readTree(l);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw problem(file, ln, "", "not JSON (" + e.getOriginalMessage() + ")",
                        "write one JSON object per line, as classify --summary does");
            }
            if (n == null || !n.isObject()) {
                throw problem(file, ln, "", "expected a JSON object", "write one JSON object per line, as classify "
                        + "--summary does");
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                values.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText());
            }
            out.add(summary(values, file, ln));
        }
        return out;
    }

    private static ArticleSummary summary(Map<String, String> v, String file, long line) {
        String id = v.get(SummaryColumns.ID);
        if (id == null) throw problem(file, line, SummaryColumns.ID, "no 'id' column", "write the file with "
                + "classify --summary");
        Set<String> labels = new LinkedHashSet<>();
        for (String k : v.keySet()) if (k.startsWith(SummaryColumns.SHARE)) labels.add(k.substring(6));
        if (labels.isEmpty()) throw problem(file, line, "", "no share_LABEL columns", "write the file with classify "
                + "--summary");
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Double> shares = new LinkedHashMap<>();
        for (String l : labels) {
            counts.put(l, (int) number(v, SummaryColumns.COUNT + l, file, line, 0));
            shares.put(l, number(v, SummaryColumns.SHARE + l, file, line, null));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : v.entrySet()) {
            String k = e.getKey();
            if (SummaryColumns.computed(k)) continue;
            if (e.getValue().isEmpty()) continue;
            fields.put(k.startsWith("field_") && SummaryColumns.computed(k.substring(6)) ? k.substring(6) : k,
                    e.getValue());
        }
        String conf = v.getOrDefault(SummaryColumns.CONFIDENCE, "");
        double mean = conf.isEmpty() ? Double.NaN : number(v, SummaryColumns.CONFIDENCE, file, line, null);
        try {
            return new ArticleSummary(id, fields, counts, shares, mean,
                    (int) number(v, SummaryColumns.UNCERTAIN, file, line, 0));
        } catch (IllegalArgumentException e) {
            throw problem(file, line, "", e.getMessage(), "write the file with classify --summary");
        }
    }

    private static double number(Map<String, String> v, String column, String file, long line, Integer missing) {
        String s = v.get(column);
        if (s == null || s.isEmpty()) {
            if (missing != null) return missing;
            throw problem(file, line, column, "missing or empty", "write the file with classify --summary");
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw problem(file, line, column, "'" + s + "' is not a number", "write the file with classify --summary");
        }
    }

    private static CorpusFormatException problem(String file, long line, String column, String message, String fix) {
        return new CorpusFormatException(List.of(new DataProblem(file, line, column, message, fix)));
    }
}
