package org.wirecopy.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextNormalizerTest {

    @Test
    void unifiesQuotesDashesSpacesEntitiesAndEllipsis() {
        assertEquals("\"It's over,\" he said - again...",
                TextNormalizer.normalize("\u201CIt\u2019s over,\u201D he\u00A0said \u2014 again\u2026"));
        assertEquals("Q&A \"yes\"", TextNormalizer.normalize("Q&amp;A &ldquo;yes&rdquo;"));
        assertEquals("a b c", TextNormalizer.normalize("  a\r\n\tb\u2009\u200Bc  "));
    }

    @Test
    void emptyStaysEmpty() {
        assertEquals("", TextNormalizer.normalize(""));
        assertEquals("", TextNormalizer.normalize(" \u00A0\n"));
    }

    @Test
    void textThatIsAlreadyNormalIsReturnedAsItIsAndEverythingElseAsTheCopyingPathMakesIt() {
        // the shortcut must give what the copying path gives for every string, and take text that is normal as it is
        String alphabet = "ab Z09.,'\"`-~!\t\n\r\u007F\u00A0\u00E9\u2014\u2019\u2026\u200B\u0085";
        java.util.Random random = new java.util.Random(11);
        int same = 0;
        for (int i = 0; i < 200_000; i++) {
            int len = 1 + random.nextInt(12);
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < len; k++) b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            String s = b.toString();
            String got = TextNormalizer.normalizeDecoded(s);
            assertEquals(TextNormalizer.normalizeCopy(s), got, () -> "for " + s.chars().mapToObj(
                    c -> String.format("U+%04X", c)).toList());
            if (got == s) same++;
        }
        assertTrue(same > 1000, "the shortcut was taken " + same + " times");
        String plain = "Shares rose 3.5 pct, the exchange said.";
        assertSame(plain, TextNormalizer.normalizeDecoded(plain));
    }
}
