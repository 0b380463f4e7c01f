package org.wirecopy.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BadInputTest {

    @TempDir
    Path dir;

    @Test
    void emptyAndWhitespaceOnlyInputGiveNoParagraphs() {
        assertTrue(ArticleReader.read("", InputFormat.AUTO).isEmpty());
        assertTrue(ArticleReader.read(" \n\t\r\n\u00A0 \n", InputFormat.AUTO).isEmpty());
        assertTrue(ArticleReader.read("<html><body>  </body></html>", InputFormat.AUTO).isEmpty());
    }

    @Test
    void binaryFileIsRefusedWithItsOffset() throws Exception {
        Path f = dir.resolve("image.png");
        Files.write(f, new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13});
        ArticleInputException e = assertThrows(ArticleInputException.class, () -> ArticleReader.readFile(f));
        assertTrue(e.getMessage().contains("image.png") && e.getMessage().contains("binary")
                && e.getMessage().contains("byte offset 8"), e.getMessage());
    }

    @Test
    void invalidUtf8IsRefusedWithOffsetLineAndFix() throws Exception {
        Path f = dir.resolve("latin1.txt");
        Files.write(f, "first line\ncaf\u00e9 society".getBytes(StandardCharsets.ISO_8859_1));
        ArticleInputException e = assertThrows(ArticleInputException.class, () -> ArticleReader.readFile(f));
        assertTrue(e.getMessage().contains("invalid UTF-8 at byte offset 14 (line 2)"), e.getMessage());
        assertTrue(e.getMessage().contains("iconv"), e.getMessage());
    }

    @Test
    void byteOrderMarkIsDropped() {
        String s = ArticleReader.decode("\uFEFFHello".getBytes(StandardCharsets.UTF_8), "bom.txt");
        assertEquals("Hello", s);
    }

    @Test
    void tenMegabyteParagraphIsOneParagraph() {
        StringBuilder b = new StringBuilder(10 * 1024 * 1024 + 100);
        while (b.length() < 10 * 1024 * 1024) b.append("The committee said on Tuesday it would review the plan. ");
        Article a = ArticleReader.read(b.toString(), InputFormat.AUTO);
        assertEquals(1, a.size());
        assertEquals(b.toString().strip().length(), a.paragraphs().get(0).text().length());
    }

    @Test
    void hundredThousandParagraphsAreAllKept() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 100_000; i++) b.append("Paragraph number ").append(i).append(" of the feed.\n");
        Article a = ArticleReader.read(b.toString(), InputFormat.AUTO);
        assertEquals(100_000, a.size());
        assertEquals("Paragraph number 99999 of the feed.", a.paragraphs().get(99_999).text());
    }
}
