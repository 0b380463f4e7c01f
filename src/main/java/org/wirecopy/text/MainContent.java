package org.wirecopy.text;

import net.dankito.readability4j.Readability4J;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.NodeTraversor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the main content of a web page, the article among menus, sidebars, lists of other stories and footers, and
 * marks every paragraph of the page {@link Paragraph.Region#MAIN} or {@link Paragraph.Region#OUTSIDE}.
 *
 * <p>The article is found by Readability4J (a port of Mozilla's Readability, the library behind Firefox's reader
 * view); its text is then matched, in page order, to the page's own paragraphs, so every paragraph keeps its offsets
 * into the original page. The page's title (as Readability reads it) marks the headline paragraph as main content
 * too. The result is trusted only when it holds most of the page's prose: a page of several posts (a blog's
 * homepage), where Readability picks one, or a page where it finds too little, is left {@link Paragraph.Region#UNKNOWN}
 * throughout, and the network alone decides.
 *
 * <p>Stateless and thread-safe.
 */
public final class MainContent {

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
     * "hentry") that hold at least 300 characters and sit in no other post container: two or more mean a page of
     * several posts, such as a blog's homepage.
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
            if (!post) continue;
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
     */
    public static List<Paragraph> mark(Document doc, List<Paragraph> paragraphs, String url) {
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
            cursor = at + k.length();
        }
        if (first < 0) return paragraphs;
        markHeadline(paragraphs, main, first, article.getTitle());
        long prose = 0;
        long proseInMain = 0;
        for (int i = 0; i < paragraphs.size(); i++) {
            Paragraph p = paragraphs.get(i);
            if (p.length() >= PROSE_CHARS && p.linkShare() < 0.3f) {
                prose += p.length();
                if (main[i]) proseInMain += p.length();
            }
        }
        if (proseInMain < MIN_PROSE_CHARS || proseInMain < MIN_PROSE_SHARE * prose) {
            LOG.debug("main content holds {} of {} prose chars; not trusted", proseInMain, prose);
            return paragraphs;
        }
        if (rivalOutside(paragraphs, main, proseInMain)) {
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
     * which the network reads as well).
     */
    static boolean rivalOutside(List<Paragraph> paragraphs, boolean[] main, long proseInMain) {
        int count = 0;
        long chars = 0;
        for (int i = 0; i <= paragraphs.size(); i++) {
            if (i == paragraphs.size() || main[i]) {
                if (count >= 3 && chars >= proseInMain / 2) return true;
                count = 0;
                chars = 0;
                continue;
            }
            Paragraph p = paragraphs.get(i);
            if (p.length() >= PROSE_CHARS && p.linkShare() < 0.3f) {
                count++;
                chars += p.length();
            }
        }
        return false;
    }

    /** Marks the paragraph that repeats the page title, nearest before the article's first paragraph, as main. */
    private static void markHeadline(List<Paragraph> paragraphs, boolean[] main, int first, String title) {
        if (title == null) return;
        String t = key(title);
        if (t.length() < 10) return;
        for (int i = first; i >= 0; i--) {
            if (main[i] && i != first) continue;
            String k = key(paragraphs.get(i).text());
            if (k.length() >= 10 && (t.startsWith(k) || k.startsWith(t))) {
                main[i] = true;
                return;
            }
        }
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

    /**
     * The key texts are matched on here and in page evaluation: letters and digits only, lower-cased after NFKC
     * normalisation, so that markup, spacing, punctuation and quote styles do not matter.
     */
    public static String key(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
        StringBuilder b = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); ) {
            int cp = n.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) b.appendCodePoint(Character.toLowerCase(cp));
            i += Character.charCount(cp);
        }
        return b.toString();
    }
}
