package org.wirecopy.features;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits normalised text into tokens: words (letters and digits, with inner apostrophes and hyphens) and single
 * punctuation marks; {@code ...} is one token. Words are lower-cased unless {@code keepCase}; every digit becomes
 * {@code 0} so that numbers of one shape share a token.
 *
 * <p>Stateless and thread-safe.
 */
public final class Tokenizer {

    /** One-char tokens below U+0100, shared instead of allocated per occurrence. */
    private static final String[] SINGLE = new String[256];

    static {
        for (char c = 0; c < SINGLE.length; c++) SINGLE[c] = String.valueOf(c);
    }

    private Tokenizer() {
    }

    /** Tokens of {@code text}, read up to {@code maxChars}. */
    public static List<String> tokens(String text, int maxChars, boolean keepCase) {
        int n = Math.min(text.length(), maxChars);
        List<String> out = new ArrayList<>(n / 5 + 4);
        StringBuilder w = new StringBuilder(24);
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                w.setLength(0);
                while (i < n) {
                    char d = text.charAt(i);
                    if (Character.isLetterOrDigit(d)) {
                        w.append(Character.isDigit(d) ? '0' : keepCase ? d : Character.toLowerCase(d));
                        i++;
                    } else if ((d == '\'' || d == '-') && i + 1 < n && Character.isLetterOrDigit(text.charAt(i + 1))
                            && w.length() > 0) {
                        w.append(d);
                        i++;
                    } else {
                        break;
                    }
                }
                out.add(w.toString());
            } else if (c == '.' && i + 2 < n && text.charAt(i + 1) == '.' && text.charAt(i + 2) == '.') {
                out.add("...");
                i += 3;
                while (i < n && text.charAt(i) == '.') i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else {
                out.add(c < SINGLE.length ? SINGLE[c] : String.valueOf(c));
                i++;
            }
        }
        return out;
    }
}
