package org.wirecopy.match;

import org.wirecopy.text.TextNormalizer;

import java.util.Arrays;
import java.util.List;

/**
 * The word tokens of a paragraph as matching sees them: the text is normalised by {@link TextNormalizer} (so
 * typographic quotes, dashes, odd spaces and entities do not matter), then split into words (letters and digits, with
 * inner apostrophes and hyphens; digits are kept) and ellipsis marks ({@code ...}, {@code …}, {@code [...]}); every
 * other punctuation mark is dropped. Each token has a 64-bit key, the hash of its lower-cased form; ellipsis marks
 * share {@link #ELLIPSIS_KEY}. A token's text is cut from the paragraph only when it is asked for.
 *
 * <p>Immutable after construction; package-private.
 */
final class Words {

    /** The display form of an ellipsis token. */
    static final String ELLIPSIS = "...";
    /** The key of every ellipsis token. */
    static final long ELLIPSIS_KEY = 0x5eed_e111_1951_5e5eL;

    private final String[] texts; // the text each token is in (one reference per token)
    private final int[] starts;
    private final int[] ends;
    private final long[] keys;
    private final int wordCount;

    private Words(String[] texts, int[] starts, int[] ends, long[] keys) {
        this.texts = texts;
        this.starts = starts;
        this.ends = ends;
        this.keys = keys;
        int w = 0;
        for (long k : keys) if (k != ELLIPSIS_KEY) w++;
        this.wordCount = w;
    }

    /** The tokens of raw text (normalised first). */
    static Words of(String raw) {
        return ofNormalized(TextNormalizer.normalize(raw));
    }

    /** The tokens of text already normalised by {@link TextNormalizer}. */
    static Words ofNormalized(String s) {
        int n = s.length();
        int cap = Math.max(4, n / 5);
        int[] st = new int[cap];
        int[] en = new int[cap];
        long[] keys = new long[cap];
        int count = 0;
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            int start = i;
            long key;
            if (Character.isLetterOrDigit(c)) {
                while (i < n) {
                    char d = s.charAt(i);
                    if (Character.isLetterOrDigit(d)) {
                        i++;
                    } else if ((d == '\'' || d == '-') && i + 1 < n && Character.isLetterOrDigit(s.charAt(i + 1))) {
                        i++;
                    } else {
                        break;
                    }
                }
                key = key(s, start, i);
            } else if (c == '.' && i + 2 < n && s.charAt(i + 1) == '.' && s.charAt(i + 2) == '.') {
                i += 3;
                while (i < n && s.charAt(i) == '.') i++;
                key = ELLIPSIS_KEY;
            } else {
                i++;
                continue;
            }
            if (count == keys.length) {
                st = Arrays.copyOf(st, count * 2);
                en = Arrays.copyOf(en, count * 2);
                keys = Arrays.copyOf(keys, count * 2);
            }
            st[count] = start;
            en[count] = i;
            keys[count] = key;
            count++;
        }
        String[] texts = new String[count];
        Arrays.fill(texts, s);
        return new Words(texts, Arrays.copyOf(st, count), Arrays.copyOf(en, count), Arrays.copyOf(keys, count));
    }

    /** The 64-bit key of a word: FNV-1a over its lower-cased chars, then a finalising mix. */
    static long key(String word) {
        return key(word, 0, word.length());
    }

    /** {@link #key(String)} of {@code s.substring(from, to)}. */
    private static long key(String s, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            h ^= c < 128 ? (c >= 'A' && c <= 'Z' ? c + 32 : c) : Character.toLowerCase(c);
            h *= 0x100000001b3L;
        }
        long k = Hashing.mix(h);
        return k == ELLIPSIS_KEY ? k + 1 : k;
    }

    /** Number of tokens, ellipsis marks included. */
    int size() {
        return keys.length;
    }

    /** Number of word tokens (ellipsis marks excluded). */
    int wordCount() {
        return wordCount;
    }

    /** Token {@code i} as written (after normalisation); {@code ...} for every ellipsis mark. */
    String display(int i) {
        return keys[i] == ELLIPSIS_KEY ? ELLIPSIS : texts[i].substring(starts[i], ends[i]);
    }

    long key(int i) {
        return keys[i];
    }

    boolean isEllipsis(int i) {
        return keys[i] == ELLIPSIS_KEY;
    }

    /** The keys; the caller must not change the array. */
    long[] keysView() {
        return keys;
    }

    /** The tokens of several sequences in order, as one sequence. */
    static Words concat(List<Words> parts) {
        if (parts.size() == 1) return parts.get(0);
        int n = 0;
        for (Words w : parts) n += w.size();
        String[] t = new String[n];
        int[] st = new int[n];
        int[] en = new int[n];
        long[] k = new long[n];
        int at = 0;
        for (Words w : parts) {
            System.arraycopy(w.texts, 0, t, at, w.size());
            System.arraycopy(w.starts, 0, st, at, w.size());
            System.arraycopy(w.ends, 0, en, at, w.size());
            System.arraycopy(w.keys, 0, k, at, w.size());
            at += w.size();
        }
        return new Words(t, st, en, k);
    }

    /** A copy holding the first {@code n} tokens. */
    Words head(int n) {
        if (n >= keys.length) return this;
        return new Words(Arrays.copyOf(texts, n), Arrays.copyOf(starts, n), Arrays.copyOf(ends, n),
                Arrays.copyOf(keys, n));
    }
}
