package org.wirecopy.features;

import org.junit.jupiter.api.Test;
import org.wirecopy.golden.GoldenArticles;
import org.wirecopy.text.Article;
import org.wirecopy.text.Paragraph;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The feature extractor reads a paragraph's tokens from one reused buffer ({@link Tokens}, written by
 * {@link Tokenizer#scan}) instead of one string per token. Each reader of the buffer must give what the string form
 * gives, checked against the string form itself: the tokens of {@link Tokenizer#tokens}, the word counts as
 * {@code Cues} counted them on strings, and the n-gram buckets of {@link FeatureExtractor#ngrams} and
 * {@link FeatureExtractor#bucket}.
 */
class TokensTest {

    /** Real paragraphs, and strings of chars that every branch of the tokenizer and the word counts treats apart. */
    private static List<String> texts() {
        List<String> out = new ArrayList<>();
        for (int n : GoldenArticles.LENGTHS) out.addAll(GoldenArticles.texts(n));
        String[] pieces = {"a", "B", "z", "0", "7", "\u0663", "\u00e9", "\u00df", "\u0130", "\u03a3", "\u0301",
                "\uD835\uDC00", "'", "-", ".", "..", "...", "....", " ", "  ", "\t", "\n", "\u00A0", "\u2014", ",",
                "\"", "!", "?", "_", "according", "According", " to", "to", "according to", " according to ",
                "according, to", "said", "I", "we're", "n't", "don't", "it's", "they've", "we'll", "he'd", "I'm",
                "you're", "o'clock", "'s", "ed", "walked", "used", "red", "shed", "x-ray", "well-known", "1,000", "3.5",
                "my", "You", "\u2019", "don\u2019t", "\u201cQuote\u201d", "\u2026", "caf\u00e9", "Monday",
                "March", "sept", "perhaps", "absurd", "very", "mr", "share", "by",
                "word" + "w".repeat(40)};
        Random r = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int j = 1 + r.nextInt(12); j > 0; j--) b.append(pieces[r.nextInt(pieces.length)]);
            out.add(b.toString());
        }
        return out;
    }

    /** The tokenizer's tables of character classes give what {@link Character} gives, for every char. */
    @Test
    void characterClassesAreThoseOfCharacter() {
        for (int i = 0; i <= Character.MAX_VALUE; i++) {
            char c = (char) i;
            String at = "U+" + Integer.toHexString(i);
            assertEquals(Character.isLetterOrDigit(c), Tokenizer.isLetterOrDigit(c), at);
            assertEquals(Character.isLetter(c), Tokenizer.isLetter(c), at);
            assertEquals(Character.isDigit(c), Tokenizer.isDigit(c), at);
            assertEquals(Character.isLowerCase(c), Tokenizer.isLowerCase(c), at);
            assertEquals(Character.isUpperCase(c), Tokenizer.isUpperCase(c), at);
            assertEquals(Character.isWhitespace(c), Tokenizer.isWhitespace(c), at);
            assertEquals(Character.toLowerCase(c), Tokenizer.toLowerCase(c), at);
        }
    }

    @Test
    void scanGivesTheTokensOfTheStringTokenizer() {
        Tokens t = new Tokens();
        int compared = 0;
        for (String text : texts()) {
            char[] chars = text.toCharArray();
            for (int n : new int[]{text.length(), text.length() / 2, Math.max(0, text.length() - 1)}) {
                List<String> expected = Tokenizer.tokens(text, n, false);
                Tokenizer.scan(chars, n, t);
                assertEquals(expected.size(), t.size(), "[" + text + "] to " + n);
                for (int i = 0; i < expected.size(); i++) {
                    assertEquals(expected.get(i), t.get(i), "[" + text + "] token " + i);
                    assertEquals(expected.get(i).hashCode(), t.hash[i], "[" + text + "] token " + i + "'s hash");
                }
                compared += expected.size();
            }
        }
        assertTrue(compared > 100_000, compared + " tokens");
    }

    /** The word counts of {@code Cues} (slots WORDS .. ACCORDING) on strings, as Cues counted them before Tokens. */
    @SuppressWarnings("unchecked")
    private static int[] countsOnStrings(List<String> tokens) throws ReflectiveOperationException {
        String[] lists = {"FIRST_SINGULAR", "FIRST_PLURAL", "SECOND", "ATTRIBUTION", "WEEKDAYS", "MONTHS", "HEDGES",
                "EVALUATIVE", "INTENSIFIERS", "TITLES", "FURNITURE"};
        List<Set<String>> sets = new ArrayList<>();
        for (String name : lists) {
            Field f = Cues.class.getDeclaredField(name);
            f.setAccessible(true);
            sets.add((Set<String>) f.get(null));
        }
        // WORDS, the 11 lists, DIGITS, ED, CONTRACTIONS, ACCORDING
        int[] c = new int[16];
        String prev = "";
        for (String t : tokens) {
            if (!Character.isLetterOrDigit(t.charAt(0))) {
                prev = t;
                continue;
            }
            c[0]++;
            for (int k = 0; k < sets.size(); k++) if (sets.get(k).contains(t)) c[1 + k]++;
            if (t.charAt(0) == '0') c[12]++;
            if (t.endsWith("ed") && t.length() > 4) c[13]++;
            if (t.indexOf('\'') > 0 && (t.endsWith("n't") || t.endsWith("'s") || t.endsWith("'re")
                    || t.endsWith("'ve") || t.endsWith("'ll") || t.endsWith("'d") || t.endsWith("'m"))) {
                c[14]++;
            }
            if (t.equals("to") && prev.equals("according")) c[15]++;
            prev = t;
        }
        return c;
    }

    @Test
    void wordCountsOfTheBufferAreThoseOfTheStrings() throws Exception {
        Method count = Cues.class.getDeclaredMethod("countWords", Tokens.class, int[].class);
        count.setAccessible(true);
        Field slots = Cues.class.getDeclaredField("SLOTS");
        slots.setAccessible(true);
        int[] actual = new int[slots.getInt(null)];
        Tokens t = new Tokens();
        int[] seen = new int[16];
        for (String text : texts()) {
            Tokenizer.scan(text.toCharArray(), text.length(), t);
            count.invoke(null, t, actual);
            int[] expected = countsOnStrings(Tokenizer.tokens(text, text.length(), false));
            // the slots WORDS (0) .. ACCORDING (15) are in the order of countsOnStrings
            assertArrayEquals(expected, java.util.Arrays.copyOf(actual, 16), "[" + text + "]");
            for (int k = 0; k < 16; k++) seen[k] += expected[k] > 0 ? 1 : 0;
        }
        for (int k = 0; k < 16; k++) assertTrue(seen[k] >= 20, "slot " + k + " counted too rarely to test it");
    }

    /**
     * The n-gram entries of an input vector: the buckets of {@link FeatureExtractor#ngrams} (hashed as strings by
     * {@link FeatureExtractor#bucket}), square roots of their counts, scaled to unit length.
     */
    @Test
    void ngramEntriesAreTheBucketsOfTheNgramStrings() {
        for (FeatureConfig config : List.of(FeatureConfig.defaults(), FeatureConfig.defaults().withMaxNgram(3),
                FeatureConfig.defaults().withMaxNgram(1), FeatureConfig.defaults().withHashBits(16))) {
            FeatureExtractor fx = new FeatureExtractor(config);
            int checked = 0;
            for (String text : texts().subList(0, 6_000)) {
                List<Paragraph> one = Article.ofParagraphs(List.of("x " + text)).paragraphs();
                String normal = one.get(0).normalizedText();
                SparseVector v = fx.extract(one).get(0);
                Map<Integer, Integer> counts = new TreeMap<>();
                for (String g : fx.ngrams(normal)) counts.merge(fx.bucket(g), 1, Integer::sum);
                float[] val = new float[counts.size()];
                int i = 0;
                double norm = 0;
                for (int c : counts.values()) {
                    val[i] = (float) Math.sqrt(c);
                    norm += val[i] * val[i];
                    i++;
                }
                float inv = (float) (1.0 / Math.sqrt(norm));
                i = 0;
                int offset = config.ngramOffset();
                int k = 0;
                while (k < v.size() && v.indexAt(k) < offset) k++;
                assertEquals(counts.size(), v.size() - k, "[" + normal + "] n-gram entries");
                for (int bucket : counts.keySet()) {
                    assertEquals(offset + bucket, v.indexAt(k), "[" + normal + "] bucket");
                    assertEquals(Float.floatToRawIntBits(val[i] * inv), Float.floatToRawIntBits(v.valueAt(k)),
                            "[" + normal + "] value of bucket " + bucket);
                    i++;
                    k++;
                }
                checked++;
            }
            assertTrue(checked > 5_000);
        }
    }
}
