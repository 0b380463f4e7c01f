package org.wirecopy.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pages of several posts: every paragraph is given the post it belongs to, and only where no article is found. */
class PostLayoutTest {

    /** Invented text only: a blog's homepage with two posts between a header and a footer. */
    static String homepage(String container) {
        String open = container.equals("article") ? "<article>" : "<div class=\"post hentry\">";
        String close = container.equals("article") ? "</article>" : "</div>";
        return "<html><head><title>Harbour notes</title></head><body>"
                + "<header><nav><a href=\"/\">Home</a> | <a href=\"/about\">About</a></nav></header>"
                + open + "<h2>First walk</h2>"
                + "<p>I walked to the harbour today and counted the boats, which took most of the morning.</p>"
                + "<blockquote><p>Forty boats were moored in the harbour on Tuesday, the port authority said in a "
                + "statement, the most since the spring.</p></blockquote>"
                + "<p>Forty seems low to me; last year I counted more than that on a wet day.</p>"
                + "<p>Posted by Ann at 9:40</p>" + close
                + open + "<h2>Second walk</h2>"
                + "<p>Rain again, so no walk, and I spent the day reading old tide tables instead of going out.</p>"
                + "<p>Posted by Ann at 18:05</p>" + close
                + "<footer><p>Copyright Harbour notes</p></footer></body></html>";
    }

    @Test
    void eachParagraphOfAHomepageBelongsToItsPostWithTheHeaderInTheFirstAndTheFooterInTheLast() {
        for (String container : List.of("article", "class")) {
            Article a = ArticleReader.readPage(homepage(container), "", true);
            assertTrue(a.paragraphs().stream().noneMatch(p -> p.region() == Paragraph.Region.MAIN), container);
            for (Paragraph p : a.paragraphs()) {
                int want = p.text().contains("Home") || p.text().contains("First walk") || p.text().contains("harbour")
                        || p.text().contains("Forty") || p.text().contains("9:40") ? 0 : 1;
                assertEquals(want, p.post(), container + ": " + p.text());
            }
            assertEquals(1, a.paragraphs().get(a.size() - 1).post(), "the footer goes with the last post");
        }
    }

    @Test
    void postsStartAtTitleHeadingsWhenThereAreNoContainers() {
        String html = "<html><body><div id=\"main\">"
                + "<h3 class=\"post-title\">Tide tables</h3><p>The tables for May came out today and they are late.</p>"
                + "<h3 class=\"post-title\">Gulls</h3><p>A gull took my sandwich on the pier this afternoon.</p>"
                + "<p>Second paragraph about the same gull, which came back for more.</p>"
                + "</div></body></html>";
        Article a = ArticleReader.readPage(html, "", true);
        List<Integer> posts = a.paragraphs().stream().map(Paragraph::post).toList();
        assertEquals(List.of(0, 0, 1, 1, 1), posts, a.paragraphs().toString());
    }

    @Test
    void aSingleArticleAPageWithMainContentOffAndPlainTextHaveNoPosts() {
        StringBuilder one = new StringBuilder("<html><body><nav><a href=\"/\">Home</a></nav><article><h1>Boats</h1>");
        for (int i = 0; i < 8; i++) {
            one.append("<p>Paragraph ").append(i).append(" of a single long story about the harbour, its boats and")
                    .append(" the people who count them every morning before the ferries leave.</p>");
        }
        one.append("</article><footer>Copyright</footer></body></html>");
        assertTrue(ArticleReader.readPage(one.toString(), "", true).paragraphs().stream().allMatch(p -> p.post() == 0));
        assertTrue(ArticleReader.readPage(homepage("article"), "", false).paragraphs().stream()
                .allMatch(p -> p.post() == 0), "main-content detection off reads the page as it is");
        assertTrue(ArticleReader.read("One.\n\nTwo.\n", InputFormat.TEXT).paragraphs().stream()
                .allMatch(p -> p.post() == 0));
    }

    @Test
    void aNegativePostIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Paragraph.of(0, "x", 0, 1).withPost(-1));
        assertTrue(e.getMessage().contains("post"), e.getMessage());
    }
}
