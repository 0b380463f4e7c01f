package org.wirecopy.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
