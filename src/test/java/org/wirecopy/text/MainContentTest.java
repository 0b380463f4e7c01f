package org.wirecopy.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Main-content detection on small hand-made pages. */
class MainContentTest {

    /** A news-like page: menu, headline, byline, five body paragraphs, a list of other stories and a footer. */
    static String newsPage() {
        StringBuilder b = new StringBuilder("<html><head><title>Harbour bridge to close for repairs | The Dunmore Star"
                + "</title></head><body><header><div class='masthead'>The Dunmore Star</div>"
                + "<ul class='menu'><li><a href='/news'>News</a></li><li><a href='/sport'>Sport</a></li>"
                + "<li><a href='/opinion'>Opinion</a></li></ul></header>"
                + "<div class='page'><div class='story'><h1>Harbour bridge to close for repairs</h1>"
                + "<p class='byline'>By Ana Cole</p><div class='story-body'>");
        String[] body = {
            "The harbour bridge in Dunmore will close to traffic for eleven weeks from the first of May while engineers "
                + "replace corroded bearings under its eastern span, the county roads department said on Tuesday.",
            "Drivers will be sent along the ring road, which the department expects to add twelve to twenty minutes to "
                + "a crossing at peak times, and two extra ferry sailings will run each morning and evening.",
            "The repairs were brought forward after an inspection in February found that three of the eight bearings "
                + "had worn beyond the limits set when the bridge opened, a spokeswoman for the department said.",
            "Local traders said the closure would hurt businesses on the quay, which depend on passing trade from "
                + "commuters, and asked the council to waive parking charges in the town centre while the work lasts.",
            "The council said it would consider the request at its meeting next month, and that the cost of the work, "
                + "about four million pounds, would be met from the regional transport budget rather than local taxes."};
        for (String p : body) b.append("<p>").append(p).append("</p>");
        b.append("</div></div><aside class='related'><h3>Most read</h3><ul>"
                + "<li><a href='/a'>Council votes to keep library open on Sundays</a></li>"
                + "<li><a href='/b'>Two arrested after quay break-in</a></li></ul></aside></div>"
                + "<footer><p>Copyright 2026 The Dunmore Star. All rights reserved.</p>"
                + "<p><a href='/privacy'>Privacy</a> | <a href='/terms'>Terms</a></p></footer></body></html>");
        return b.toString();
    }

    @Test
    void marksTheArticleMainAndTheFurnitureOutside() {
        Article a = ArticleReader.readPage(newsPage(), "https://example.org/news/2026/bridge");
        int main = 0;
        for (Paragraph p : a.paragraphs()) {
            boolean body = p.text().length() > 150;
            if (body) assertEquals(Paragraph.Region.MAIN, p.region(), p.text());
            if (p.region() == Paragraph.Region.MAIN) main++;
            if (p.text().startsWith("Copyright") || p.text().startsWith("Council votes") || p.text().equals("Sport")) {
                assertEquals(Paragraph.Region.OUTSIDE, p.region(), p.text());
            }
        }
        Paragraph headline = a.paragraphs().stream().filter(p -> p.text().equals("Harbour bridge to close for repairs"))
                .findFirst().orElseThrow();
        assertEquals(Paragraph.Region.MAIN, headline.region(), "the headline repeats the page title");
        assertTrue(main >= 6 && main <= 7, "headline, maybe the byline, five body paragraphs: " + main);
        assertTrue(a.page().news(), "a /news/ URL");
    }

    @Test
    void leavesAPageOfSeveralPostsUnknown() {
        StringBuilder b = new StringBuilder("<html><body><div class='blog-posts'>");
        for (int post = 0; post < 4; post++) {
            b.append("<div class='post hentry'><h3 class='post-title'>Post number ").append(post).append("</h3>");
            for (int i = 0; i < 3; i++) {
                b.append("<p>This is paragraph ").append(i).append(" of post ").append(post)
                        .append(", long enough to count as prose on any page: the writer goes on about the weather, ")
                        .append("the garden and the state of the roads in the village this spring.</p>");
            }
            b.append("<div class='post-footer'>Posted by Sam at 9:1").append(post).append(" AM</div></div>");
        }
        b.append("</div></body></html>");
        Article a = ArticleReader.readPage(b.toString(), "");
        long prose = a.paragraphs().stream().filter(p -> p.text().length() > 100).count();
        assertEquals(12, prose);
        for (Paragraph p : a.paragraphs()) {
            assertFalse(p.region() == Paragraph.Region.OUTSIDE && p.text().length() > 100,
                    "no post's prose may be cut as outside the article: " + p.text());
        }
    }

