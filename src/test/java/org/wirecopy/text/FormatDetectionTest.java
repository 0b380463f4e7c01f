package org.wirecopy.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Format detection needs HTML structure: one inline tag or a mention of a tag in text is plain text. */
class FormatDetectionTest {

    @Test
    void plainTextWithOneInlineTagStaysLines() {
        String five = "First line.\nRead more <a href=\"https://example.org\">here</a>.\nThird line.\nFourth.\nFifth.\n";
        assertFalse(ArticleReader.looksLikeHtml(five));
        assertEquals(5, ArticleReader.read(five, InputFormat.AUTO).size());
        String br = "Use <br> to break a line.\nSecond.\nThird.\n";
        assertEquals(3, ArticleReader.read(br, InputFormat.AUTO).size());
        assertFalse(ArticleReader.looksLikeHtml("We wrote <p> by hand once.\nAnd <b>bold</b> too.\n"));
    }

    @Test
    void pagesAndFragmentsWithBlocksAreHtml() {
        assertTrue(ArticleReader.looksLikeHtml("<!DOCTYPE html><title>x</title>"));
        assertTrue(ArticleReader.looksLikeHtml("<html><body>unclosed"));
        assertTrue(ArticleReader.looksLikeHtml("<p>one</p>"));
        assertTrue(ArticleReader.looksLikeHtml("<p>one<p>two"));
        assertTrue(ArticleReader.looksLikeHtml("<div class=\"post\">text</DIV>"));
        assertEquals(InputFormat.HTML, ArticleReader.read("<p>one</p><p>two</p>", InputFormat.AUTO).format());
    }
}
