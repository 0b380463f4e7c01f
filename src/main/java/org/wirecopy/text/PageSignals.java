package org.wirecopy.text;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a web page says about its own kind, read from its metadata and URL: a news report, an opinion piece or a blog
 * post. Each flag is a hint for the network, not a verdict; a page may give none or, rarely, several.
 *
 * <p>Read from: JSON-LD {@code @type} ({@code NewsArticle}, {@code ReportageNewsArticle}, {@code AnalysisNewsArticle}
 * for news; {@code OpinionNewsArticle}, {@code Review}, {@code ReviewNewsArticle} for opinion; {@code BlogPosting}
 * for blog), {@code article:section} and
 * {@code section} meta tags, JSON-LD {@code articleSection} and microdata {@code itemprop=articleSection} naming opinion,
 * editorials, columns, commentary or reviews, {@code og:type} {@code blog}, and URL
 * paths ({@code /opinion/}, {@code /editorials/}, {@code /columns/}, {@code /commentary/}, {@code /op-ed/}, and a last path segment naming a review such as {@code /xbox-one-x-review}, for opinion;
 * {@code /blog/}, {@code /blogs/} and blog hosts for blog; {@code /news/} and agency hosts for news), and the words a
 * reader sees: a title or headline that starts "Opinion |", "Editorial:" and the like, or a kicker element
 * ("Opinion", "Column", "Review" in an element whose class names a kicker), for opinion.
 *
 * <p>Immutable and thread-safe.
 *
 * @param news    the page calls itself a news report
 * @param opinion the page calls itself opinion, an editorial, a column or a review
 * @param blog    the page calls itself a blog post
 */
public record PageSignals(boolean news, boolean opinion, boolean blog) {

    /** No signal: plain text, or a page that says nothing of its kind. */
    public static final PageSignals NONE = new PageSignals(false, false, false);

    private static final Pattern LD_TYPE = Pattern.compile("\"@type\"\\s*:\\s*\\[?\\s*\"([A-Za-z]+)\"");
    private static final Pattern LD_SECTION = Pattern.compile("\"articleSection\"\\s*:\\s*\\[?\\s*\"([^\"]{1,80})\"");
    /**
     * A review's URL: the last path segment ends with "review" ({@code /xbox-one-x-review}) or starts with it
     * ({@code /review-the-new-phone}); "council-to-review-parking" is not one.
     */
    private static final Pattern REVIEW_SLUG = Pattern.compile(
            "(?:/(?:[^/?#]*-)?reviews?|/reviews?-[^/?#]*)(?:\\.[a-z]{2,5})?/?(?:[?#]|$)");
    private static final Pattern OPINION_WORDS = Pattern.compile(
            "\\b(?:opinion|opinions|editorials?|columns?|columnists?|commentary|op-?ed|views|reviews?)\\b");
    private static final Pattern OPINION_PATH = Pattern.compile(
            "/(?:opinion|opinions|editorials?|columns?|columnists?|commentary|op-?ed|oped|views|reviews?)(?:/|$)");
    private static final Pattern BLOG_URL = Pattern.compile(
            "/(?:blog|blogs)(?:/|$)|\\.blogspot\\.|\\.wordpress\\.com|\\.substack\\.com|\\.tumblr\\.com|//medium\\.com/");
    private static final Pattern NEWS_URL = Pattern.compile(
            "/news/|//(?:www\\.)?(?:apnews\\.com|reuters\\.com|afp\\.com|upi\\.com|bloomberg\\.com/news)");