    @Test
    void aPageOfNavigationOnlyIsLeftUnknown() {
        StringBuilder b = new StringBuilder("<html><body><ul>");
        for (int i = 0; i < 30; i++) b.append("<li><a href='/s").append(i).append("'>Section ").append(i).append("</a></li>");
        b.append("</ul></body></html>");
        Article a = ArticleReader.readPage(b.toString(), "");
        assertEquals(30, a.size());
        for (Paragraph p : a.paragraphs()) {
            assertEquals(Paragraph.Region.UNKNOWN, p.region());
            assertEquals(1f, p.linkShare(), 1e-6);
        }
    }

    @Test
    void pageSignalsComeFromJsonLdMetaAndUrl() {
        String ld = "<html><head><script type='application/ld+json'>{\"@context\":\"https://schema.org\","
                + "\"@type\":\"OpinionNewsArticle\"}</script></head><body><p>x</p></body></html>";
        assertEquals(new PageSignals(false, true, false), ArticleReader.readPage(ld, "").page());
        String meta = "<html><head><meta property='article:section' content='Editorials'></head><body><p>x</p></body></html>";
        assertTrue(ArticleReader.readPage(meta, "").page().opinion());
        assertEquals(new PageSignals(false, false, true),
                ArticleReader.readPage("<p>x</p>", "https://someone.blogspot.com/2026/03/post.html").page());
        assertEquals(new PageSignals(false, true, false),
                ArticleReader.readPage("<p>x</p>", "https://paper.example/opinion/2026/03/why").page());
        assertEquals(PageSignals.NONE, ArticleReader.readPage("<p>x</p>", "https://paper.example/2026/03/why").page());
        String section = "<html><head><script type='application/ld+json'>{\"@type\":\"NewsArticle\","
                + "\"articleSection\":[\"Opinion\"]}</script></head><body><p>x</p></body></html>";
        assertEquals(new PageSignals(true, true, false), ArticleReader.readPage(section, "").page());
        assertTrue(ArticleReader.readPage("<p>x <span itemprop='articleSection'>Columns</span></p>", "").page()
                .opinion());
        assertTrue(ArticleReader.readPage("<p>x</p>", "https://gadgets.example/2026/03/new-phone-review/").page()
                .opinion(), "a review's slug");
        assertFalse(ArticleReader.readPage("<p>x</p>", "https://paper.example/2026/03/reviewers-disagree-on-budget")
                .page().opinion(), "a word that starts with review is not a review");
        assertFalse(ArticleReader.readPage("<p>x</p>", "https://paper.example/2026/03/council-to-review-parking-rules")
                .page().opinion(), "a story about a review is not one");
        assertTrue(ArticleReader.readPage("<p>x</p>", "https://films.example/review-the-long-night.html").page()
                .opinion());
    }

    /** Kicker words a reader sees: a title or headline that starts with one, or an element that is one. */
    @Test
    void pageSignalsComeFromKickerWords() {
        String body = "<body><p>The pier needs a roof, and the council should pay for it this year.</p></body>";
        assertTrue(opinion("<head><title>Opinion | The pier needs a roof</title></head>" + body));
        assertTrue(opinion("<head><meta property='og:title' content='EDITORIAL: Roof the pier'></head>" + body));
        assertTrue(opinion("<body><h1>Column \u2014 Why the pier needs a roof</h1><p>Text.</p></body>"));
        assertTrue(opinion("<body><div class='article-kicker'>Opinion</div><h1>Roof the pier</h1><p>x</p></body>"));
        assertTrue(opinion("<body><span class='eyebrow'>Guest essay:</span><h1>Roof the pier</h1><p>x</p></body>"));
        // a menu's "Opinion" link, a word that only starts like a kicker, news analysis and a long label are not
        assertFalse(opinion("<body><nav><ul><li class='label'><a href='/opinion'>Opinion</a></li></ul></nav>"
                + "<h1>Pier to get a roof</h1><p>x</p></body>"));
        assertFalse(opinion("<body><ul class='menu'><li><span class='menu-label'>Opinion</span></li></ul>"
                + "<p>x</p></body>"));
        assertFalse(opinion("<head><title>Opinionated cats and the people who feed them</title></head>" + body));
        assertFalse(opinion("<head><title>Analysis: what the pier vote means</title></head>" + body));
        assertFalse(opinion("<body><div class='label'>Opinion polls put the roof ahead</div><p>x</p></body>"));
    }

    private static boolean opinion(String html) {
        return ArticleReader.readPage("<html>" + html + "</html>", "").page().opinion();
    }

