package org.wirecopy.features;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WordPieceTest {

    private static final WordPiece TOY = WordPiece.of(List.of("[PAD]", "[UNK]", "un", "##aff", "##able", "aff",
            "a", "ab", "##c", "##bc", "!", "'", "don", "t", "hello", "cafe", "中", "国", ",", "##s", "runner"));

    @Test
    void cutsAWordIntoTheLongestPrefixThenContinuations() {
        assertEquals(List.of("un", "##aff", "##able"), TOY.tokenize("unaffable"));
    }

    @Test
    void greedyTakesTheLongestPrefixFirstEvenWhenAnotherCutExists() {
        // "abc": longest prefix "ab" then "##c"; the cut "a ##bc" is never tried.
        assertEquals(List.of("ab", "##c"), TOY.tokenize("abc"));
    }

    @Test
    void lowerCasesAndSplitsOffPunctuation() {
        assertEquals(List.of("un", "##aff", "##able", "!"), TOY.tokenize("UnAffable!"));
        assertEquals(List.of("don", "'", "t"), TOY.tokenize("Don't"));
        assertEquals(List.of("hello", ",", "runner", "##s"), TOY.tokenize("  hello,\t\nrunners "));
    }

    @Test
    void aWordThatCannotBeSpelledCompletelyIsOneUnk() {
        // "unaffablex": un ##aff ##able are found, then no "##x": the whole word is [UNK], the pieces dropped.
        assertEquals(List.of("[UNK]", "!"), TOY.tokenize("unaffablex!"));
        assertEquals(List.of("[UNK]"), TOY.tokenize("zzz"));
    }

    @Test
    void stripsAccentsAndSpacesCjkIdeographs() {
        assertEquals(List.of("cafe"), TOY.tokenize("Café"));
        assertEquals(List.of("cafe"), TOY.tokenize("CAFE\u0301"));
        assertEquals(List.of("中", "国", "hello"), TOY.tokenize("中国hello"));
    }

    @Test
    void dropsControlCharsAndTreatsUnicodeSpacesAsSpaces() {
        assertEquals(List.of("hello", "hello"), TOY.tokenize("hel\u0000lo\u2003hello\u0007"));
        assertEquals(List.of("hello", "hello"), TOY.tokenize("hello\u00A0hel\u200Blo"));
    }

    @Test
    void theLatinTablePathAgreesWithTheGeneralPath() {
        // A CJK char sends a text down the general path (code points, NFD of the whole string); without it, Latin text
        // takes the per-char table. The table must give the same chars.
        for (String s : List.of("Crème BRÛLÉE, naïve Ærø İstanbul ŉ ǅ ß ĳ \u00A0x\u0007y\tZ", "plain ASCII 123 !?",
                "Łódź Ŧ ɏ ÿ Ÿ", "\u0085\u00AD-soft")) {
            String general = new String(WordPiece.basicNormalize(s + "中"));
            assertEquals(general.substring(0, general.length() - 3), new String(WordPiece.basicNormalize(s)), s);
        }
        assertEquals("creme brulee", new String(WordPiece.basicNormalize("Crème Brûlée")));
    }

    @Test
    void unicodePunctuationIsSplitOff() {
        assertEquals(List.of("hello", "[UNK]", "hello"), TOY.tokenize("hello\u201Chello"));
        assertTrue(WordPiece.isPunctuation('\u201C'));
        assertTrue(WordPiece.isPunctuation('$'));
        assertTrue(WordPiece.isPunctuation('`'));
        assertTrue(!WordPiece.isPunctuation('a') && !WordPiece.isPunctuation('\u00E9'));
    }

    @Test
    void wordsLongerThanTheLimitAreUnk() {
        String longWord = "a".repeat(WordPiece.MAX_WORD_CHARS + 1);
        assertEquals(List.of("[UNK]"), WordPiece.of(List.of("[UNK]", "a", "##a")).tokenize(longWord));
        assertEquals(WordPiece.MAX_WORD_CHARS,
                WordPiece.of(List.of("[UNK]", "a", "##a")).tokenize("a".repeat(WordPiece.MAX_WORD_CHARS)).size());
    }

    @Test
    void encodeStopsAtTheLimitAndReturnsTheCount() {
        int[] ids = new int[10];
        assertEquals(2, TOY.encode("unaffable unaffable", ids, 2));
        assertEquals(TOY.id("un"), ids[0]);
        assertEquals(TOY.id("##aff"), ids[1]);
        assertEquals(6, TOY.encode("unaffable unaffable", ids, 99));
        assertEquals(0, TOY.encode("", ids, 10));
        assertEquals(0, TOY.encode(" \t ", ids, 10));
        int[] small = new int[3];
        assertEquals(3, TOY.encode("unaffable unaffable", small, 100));
    }

    @Test
    void idsAreListIndexes() {
        assertEquals(1, TOY.unkId());
        assertEquals(3, TOY.id("##aff"));
        assertEquals(-1, TOY.id("nope"));
        assertEquals("##able", TOY.token(4));
        assertEquals(21, TOY.size());
    }

    @Test
    void rejectsVocabulariesWithoutUnkOrWithDuplicates() {
        IllegalArgumentException noUnk = assertThrows(IllegalArgumentException.class,
                () -> WordPiece.of(List.of("a", "b")));
        assertTrue(noUnk.getMessage().contains("[UNK]"), noUnk.getMessage());
        IllegalArgumentException dup = assertThrows(IllegalArgumentException.class,
                () -> WordPiece.of(List.of("[UNK]", "a", "b", "a")));
        assertTrue(dup.getMessage().contains("token 3 'a' repeats token 1"), dup.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WordPiece.of(List.of("[UNK]", "")));
    }
}
