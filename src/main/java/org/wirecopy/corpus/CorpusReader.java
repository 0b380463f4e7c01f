package org.wirecopy.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads corpus files strictly: canonical JSONL (one article per line), flat JSONL rows, TSV and CSV with named columns.
 * Every problem is reported with file, line, field and a fix, and reading goes on after a problem so that one pass
 * lists them all. UTF-8 unless {@link CorpusOptions#charset()} names another ASCII-compatible encoding; a leading BOM
 * and CRLF line ends are accepted.
 *
 * <p>Stateless and thread-safe.
 */
public final class CorpusReader {

    /** Reading stops collecting problems after this many. */
    public static final int MAX_PROBLEMS = 1000;

    /** A line (one JSONL article, one TSV row) longer than this many bytes is refused with its file:line. */
    public static final int MAX_LINE_BYTES = 64 * 1024 * 1024;

    /** Strict: a duplicate key, or anything after the object on its line (a second object), is an error. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private CorpusReader() {
    }

    /**
     * What a read found: the articles that were fine, and every problem.
     *
     * <p>Immutable and thread-safe.
     *
     * @param corpus   the articles that read cleanly
     * @param problems the problems, at most {@link #MAX_PROBLEMS}
     */
    public record Result(Corpus corpus, List<DataProblem> problems) {
        /**
         * Copies the problems into an immutable list.
         *
         * @param corpus   the articles that read cleanly
         * @param problems the problems; not null
         */
        public Result {
            problems = List.copyOf(problems);
        }

        /** {@return whether there was no problem} */
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /**
     * Receives articles as a file is read; see {@link #stream}.
     *
     * <p>The reader calls a sink from its own thread only, one call at a time, so an implementation need not be
     * thread-safe.
     */
    public interface Sink {
        /**
         * An article that read cleanly.
         *
         * @param article an article whose every row and paragraph read cleanly
         * @throws IOException when the sink fails (e.g. writing its output); reading stops and it propagates
         */
        void article(LabelledArticle article) throws IOException;

        /**
         * A problem; the article it concerns is not passed to {@link #article}.
         *
         * @param problem where it is, what is wrong and how to fix it
         * @throws IOException when the sink fails; reading stops and it propagates
         */
        void problem(DataProblem problem) throws IOException;
    }

    /**
     * Reads a whole file.
     *
     * @param file    the data file
     * @param options how to read it
     * @return the corpus, named after the file
     * @throws CorpusFormatException listing every problem when there is any, or when the file has no article
     * @throws IOException           when the file cannot be read
     */
    public static Corpus read(Path file, CorpusOptions options) throws IOException {
        Result r = check(file, options);
        if (!r.ok()) throw new CorpusFormatException(r.problems());
        if (r.corpus().articles().isEmpty()) {
            throw new CorpusFormatException(List.of(new DataProblem(file.toString(), 0, "",
                    "no articles in the file", "add articles, one JSON object per line")));
        }
        return r.corpus();
    }

    /**
     * Reads a whole file and returns the good articles and every problem, without throwing for data problems.
     *
     * @param file    the data file
     * @param options how to read it
     * @return the articles that read cleanly and the problems (at most {@link #MAX_PROBLEMS})
     * @throws IOException when the file is missing or cannot be read, naming it
     */
    public static Result check(Path file, CorpusOptions options) throws IOException {
        List<LabelledArticle> articles = new ArrayList<>();
        List<DataProblem> problems = new ArrayList<>();
        stream(file, options, new Sink() {
            @Override
            public void article(LabelledArticle a) {
                articles.add(a);
            }

            @Override
            public void problem(DataProblem p) {
                if (problems.size() < MAX_PROBLEMS) problems.add(p);
            }
        });
        return new Result(new Corpus(file.toString(), articles), problems);
    }

    /**
     * Reads a file article by article, in constant memory for canonical JSONL (rows grouped by an id column are
     * grouped while reading, so consecutive rows of one article are expected).
     *
     * @param file    the data file
     * @param options how to read it
     * @param sink    receives every article and problem, in file order
     * @throws IOException when the file is missing or cannot be read (naming it), or the sink fails
     */
    public static void stream(Path file, CorpusOptions options, Sink sink) throws IOException {
        String name = file.toString();
        org.wirecopy.io.SafeFiles.requireReadable(file, "data file");
        try (InputStream in = Files.newInputStream(file)) {
            stream(in, name, options.format().resolve(file), options, sink);
        } catch (CorpusFormatException e) {
            throw e;
        } catch (IOException e) {
            throw org.wirecopy.io.SafeFiles.located(file, "cannot read", e);
        }
    }

    /**
     * Like {@link #stream(Path, CorpusOptions, Sink)} for a stream already open, which is not closed.
     *
     * @param in      the data
     * @param name    names the data in problems
     * @param format  the format (AUTO reads JSONL, as there is no file name to decide by)
     * @param options how to read it
     * @param sink    receives every article and problem, in order
     * @throws IOException when the stream cannot be read or the sink fails
     */
    public static void stream(InputStream in, String name, CorpusFormat format, CorpusOptions options, Sink sink)
            throws IOException {
        stream(in, name, format, options, sink, true);
    }

    /**
     * As {@link #stream(InputStream, String, CorpusFormat, CorpusOptions, Sink)}; with {@code uniqueIds} false,
     * duplicate article ids are not looked for, so that memory stays constant however long the input (for
     * classification, where ids only label the output).
     *
     * @param in        the data; not closed
     * @param name      names the data in problems
     * @param format    the format (AUTO reads JSONL)
     * @param options   how to read it
     * @param sink      receives every article and problem, in order
     * @param uniqueIds whether a repeated article id is a problem
     * @throws IOException when the stream cannot be read or the sink fails
     */
    public static void stream(InputStream in, String name, CorpusFormat format, CorpusOptions options, Sink sink,
                              boolean uniqueIds) throws IOException {
        if (format == CorpusFormat.AUTO) format = CorpusFormat.JSONL;
        Lines lines = new Lines(in, name, options.charset());
        Grouper rows = new Grouper(name, options, sink, uniqueIds);
        Set<String> ids = uniqueIds ? new HashSet<>() : null;
        if (format == CorpusFormat.JSONL) {
            readJsonl(lines, name, options, sink, rows, ids);
        } else if (format == CorpusFormat.LINES) {
            readLines(lines, options, rows);
        } else {
            readDelimited(lines, name, format, options, sink, rows);
        }
        rows.finish();
    }

    // ---------------------------------------------------------------- JSONL

    private static void readJsonl(Lines lines, String name, CorpusOptions o, Sink sink, Grouper rows, Set<String> ids)
            throws IOException {
        String line;
        while ((line = lines.next()) != null) {
            long ln = lines.number();
            if (line.isBlank()) continue;
            // the usual article line without a JSON tree; anything else takes the general path below
            LabelledArticle canonical = CanonicalJsonl.article(line, name, ln, o);
            if (canonical != null) {
                accept(canonical, name, ln, ids, sink);
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                String where = e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
                String what = e.getOriginalMessage().startsWith("Trailing token")
                        ? "a second JSON value after the object" : e.getOriginalMessage();
                sink.problem(new DataProblem(name, ln, "", "not valid JSON" + where + ": " + what,
                        "each line must hold exactly one complete JSON object, with each key once"));
                continue;
            }
            if (!(node instanceof ObjectNode obj)) {
                sink.problem(new DataProblem(name, ln, "", "line is JSON but not an object",
                        "write one object per line: {\"id\": ..., \"paragraphs\": [...]}"));
                continue;
            }
            if (obj.has("paragraphs")) {
                LabelledArticle a = article(obj, name, ln, o, sink);
                if (a != null) accept(a, name, ln, ids, sink);
            } else if (obj.has(o.textColumn())) {
                Map<String, String> row = new LinkedHashMap<>();
                Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    JsonNode v = e.getValue();
                    if (v.isValueNode() && !v.isNull()) row.put(e.getKey(), v.asText());
                }
                rows.row(row, ln);
            } else {
                sink.problem(new DataProblem(name, ln, "paragraphs", "missing field 'paragraphs'",
                        "an article line needs \"paragraphs\": [{\"text\": ..., \"label\": ...}], or a row needs a \""
                                + o.textColumn() + "\" field"));
            }
        }
    }

    /** Passes an article on, or a problem when its id was seen before ({@code ids} null: ids may repeat). */
    private static void accept(LabelledArticle a, String name, long ln, Set<String> ids, Sink sink) throws IOException {
        if (ids != null && !ids.add(a.id())) {
            sink.problem(new DataProblem(name, ln, "id", "duplicate article id '" + a.id() + "'",
                    "give every article its own id"));
            return;
        }
        sink.article(a);
    }

    private static LabelledArticle article(ObjectNode obj, String name, long ln, CorpusOptions o, Sink sink)
            throws IOException {
        List<DataProblem> problems = new ArrayList<>();
        String id = name + ":" + ln;
        JsonNode idNode = obj.get("id");
        if (idNode != null) {
            if (idNode.isTextual() || idNode.isNumber()) {
                id = idNode.asText();
                if (id.isBlank()) problems.add(new DataProblem(name, ln, "id", "empty id", "give the article an id"));
            } else {
                problems.add(new DataProblem(name, ln, "id", "id must be a string", "write \"id\": \"...\""));
            }
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = e.getKey();
            if (k.equals("id") || k.equals("paragraphs")) continue;
            JsonNode v = e.getValue();
            if (v.isTextual() || v.isNumber() || v.isBoolean()) {
                fields.put(k, v.asText());
            } else if (!v.isNull()) {
                problems.add(new DataProblem(name, ln, k, "field '" + k + "' must be a string",
                        "optional article fields hold strings, e.g. \"style\": \"tech-blog\""));
            }
        }
        JsonNode ps = obj.get("paragraphs");
        List<LabelledParagraph> paragraphs = new ArrayList<>();
        if (!ps.isArray()) {
            problems.add(new DataProblem(name, ln, "paragraphs", "'paragraphs' must be an array",
                    "write \"paragraphs\": [{\"text\": ..., \"label\": ...}, ...]"));
        } else if (ps.isEmpty()) {
            problems.add(new DataProblem(name, ln, "paragraphs", "article has no paragraphs",
                    "remove the line or add paragraphs"));
        } else {
            for (int i = 0; i < ps.size(); i++) {
                LabelledParagraph lp = paragraph(ps.get(i), i, name, ln, o, problems);
                if (lp != null) paragraphs.add(lp);
            }
        }
        if (!problems.isEmpty()) {
            for (DataProblem p : problems) sink.problem(p);
            return null;
        }
        return new LabelledArticle(id, paragraphs, fields, name + ":" + ln);
    }

    /**
     * Paragraph {@code i} of an article line, or null when it has a problem (added to {@code problems}) or no text.
     * The problems' field names are built only when there is one.
     */
    private static LabelledParagraph paragraph(JsonNode p, int i, String name, long ln, CorpusOptions o,
                                               List<DataProblem> problems) {
        if (!p.isObject()) {
            problems.add(new DataProblem(name, ln, where(i, ""), "paragraph must be an object",
                    "write {\"text\": \"...\", \"label\": \"...\"}"));
            return null;
        }
        JsonNode t = p.get("text");
        String text = null;
        if (t == null || t.isNull()) {
            problems.add(new DataProblem(name, ln, where(i, ".text"), "missing field 'text'",
                    "give every paragraph a \"text\""));
        } else if (!t.isTextual()) {
            problems.add(new DataProblem(name, ln, where(i, ".text"), "'text' must be a string",
                    "write \"text\": \"...\""));
        } else if (t.asText().isBlank()) {
            problems.add(new DataProblem(name, ln, where(i, ".text"), "empty text",
                    "remove the paragraph or give it text"));
        } else {
            text = t.asText();
        }
        JsonNode l = p.get("label");
        String rawLabel = null;
        if (l != null && !l.isNull()) {
            if (l.isTextual()) rawLabel = l.asText();
            else problems.add(new DataProblem(name, ln, where(i, ".label"), "'label' must be a string",
                    "write \"label\": \"COMMENTARY\""));
        }
        String label = label(rawLabel, name, ln, i, o, problems);
        Map<String, String> pf = Map.of();
        if (p.size() > (t == null ? 0 : 1) + (l == null ? 0 : 1)) {
            pf = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> pit = p.fields();
            while (pit.hasNext()) {
                Map.Entry<String, JsonNode> e = pit.next();
                if (e.getKey().equals("text") || e.getKey().equals("label")) continue;
                if (e.getValue().isValueNode() && !e.getValue().isNull()) pf.put(e.getKey(), e.getValue().asText());
            }
        }
        return text == null ? null : new LabelledParagraph(text, label, pf);
    }

    /** The field name of paragraph {@code i} in problems: {@code paragraphs[i]} and {@code suffix}. */
    private static String where(int i, String suffix) {
        return "paragraphs[" + i + "]" + suffix;
    }

    /** {@link #label(String, String, long, String, CorpusOptions, List)} for paragraph {@code i} of a JSONL line. */
    private static String label(String raw, String name, long ln, int i, CorpusOptions o,
                                List<DataProblem> problems) {
        boolean blank = raw == null || raw.isBlank();
        if (blank && o.defaultLabel() == null && !o.requireLabels()) return null;
        return label(raw, name, ln, where(i, ".label"), o, problems);
    }

    /** Maps and checks a raw label; adds a problem and returns null when it is missing or unknown. */
    private static String label(String raw, String name, long ln, String field, CorpusOptions o,
                                List<DataProblem> problems) {
        if ((raw == null || raw.isBlank()) && o.defaultLabel() != null) raw = o.defaultLabel();
        if (raw == null || raw.isBlank()) {
            if (o.requireLabels()) {
                problems.add(new DataProblem(name, ln, field, "missing label",
                        "give every paragraph a label" + allowedHint(o)));
            }
            return null;
        }
        String label = raw.strip();
        if (!o.labelMap().isEmpty()) {
            String mapped = o.labelMap().get(label);
            if (mapped == null) {
                problems.add(new DataProblem(name, ln, field, "label '" + label + "' is not in the label mapping "
                        + o.labelMap(), "add " + label + "=... to the mapping or fix the label"));
                return null;
            }
            label = mapped;
        }
        if (o.labels() != null && !o.labels().contains(label)) {
            problems.add(new DataProblem(name, ln, field, "unknown label '" + label + "'",
                    "use one of " + String.join(", ", o.labels())
                            + ", or pass --labels to train with other labels"));
            return null;
        }
        return label;
    }

    private static String allowedHint(CorpusOptions o) {
        return o.labels() == null ? "" : " (one of " + String.join(", ", o.labels()) + ")";
    }

    // ---------------------------------------------------------------- one example per line

    private static void readLines(Lines lines, CorpusOptions o, Grouper rows) throws IOException {
        String line;
        while ((line = lines.next()) != null) {
            if (line.isBlank()) continue;
            Map<String, String> row = new LinkedHashMap<>();
            row.put(o.textColumn(), line);
            rows.row(row, lines.number());
        }
    }

    // ---------------------------------------------------------------- TSV and CSV

    private static void readDelimited(Lines lines, String name, CorpusFormat format, CorpusOptions o, Sink sink,
                                      Grouper rows) throws IOException {
        char sep = format == CorpusFormat.TSV ? '\t' : ',';
        boolean quoting = format == CorpusFormat.CSV;
        String headerLine = lines.next();
        while (headerLine != null && headerLine.isBlank()) headerLine = lines.next();
        if (headerLine == null) {
            sink.problem(new DataProblem(name, 0, "", "the file is empty",
                    "add a header row naming the columns, e.g. text" + sep + "label"));
            return;
        }
        long headerNo = lines.number();
        List<String> header = split(headerLine, sep, quoting, lines, name, sink);
        if (header == null) return;
        Map<String, Integer> col = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) col.put(header.get(i).strip(), i);
        List<String> missing = new ArrayList<>();
        for (String c : new String[]{o.textColumn(), o.requireLabels() ? o.labelColumn() : null, o.idColumn(),
                o.indexColumn()}) {
            if (c != null && !col.containsKey(c)) missing.add(c);
        }
        int needed = -1;
        for (String c : new String[]{o.textColumn(), o.requireLabels() ? o.labelColumn() : null, o.idColumn(),
                o.indexColumn()}) {
            if (c != null && col.containsKey(c)) needed = Math.max(needed, col.get(c));
        }
        if (!missing.isEmpty()) {
            sink.problem(new DataProblem(name, headerNo, "header", "no column named " + missing
                    + "; the header has " + col.keySet(),
                    "name the columns with --text-column, --label-column, --id-column, --index-column"));
            return;
        }
        String line;
        while ((line = lines.next()) != null) {
            long ln = lines.number();
            if (line.isBlank()) continue;
            List<String> cells = split(line, sep, quoting, lines, name, sink);
            if (cells == null) continue;
            if (cells.size() > header.size() || cells.size() <= needed) {
                sink.problem(new DataProblem(name, ln, "", "row has " + cells.size() + " fields, the header has "
                        + header.size(), format == CorpusFormat.TSV
                        ? "a TSV field cannot contain a tab; remove stray tabs" : "quote fields that contain commas"));
                continue;
            }
            // rows may leave out trailing columns that are not read (as spreadsheets export them)
            Map<String, String> row = new LinkedHashMap<>();
            for (Map.Entry<String, Integer> e : col.entrySet()) {
                row.put(e.getKey(), e.getValue() < cells.size() ? cells.get(e.getValue()) : "");
            }
            rows.row(row, ln);
        }
    }

    /** Splits a record; CSV quoted fields may span lines. Returns null (after reporting) on an unclosed quote. */
    private static List<String> split(String line, char sep, boolean quoting, Lines lines, String name, Sink sink)
            throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        long start = lines.number();
        String cur = line;
        int i = 0;
        boolean inQuotes = false;
        while (true) {
            if (i >= cur.length()) {
                if (inQuotes) {
                    String next = lines.next();
                    if (next == null) {
                        sink.problem(new DataProblem(name, start, "", "unclosed quote in CSV record",
                                "close the quote, or double quotes inside a quoted field (\"\")"));
                        return null;
                    }
                    cell.append('\n');
                    cur = next;
                    i = 0;
                    continue;
                }
                out.add(cell.toString());
                return out;
            }
            char c = cur.charAt(i);
            if (quoting && inQuotes) {
                if (c == '"') {
                    if (i + 1 < cur.length() && cur.charAt(i + 1) == '"') {
                        cell.append('"');
                        i += 2;
                        continue;
                    }
                    inQuotes = false;
                } else {
                    cell.append(c);
                }
            } else if (quoting && c == '"' && cell.length() == 0) {
                inQuotes = true;
            } else if (c == sep) {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
            i++;
        }
    }

    /** Turns rows into articles: one per row without an id column, else consecutive rows sharing an id. */
    private static final class Grouper {
        private final String name;
        private final CorpusOptions o;
        private final Sink sink;
        private final Set<String> done = new HashSet<>();
        private String currentId;
        private long currentLine;
        private final List<LabelledParagraph> paragraphs = new ArrayList<>();
        private final List<Long> indices = new ArrayList<>();
        private boolean broken;

        private final boolean uniqueIds;

        Grouper(String name, CorpusOptions o, Sink sink, boolean uniqueIds) {
            this.name = name;
            this.o = o;
            this.sink = sink;
            this.uniqueIds = uniqueIds;
        }

        void row(Map<String, String> row, long ln) throws IOException {
            List<DataProblem> problems = new ArrayList<>();
            String text = row.get(o.textColumn());
            if (text == null) {
                problems.add(new DataProblem(name, ln, o.textColumn(), "missing field '" + o.textColumn() + "'",
                        "give every row a text"));
            } else if (text.isBlank()) {
                problems.add(new DataProblem(name, ln, o.textColumn(), "empty text", "remove the row or give it text"));
            }
            String label = label(row.get(o.labelColumn()), name, ln, o.labelColumn(), o, problems);
            String id = o.idColumn() == null ? name + ":" + ln : row.getOrDefault(o.idColumn(), "");
            if (o.idColumn() != null && id.isBlank()) {
                problems.add(new DataProblem(name, ln, o.idColumn(), "empty article id", "fill the id column"));
            }
            long index = -1;
            if (o.indexColumn() != null) {
                String s = row.getOrDefault(o.indexColumn(), "").strip();
                try {
                    index = Long.parseLong(s);
                } catch (NumberFormatException e) {
                    problems.add(new DataProblem(name, ln, o.indexColumn(), "paragraph index '" + s
                            + "' is not a whole number", "write 0, 1, 2, ... in the index column"));
                }
            }
            if (o.idColumn() == null || !id.equals(currentId)) {
                flush();
                if (o.idColumn() != null && uniqueIds && !done.add(id)) {
                    problems.add(new DataProblem(name, ln, o.idColumn(), "rows of article '" + id
                            + "' are not consecutive", "sort the file by article id"));
                }
                currentId = id;
                currentLine = ln;
            }
            if (!problems.isEmpty()) {
                broken = true;
                for (DataProblem p : problems) sink.problem(p);
                return;
            }
            Map<String, String> extra = new LinkedHashMap<>(row);
            extra.remove(o.textColumn());
            extra.remove(o.labelColumn());
            paragraphs.add(new LabelledParagraph(text, label, extra));
            indices.add(index);
        }

        void flush() throws IOException {
            if (currentId == null) return;
            if (!broken && !paragraphs.isEmpty()) {
                List<LabelledParagraph> ordered = new ArrayList<>(paragraphs);
                if (o.indexColumn() != null) {
                    Integer[] order = new Integer[ordered.size()];
                    for (int i = 0; i < order.length; i++) order[i] = i;
                    java.util.Arrays.sort(order, (a, b) -> Long.compare(indices.get(a), indices.get(b)));
                    List<LabelledParagraph> sorted = new ArrayList<>();
                    for (Integer k : order) sorted.add(ordered.get(k));
                    ordered = sorted;
                }
                sink.article(new LabelledArticle(currentId, ordered, Map.of(), name + ":" + currentLine));
            }
            paragraphs.clear();
            indices.clear();
            broken = false;
            currentId = null;
        }

        void finish() throws IOException {
            flush();
        }
    }

    /**
     * Strict UTF-8 lines with numbers: bytes are split at LF first and each line is decoded on its own, so an encoding
     * error names its line. Drops a leading BOM and a CR before the LF.
     */
    private static final class Lines {
        private final InputStream in;
        private final String name;
        private final byte[] buf = new byte[1 << 16];
        private int pos;
        private int len;
        private boolean eof;
        private long number;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream(256);

        private final java.nio.charset.Charset charset;

        /** Whether the charset decodes bytes 1-127 as the chars 1-127 (UTF-8 and ASCII), as ISO-8859-1 does. */
        private final boolean asciiCompatible;

        Lines(InputStream in, String name, java.nio.charset.Charset charset) {
            this.in = in;
            this.name = name;
            this.charset = charset;
            this.asciiCompatible = charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.US_ASCII);
        }

        String next() throws IOException {
            line.reset();
            boolean any = false;
            while (true) {
                if (pos == len) {
                    if (eof) break;
                    len = in.read(buf, 0, buf.length);
                    pos = 0;
                    if (len <= 0) {
                        len = 0;
                        eof = true;
                        break;
                    }
                }
                int start = pos;
                while (pos < len && buf[pos] != '\n') pos++;
                if ((long) line.size() + (pos - start) > MAX_LINE_BYTES) {
                    throw new CorpusFormatException(List.of(new DataProblem(name, number + 1, "",
                            "line is longer than " + MAX_LINE_BYTES + " bytes",
                            "one article per line must be smaller; split the article or the file")));
                }
                if (pos < len && line.size() == 0) {
                    // the whole line is in the buffer: decoded from there, without a copy
                    pos++;
                    number++;
                    return decode(buf, start, pos - 1 - start);
                }
                line.write(buf, start, pos - start);
                any = true;
                if (pos < len) {
                    pos++;
                    break;
                }
            }
            if (!any && line.size() == 0) return null;
            number++;
            byte[] bytes = line.toByteArray();
            return decode(bytes, 0, bytes.length);
        }

        /** Line {@link #number} from its bytes, without the line feed (a CR before it is dropped here). */
        private String decode(byte[] bytes, int from, int n) {
            if (n > 0 && bytes[from + n - 1] == '\r') n--;
            int high = 0;
            for (int i = from; i < from + n; i++) {
                if (bytes[i] == 0) {
                    throw new CorpusFormatException(List.of(new DataProblem(name, number, "",
                            "NUL byte: this looks like a binary file", "give a UTF-8 JSONL, TSV or CSV file")));
                }
                high |= bytes[i];
            }
            // ASCII decodes to the same chars in UTF-8, without a decoder (no byte has its high bit set)
            if (high >= 0 && asciiCompatible) return new String(bytes, from, n, StandardCharsets.ISO_8859_1);
            String s;
            try {
                s = charset.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(bytes, from, n)).toString();
            } catch (CharacterCodingException e) {
                throw new CorpusFormatException(List.of(new DataProblem(name, number, "",
                        "invalid " + charset.name() + " in this line",
                        "save the file as UTF-8 (e.g. iconv -f windows-1252 -t utf-8), or give its encoding with "
                                + "--encoding")));
            }
            if (number == 1 && s.startsWith("\uFEFF")) s = s.substring(1);
            return s;
        }

        long number() {
            return number;
        }
    }
}
