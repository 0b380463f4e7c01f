package org.wirecopy.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PlainTextSegmenterTest {

    @Test
    void onePerLineGivesOneParagraphPerNonBlankLineWithExactOffsets() {
        String in = "Headline here\n\nFirst paragraph of the piece, long enough to read as prose.\nAdvertisement\n"
                + "Second paragraph follows directly.\n";
        Article a = ArticleReader.read(in, InputFormat.AUTO);
        assertEquals(InputFormat.LINES, a.format());
        assertEquals(4, a.size());
        for (Paragraph p : a.paragraphs()) assertEquals(p.text(), in.substring(p.start(), p.end()));
        assertEquals("Advertisement", a.paragraphs().get(2).text());
    }

    @Test
    void hardWrappedTextIsSplitAtBlankLines() {
        String in = """
                The council met on Tuesday evening and voted to delay the budget
                for a second time, citing a shortfall in sales tax receipts that
                nobody had predicted in the spring.

                Members said they would return to the question next month once the
                state has published its revenue estimates for the coming year.
                """;
        Article a = ArticleReader.read(in, InputFormat.AUTO);
        assertEquals(InputFormat.BLOCKS, a.format());
        assertEquals(2, a.size());
        Paragraph first = a.paragraphs().get(0);
        assertEquals(in.substring(first.start(), first.end()), first.text());
        assertEquals("The council met on Tuesday evening and voted to delay the budget for a second time, citing a "
                + "shortfall in sales tax receipts that nobody had predicted in the spring.", first.normalizedText());
    }

    @Test
    void crlfAndCrLineEndsSplitLikeLf() {
        String lf = "One paragraph here.\nAnother paragraph there.\nA third.";
        List<String> expected = ArticleReader.read(lf, InputFormat.LINES).paragraphs().stream()
                .map(Paragraph::text).toList();
        for (String in : new String[]{lf.replace("\n", "\r\n"), lf.replace("\n", "\r")}) {
            Article a = ArticleReader.read(in, InputFormat.AUTO);
            assertEquals(expected, a.paragraphs().stream().map(Paragraph::text).toList());
            for (Paragraph p : a.paragraphs()) assertEquals(p.text(), in.substring(p.start(), p.end()));
        }
    }

    @Test
    void crlfInWrappedTextStillDetectsBlocks() {
        String in = "The council met on Tuesday evening and voted to delay the budget\r\n"
                + "for a second time, citing a shortfall in sales tax receipts.\r\n\r\n"
                + "Members said they would return to the question next month once the\r\n"
                + "state has published its revenue estimates.\r\n";
        Article a = ArticleReader.read(in, InputFormat.AUTO);
        assertEquals(2, a.size());
        assertEquals(-1, a.paragraphs().get(0).normalizedText().indexOf('\r'));
    }

    @Test
    void nonBreakingSpaceIsKeptInTextButNormalisedForTheModel() {
        String in = "Kim met Putin\u00A0at a cosmodrome.\n\u00A0\nAdvertisement";
        Article a = ArticleReader.read(in, InputFormat.AUTO);
        assertEquals(2, a.size(), "a line of only U+00A0 is blank");
        assertEquals("Kim met Putin\u00A0at a cosmodrome.", a.paragraphs().get(0).text());
        assertEquals("Kim met Putin at a cosmodrome.", a.paragraphs().get(0).normalizedText());
    }

    @Test
    void explicitLayoutOverridesDetection() {
        String in = "line one of a block\nline two of a block\n\nnext block";
        assertEquals(3, ArticleReader.read(in, InputFormat.LINES).size());
        assertEquals(2, ArticleReader.read(in, InputFormat.BLOCKS).size());
    }
}
