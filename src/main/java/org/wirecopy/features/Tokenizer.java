package org.wirecopy.features;

import java.util.ArrayList;
import java.util.Arrays;
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

    // Character classes of the chars below TABLE (ASCII, Latin-1, up to the general punctuation of U+2000..U+206F:
    // curly quotes, dashes, ellipses), taken from java.lang.Character itself; other chars ask Character.
    private static final int TABLE = 0x2100;
    private static final int LETTER = 1;
    private static final int DIGIT = 1 << 1;
    private static final int LETTER_OR_DIGIT = 1 << 2;
    private static final int LOWER = 1 << 3;
    private static final int UPPER = 1 << 4;
    private static final int WHITESPACE = 1 << 5;
    private static final byte[] CLASS = new byte[TABLE];
    private static final char[] LOWER_OF = new char[TABLE];

    static {
        for (char c = 0; c < SINGLE.length; c++) SINGLE[c] = String.valueOf(c);
        for (char c = 0; c < TABLE; c++) {
            CLASS[c] = (byte) ((Character.isLetter(c) ? LETTER : 0) | (Character.isDigit(c) ? DIGIT : 0)
                    | (Character.isLetterOrDigit(c) ? LETTER_OR_DIGIT : 0) | (Character.isLowerCase(c) ? LOWER : 0)
                    | (Character.isUpperCase(c) ? UPPER : 0) | (Character.isWhitespace(c) ? WHITESPACE : 0));
            LOWER_OF[c] = Character.toLowerCase(c);
        }
    }

    private Tokenizer() {
    }

    /**
     * Tokens of {@code text}, read up to {@code maxChars}.
     *
     * @param text     normalised text
     * @param maxChars how many leading chars to read
     * @param keepCase whether words keep their case (else they are lower-cased)
     * @return the tokens in order
     */
    public static List<String> tokens(String text, int maxChars, boolean keepCase) {
        int n = Math.min(text.length(), maxChars);
        char[] chars = new char[n];
        text.getChars(0, n, chars, 0);
        return tokens(chars, n, keepCase);
    }

    /** Tokens of the first {@code n} chars of {@code text}: {@link #tokens(String, int, boolean)} on a char array. */
    static List<String> tokens(char[] text, int n, boolean keepCase) {
        List<String> out = new ArrayList<>(n / 5 + 4);
        char[] w = new char[32];
        int i = 0;
        while (i < n) {
            char c = text[i];
            if (isLetterOrDigit(c)) {
                int len = 0;
                while (i < n) {
                    char d = text[i];
                    if (isLetterOrDigit(d)) {
                        if (len == w.length) w = Arrays.copyOf(w, 2 * len);
                        w[len++] = isDigit(d) ? '0' : keepCase ? d : toLowerCase(d);
                        i++;
                    } else if ((d == '\'' || d == '-') && i + 1 < n && isLetterOrDigit(text[i + 1]) && len > 0) {
                        if (len == w.length) w = Arrays.copyOf(w, 2 * len);
                        w[len++] = d;
                        i++;
                    } else {
                        break;
                    }
                }
                out.add(new String(w, 0, len));
            } else if (c == '.' && i + 2 < n && text[i + 1] == '.' && text[i + 2] == '.') {
                out.add("...");
                i += 3;
                while (i < n && text[i] == '.') i++;
            } else if (isWhitespace(c)) {
                i++;
            } else {
                out.add(c < SINGLE.length ? SINGLE[c] : String.valueOf(c));
                i++;
            }
        }
        return out;
    }

    /**
     * The lower-cased tokens of {@code text[0 .. n)}, exactly those of {@link #tokens(char[], int, boolean)} with
     * {@code keepCase} false, written into {@code out} (its previous tokens are dropped) without a {@code String} per
     * token, each with its string hash code.
     *
     * @param text the chars of normalised text
     * @param n    how many leading chars to read
     * @param out  receives the tokens
     */
    static void scan(char[] text, int n, Tokens out) {
        out.reserve(n);
        char[] w = out.chars;
        int[] start = out.start;
        int[] hash = out.hash;
        int count = 0;
        int p = 0;
        int i = 0;
        while (i < n) {
            char c = text[i];
            int h;
            if (isLetterOrDigit(c)) {
                h = 0;
                while (i < n) {
                    char d = text[i];
                    char e;
                    if (isLetterOrDigit(d)) {
                        e = isDigit(d) ? '0' : toLowerCase(d);
                    } else if ((d == '\'' || d == '-') && i + 1 < n && isLetterOrDigit(text[i + 1])) {
                        // (the word so far is never empty here: it started with a letter or digit)
                        e = d;
                    } else {
                        break;
                    }
                    w[p++] = e;
                    h = 31 * h + e;
                    i++;
                }
            } else if (c == '.' && i + 2 < n && text[i + 1] == '.' && text[i + 2] == '.') {
                w[p++] = '.';
                w[p++] = '.';
                w[p++] = '.';
                h = DOTS_HASH;
                i += 3;
                while (i < n && text[i] == '.') i++;
            } else if (isWhitespace(c)) {
                i++;
                continue;
            } else {
                w[p++] = c;
                h = c;
                i++;
            }
            hash[count] = h;
            start[++count] = p;
        }
        out.count = count;
    }

    private static final int DOTS_HASH = "...".hashCode();

    // The Character methods of the same names, with a table for the chars below TABLE.

    static boolean isLetterOrDigit(char c) {
        return c < TABLE ? (CLASS[c] & LETTER_OR_DIGIT) != 0 : Character.isLetterOrDigit(c);
    }

    static boolean isLetter(char c) {
        return c < TABLE ? (CLASS[c] & LETTER) != 0 : Character.isLetter(c);
    }

    static boolean isDigit(char c) {
        return c < TABLE ? (CLASS[c] & DIGIT) != 0 : Character.isDigit(c);
    }

    static boolean isLowerCase(char c) {
        return c < TABLE ? (CLASS[c] & LOWER) != 0 : Character.isLowerCase(c);
    }

    static boolean isUpperCase(char c) {
        return c < TABLE ? (CLASS[c] & UPPER) != 0 : Character.isUpperCase(c);
    }

    static boolean isWhitespace(char c) {
        return c < TABLE ? (CLASS[c] & WHITESPACE) != 0 : Character.isWhitespace(c);
    }

    static char toLowerCase(char c) {
        return c < TABLE ? LOWER_OF[c] : Character.toLowerCase(c);
    }
}
