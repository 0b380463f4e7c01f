package org.wirecopy.corpus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The common case of a JSONL article line read without building a JSON tree: an object whose values are strings
 * (its {@code id} and fields) and whose {@code paragraphs} is a non-empty array of objects holding only a non-blank
 * {@code "text"} string. For such a line it returns exactly the article the general reader
 * ({@link CorpusReader}, Jackson's strict tree) makes; for anything else (numbers, nulls, labels, paragraph fields,
 * a duplicate key, an escape it does not know, a blank id or text, invalid JSON, text after the object) it returns
 * null and the general reader takes the line, with its checks and messages. CanonicalJsonlTest compares both on
 * every line shape. It is what {@code classify} reads most, and a fraction of Jackson's code for the JIT to compile.
 *
 * <p>Thread-safe: stateless.
 */
final class CanonicalJsonl {

    /** Longer strings are left to the general reader (Jackson's own limits are far above, see below). */
    static final int MAX_STRING = 1 << 20;

    private CanonicalJsonl() {
    }

    /** Why a line is left to the general reader. */
    private static final class NotCanonical extends Exception {
        private static final long serialVersionUID = 1L;
        static final NotCanonical INSTANCE = new NotCanonical();

        private NotCanonical() {
            super(null, null, false, false);
        }
    }

    /**
     * The article of line {@code ln} of {@code name}, or null when the general reader must read it.
     *
     * @param line    the line, without its line break
     * @param name    the file's name, for the default id and the origin
     * @param ln      the line's number, from 1
     * @param options the reading options (only unlabelled reading without a default label takes this path)
     */
    static LabelledArticle article(String line, String name, long ln, CorpusOptions options) {
        if (options.defaultLabel() != null || options.requireLabels()) return null;
        try {
            return new CanonicalJsonl.Parser(line).article(name, ln);
        } catch (NotCanonical e) {
            return null;
        }
    }

    private static final class Parser {
        private final String s;
        private final int n;
        private int i;
        private final StringBuilder scratch = new StringBuilder();

        Parser(String s) {
            this.s = s;
            this.n = s.length();
        }

        LabelledArticle article(String name, long ln) throws NotCanonical {
            space();
            expect('{');
            String id = null;
            List<LabelledParagraph> paragraphs = null;
            Map<String, String> fields = new LinkedHashMap<>();
            space();
            if (peek() != '}') {
                while (true) {
                    space();
                    String key = string();
                    space();
                    expect(':');
                    space();
                    if (key.equals("paragraphs")) {
                        if (paragraphs != null) throw NotCanonical.INSTANCE;
                        paragraphs = paragraphs();
                    } else {
                        String value = string();
                        if (key.equals("id")) {
                            if (id != null || value.isBlank()) throw NotCanonical.INSTANCE;
                            id = value;
                        } else if (fields.put(key, value) != null) {
                            throw NotCanonical.INSTANCE;
                        }
                    }
                    space();
                    char c = next();
                    if (c == '}') break;
                    if (c != ',') throw NotCanonical.INSTANCE;
                }
            } else {
                i++;
            }
            space();
            if (i != n || paragraphs == null) throw NotCanonical.INSTANCE;
            return new LabelledArticle(id == null ? name + ":" + ln : id, paragraphs, fields, name + ":" + ln);
        }

        /** A non-empty array of {@code {"text": "..."}} objects. */
        private List<LabelledParagraph> paragraphs() throws NotCanonical {
            expect('[');
            List<LabelledParagraph> ps = new ArrayList<>();
            while (true) {
                space();
                expect('{');
                space();
                String key = string();
                if (!key.equals("text")) throw NotCanonical.INSTANCE;
                space();
                expect(':');
                space();
                String text = string();
                if (text.isBlank()) throw NotCanonical.INSTANCE;
                space();
                expect('}');
                ps.add(new LabelledParagraph(text, null, Map.of()));
                space();
                char c = next();
                if (c == ']') return ps;
                if (c != ',') throw NotCanonical.INSTANCE;
            }
        }

        /** A JSON string with the escapes of RFC 8259; a raw control character is left to Jackson to refuse. */
        private String string() throws NotCanonical {
            expect('"');
            int start = i;
            // Jackson refuses names over 50,000 chars and strings over 20 million (StreamReadConstraints): long
            // strings are left to it, with room to spare
            int end = Math.min(n, start + MAX_STRING);
            while (i < end) {
                char c = s.charAt(i);
                if (c == '"') return s.substring(start, i++);
                if (c == '\\') break;
                if (c < 0x20) throw NotCanonical.INSTANCE;
                i++;
            }
            StringBuilder b = scratch;
            b.setLength(0);
            b.append(s, start, i);
            while (i < end) {
                char c = s.charAt(i++);
                if (c == '"') return b.toString();
                if (c < 0x20) throw NotCanonical.INSTANCE;
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                if (i >= n) throw NotCanonical.INSTANCE;
                char e = s.charAt(i++);
                switch (e) {
                    case '"', '\\', '/' -> b.append(e);
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'u' -> b.append(hex4());
                    default -> throw NotCanonical.INSTANCE;
                }
            }
            throw NotCanonical.INSTANCE;
        }

        private char hex4() throws NotCanonical {
            if (i + 4 > n) throw NotCanonical.INSTANCE;
            int v = 0;
            for (int k = 0; k < 4; k++) {
                int d = Character.digit(s.charAt(i++), 16);
                // Character.digit also takes non-ASCII digits, which JSON does not
                if (d < 0 || s.charAt(i - 1) > 'f') throw NotCanonical.INSTANCE;
                v = v << 4 | d;
            }
            return (char) v;
        }

        /** JSON's white space: space, tab, line feed, carriage return. */
        private void space() {
            while (i < n) {
                char c = s.charAt(i);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
                i++;
            }
        }

        private char peek() throws NotCanonical {
            if (i >= n) throw NotCanonical.INSTANCE;
            return s.charAt(i);
        }

        private char next() throws NotCanonical {
            if (i >= n) throw NotCanonical.INSTANCE;
            return s.charAt(i++);
        }

        private void expect(char c) throws NotCanonical {
            if (i >= n || s.charAt(i) != c) throw NotCanonical.INSTANCE;
            i++;
        }
    }
}
