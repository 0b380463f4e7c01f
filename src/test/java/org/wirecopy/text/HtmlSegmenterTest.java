package org.wirecopy.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlSegmenterTest {

    @Test
    void blocksHeadingsAndBlockquotesBecomeParagraphsWithCues() {
        String html = "<html><head><title>T</title><style>p{}</style></head><body><nav>Home | About</nav>"
                + "<h1>Big news today</h1><p>Intro by the writer. From the AP:</p>"
                + "<blockquote><p>WASHINGTON (AP) &mdash; Something happened.</p><p>More of it.</p></blockquote>"
                + "<script>var x = 1;</script><ul><li>Share</li><li>Tweet</li></ul>"
                + "<div>Posted by Jo at 9:05 AM<br><br>Tags: news</div></body></html>";
        Article a = ArticleReader.read(html, InputFormat.AUTO);
        assertEquals(InputFormat.HTML, a.format());
        List<String> texts = a.paragraphs().stream().map(Paragraph::text).toList();
        assertEquals(List.of("Big news today", "Intro by the writer. From the AP:",
                "WASHINGTON (AP) \u2014 Something happened.", "More of it.", "Share", "Tweet",
                "Posted by Jo at 9:05 AM", "Tags: news"), texts);
        assertEquals(1, a.paragraphs().get(0).headingLevel());
        assertEquals(1, a.paragraphs().get(2).blockquoteDepth());
        assertEquals(0, a.paragraphs().get(1).blockquoteDepth());
        assertEquals("WASHINGTON (AP) - Something happened.", a.paragraphs().get(2).normalizedText());
    }

    @Test
    void offsetsPointIntoTheHtmlSource() {
        String html = "<p>First <b>bold</b> words.</p>\n<p>Second.</p>";
        Article a = ArticleReader.read(html, InputFormat.HTML);
        Paragraph p = a.paragraphs().get(0);
        assertEquals("First <b>bold</b> words.", html.substring(p.start(), p.end()));
        assertEquals("First bold words.", p.text());
        assertEquals("Second.", html.substring(a.paragraphs().get(1).start(), a.paragraphs().get(1).end()));
    }

    @Test
    void unclosedAndNestedTagsAreRepaired() {
        String html = "<div><p>Open paragraph never closed<p>Another one<blockquote><blockquote><p>Deep quote"
                + "</div><li>stray item";
        Article a = ArticleReader.read(html, InputFormat.HTML);
        List<String> texts = a.paragraphs().stream().map(Paragraph::text).toList();
        assertEquals(List.of("Open paragraph never closed", "Another one", "Deep quote", "stray item"), texts);
        assertEquals(2, a.paragraphs().get(2).blockquoteDepth());
    }

    @Test
    void textDirectlyInsideDivsAndAroundBlocksIsKept() {
        String html = "<div class='post'>Lead-in text here:<blockquote>Quoted text.</blockquote>Reaction after.</div>";
        List<String> texts = ArticleReader.read(html, InputFormat.HTML).paragraphs().stream()
                .map(Paragraph::text).toList();
        assertEquals(List.of("Lead-in text here:", "Quoted text.", "Reaction after."), texts);
    }

    @Test
    void detectsHtmlOnlyWhenTagsArePresent() {
        assertTrue(ArticleReader.looksLikeHtml("<p>hi</p>"));
        assertEquals(InputFormat.LINES, ArticleReader.resolve("a < b and c > d", InputFormat.AUTO));
    }
}
