package org.wirecopy.text;

import org.apache.commons.text.StringEscapeUtils;

/**
 * Normalises paragraph text for the model: decodes HTML entities, maps odd spaces (U+00A0, U+2000..U+200A, U+202F,
 * U+205F, U+3000) to a plain space, drops zero-width chars and the BOM, maps typographic quotes to straight ones and
 * every dash to {@code -}, the ellipsis char to {@code ...}, and collapses runs of whitespace (CR and LF included).
 *
 * <p>Stateless and thread-safe.
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    private static final int DROP = -1;
    private static final int SPACE = -2;
    private static final int ELLIPSIS = -3;

    /** Returns the normalised form of {@code raw}; never null. */
    public static String normalize(String raw) {
        if (raw.isEmpty()) return raw;
        String s = raw.indexOf('&') >= 0 ? StringEscapeUtils.unescapeHtml4(raw) : raw;
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
}