    /**
     * The signals of a parsed page and its URL.
     *
     * @param doc the parsed page; not modified
     * @param url the URL it was saved from, or empty when unknown
     * @return the flags the page's metadata and URL set
     */
    static PageSignals of(Document doc, String url) {
        boolean news = false;
        boolean opinion = false;
        boolean blog = false;
        for (Element s : doc.select("script[type=application/ld+json]")) {
            Matcher m = LD_TYPE.matcher(s.data());
            while (m.find()) {
                switch (m.group(1)) {
                    case "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle" -> news = true;
                    case "OpinionNewsArticle", "Review", "ReviewNewsArticle" -> opinion = true;
                    case "BlogPosting", "LiveBlogPosting" -> blog = true;
                    default -> { }
                }
            }
        }
        for (Element s : doc.select("script[type=application/ld+json]")) {
            Matcher m = LD_SECTION.matcher(s.data());
            while (m.find()) {
                if (OPINION_WORDS.matcher(m.group(1).toLowerCase(Locale.ROOT)).find()) opinion = true;
            }
        }
        for (Element m : doc.select("meta[property=article:section], meta[property=og:article:section], "
                + "meta[name=section], meta[name=article:section], meta[itemprop=articleSection]")) {
            if (OPINION_WORDS.matcher(m.attr("content").toLowerCase(Locale.ROOT)).find()) opinion = true;
        }
        for (Element m : doc.select("[itemprop=articleSection]:not(meta)")) {
            if (m.text().length() <= 80 && OPINION_WORDS.matcher(m.text().toLowerCase(Locale.ROOT)).find()) {
                opinion = true;
            }
        }
        if (!opinion && opinionByWords(doc)) opinion = true;
        for (Element m : doc.select("meta[property=og:type]")) {
            if (m.attr("content").toLowerCase(Locale.ROOT).contains("blog")) blog = true;
        }
        String u = url == null ? "" : url.toLowerCase(Locale.ROOT);
        if (!u.isEmpty()) {
            String path = u.replaceFirst("^[a-z]+://[^/]*", "");
            if (OPINION_PATH.matcher(path).find() || REVIEW_SLUG.matcher(path).find()) opinion = true;
            if (BLOG_URL.matcher(u).find()) blog = true;
            if (NEWS_URL.matcher(u).find() && !opinion) news = true;
        }
        return new PageSignals(news, opinion, blog);
    }

    /**
     * A page that names its kind in words a reader sees: a title or headline that starts with a kicker ("Opinion |
     * ...", "Editorial: ...", "Column - ...", "OP-ED: ..."), or a kicker of its own, an element of at most three words
     * whose class or id names a kicker ({@code kicker}, {@code eyebrow}, {@code rubric}, {@code overline},
     * {@code label}...) and whose words are one ("Opinion", "Editorial", "Column", "Commentary", "Op-Ed",
     * "Perspective", "Essay", "Review"), outside menus and lists. A menu's "Opinion" link is neither. "Analysis" is
     * left out: news desks use it for their own reporting.
     */
    static boolean opinionByWords(Document doc) {
        for (Element t : doc.select("title, meta[property=og:title], meta[name=twitter:title], h1")) {
            String text = t.normalName().equals("meta") ? t.attr("content") : t.text();
            if (KICKER_PREFIX.matcher(text.strip()).lookingAt()) return true;
        }
        for (Element e : doc.select("[class~=(?i)kicker|eyebrow|rubric|overline|label|section-name], "
                + "[id~=(?i)kicker|eyebrow|rubric]")) {
            if (e.closest("nav, li, [role=navigation], [role=menu]") != null) continue;
            String text = e.text().strip();
            if (text.length() <= 40 && KICKER.matcher(text).matches()) return true;
        }
        return false;
    }

    private static final String KICKER_WORDS =
            "(?:opinion|editorial|column|commentary|op-?ed|perspective|essay|review|guest (?:essay|column))";
    /** A whole kicker, with the punctuation that may close it. */
    private static final Pattern KICKER = Pattern.compile(KICKER_WORDS + "\\s*[:|\u2013\u2014-]?",
            Pattern.CASE_INSENSITIVE);
    /** A title that starts with a kicker and a separator. */
    private static final Pattern KICKER_PREFIX = Pattern.compile(KICKER_WORDS + "\\s*[:|\u2013\u2014-]\\s*\\S",
            Pattern.CASE_INSENSITIVE);

    /** {@return whether any flag is set} */
    public boolean any() {
        return news || opinion || blog;
    }
}
