package org.wirecopy.study;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Splits a page that shows several posts (a blog's homepage, an archive page) into its posts. Three layouts are
 * recognised, tried in this order; the first that finds at least two posts wins:
 * <ol>
 *   <li>{@code article}: the outermost {@code <article>} elements;</li>
 *   <li>{@code class}: the outermost elements with a class token {@code post}, {@code hentry}, {@code h-entry},
 *       {@code type-post}, {@code blog-post} or {@code entry} (Blogger, WordPress, microformats);</li>
 *   <li>{@code title-heading}: headings {@code h1}-{@code h3} whose class contains {@code title}
 *       ({@code post-title}, {@code entry-title}, {@code posttitle}); each post runs from its heading's block to
 *       the block before the next one, so the body and the footer that follow a title belong to it.</li>
 * </ol>
 * A page where none finds two posts is one post (layout {@code page}). Pages that list only teasers (a headline and a
 * line per story) split into those teasers; nothing tells a teaser from a short post.
 *
 * <p>Thread-safe (stateless).
 */
public final class PostSplitter {

    private static final Set<String> POST_CLASSES = Set.of("post", "hentry", "h-entry", "type-post", "blog-post",
            "entry");

    private PostSplitter() {
    }

    /**
     * The posts of {@code html}, in page order; never empty.
     *
     * @param html a page; not null
     * @return its posts, or the whole page as one post (layout {@code page})
     */
    public static List<Post> split(String html) {
        Objects.requireNonNull(html, "html");
        Parser parser = Parser.htmlParser().setTrackPosition(true);
        Document doc = Jsoup.parse(html, "", parser);
        List<Element> found = outermost(doc.select("article"));
        String layout = "article";
        if (found.size() < 2) {
            found = outermost(byClass(doc));
            layout = "class";
        }
        if (found.size() >= 2) {
            List<Post> out = new ArrayList<>();
            for (Element e : found) {
                out.add(new Post(out.size(), title(e), date(e), start(e), end(e, html.length()), e.outerHtml(),
                        layout));
            }
            return out;
        }
        List<Post> headed = byHeadings(doc, html.length());
        if (headed.size() >= 2) return headed;
        return List.of(new Post(0, title(doc.body() == null ? doc : doc.body()), "", 0, html.length(), html, "page"));
    }

    private static Elements byClass(Document doc) {
        Elements out = new Elements();
        for (Element e : doc.getAllElements()) {
            for (String c : e.classNames()) {
                if (POST_CLASSES.contains(c.toLowerCase(Locale.ROOT))) {
                    out.add(e);
                    break;
                }
            }
        }
        return out;
    }

    /** The elements not inside another of them, in document order. */
    private static List<Element> outermost(Elements elements) {
        Set<Element> all = new LinkedHashSet<>(elements);
        List<Element> out = new ArrayList<>();
        for (Element e : elements) {
            boolean inner = false;
            for (Element p = e.parent(); p != null; p = p.parent()) {
                if (all.contains(p)) {
                    inner = true;
                    break;
                }
            }
            if (!inner) out.add(e);
        }
        return out;
    }

    /**
     * Posts that start at a title heading: each heading is lifted to the child of the headings' common ancestor that
     * holds it; a post is that child and its following siblings up to the next heading's child.
     */
    private static List<Post> byHeadings(Document doc, int length) {
        List<Element> headings = new ArrayList<>();
        for (Element h : doc.select("h1, h2, h3")) {
            if (h.className().toLowerCase(Locale.ROOT).contains("title")) headings.add(h);
        }
        if (headings.size() < 2) return List.of();
        Element common = headings.get(0).parent();
        while (common != null && !containsAll(common, headings)) common = common.parent();
        if (common == null) return List.of();
        List<Element> starts = new ArrayList<>();
        for (Element h : headings) {
            Element c = h;
            while (c.parent() != common) c = c.parent();
            if (!starts.contains(c)) starts.add(c);
        }
        if (starts.size() < 2) return List.of();
        List<Post> out = new ArrayList<>();
        List<Element> children = common.children();
        for (int i = 0; i < starts.size(); i++) {
            int from = children.indexOf(starts.get(i));
            int to = i + 1 < starts.size() ? children.indexOf(starts.get(i + 1)) : children.size();
            StringBuilder b = new StringBuilder();
            Element first = children.get(from);
            Element last = children.get(to - 1);
            for (int k = from; k < to; k++) b.append(children.get(k).outerHtml()).append('\n');
            Element heading = headings.get(i);
            out.add(new Post(out.size(), heading.text().strip(), dateIn(children.subList(from, to)), start(first),
                    Math.max(start(first), end(last, length)), b.toString(), "title-heading"));
        }
        return out;
    }

    private static boolean containsAll(Element ancestor, List<Element> elements) {
        for (Element e : elements) {
            boolean inside = false;
            for (Element p = e.parent(); p != null; p = p.parent()) {
                if (p == ancestor) {
                    inside = true;
                    break;
                }
            }
            if (!inside) return false;
        }
        return true;
    }

    private static String title(Element e) {
        for (Element h : e.select("h1, h2, h3, h4")) {
            if (h.className().toLowerCase(Locale.ROOT).contains("title")) return h.text().strip();
        }
        Element h = e.selectFirst("h1, h2, h3, h4");
        return h == null ? "" : h.text().strip();
    }

    private static String date(Element e) {
        return dateIn(List.of(e));
    }

    private static String dateIn(List<Element> elements) {
        for (Element e : elements) {
            Element t = e.selectFirst("time[datetime], [class~=(?i)published][title], abbr[itemprop=datePublished]");
            if (t != null) {
                String v = t.hasAttr("datetime") ? t.attr("datetime") : t.attr("title");
                if (!v.isBlank()) return v.strip();
            }
        }
        return "";
    }

    private static int start(Element e) {
        return e.sourceRange().isTracked() ? e.sourceRange().startPos() : -1;
    }

    private static int end(Element e, int length) {
        if (e.endSourceRange().isTracked()) return e.endSourceRange().endPos();
        Element next = e.nextElementSibling();
        if (next != null && next.sourceRange().isTracked()) return next.sourceRange().startPos();
        return start(e) < 0 ? -1 : length;
    }
}
