package org.wirecopy.text;

import net.dankito.readability4j.Readability4J;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.NodeTraversor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the main content of a web page, the article among menus, sidebars, lists of other stories and footers, and
 * marks every paragraph of the page {@link Paragraph.Region#MAIN} or {@link Paragraph.Region#OUTSIDE}.
 *
 * <p>The article is found by Readability4J (a port of Mozilla's Readability, the library behind Firefox's reader
 * view); its text is then matched, in page order, to the page's own paragraphs, so every paragraph keeps its offsets
 * into the original page. The page's title (as Readability reads it) marks the headline paragraph as main content
 * too. The result is trusted only when it holds enough of the page's prose (prose that Readability took out from
 * between the article's own paragraphs, a gallery or a box, does not count against it): a page of several posts (a
 * blog's homepage), where Readability picks one, or a page where it finds too little, is left
 * {@link Paragraph.Region#UNKNOWN} throughout, and the network alone decides.
 *
 * <p>Stateless and thread-safe.
 */
final class MainContent {

    private static final Logger LOG = LoggerFactory.getLogger(MainContent.class);

    /**
     * Share of the page's prose characters the detected article must hold to be trusted: lists of other stories and
     * reader comments can hold more prose than the article, but an article that is a sliver of the page's prose is
     * more likely a disclaimer or a teaser than the article.
     */
    static final double MIN_PROSE_SHARE = 0.2;
    /** Prose characters the detected article must hold to be trusted. */
    static final int MIN_PROSE_CHARS = 300;
    /** Class names of a blog post's container in common publishing systems. */
    private static final java.util.Set<String> POST_CLASSES = java.util.Set.of("post", "hentry", "blog-post",
            "type-post", "post-outer", "entry", "article");
    /** A paragraph of at least this many chars, mostly not links, counts as prose. */
    static final int PROSE_CHARS = 100;
    /** Keys shorter than this must match right where the previous match ended (up to {@link #SHORT_REACH}). */
    static final int SHORT_KEY = 25;
    static final int SHORT_REACH = 80;

    /**
     * Pages nested deeper than this are left unknown: Readability4J walks the tree recursively, and no real article
     * is nested this deep.
     */
    static final int MAX_DEPTH = 400;
    /**
     * Pages with more elements than this are left unknown: Readability4J works on a copy of the whole tree, which
     * more than doubled the peak memory of a 10 MB page (682 MB against 265 MB for parsing it), and an article page
     * has a few thousand elements.
     */
    static final int MAX_ELEMENTS = 50_000;

    private MainContent() {
    }

    /**
     * The number of post containers on the page ({@code article} elements, or elements with a class such as "post" or
     * "hentry") that hold at least 300 characters, sit in no other post container and are not furniture (reader
     * comments, teasers in a "related" box): two or more mean a page of several posts, such as a blog's homepage.
     */
    static int postContainers(Document doc) {
        java.util.Set<Element> found = new java.util.HashSet<>();
        int count = 0;
        for (Element e : doc.getAllElements()) {
            boolean post = e.normalName().equals("article");
            if (!post) {
                for (String c : e.classNames()) {
                    if (POST_CLASSES.contains(c.toLowerCase(java.util.Locale.ROOT))) {
                        post = true;
                        break;
                    }
                }
            }
            if (!post || inFurniture(e)) continue;
            boolean nested = false;
            for (Element a = e.parent(); a != null; a = a.parent()) {
                if (found.contains(a)) {
                    nested = true;
                    break;
                }
            }
            found.add(e);
            if (!nested && e.text().length() >= 300) count++;
        }
        return count;
    }

    /**
     * Whether {@code e} or an element around it is furniture by its name, class or id: reader comments and teaser cards
     * of other stories are often {@code article} elements too, and are no post of the page.
     */
    private static boolean inFurniture(Element e) {
        for (Element a = e; a != null; a = a.parent()) {
            if (HtmlSegmenter.furnitureElement(a, a.normalName())) return true;
        }
        return false;
    }

    /** Whether {@code doc} has more than {@code max} elements (an iterative walk that stops there). */
    static boolean moreElementsThan(Document doc, int max) {
        int[] count = {0};
        NodeTraversor.filter(new org.jsoup.select.NodeFilter() {
            @Override
            public FilterResult head(org.jsoup.nodes.Node node, int depth) {
                if (node instanceof Element && ++count[0] > max) return FilterResult.STOP;
                return FilterResult.CONTINUE;
            }
        }, doc);
        return count[0] > max;
    }

    /** Whether any element of {@code doc} is nested more than {@code max} deep (an iterative walk). */
    static boolean deeperThan(Document doc, int max) {
        boolean[] deep = {false};
        NodeTraversor.filter(new org.jsoup.select.NodeFilter() {
            @Override
            public FilterResult head(org.jsoup.nodes.Node node, int depth) {
                if (depth > max) {
                    deep[0] = true;
                    return FilterResult.STOP;
                }
                return FilterResult.CONTINUE;
            }
        }, doc);
        return deep[0];
    }

    /**
     * The paragraphs of {@code doc} (as {@link HtmlSegmenter#split(Document)} gave them) with their regions marked,
     * or unchanged (all UNKNOWN) when no trustworthy main content is found.
     *
     * @param doc        the parsed page; not modified
     * @param paragraphs its paragraphs
     * @param url        the page's URL, or empty
     * @return the paragraphs, each MAIN or OUTSIDE, or {@code paragraphs} itself
     */
    static List<Paragraph> mark(Document doc, List<Paragraph> paragraphs, String url) {
        if (paragraphs.isEmpty() || moreElementsThan(doc, MAX_ELEMENTS) || deeperThan(doc, MAX_DEPTH)
                || postContainers(doc) >= 2) {
            return paragraphs;
        }
        net.dankito.readability4j.Article article;
        try {
            article = new Readability4J(url == null || url.isEmpty() ? "http://localhost/" : url, doc.clone()).parse();
        } catch (RuntimeException e) {
            LOG.debug("main-content detection failed: {}", e.toString());
            return paragraphs;
        }
        Element content = article.getArticleContent();
        if (content == null) return paragraphs;
        String contentKey = contentKey(content);
        if (contentKey.length() < 200) return paragraphs;
        boolean[] main = new boolean[paragraphs.size()];
        int cursor = 0;
        int first = -1;
        int inOrder = -1;
        for (int i = 0; i < paragraphs.size(); i++) {
            String k = key(paragraphs.get(i).text());
            if (k.isEmpty()) continue;
            int at = contentKey.indexOf(k, cursor);
            if (k.length() < SHORT_KEY) {
                // a short text ("Photo", "Share") counts only where the article's text goes on
                if (at < 0 || at > cursor + SHORT_REACH) continue;
            } else if (at < 0) {
                // a long text found earlier in the article: a copy above it (a teaser, a repeated caption)
                if (!contentKey.contains(k)) continue;
                main[i] = true;
                if (first < 0) first = i;
                continue;
            }
            main[i] = true;
            if (first < 0) first = i;
            if (inOrder < 0) inOrder = i;
            cursor = at + k.length();
        }
        if (first < 0) return paragraphs;
        markHeader(paragraphs, main, titles(doc, article.getTitle()), descriptions(doc));
        boolean[] inset = insets(paragraphs, main, inOrder);
        long prose = 0;
        long proseInMain = 0;
        for (int i = 0; i < paragraphs.size(); i++) {
            Paragraph p = paragraphs.get(i);
            if (inset[i]) continue;
            if (p.length() >= PROSE_CHARS && p.linkShare() < 0.3f) {
                prose += p.length();
                if (main[i]) proseInMain += p.length();
            }
        }
        if (proseInMain < MIN_PROSE_CHARS || proseInMain < MIN_PROSE_SHARE * prose) {
            LOG.debug("main content holds {} of {} prose chars; not trusted", proseInMain, prose);
            return paragraphs;
        }
        if (rivalOutside(paragraphs, main, inset, proseInMain)) {
            LOG.debug("another article-sized run of prose lies outside the main content; not trusted");
            return paragraphs;
        }
        List<Paragraph> out = new ArrayList<>(paragraphs.size());
        for (int i = 0; i < paragraphs.size(); i++) {
            out.add(paragraphs.get(i).withRegion(main[i] ? Paragraph.Region.MAIN : Paragraph.Region.OUTSIDE));
        }
        return out;
    }

    /**
     * Whether a run of paragraphs outside the main content holds three or more prose paragraphs and at least half as
     * much prose as the article: another post of a homepage that Readability did not pick (or a long comment thread,
     * which the network reads as well). Prose in elements named as furniture (a footer's copyright notice, a
     * newsletter box) is no rival article, and neither is an {@link #insets inset} (marked in {@code inset}).
     */
    static boolean rivalOutside(List<Paragraph> paragraphs, boolean[] main, boolean[] inset, long proseInMain) {
        int count = 0;
        long chars = 0;
        for (int i = 0; i <= paragraphs.size(); i++) {
            if (i == paragraphs.size() || main[i] || inset[i]) {
                if (count >= 3 && chars >= proseInMain / 2) return true;
                count = 0;
                chars = 0;
                continue;
            }
            Paragraph p = paragraphs.get(i);
            if (p.length() >= PROSE_CHARS && p.linkShare() < 0.3f && !p.furnitureHint()) {
                count++;
                chars += p.length();
            }
        }
        return false;
    }

    /**
     * The paragraphs outside the article that sit between its own prose paragraphs, from the first paragraph matched
     * in the article's order ({@code from}; copies of its text above it, teasers, do not open the span) to its last
     * prose paragraph: a photo gallery or a box of other stories set inside the article, which Readability took out
     * of it. Another post of a homepage lies before or after the one Readability picked, never inside it.
     */
    static boolean[] insets(List<Paragraph> paragraphs, boolean[] main, int from) {
        boolean[] inset = new boolean[paragraphs.size()];
        if (from < 0) return inset;
        int firstProse = -1;
        int lastProse = -1;
        for (int i = from; i < paragraphs.size(); i++) {
            if (main[i] && prose(paragraphs.get(i))) {
                if (firstProse < 0) firstProse = i;
                lastProse = i;
            }
        }
        for (int i = firstProse + 1; i < lastProse; i++) inset[i] = !main[i];
        return inset;
    }

    /** How far before the article's first prose paragraph its headline is looked for, in paragraphs. */
    static final int HEADER_REACH = 40;

    /**
     * The article's header, which Readability leaves out of the content it returns: the headline (the paragraph nearest
     * before the article's first prose paragraph that repeats one of the page's titles), and between it and the body
     * the standfirst (the paragraph that repeats the page's description) and any prose paragraphs, with the
     * subheadings between them (a body that Readability picked up only after a box in its first screen).
     */
    static void markHeader(List<Paragraph> paragraphs, boolean[] main, List<String> titles, List<String> descriptions) {
        int firstProse = -1;
        for (int i = 0; i < paragraphs.size() && firstProse < 0; i++) {
            if (main[i] && prose(paragraphs.get(i))) firstProse = i;
        }
        if (firstProse < 0) return;
        // a heading that repeats a title first, else any short paragraph that does ("Share: <title>" lines are not it)
        int headline = findTitle(paragraphs, titles, firstProse, true);
        if (headline < 0) headline = findTitle(paragraphs, titles, firstProse, false);
        if (headline < 0) return;
        main[headline] = true;
        for (int i = headline + 1; i < firstProse; i++) {
            Paragraph p = paragraphs.get(i);
            if (prose(p) && !p.furnitureHint() && !"figcaption".equals(p.tag())) {
                main[i] = true;
                continue;
            }
            String k = key(p.text());
            if (k.length() < 30) continue;
            for (String d : descriptions) {
                if (k.equals(d) || (d.contains(k) && k.length() >= 0.6 * d.length())
                        || (k.contains(d) && d.length() >= 0.6 * k.length())) {
                    main[i] = true;
                    break;
                }
            }
        }
        // subheadings between two paragraphs of the header's prose
        for (int i = headline + 1; i < firstProse; i++) {
            Paragraph p = paragraphs.get(i);
            if (!main[i] && p.headingLevel() > 0 && main[i - 1] && prose(paragraphs.get(i - 1))) {
                int next = i + 1;
                while (next < firstProse && key(paragraphs.get(next).text()).isEmpty()) next++;
                if (next <= firstProse && main[next]) main[i] = true;
            }
        }
    }

    private static int findTitle(List<Paragraph> paragraphs, List<String> titles, int before, boolean headings) {
        for (int i = before - 1; i >= Math.max(0, before - HEADER_REACH); i--) {
            Paragraph p = paragraphs.get(i);
            if (p.length() > 300 || (headings && p.headingLevel() == 0)) continue;
            for (String t : titles) {
                if (sameTitle(p.text(), t)) return i;
            }
        }
        return -1;
    }

    private static boolean prose(Paragraph p) {
        return p.length() >= PROSE_CHARS && p.linkShare() < 0.3f;
    }

    /**
     * Whether {@code text} is the headline {@code title} names: the same letters and digits, or at least 70% of the
     * longer one's words shared (titles gain a site name, a kicker or a changed word between the page and its meta
     * tags).
     */
    static boolean sameTitle(String text, String title) {
        String k = key(text);
        String t = key(title);
        if (k.length() < 10 || t.length() < 10) return false;
        if (k.equals(t)) return true;
        if ((t.contains(k) && k.length() >= 0.6 * t.length()) || (k.contains(t) && t.length() >= 0.6 * k.length())) {
            return true;
        }
        java.util.Set<String> a = words(text);
        java.util.Set<String> b = words(title);
        if (a.size() < 3 || b.size() < 3) return false;
        int shared = 0;
        for (String w : a) if (b.contains(w)) shared++;
        return shared >= 0.7 * Math.max(a.size(), b.size());
    }

    private static java.util.Set<String> words(String s) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (String w : s.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+")) if (!w.isEmpty()) out.add(w);
        return out;
    }

    /**
     * The page's titles: Readability's, the {@code og:title} and {@code twitter:title} meta tags and the
     * {@code <title>}, the latter also cut at the separators sites put before their name (" | ", " - ", " – ",
     * " — ", " · ", ": ").
     */
    static List<String> titles(Document doc, String readabilityTitle) {
        List<String> out = new ArrayList<>();
        if (readabilityTitle != null && !readabilityTitle.isBlank()) out.add(readabilityTitle);
        for (Element m : doc.select("meta[property=og:title], meta[name=twitter:title], meta[property=twitter:title]")) {
            if (!m.attr("content").isBlank()) out.add(m.attr("content"));
        }
        String title = doc.title();
        if (!title.isBlank()) {
            out.add(title);
            for (String part : title.split(" \\| | - | – | — | · |: ")) if (part.length() >= 10) out.add(part);
        }
        return out;
    }

    /** The page's descriptions ({@code description}, {@code og:description}, {@code twitter:description}), as keys. */
    static List<String> descriptions(Document doc) {
        List<String> out = new ArrayList<>();
        for (Element m : doc.select("meta[name=description], meta[property=og:description], "
                + "meta[name=twitter:description], meta[property=twitter:description]")) {
            String k = key(m.attr("content"));
            if (k.length() >= 30) out.add(k);
        }
        return out;
    }

    /** The key of all the text of the detected article, block by block. */
    private static String contentKey(Element content) {
        StringBuilder b = new StringBuilder();
        // the article element is detached from any document; the segmenter walks it like a page
        HtmlSegmenter.Collector c = new HtmlSegmenter.Collector();
        NodeTraversor.filter(c, content);
        c.flush();
        for (Paragraph p : c.out) b.append(key(p.text()));
        return b.toString();
    }

    /** The key texts are matched on: see {@link TextNormalizer#matchKey}. */
    private static String key(String s) {
        return TextNormalizer.matchKey(s);
    }
}
