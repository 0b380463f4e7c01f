package org.wirecopy.study;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.wirecopy.text.PostLayout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Splits a page that shows several posts (a blog's homepage, an archive page) into its posts, as
 * {@link PostLayout} finds them ({@code article} elements, post classes, or title headings), each with its markup,
 * title, date and offsets. A page where none finds two posts is one post (layout {@code page}). Pages that list only teasers (a headline and a
 * line per story) split into those teasers; nothing tells a teaser from a short post.
 *
 * <p>Thread-safe (stateless).
 */
public final class PostSplitter {

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
        PostLayout.Found found = PostLayout.find(doc);
        if (found.posts().isEmpty()) {
            return List.of(new Post(0, title(doc.body() == null ? doc : doc.body()), "", 0, html.length(), html,
                    "page"));
        }
        List<Post> out = new ArrayList<>();
        for (PostLayout.Block b : found.posts()) {
            List<Element> es = b.elements();
            Element first = es.get(0);
            Element last = es.get(es.size() - 1);
            String markup;
            String title;
            if (es.size() == 1 && b.heading() == null) {
                markup = first.outerHtml();
                title = title(first);
            } else {
                StringBuilder sb = new StringBuilder();
                for (Element e : es) sb.append(e.outerHtml()).append('\n');
                markup = sb.toString();
                title = b.heading() == null ? title(first) : b.heading().text().strip();
            }
            int start = start(first);
            out.add(new Post(out.size(), title, dateIn(es), start, Math.max(start, end(last, html.length())), markup,
                    found.layout()));
        }
        return out;
    }

    private static String title(Element e) {
        for (Element h : e.select("h1, h2, h3, h4")) {
            if (h.className().toLowerCase(Locale.ROOT).contains("title")) return h.text().strip();
        }
        Element h = e.selectFirst("h1, h2, h3, h4");
        return h == null ? "" : h.text().strip();
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