    @Test
    void markupOfEachParagraphIsRecorded() {
        List<Paragraph> ps = HtmlSegmenter.split("<div class='share-bar'><p><a href='#'>Share on Facebook</a></p></div>"
                + "<figure><img src='x.jpg'><figcaption>The bridge at dusk. (Photo: Ana Cole)</figcaption></figure>"
                + "<p>Half of this is <a href='/l'>a link</a> here.</p><p hidden>gone</p>"
                + "<p style='display: none'>also gone</p><div aria-hidden='true'>and this</div>");
        assertEquals(3, ps.size());
        assertTrue(ps.get(0).furnitureHint());
        assertEquals(1f, ps.get(0).linkShare(), 1e-6);
        assertEquals("figcaption", ps.get(1).tag());
        assertEquals("p", ps.get(2).tag());
        // "alink" is 5 of the 22 non-space chars of "Halfofthisisalinkhere."
        assertEquals(5f / 22f, ps.get(2).linkShare(), 1e-6);
        assertFalse(ps.get(2).furnitureHint());
    }

    @Test
    void deeplyNestedPagesDoNotOverflowTheStack() {
        String html = "<div>".repeat(20_000) + "<p>deep text</p>" + "</div>".repeat(20_000);
        List<Paragraph> ps = HtmlSegmenter.split(html);
        assertEquals(1, ps.size());
        assertEquals("deep text", ps.get(0).text());
        Article a = ArticleReader.readPage(html, "");
        assertEquals(1, a.size());
    }

