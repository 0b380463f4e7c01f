package org.wirecopy.cli;

import org.wirecopy.classify.ClassifiedArticle;
import org.wirecopy.classify.ClassifiedParagraph;

import java.util.Map;

/**
 * Renders a classified article as {@code classify --format jsonl} prints it (one object per paragraph, each line
 * ending with the platform's line separator), character for character what {@link ResultWriter.Jsonl}'s Jackson
 * generator prints, without Jackson: strings escaped as Jackson escapes them by default (the quote, the backslash and
 * the characters below U+0020, as backslash-b, -t, -n, -f, -r or backslash-u00XX with upper-case hex digits; nothing
 * else), integers as {@link Integer#toString}, scores as {@link ResultWriter#roundedText} or {@link Double#toString}
 * (NaN and infinities quoted, as Jackson does). ResultWriterTest checks it against the generator. It exists so that
 * the classifying threads can render their own articles (the writing thread only prints text), and it is a fraction
 * of the generator's code for the JIT to compile.
 *
 * <p>Thread-safe: stateless; each call renders into the builder it is given.
 */
final class JsonlRenderer {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final String NEWLINE = System.lineSeparator();

    private JsonlRenderer() {
    }

    /** Appends the lines of article {@code a} ({@code id} null for a single article, no {@code article} key). */
    static void render(StringBuilder b, String id, Map<String, String> fields, ClassifiedArticle a) {
        for (ClassifiedParagraph p : a.paragraphs()) paragraph(b, id, fields, p);
    }

    /** The lines of article {@code a} as one string. */
    static String render(String id, Map<String, String> fields, ClassifiedArticle a) {
        // room for the texts, the fields and the rest of each line, so that the builder rarely grows
        long fieldChars = 0;
        for (Map.Entry<String, String> e : fields.entrySet()) fieldChars += e.getKey().length() + e.getValue().length();
        long chars = 0;
        for (ClassifiedParagraph p : a.paragraphs()) chars += p.text().length() + fieldChars + 192;
        if (id != null) chars += (long) a.size() * (id.length() + 16);
        StringBuilder b = new StringBuilder((int) Math.min(chars, 1 << 24));
        render(b, id, fields, a);
        return b.toString();
    }

    private static void paragraph(StringBuilder b, String id, Map<String, String> fields, ClassifiedParagraph p) {
        b.append('{');
        if (id != null) {
            b.append("\"article\":");
            string(b, id);
            b.append(',');
        }
        b.append("\"index\":").append(p.index());
        b.append(",\"label\":");
        string(b, p.label());
        b.append(",\"scores\":{");
        boolean first = true;
        for (Map.Entry<String, Double> e : p.scores().entrySet()) {
            if (!first) b.append(',');
            first = false;
            string(b, e.getKey());
            b.append(':');
            number(b, ResultWriter.round(e.getValue()));
        }
        b.append("},\"start\":").append(p.start());
        b.append(",\"end\":").append(p.end());
        b.append(",\"text\":");
        string(b, p.text());
        if (p.uncertain()) b.append(",\"uncertain\":true");
        for (Map.Entry<String, String> e : fields.entrySet()) {
            b.append(',');
            string(b, ResultWriter.fieldKey(e.getKey()));
            b.append(':');
            string(b, e.getValue());
        }
        b.append('}').append(NEWLINE);
    }

    /** A double as Jackson's {@code writeNumber(double)} prints it (NaN and infinities quoted, its default). */
    static void number(StringBuilder b, double r) {
        String text = ResultWriter.roundedText(r);
        if (text != null) {
            b.append(text);
        } else if (Double.isNaN(r) || Double.isInfinite(r)) {
            b.append('"').append(r).append('"');
        } else {
            b.append(r);
        }
    }

    /** A JSON string with Jackson's default escaping. */
    static void string(StringBuilder b, String s) {
        b.append('"');
        int n = s.length();
        int from = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') continue;
            if (i > from) b.append(s, from, i);
            from = i + 1;
            b.append('\\');
            switch (c) {
                case '"', '\\' -> b.append(c);
                case '\b' -> b.append('b');
                case '\t' -> b.append('t');
                case '\n' -> b.append('n');
                case '\f' -> b.append('f');
                case '\r' -> b.append('r');
                default -> b.append("u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        if (n > from) b.append(s, from, n);
        b.append('"');
    }
}
