package org.wirecopy.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Entities are decoded exactly once, and no numeric reference throws. */
class EntityDecodingTest {

    @Test
    void plainTextEntitiesAreDecodedOnce() {
        assertEquals("<b> & \"x\"", TextNormalizer.normalize("&lt;b&gt; &amp; &quot;x&quot;"));
        // &amp;lt; is the text "&lt;", not "<"
        assertEquals("&lt;b&gt;", TextNormalizer.normalize("&amp;lt;b&amp;gt;"));
    }

    @Test
    void alreadyDecodedTextIsNotDecodedAgain() {
        // what jsoup gives for <p>&amp;lt;b&amp;gt;</p>: the text "&lt;b&gt;", which must stay as it is
        assertEquals("&lt;b&gt; \"q\"", TextNormalizer.normalizeDecoded("&lt;b&gt;\u00A0\u201Cq\u201D"));
    }

    /** End to end: a page that shows the text "&lt;b&gt;" (its source escapes the ampersands) is read as that text. */
    @Test
    void aPageIsDecodedOnceFromSourceToParagraph() {
        Article a = ArticleReader.read("<html><body><p>Type &amp;lt;b&amp;gt; for bold &amp; &lt;i&gt; for italics"
                + "</p></body></html>", InputFormat.HTML);
        assertEquals(1, a.size());
        assertEquals("Type &lt;b&gt; for bold & <i> for italics", a.paragraphs().get(0).normalizedText());
        assertEquals("Type &lt;b&gt; for bold & <i> for italics", a.paragraphs().get(0).text());
    }

    @Test
    void outOfRangeNumericReferencesBecomeTheReplacementChar() {
        assertEquals("a \uFFFD b", TextNormalizer.normalize("a &#x110000; b"));
        assertEquals("a \uFFFD b", TextNormalizer.normalize("a &#1114112; b"));
        assertEquals("\uFFFD\uFFFDz", TextNormalizer.normalize("&#XFFFFFFF;&#x7FFFFFFF;z"));
        // the largest code point still decodes; numbers that overflow an int stay text, as before
        assertEquals(new String(Character.toChars(0x10FFFF)), TextNormalizer.normalize("&#x10FFFF;"));
        assertEquals("&#99999999999;", TextNormalizer.normalize("&#99999999999;"));
    }

    @Test
    void validReferencesDecodeAsBefore() {
        assertEquals("\u00E9 \u20AC A A", TextNormalizer.normalize("&eacute; &euro; &#65; &#x41;"));
        assertEquals("&#x41 no semicolon", TextNormalizer.normalize("&#x41 no semicolon"));
    }
}