    private static List<Paragraph> paragraphs(String... texts) {
        List<Paragraph> out = new java.util.ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            Paragraph p = Paragraph.of(i, texts[i].substring(3), 0, 0);
            String tag = texts[i].substring(0, 2).trim();
            int level = tag.startsWith("h") ? tag.charAt(1) - '0' : 0;
            out.add(p.withMarkup(0, level, level > 0 ? tag : "p", tag.equals("a") ? 1f : 0f, false));
        }
        return out;
    }

    private static final String PROSE = "The ferry company said on Monday that sailings would resume next week once "
            + "the new gangway has passed its inspection, ending a month of disruption for island residents.";

    @Test
    void theHeaderBeforeTheBodyJoinsTheArticle() {
        // headline, a share line repeating it, the standfirst, a box, two body paragraphs Readability missed, then
        // the body it found
        List<Paragraph> ps = paragraphs("a  Home", "h1 Ferry sailings to resume after gangway repairs",
                "a  Share: Ferry sailings to resume after gangway repairs",
                "p  Island residents have waited a month for the crossing to reopen.",
                "a  Newsletter", "p  1" + PROSE, "h2 What happens next", "p  2" + PROSE, "p  3" + PROSE,
                "p  4" + PROSE, "a  Most read");
        boolean[] main = new boolean[ps.size()];
        main[8] = main[9] = true;
        MainContent.markHeader(ps, main, List.of("Ferry sailings to resume after gangway repairs | The Isles Post"),
                List.of(TextNormalizer.matchKey("Island residents have waited a month for the crossing to reopen.")));
        assertEquals("[false, true, false, true, false, true, true, true, true, true, false]",
                java.util.Arrays.toString(main));
    }

    @Test
    void noTitleNoHeader() {
        List<Paragraph> ps = paragraphs("h1 Something else entirely on this page", "p  1" + PROSE, "p  2" + PROSE);
        boolean[] main = {false, false, true};
        MainContent.markHeader(ps, main, List.of("Ferry sailings to resume after gangway repairs"), List.of());
        assertEquals("[false, false, true]", java.util.Arrays.toString(main),
                "without a headline nothing before the body is taken");
    }

    @Test
    void titlesMatchAcrossSiteNamesAndEditedWords() {
        assertTrue(MainContent.sameTitle("Ferry sailings to resume", "Ferry sailings to resume - The Isles Post"));
        assertTrue(MainContent.sameTitle("Ferry sailings will resume after the gangway repairs",
                "Ferry sailings to resume after the gangway repairs"));
        assertFalse(MainContent.sameTitle("Ferry", "Ferry sailings to resume"));
        assertFalse(MainContent.sameTitle("Council approves new budget for the harbour",
                "Ferry sailings to resume after gangway repairs"));
        List<String> titles = MainContent.titles(org.jsoup.Jsoup.parse("<title>A long headline here | Site</title>"
                + "<meta property='og:title' content='The og headline'>"), null);
        assertEquals(List.of("The og headline", "A long headline here | Site", "A long headline here"), titles);
    }

    @Test
    void proseInFurnitureIsNoRivalArticle() {
        List<Paragraph> ps = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) ps.add(Paragraph.of(i, i + PROSE, 0, 0));
        for (int i = 4; i < 7; i++) ps.add(Paragraph.of(i, i + PROSE, 0, 0).withMarkup(0, 0, "p", 0f, i >= 0));
        boolean[] main = {true, true, true, true, false, false, false};
        long inMain = 4L * ps.get(0).length();
        assertFalse(MainContent.rivalOutside(ps, main, new boolean[7], inMain), "a footer's three notices are no second article");
        List<Paragraph> plain = new java.util.ArrayList<>(ps.subList(0, 4));
        for (int i = 4; i < 7; i++) plain.add(Paragraph.of(i, i + PROSE, 0, 0));
        assertTrue(MainContent.rivalOutside(plain, main, new boolean[7], inMain), "three prose paragraphs outside are");
    }

    @Test
    void aGalleryInsideTheArticleIsNoRivalArticle() {
        // a teaser copy of the article's text, two of its paragraphs, five captioned slides Readability took out, two
        // more of its paragraphs
        List<Paragraph> ps = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) ps.add(Paragraph.of(i, i + PROSE, 0, 0));
        boolean[] main = {true, false, true, true, false, false, false, false, true, true};
        long inMain = 4L * ps.get(0).length();
        boolean[] inset = MainContent.insets(ps, main, 2);
        assertEquals("[false, false, false, false, true, true, true, true, false, false]",
                java.util.Arrays.toString(inset), "the teaser above the article opens no span");
        assertFalse(MainContent.rivalOutside(ps, main, inset, inMain), "slides inside the article are an inset");
        main[8] = main[9] = false;
        inset = MainContent.insets(ps, main, 2);
        assertTrue(MainContent.rivalOutside(ps, main, inset, inMain), "the same run after the article's end is a rival");
    }

    @Test
    void aPageWithAGalleryInsideItsArticleKeepsTheArticle() {
        StringBuilder gallery = new StringBuilder("<div class='media-gallery'><h2>Port news in pictures</h2>");
        String[] slides = {"A crane lifts the last section of the new fish market roof into place on a grey morning, "
                + "watched by stallholders who expect to move in before the start of the summer season.",
            "Volunteers from the lifeboat station repaint the slipway rails ahead of the open day, when visitors can "
                + "tour the boathouse and watch a launch drill from the harbour wall at noon.",
            "The old customs house, empty for a decade, is wrapped in scaffolding as work begins on turning its upper "
                + "floors into flats and its ground floor into a cafe and a small museum of the port.",
            "Schoolchildren plant dune grass along the northern beach, where last winter's storms cut back the "
                + "sand by several metres and exposed the remains of a wartime concrete lookout post.",
            "A cargo ship carrying wind turbine blades waits for the tide outside the harbour mouth, the largest "
                + "vessel to call at the port since the deep-water berth was dredged two years ago."};
        for (int i = 0; i < slides.length; i++) {
            gallery.append("<div class='slide'><h3>").append(i + 1).append("/5</h3><p>").append(slides[i])
                    .append("</p></div>");
        }
        gallery.append("</div>");
        String page = newsPage();
        int third = page.indexOf("<p>Local traders");
        page = page.substring(0, third) + gallery + page.substring(third);
        Article a = ArticleReader.readPage(page, "https://example.org/news/2026/bridge");
        for (Paragraph p : a.paragraphs()) {
            if (p.text().startsWith("The harbour bridge") || p.text().startsWith("The council said")) {
                assertEquals(Paragraph.Region.MAIN, p.region(), "the article is found around the gallery: " + p.text());
            }
            for (String slide : slides) {
                if (p.text().equals(slide)) assertEquals(Paragraph.Region.OUTSIDE, p.region(), p.text());
            }
        }
    }

    @Test
    void readerCommentsInArticleElementsAreNoSecondPost() {
        String page = newsPage();
        StringBuilder comments = new StringBuilder("<div id='comments' class='comments-area'>");
        for (int c = 0; c < 3; c++) {
            comments.append("<article id='div-comment-").append(c).append("' class='comment-body'><p>Reader ")
                    .append(c).append(" writes at length: the bearings were known to be worn for years, and the ")
                    .append("council should have planned the closure before the summer season began on the quay. Every ")
                    .append("trader on the front lost money the last time the road shut, and nobody paid them back. ")
                    .append("Ask the harbour master how many letters went unanswered before the inspection.")
                    .append("</p></article>");
        }
        comments.append("</div>");
        Article plain = ArticleReader.readPage(page, "");
        String withComments = page.replace("<footer>", comments + "<footer>");
        Article a = ArticleReader.readPage(withComments, "");
        assertTrue(plain.paragraphs().stream().anyMatch(p -> p.region() == Paragraph.Region.MAIN));
        for (Paragraph p : a.paragraphs()) {
            if (p.text().startsWith("The harbour bridge")) {
                assertEquals(Paragraph.Region.MAIN, p.region(), "the article is still found beside three comments");
            }
            if (p.text().startsWith("Reader ")) assertEquals(Paragraph.Region.OUTSIDE, p.region(), p.text());
        }
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(withComments);
        assertEquals(0, MainContent.postContainers(doc), "comments are no posts");
        doc.select("div.page").first().append("<article class='post'>" + "A second post on the page. ".repeat(20)
                + "</article><article class='post'>" + "A third post on the page. ".repeat(20) + "</article>");
        assertEquals(2, MainContent.postContainers(doc), "posts outside furniture still count");
    }
}
