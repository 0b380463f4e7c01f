package org.wirecopy.text;

import org.apache.commons.text.translate.AggregateTranslator;
import org.apache.commons.text.translate.CharSequenceTranslator;
import org.apache.commons.text.translate.EntityArrays;
import org.apache.commons.text.translate.LookupTranslator;
import org.apache.commons.text.translate.NumericEntityUnescaper;

import java.io.IOException;
import java.io.Writer;
import java.text.Normalizer;

/**
 * Normalises paragraph text for the model: decodes HTML entities, maps odd spaces (U+00A0, U+2000..U+200A, U+202F,
 * U+205F, U+3000) to a plain space, drops zero-width chars and the BOM, maps typographic quotes to straight ones and
 * every dash to {@code -}, the ellipsis char to {@code ...}, and collapses runs of whitespace (CR and LF included).
 *
 * <p>Entities are decoded in one pass, as {@code StringEscapeUtils.unescapeHtml4} does, except that a numeric
 * reference to no Unicode code point ({@code &#x110000;}, {@code &#1114112;}) becomes U+FFFD as in a browser instead of
 * an exception. Text that an HTML parser has already decoded goes through {@code normalizeDecoded}, so that
 * {@code &amp;lt;b&amp;gt;} in a page stays the text {@code &lt;b&gt;} and is not decoded a second time.
 *
 * <p>Stateless and thread-safe.
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    private static final int DROP = -1;
    private static final int SPACE = -2;
    private static final int ELLIPSIS = -3;

    /** The HTML 4 entities, then numeric references that never throw. */
    private static final CharSequenceTranslator UNESCAPE = new AggregateTranslator(
            new LookupTranslator(EntityArrays.BASIC_UNESCAPE),
            new LookupTranslator(EntityArrays.ISO8859_1_UNESCAPE),
            new LookupTranslator(EntityArrays.HTML40_EXTENDED_UNESCAPE),
            new SafeNumericEntityUnescaper());

    /**
     * Returns the normalised form of {@code raw} (plain text, whose HTML entities are decoded once); never null.
     *
     * @param raw the text; not null
     * @return the normalised text (empty for blank text)
     */
    public static String normalize(String raw) {
        if (raw.isEmpty()) return raw;
        return normalizeDecoded(decodeEntities(raw));
    }

    /**
     * Decodes the HTML entities of {@code raw} in one pass; out-of-range numeric references become U+FFFD.
     *
     * @param raw the text; not null
     * @return the decoded text ({@code raw} itself when it has no {@code &})
     */
    static String decodeEntities(String raw) {
        return raw.indexOf('&') >= 0 ? UNESCAPE.translate(raw) : raw;
    }

    /**
     * Normalises text whose entities were already decoded (e.g. the text of an HTML element from jsoup): spaces,
     * quotes, dashes and whitespace as in {@link #normalize(String)}, and no entity decoding; never null.
     *
     * @param s the decoded text; not null
     * @return the normalised text
     */
    static String normalizeDecoded(String s) {
        if (s.isEmpty() || isNormal(s)) return s;
        return normalizeCopy(s);
    }

    /**
     * The key texts are matched on when a page's paragraphs are aligned with other texts (main-content detection, page
     * evaluation): letters and digits only, lower-cased after NFKC normalisation, so that markup, spacing, punctuation
     * and quote styles do not matter.
     *
     * @param s a text; not null
     * @return its letters and digits, lower case
     */
    public static String matchKey(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
        StringBuilder b = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); ) {
            int cp = n.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) b.appendCodePoint(Character.toLowerCase(cp));
            i += Character.charCount(cp);
        }
        return b.toString();
    }

    /** {@link #normalizeDecoded} without the shortcut for text that is already normal (package-private for tests). */
    static String normalizeCopy(String s) {
        if (s.isEmpty()) return s;
        StringBuilder out = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); i++) {
            int m = map(s.charAt(i));
            if (m == DROP) continue;
            if (m == SPACE) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            if (m == ELLIPSIS) out.append("...");
            else out.append((char) m);
        }
        return out.toString();
    }

    /**
     * Whether {@link #normalizeDecoded} would return {@code s} unchanged because it is printable ASCII that maps to
     * itself (all but the backquote) with single spaces between words and none at either end: most paragraphs are, and
     * then no copy is made.
     */
    private static boolean isNormal(String s) {
        int n = s.length();
        if (s.charAt(0) == ' ' || s.charAt(n - 1) == ' ') return false;
        char previous = 'x';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == ' ') {
                if (previous == ' ') return false;
            } else if (c < '!' || c > '~' || c == '`') {
                return false;
            }
            previous = c;
        }
        return true;
    }

    /** The replacement of one char: a char, {@link #SPACE}, {@link #DROP} or {@link #ELLIPSIS}. */
    private static int map(char c) {
        switch (c) {
            case ' ': case '\t': case '\n': case '\r': case '\u000B': case '\u000C':
            case '\u00A0': case '\u1680': case '\u202F': case '\u205F': case '\u3000':
            case '\u2028': case '\u2029': case '\u0085':
                return SPACE;
            case '\u200B': case '\u200C': case '\u200D': case '\u2060': case '\uFEFF': case '\u00AD':
                return DROP;
            case '\u2018': case '\u2019': case '\u201A': case '\u201B': case '\u2032': case '\u0060': case '\u00B4':
                return '\'';
            case '\u201C': case '\u201D': case '\u201E': case '\u201F': case '\u2033': case '\u00AB': case '\u00BB':
                return '"';
            case '\u2010': case '\u2011': case '\u2012': case '\u2013': case '\u2014': case '\u2015': case '\u2212':
                return '-';
            case '\u2026':
                return ELLIPSIS;
            default:
                if (c >= '\u2000' && c <= '\u200A') return SPACE;
                if (Character.isISOControl(c)) return SPACE;
                return c;
        }
    }

    /** {@link NumericEntityUnescaper} (semicolon required) that writes U+FFFD for a code point above U+10FFFF. */
    private static final class SafeNumericEntityUnescaper extends CharSequenceTranslator {
        private final NumericEntityUnescaper delegate = new NumericEntityUnescaper();

        @Override
        public int translate(CharSequence input, int index, Writer writer) throws IOException {
            try {
                return delegate.translate(input, index, writer);
            } catch (IllegalArgumentException outOfRange) {
                // only Character.toChars throws, before anything is written: the reference is &#[xX]?[0-9a-fA-F]+;
                int end = index + 2;
                if (input.charAt(end) == 'x' || input.charAt(end) == 'X') end++;
                while (end < input.length() && isHexDigit(input.charAt(end))) end++;
                writer.write('\uFFFD');
                return end + 1 - index;
            }
        }

        private static boolean isHexDigit(char c) {
            return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
        }
    }
}
