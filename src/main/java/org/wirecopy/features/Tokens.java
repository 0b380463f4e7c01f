package org.wirecopy.features;

import java.util.Arrays;
import java.util.List;

/**
 * The tokens of one text in reused arrays, as {@link Tokenizer#scan} writes them: token {@code i} is
 * {@code chars[start[i] .. start[i + 1])}, and {@code hash[i]} is what {@link String#hashCode()} gives for it. The
 * feature extractor reads a paragraph's tokens from here instead of from one {@code String} per token.
 *
 * <p>Not thread-safe: one per thread (the feature extractor keeps one per thread).
 */
final class Tokens {

    char[] chars = new char[512];
    /** {@code count + 1} entries are used: the start of every token, then the end of the last. */
    int[] start = new int[129];
    int[] hash = new int[128];
    int count;

    /**
     * Makes room for the tokens of {@code n} chars (each token takes at least one char of the text and has no more
     * chars than it takes) and drops the tokens held.
     */
    void reserve(int n) {
        if (chars.length < n) chars = new char[Math.max(n, 2 * chars.length)];
        if (hash.length < n) {
            int size = Math.max(n, 2 * hash.length);
            hash = new int[size];
            start = new int[size + 1];
        }
        count = 0;
        start[0] = 0;
    }

    /** The length of the largest array, for the extractor's rule on keeping buffers. */
    int capacity() {
        return Math.max(chars.length, hash.length);
    }

    /** {@return the number of tokens} */
    int size() {
        return count;
    }

    /** {@return token i as a string} */
    String get(int i) {
        return new String(chars, start[i], start[i + 1] - start[i]);
    }

    /**
     * These tokens, in a new buffer.
     *
     * @param tokens tokens as {@link Tokenizer#tokens} gives them
     * @return the buffer
     */
    static Tokens of(List<String> tokens) {
        Tokens t = new Tokens();
        int chars = 0;
        for (String s : tokens) chars += s.length();
        t.chars = new char[Math.max(1, chars)];
        t.start = new int[tokens.size() + 1];
        t.hash = new int[Math.max(1, tokens.size())];
        int p = 0;
        for (int i = 0; i < tokens.size(); i++) {
            String s = tokens.get(i);
            s.getChars(0, s.length(), t.chars, p);
            p += s.length();
            t.start[i + 1] = p;
            t.hash[i] = s.hashCode();
        }
        t.count = tokens.size();
        return t;
    }

    @Override
    public String toString() {
        String[] out = new String[count];
        for (int i = 0; i < count; i++) out[i] = get(i);
        return Arrays.toString(out);
    }
}
