package org.wirecopy.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * {@code NAME}). Errors name the file, the line and the column.
 *
 * <p>Thread-safe (stateless).
 */
public final class SummaryReader {

    private SummaryReader() {
    }

    /**
     * Reads every row of {@code file}, in the format its name asks for.
     *
     * @param file a {@code .csv} or {@code .jsonl} summary written by {@link SummaryWriter}
     * @return the rows in file order
     * @throws IOException when the file cannot be read or a row is malformed, naming the line
     * @throws IllegalArgumentException when the name ends with neither {@code .csv} nor {@code .jsonl}/{@code .json}
     */
    public static List<ArticleSummary> read(Path file) throws IOException {
        return SummaryFormat.of(file) == SummaryFormat.CSV ? csv(file) : jsonl(file);
    }

    private static List<ArticleSummary> csv(Path file) throws IOException {
        List<ArticleSummary> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CsvRows rows = new CsvRows(r, file.toString());
            List<String> header = rows.next();
            if (header == null) throw new IOException(file + ": empty file; expected a header row starting with id");
            if (!header.get(0).equals(SummaryColumns.ID)) {
                throw new IOException(file + ":1: the first column must be 'id', got '" + header.get(0)
                        + "'; write the file with classify --summary");
            }
            List<String> row;
            while ((row = rows.next()) != null) {
                if (row.size() == 1 && row.get(0).isEmpty()) continue;
                if (row.size() != header.size()) {
                    throw new IOException(file + ":" + rows.rowLine() + ": " + row.size() + " columns, the header has "
                            + header.size() + "; quote values that hold commas");
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) values.put(header.get(i), row.get(i));
                out.add(summary(values, file + ":" + rows.rowLine()));
            }
        }
        return out;
    }

    private static List<ArticleSummary> jsonl(Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<ArticleSummary> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String l;
            int ln = 0;
            while ((l = r.readLine()) != null) {
                ln++;
                if (l.isBlank()) continue;
                JsonNode n;
                try {
                    n = mapper.readTree(l);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IOException(file + ":" + ln + ": not JSON (" + e.getOriginalMessage() + ")", e);
                }
                if (n == null || !n.isObject()) throw new IOException(file + ":" + ln + ": expected a JSON object");
                Map<String, String> values = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    values.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText());
                }
                out.add(summary(values, file + ":" + ln));
            }
        }
        return out;
    }

    private static ArticleSummary summary(Map<String, String> v, String where) throws IOException {
        String id = v.get(SummaryColumns.ID);
        if (id == null) throw new IOException(where + ": no 'id' column; write the file with classify --summary");
        Set<String> labels = new LinkedHashSet<>();
        for (String k : v.keySet()) if (k.startsWith(SummaryColumns.SHARE)) labels.add(k.substring(6));
        if (labels.isEmpty()) throw new IOException(where + ": no share_LABEL columns; write the file with classify "
                + "--summary");
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Double> shares = new LinkedHashMap<>();
        for (String l : labels) {
            counts.put(l, (int) number(v, SummaryColumns.COUNT + l, where, 0));
            shares.put(l, number(v, SummaryColumns.SHARE + l, where, null));
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
        double mean = conf.isEmpty() ? Double.NaN : number(v, SummaryColumns.CONFIDENCE, where, null);
        try {
            return new ArticleSummary(id, fields, counts, shares, mean,
                    (int) number(v, SummaryColumns.UNCERTAIN, where, 0));
        } catch (IllegalArgumentException e) {
            throw new IOException(where + ": " + e.getMessage(), e);
        }
    }

    private static double number(Map<String, String> v, String column, String where, Integer missing)
            throws IOException {
        String s = v.get(column);
        if (s == null || s.isEmpty()) {
            if (missing != null) return missing;
            throw new IOException(where + ": column " + column + " is missing or empty");
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IOException(where + ": column " + column + ": '" + s + "' is not a number");
        }
    }
}
