package org.wirecopy.text;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Finds the posts of a page that shows several (a blog's homepage, an archive page). Three layouts are recognised,
 * tried in this order; the first that finds at least two posts wins:
 * <ol>
 *   <li>{@code article}: the outermost {@code <article>} elements;</li>
 *   <li>{@code class}: the outermost elements with a class token {@code post}, {@code hentry}, {@code h-entry},
 *       {@code type-post}, {@code blog-post} or {@code entry} (Blogger, WordPress, microformats);</li>
 *   <li>{@code title-heading}: headings {@code h1}-{@code h3} whose class contains {@code title}
 *       ({@code post-title}, {@code entry-title}, {@code posttitle}); each post runs from its heading's block to
 *       the block before the next one, so the body and the footer that follow a title belong to it.</li>
 * </ol>
 * A page where none finds two posts has no posts here (the caller reads it as one article). Pages that list only
 * teasers (a headline and a line per story) give those teasers; nothing tells a teaser from a short post.
 *
 * <p>The page reader uses it to let the network read each post of such a page as an article of its own
 * ({@link Paragraph#post()}); {@code org.wirecopy.study.PostSplitter} uses it to cut the page into posts.
 *
 * <p>Thread-safe (stateless).
 */
public final class PostLayout {

    private static final Set<String> POST_CLASSES = Set.of("post", "hentry", "h-entry", "type-post", "blog-post",
            "entry");

    /**
     * One post: the elements that hold it, in page order, and its title heading when the layout found it by one.
     *
     * <p>Not thread-safe: it holds elements of a parsed jsoup document, which is mutable; use it where the page was
     * parsed.
     *
     * @param elements the post's elements: one container, or a title heading's block and the blocks after it; not
     *                 empty
     * @param heading  the title heading ({@code title-heading} layout), or null
     */
    public record Block(List<Element> elements, Element heading) {
        /**
         * Checks the components.
         *
         * @param elements the post's elements; not empty
         * @param heading  the title heading, or null
         * @throws IllegalArgumentException when {@code elements} is empty
         */
        public Block {
            elements = List.copyOf(elements);
            if (elements.isEmpty()) throw new IllegalArgumentException("a post needs at least one element");
        }
    }

    /**
     * The posts found and the layout rule that found them.
     *
     * <p>Not thread-safe, as its {@link Block}s are not.
     *
     * @param layout {@code article}, {@code class}, {@code title-heading}, or {@code page} when there are fewer than
     *               two posts
     * @param posts  the posts in page order: two or more, or none (layout {@code page})
     */
    public record Found(String layout, List<Block> posts) {
        /**
         * Checks the components.
         *
         * @param layout the layout; not null
         * @param posts  the posts; not null
         */
        public Found {
            Objects.requireNonNull(layout, "layout");
            posts = List.copyOf(posts);
        }
    }

    private PostLayout() {
    }

    /**
     * The posts of {@code doc}.
     *
     * @param doc a parsed page; not null
     * @return two or more posts and their layout, or no posts with layout {@code page}
     */
    public static Found find(Document doc) {
        Objects.requireNonNull(doc, "doc");
        List<Element> found = outermost(doc.select("article"));
        String layout = "article";
        if (found.size() < 2) {
            found = outermost(byClass(doc));
            layout = "class";
        }
        if (found.size() >= 2) {
            List<Block> out = new ArrayList<>(found.size());
            for (Element e : found) out.add(new Block(List.of(e), null));
            return new Found(layout, out);
        }
        List<Block> headed = byHeadings(doc);
        return headed.size() >= 2 ? new Found("title-heading", headed) : new Found("page", List.of());
    }

    /**
     * {@code paragraphs} with the post each belongs to ({@link Paragraph#post()}): the last post that starts at or before
     * the paragraph; what comes before the first post (the page's header) belongs to the first, and what comes after
     * the last (sidebar, footer) to the last. Unchanged when the page has fewer than two posts.
     *
     * @param doc        the page, parsed with positions tracked (as {@link HtmlSegmenter} parses it)
     * @param paragraphs the page's paragraphs, in page order
     * @return the paragraphs with their posts
     */
    static List<Paragraph> assign(Document doc, List<Paragraph> paragraphs) {
        List<Block> posts = find(doc).posts();
        if (posts.isEmpty()) return paragraphs;
        int[] starts = new int[posts.size()];
        int n = 0;
        for (Block b : posts) {
            Element first = b.elements().get(0);
            if (first.sourceRange().isTracked()) starts[n++] = first.sourceRange().startPos();
        }
        if (n < 2) return paragraphs;
        java.util.Arrays.sort(starts, 0, n);
        List<Paragraph> out = new ArrayList<>(paragraphs.size());
        int post = 0;
        for (Paragraph p : paragraphs) {
            while (post + 1 < n && starts[post + 1] <= p.start()) post++;
            out.add(p.post() == post ? p : p.withPost(post));
        }
        return out;
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
    private static List<Block> byHeadings(Document doc) {
        List<Element> headings = new ArrayList<>();
        for (Element h : doc.select("h1, h2, h3")) {
            if (h.className().toLowerCase(Locale.ROOT).contains("title")) headings.add(h);
        }
        if (headings.size() < 2) return List.of();
        Element common = headings.get(0).parent();
        while (common != null && !containsAll(common, headings)) common = common.parent();
        if (common == null) return List.of();
        List<Element> starts = new ArrayList<>();
        List<Element> startHeadings = new ArrayList<>();
        for (Element h : headings) {
            Element c = h;
            while (c.parent() != common) c = c.parent();
            if (!starts.contains(c)) {
                starts.add(c);
                startHeadings.add(h);
            }
        }
        if (starts.size() < 2) return List.of();
        List<Block> out = new ArrayList<>();
        List<Element> children = common.children();
        for (int i = 0; i < starts.size(); i++) {
            int from = children.indexOf(starts.get(i));
            int to = i + 1 < starts.size() ? children.indexOf(starts.get(i + 1)) : children.size();
            out.add(new Block(children.subList(from, to), startHeadings.get(i)));
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
}
