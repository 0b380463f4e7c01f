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

    /**
     * A paragraph that repeats the alternative text of the image just before it is that image's caption, even with a
     * name spelled differently and the full stop dropped; a heading, a paragraph after another paragraph, a paragraph
     * that shares only some words, and an image inside a run of text are not.
     */
    @Test
    void aParagraphRepeatingTheImagesAltTextIsItsCaption() {
        String html = "<h1>Ferry service resumes on the lake</h1>"
                + "<figure><img src='a.jpg' alt='Deckhand Mara Olsen ties up the Lindqvist ferry at the north pier.'>"
                + "</figure><ul><li><p>Deckhand Mara Olssen ties up the Lindqvist ferry at the north pier</p></li></ul>"
                + "<p>The ferry made its first crossing since March on Sunday.</p>"
                + "<img src='b.jpg' alt='Ferry service resumes on the lake after the winter'>"
                + "<h2>Ferry service resumes on the lake after the winter</h2>"
                + "<img src='c.jpg' alt='Passengers wait at the north pier in the rain on Sunday morning'>"
                + "<p>Passengers say the pier needs a roof, and the council has promised one by autumn.</p>"
                + "<p>Tickets cost <img src='e.png' alt='four euros for adults and two for children'> four euros"
                + " for adults and two for children.</p>"
                + "<img src='d.jpg' alt='The north pier at dawn with the ferry moored alongside'>"
                + "<p>A note on prices.</p><p>The north pier at dawn with the ferry moored alongside</p>";
        List<Paragraph> ps = ArticleReader.read(html, InputFormat.HTML).paragraphs();
        assertEquals(8, ps.size());
        List<Boolean> caption = ps.stream().map(Paragraph::imageCaption).toList();
        assertEquals(List.of(false, true, false, false, false, false, false, false), caption);
        assertEquals("Tickets cost four euros for adults and two for children.", ps.get(5).text());
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
