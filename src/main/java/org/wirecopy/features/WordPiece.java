package org.wirecopy.features;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The tokenizer of uncased BERT models: a basic tokenizer followed by greedy longest-match-first WordPiece over a
 * given vocabulary.
 *
 * <p>The basic tokenizer drops NUL, U+FFFD and control chars, turns whitespace into a space, puts spaces around CJK
 * ideographs, lower-cases, strips accents (NFD, then drops non-spacing marks) and splits on whitespace and
 * punctuation (ASCII symbols and Unicode {@code P*} chars, each one token). Every word is then cut into the longest
 * vocabulary prefix, then the longest {@code ##}-continuation, and so on; a word that cannot be cut completely, or is
 * longer than {@value #MAX_WORD_CHARS} chars, becomes one {@value #UNK}.
 *
 * <p>The vocabulary is held in one open-addressing hash table over its chars, built once (no sorting, no boxing),
 * so encoding allocates one char buffer per call and no strings: a word that is itself a token costs one hash. Latin
 * text is lower-cased and accent-stripped through a char table. Immutable and thread-safe.
 */
public final class WordPiece {

    /** The token of a word the vocabulary cannot spell; it must be in every vocabulary. */
    public static final String UNK = "[UNK]";
    /** Words longer than this many chars become {@value #UNK}, as in BERT. */
    public static final int MAX_WORD_CHARS = 100;

    private static final String CONTINUATION = "##";

    private final String[] vocab;
    private final int unkId;
    /**
     * Open-addressing table of the tokens by {@link String#hashCode()}, two ints a slot: the hash and id + 1 (0 =
     * empty). The chars of a candidate are compared only when its hash matches.
     */
    private final int[] table;
    /** The chars of every token, back to back; token t is {@code pool[poolStart[t], poolStart[t + 1])}. */
    private final char[] pool;
    private final int[] poolStart;
    /** The longest token, in chars: no piece is looked up longer than this. */
    private final int maxTokenChars;

    private WordPiece(List<String> vocabulary) {
        Objects.requireNonNull(vocabulary, "vocabulary");
        this.vocab = vocabulary.toArray(new String[0]);
        this.poolStart = new int[vocab.length + 1];
        int longest = 0;
        for (int i = 0; i < vocab.length; i++) {
            String t = vocab[i];
            if (t == null || t.isEmpty() || t.equals(CONTINUATION)) {
                throw new IllegalArgumentException("vocabulary token " + i + " is " + (t == null ? "null" : "'" + t + "'")
                        + ": every token must be a non-empty string other than '##'; fix or remove it");
            }
            poolStart[i + 1] = poolStart[i] + t.length();
            longest = Math.max(longest, t.length());
        }
        this.maxTokenChars = longest;
        this.pool = new char[poolStart[vocab.length]];
        int capacity = Integer.highestOneBit(Math.max(4, vocab.length * 2)) << 1; // load factor 0.25..0.5
        this.table = new int[2 * capacity];
        for (int i = 0; i < vocab.length; i++) {
            String t = vocab[i];
            t.getChars(0, t.length(), pool, poolStart[i]);
            int previous = lookup(pool, poolStart[i], poolStart[i + 1], false);
            if (previous >= 0) {
                throw new IllegalArgumentException("vocabulary token " + i + " '" + t + "' repeats token " + previous
                        + ": every token must appear once; remove the duplicate");
            }
            int h = t.hashCode();
            int slot = spread(h) & (capacity - 1);
            while (table[2 * slot + 1] != 0) slot = (slot + 1) & (capacity - 1);
            table[2 * slot] = h;
            table[2 * slot + 1] = i + 1;
        }
        this.unkId = id(UNK);
        if (unkId < 0) {
            throw new IllegalArgumentException("the vocabulary of " + vocab.length + " tokens has no " + UNK
                    + " token; add it (BERT vocabularies have it at index 100)");
        }
    }

    /**
     * A tokenizer over {@code vocabulary}: token ids are list indexes.
     *
     * @param vocabulary the tokens in id order, continuations prefixed with {@code ##}
     * @return the tokenizer
     * @throws IllegalArgumentException naming the index, if a token is null, empty, {@code ##} or repeated, or if
     *                                  {@value #UNK} is missing
     */
    public static WordPiece of(List<String> vocabulary) {
        return new WordPiece(vocabulary);
    }

    /** {@return the number of tokens in the vocabulary} */
    public int size() {
        return vocab.length;
    }

    /**
     * The token with id {@code id}.
     *
     * @param id a token id, in 0..size-1
     * @return the token
     */
    String token(int id) {
        return vocab[id];
    }

    /**
     * The id of {@code token}, or -1 when it is not in the vocabulary.
     *
     * @param token a whole token as the vocabulary spells it (with {@code ##} for a continuation)
     * @return its id, or -1
     */
    int id(String token) {
        char[] c = token.toCharArray();
        return lookup(c, 0, c.length, false);
    }

    /** {@return the id of {@value #UNK}} */
    int unkId() {
        return unkId;
    }

    /** {@return the vocabulary, in id order (a read-only copy)} */
    public List<String> vocabulary() {
        return List.of(vocab);
    }

    /**
     * The tokens of {@code text}, as strings (convenient, not fast; see {@link #encode}).
     *
     * @param text any text; it is cleaned, lower-cased and accent-stripped first, as {@link #encode} does
     * @return its tokens in order
     */
    List<String> tokenize(String text) {
        int[] buf = new int[Math.max(16, text.length() + 1)];
        int n = encode(text, buf, buf.length);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(vocab[buf[i]]);
        return out;
    }

    /**
     * Writes the token ids of {@code text} into {@code ids}, stopping after {@code max} tokens.
     *
     * @param text the text; not null
     * @param ids  receives the ids from index 0
     * @param max  the most tokens to write
     * @return the number of ids written, at most {@code min(max, ids.length)}
     */
    public int encode(String text, int[] ids, int max) {
        Objects.requireNonNull(text, "text");
        int limit = Math.min(max, ids.length);
        if (limit <= 0) return 0;
        char[] s = basicNormalize(text);
        int n = s.length;
        int count = 0;
        int i = 0;
        while (i < n && count < limit) {
            char c = s[i];
            if (c == ' ') {
                i++;
                continue;
            }
            int end;
            if (isPunctuation(c)) {
                end = i + 1;
            } else {
                end = i + 1;
                while (end < n && s[end] != ' ' && !isPunctuation(s[end])) end++;
            }
            count = wordPieces(s, i, end, ids, count, limit);
            i = end;
        }
        return count;
    }

    /**
     * Cuts the word {@code s[start, end)} into pieces written from {@code ids[count]}; returns the new count. Each
     * piece is the longest vocabulary entry that starts there: the rest of the word first (usually a hit), then
     * shorter and shorter candidates, as BERT's reference loop does.
     */
    private int wordPieces(char[] s, int start, int end, int[] ids, int count, int limit) {
        if (end - start > MAX_WORD_CHARS && Character.codePointCount(s, start, end - start) > MAX_WORD_CHARS) {
            ids[count] = unkId;
            return count + 1;
        }
        int written = count;
        int pos = start;
        while (pos < end) {
            boolean continuation = pos != start;
            int token = -1;
            int to = Math.min(end, pos + maxTokenChars - (continuation ? 2 : 0));
            for (; to > pos; to--) {
                token = lookup(s, pos, to, continuation);
                if (token >= 0) break;
            }
            if (token < 0) {
                ids[count] = unkId; // the whole word is unknown: drop the pieces found so far
                return count + 1;
            }
            if (written < limit) ids[written] = token;
            written++;
            pos = to;
        }
        return Math.min(written, limit);
    }

    private static final int CONTINUATION_HASH = CONTINUATION.hashCode();

    private static int spread(int h) {
        int x = h * 0x9E3779B1;
        return x ^ (x >>> 15);
    }

    /** The id of the token spelt by {@code s[from, end)} (after "##" if {@code continuation}), or -1. */
    private int lookup(char[] s, int from, int end, boolean continuation) {
        int h = continuation ? CONTINUATION_HASH : 0;
        for (int k = from; k < end; k++) h = 31 * h + s[k];
        int mask = (table.length >> 1) - 1;
        int length = end - from + (continuation ? 2 : 0);
        for (int slot = spread(h) & mask; table[2 * slot + 1] != 0; slot = (slot + 1) & mask) {
            if (table[2 * slot] != h) continue;
            int id = table[2 * slot + 1] - 1;
            int o = poolStart[id];
            if (poolStart[id + 1] - o != length) continue;
            if (continuation) {
                if (pool[o] != '#' || pool[o + 1] != '#') continue;
                o += 2;
            }
            boolean same = true;
            for (int k = from; k < end; k++) {
                if (pool[o++] != s[k]) {
                    same = false;
                    break;
                }
            }
            if (same) return id;
        }
        return -1;
    }

    /**
     * The text cleaned, CJK-spaced, lower-cased and accent-stripped: every whitespace is one ' ' (runs are not
     * collapsed; the scanner skips them).
     */
    static char[] basicNormalize(String text) {
        int len = text.length();
        boolean latin = true;
        for (int i = 0; i < len; i++) {
            if (text.charAt(i) >= LATIN_END) {
                latin = false;
                break;
            }
        }
        if (latin) {
            // Latin-script text (nearly all input): each char maps on its own, through a table made at start-up by
            // the general path below, so both agree by construction.
            char[] out = new char[len * LATIN_MAX_EXPANSION];
            int n = 0;
            for (int i = 0; i < len; i++) {
                char[] m = LATIN[text.charAt(i)];
                if (m.length == 1) out[n++] = m[0];
                else for (char c : m) out[n++] = c;
            }
            return n == out.length ? out : Arrays.copyOf(out, n);
        }
        return basicNormalizeAny(text);
    }

    /** Chars below this are mapped one by one through {@link #LATIN}: ASCII, Latin-1 and Latin Extended-A and -B. */
    private static final int LATIN_END = 0x250;
    private static final char[][] LATIN = new char[LATIN_END][];
    private static final int LATIN_MAX_EXPANSION;

    static {
        int max = 1;
        for (char c = 0; c < LATIN_END; c++) {
            LATIN[c] = basicNormalizeAny(String.valueOf(c));
            max = Math.max(max, LATIN[c].length);
        }
        LATIN_MAX_EXPANSION = max;
    }

    /** {@link #basicNormalize} for any text, by code points, NFD and a lower-casing of the whole string. */
    private static char[] basicNormalizeAny(String text) {
        int len = text.length();
        StringBuilder b = new StringBuilder(len + 8);
        for (int i = 0; i < len; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == 0 || cp == 0xFFFD) continue;
            if (isWhitespace(cp)) {
                b.append(' ');
            } else if (isControl(cp)) {
                continue;
            } else if (isCjk(cp)) {
                b.append(' ').appendCodePoint(cp).append(' ');
            } else {
                b.appendCodePoint(cp);
            }
        }
        // Lower-cased as one string, so that context-dependent mappings (final sigma) are right.
        String nfd = Normalizer.normalize(b.toString().toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        char[] out = new char[nfd.length()];
        int n = 0;
        for (int i = 0; i < nfd.length(); i++) {
            char c = nfd.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) out[n++] = c;
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private static boolean isWhitespace(int cp) {
        return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || Character.getType(cp) == Character.SPACE_SEPARATOR;
    }

    private static boolean isControl(int cp) {
        if (cp == '\t' || cp == '\n' || cp == '\r') return false;
        int t = Character.getType(cp);
        return t == Character.CONTROL || t == Character.FORMAT || t == Character.PRIVATE_USE
                || t == Character.SURROGATE || t == Character.UNASSIGNED;
    }

    private static boolean isCjk(int cp) {
        return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x2A6DF)
                || (cp >= 0x2A700 && cp <= 0x2B73F) || (cp >= 0x2B740 && cp <= 0x2B81F)
                || (cp >= 0x2B820 && cp <= 0x2CEAF) || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0x2F800 && cp <= 0x2FA1F);
    }

    /** ASCII symbols (33-47, 58-64, 91-96, 123-126) and Unicode punctuation (P* categories), as in BERT. */
    static boolean isPunctuation(char c) {
        if (c < 0x80) {
            return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
        }
        switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION:
            case Character.DASH_PUNCTUATION:
            case Character.START_PUNCTUATION:
            case Character.END_PUNCTUATION:
            case Character.INITIAL_QUOTE_PUNCTUATION:
            case Character.FINAL_QUOTE_PUNCTUATION:
            case Character.OTHER_PUNCTUATION:
                return true;
            default:
                return false;
        }
    }
}
