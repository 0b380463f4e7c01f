package org.wirecopy.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.wirecopy.TestData;
import org.wirecopy.text.ArticleReader;
import org.wirecopy.text.InputFormat;
import org.wirecopy.text.Paragraph;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class PostSplitterTest {

    /** Invented text only. */
    static String articles() {
        return "<html><body><header><nav>Home | About</nav></header>"
                + "<article><h2>First walk</h2><time datetime=\"2024-05-02T10:00\">May 2</time>"
                + "<p>I walked to the harbour today and counted the boats.</p>"
                + "<blockquote><p>Boats were counted, the ministry said on Tuesday.</p></blockquote>"
                + "<footer>Posted by Ann | 3 comments</footer></article>"
                + "<article><h2>Second walk</h2><p>Rain again, so no walk.</p>"
                + "<article class=\"comment\"><p>A nested comment stays in its post.</p></article>"
                + "<footer>Posted by Ann</footer></article>"
                + "<footer>Copyright</footer></body></html>";
    }

    @Test
    void articleElementsAreOnePostEachWithTitleDateAndSourceOffsets() {
        String html = articles();
        List<Post> posts = PostSplitter.split(html);
        assertEquals(2, posts.size());
        assertEquals("article", posts.get(0).layout());
        assertEquals("First walk", posts.get(0).title());
        assertEquals("2024-05-02T10:00", posts.get(0).date());
        assertEquals("Second walk", posts.get(1).title());
        assertEquals("", posts.get(1).date());
        for (Post p : posts) {
            String src = html.substring(p.start(), p.end());
            assertTrue(src.startsWith("<article>") && src.endsWith("</article>"), src);
        }
        assertTrue(posts.get(1).html().contains("nested comment"));
        assertTrue(!posts.get(0).html().contains("Rain again") && !posts.get(1).html().contains("harbour"));
        List<String> texts = ArticleReader.read(posts.get(0).html(), InputFormat.HTML, "", false).paragraphs()
                .stream().map(Paragraph::text).toList();
        assertTrue(texts.contains("Boats were counted, the ministry said on Tuesday."), texts.toString());
    }

    @Test
    void bloggerClassesFindTheOutermostPostBlocks() {
        StringBuilder b = new StringBuilder("<html><body><div class='blog-posts hfeed'>");
        for (int i = 1; i <= 3; i++) {
            b.append("<div class='post-outer'><div class='post hentry'><h3 class='post-title entry-title'>Title ")
                    .append(i).append("</h3><div class='post-body entry-content'><p>Body ").append(i)
                    .append(" has words.</p></div><div class='post-footer'><abbr class='published' title='2024-0")
                    .append(i).append("-01'>x</abbr> Posted by B</div></div></div>");
        }
        b.append("</div><div class='sidebar'><div class='post-list'>not a post</div></div></body></html>");
        List<Post> posts = PostSplitter.split(b.toString());
        assertEquals(3, posts.size());
        assertEquals("class", posts.get(0).layout());
        assertEquals(List.of("Title 1", "Title 2", "Title 3"), posts.stream().map(Post::title).toList());
        assertEquals("2024-02-01", posts.get(1).date());
        assertTrue(posts.get(2).html().contains("Body 3") && posts.get(2).html().contains("Posted by B"));
    }

    @Test
    void titleHeadingsStartPostsThatRunThroughTheirBodyAndFooter() {
        String html = "<html><body><div id='main'>"
                + "<h1 class='posttitle'>One</h1><div class='body'><p>First body.</p></div><p class='by'>Filed under x</p>"
                + "<h1 class='posttitle'>Two</h1><div class='body'><p>Second body.</p></div><p class='by'>Filed under y</p>"
                + "</div></body></html>";
        List<Post> posts = PostSplitter.split(html);
        assertEquals(2, posts.size());
        assertEquals("title-heading", posts.get(0).layout());
        assertEquals("One", posts.get(0).title());
        assertTrue(posts.get(0).html().contains("First body.") && posts.get(0).html().contains("Filed under x"));
        assertTrue(!posts.get(0).html().contains("Second body."));
        assertTrue(posts.get(1).html().contains("Filed under y"));
        assertTrue(html.substring(posts.get(1).start(), posts.get(1).end()).startsWith("<h1 class='posttitle'>Two"));
    }

    @Test
    void aPageWithOnePostIsOnePost() {
        String html = "<html><body><article><h1>Only</h1><p>Text.</p></article><p>Footer</p></body></html>";
        List<Post> posts = PostSplitter.split(html);
        assertEquals(1, posts.size());
        assertEquals("page", posts.get(0).layout());
        assertEquals(html, posts.get(0).html());
    }

    /**
     * On the real homepages: every site has at least as many posts as the labelled set keeps from it, and every
     * labelled post's paragraphs are all found inside one single post (text matched; evaluation only).
     */
    @Test
    void realBlogHomepagesSplitSoEveryLabelledPostFallsInOnePost() throws Exception {
        Path root = TestData.shared().resolve("acceptance/real-blogs");
        assumeTrue(Files.isDirectory(root.resolve("html")) && Files.isRegularFile(root.resolve("posts.jsonl")),
                "../shared/acceptance/real-blogs is not present; the real-page post-splitting check is skipped");
        Map<String, List<List<String>>> gold = new LinkedHashMap<>();
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader r = Files.newBufferedReader(root.resolve("posts.jsonl"), StandardCharsets.UTF_8)) {
            String l;
            while ((l = r.readLine()) != null) {
                if (l.isBlank()) continue;
                JsonNode n = json.readTree(l);
                List<String> texts = new ArrayList<>();
                for (JsonNode p : n.get("paragraphs")) {
                    if (!p.get("label").asText().equals("BOILERPLATE")) texts.add(norm(p.get("text").asText()));
                }
                gold.computeIfAbsent(n.get("style").asText(), k -> new ArrayList<>()).add(texts);
            }
        }
        assertEquals(9, gold.size());
        StringBuilder report = new StringBuilder();
        for (Map.Entry<String, List<List<String>>> site : gold.entrySet()) {
            String html = Files.readString(root.resolve("html/" + site.getKey() + ".html"), StandardCharsets.UTF_8);
            List<Post> posts = PostSplitter.split(html);
            report.append(site.getKey()).append(' ').append(posts.size()).append('/').append(site.getValue().size())
                    .append("; ");
            assertTrue(posts.size() >= site.getValue().size(), site.getKey() + ": " + posts.size()
                    + " posts found, the labelled set keeps " + site.getValue().size());
            List<String> postTexts = new ArrayList<>();
            for (Post p : posts) {
                postTexts.add(norm(String.join(" ", ArticleReader.read(p.html(), InputFormat.HTML, "", false)
                        .paragraphs().stream().map(Paragraph::text).toList())));
            }
            int g = 0;
            for (List<String> post : site.getValue()) {
                g++;
                List<String> snippets = post.stream().map(t -> t.length() > 30 ? t.substring(0, 30) : t)
                        .filter(t -> t.length() >= 15).toList();
                int majority = 0;
                int best = 0;
                for (String t : postTexts) {
                    int found = (int) snippets.stream().filter(t::contains).count();
                    if (2 * found > snippets.size()) majority++;
                    best = Math.max(best, found);
                }
                assertEquals(1, majority, site.getKey() + " labelled post " + g + ": " + majority
                        + " split posts hold most of its paragraphs, expected exactly 1");
                assertTrue(best >= 0.8 * snippets.size(), site.getKey() + " labelled post " + g + ": only " + best
                        + " of " + snippets.size() + " paragraphs in one split post");
            }
        }
        System.err.println("posts found/labelled per site: " + report);
    }

    /** Lower-case letters and digits only, so that spacing, quotes and punctuation of the two readings agree. */
    private static String norm(String s) {
        return s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }
}
