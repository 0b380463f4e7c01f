package org.wirecopy.hardening;

import org.junit.jupiter.api.Test;
import org.wirecopy.classify.Classifier;
import org.wirecopy.testing.ChildJvm;
import org.wirecopy.testing.ClassifyPageMain;
import org.wirecopy.text.ArticleInputException;
import org.wirecopy.text.ArticleReader;
import org.wirecopy.text.InputFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The memory of huge HTML pages is bounded: the parsed tree costs about 1.3 KB per element, so a page with more start
 * tags than {@link ArticleReader#MAX_HTML_TAGS} is refused before it is parsed, and a page at the limit is read in a
 * 512 MB heap (a 10 MB page of 100,000 paragraphs once peaked at 682 MB, a 12 MB page of 1.2 million elements at
 * over 2 GB). Measured figures: docs/hardening.md.
 */
class HugePagesTest {

    @Test
    void aPageWithMoreTagsThanTheLimitIsRefusedBeforeParsing() {
        // 300 KB of tags: refused at once, naming the limit, the property that raises it and the way around it
        String page = "<html><body>" + "<b>".repeat(ArticleReader.MAX_HTML_TAGS);
        ArticleInputException e = assertThrows(ArticleInputException.class,
                () -> ArticleReader.read(page, InputFormat.AUTO));
        assertTrue(e.getMessage().contains("more than " + ArticleReader.MAX_HTML_TAGS + " tags"), e.getMessage());
        assertTrue(e.getMessage().contains("-D" + ArticleReader.MAX_HTML_TAGS_PROPERTY + "=N"), e.getMessage());
        assertTrue(e.getMessage().contains("--input-format text"), e.getMessage());
        assertThrows(ArticleInputException.class, () -> Classifier.bundled().classify(page));
        // exactly at the limit it is read; "<" before a non-letter, end tags and comments are not counted
        String atLimit = "<html><body>" + "<b>".repeat(ArticleReader.MAX_HTML_TAGS - 2) + "</b> < <!-- -->";
        assertEquals(InputFormat.HTML, ArticleReader.read(atLimit, InputFormat.AUTO).format());
        // as plain text the same input is read, tags and all
        assertEquals(InputFormat.LINES, ArticleReader.read(page, InputFormat.TEXT).format());
    }

    @Test
    void theLimitCanBeRaisedAndLoweredWithASystemProperty() {
        String page = ClassifyPageMain.page(10, 1);
        String old = System.getProperty(ArticleReader.MAX_HTML_TAGS_PROPERTY);
        try {
            System.setProperty(ArticleReader.MAX_HTML_TAGS_PROPERTY, String.valueOf(ClassifyPageMain.tags(10, 1) - 1));
            ArticleInputException e = assertThrows(ArticleInputException.class,
                    () -> ArticleReader.read(page, InputFormat.HTML));
            assertTrue(e.getMessage().contains("more than 23 tags"), e.getMessage());
            System.setProperty(ArticleReader.MAX_HTML_TAGS_PROPERTY, String.valueOf(ClassifyPageMain.tags(10, 1)));
            assertEquals(10, ArticleReader.read(page, InputFormat.HTML).size());
            System.setProperty(ArticleReader.MAX_HTML_TAGS_PROPERTY, "-3");
            IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                    () -> ArticleReader.read(page, InputFormat.HTML));
            assertTrue(bad.getMessage().contains(ArticleReader.MAX_HTML_TAGS_PROPERTY), bad.getMessage());
        } finally {
            if (old == null) System.clearProperty(ArticleReader.MAX_HTML_TAGS_PROPERTY);
            else System.setProperty(ArticleReader.MAX_HTML_TAGS_PROPERTY, old);
        }
    }

    /**
     * A page just under the limit (19,998 paragraphs of four inline elements each, 99,994 tags, 2.5 MB) is read,
     * main content and all, and classified in a child JVM with a 256 MB heap.
     */
    @Test
    void aPageAtTheLimitIsClassifiedInBoundedMemory() throws Exception {
        int paragraphs = 19_998;
        int inline = 4;
        assertTrue(ClassifyPageMain.tags(paragraphs, inline) <= ArticleReader.MAX_HTML_TAGS);
        assertTrue(ClassifyPageMain.tags(paragraphs + 1, inline) > ArticleReader.MAX_HTML_TAGS - 5);
        ChildJvm.Result r = ChildJvm.run("256m", e -> true, 300, ClassifyPageMain.class.getName(),
                String.valueOf(paragraphs), String.valueOf(inline));
        assertEquals(0, r.code(), r.output());
        assertTrue(r.output().contains("ok " + paragraphs + " " + ClassifyPageMain.tags(paragraphs, inline)),
                r.output());
    }

    @Test
    void aTextWithMoreParagraphsThanTheLimitIsRefusedBeforeSplitting() {
        String old = System.getProperty(ArticleReader.MAX_PARAGRAPHS_PROPERTY);
        try {
            System.setProperty(ArticleReader.MAX_PARAGRAPHS_PROPERTY, "50");
            String lines = "A line of its own.\n".repeat(51);
            ArticleInputException e = assertThrows(ArticleInputException.class,
                    () -> ArticleReader.read(lines, InputFormat.AUTO));
            assertTrue(e.getMessage().contains("more than 50 paragraphs"), e.getMessage());
            assertTrue(e.getMessage().contains("-D" + ArticleReader.MAX_PARAGRAPHS_PROPERTY + "=N"), e.getMessage());
            assertTrue(e.getMessage().contains("JSONL"), e.getMessage());
            assertEquals(50, ArticleReader.read("A line of its own.\n\n".repeat(50), InputFormat.AUTO).size(),
                    "exactly at the limit, blank lines not counted");
            // blank-line separated blocks count once however many lines they span
            String blocks = ("A block that is wrapped\nover two lines of text.\n\n").repeat(50);
            assertEquals(50, ArticleReader.read(blocks, InputFormat.BLOCKS).size());
            assertThrows(ArticleInputException.class, () -> ArticleReader.read(blocks, InputFormat.LINES));
            System.setProperty(ArticleReader.MAX_PARAGRAPHS_PROPERTY, "0");
            assertThrows(IllegalArgumentException.class, () -> ArticleReader.read("x", InputFormat.AUTO));
        } finally {
            if (old == null) System.clearProperty(ArticleReader.MAX_PARAGRAPHS_PROPERTY);
            else System.setProperty(ArticleReader.MAX_PARAGRAPHS_PROPERTY, old);
        }
    }
}
