package org.wirecopy.text;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.Range;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits HTML into paragraphs: every block element ({@code p}, {@code li}, {@code h1}-{@code h6}, {@code blockquote},
 * {@code div}, table cells, ...) that holds text of its own becomes a paragraph, and two {@code br} in a row break a
 * paragraph too. {@code script}, {@code style}, {@code nav}, {@code head}, hidden elements and similar are dropped.
 * Each paragraph records how many {@code blockquote}s enclose it, its heading level, the block element that holds it,
 * the share of its text inside links and whether an enclosing element is furniture by its name or class. Unclosed and
 * mis-nested tags are repaired by jsoup's HTML5 tree builder. Offsets point into the HTML source: from the first to the
 * end of the last text node of the paragraph.
 *
 * <p>The tree is walked iteratively, so deeply nested pages cannot overflow the stack.
 *
 * <p>Stateless and thread-safe.
 */
final class HtmlSegmenter {

    private static final Set<String> BLOCKS = Set.of("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
            "div", "td", "th", "tr", "table", "pre", "figcaption", "figure", "dd", "dt", "dl", "ul", "ol", "article",
            "section", "header", "footer", "main", "aside", "address", "center", "form", "fieldset", "hr", "body",
            "caption", "details", "summary", "hgroup", "menu", "legend");
    private static final Set<String> DROPPED = Set.of("script", "style", "nav", "noscript", "template", "svg", "head",
            "iframe", "object", "embed", "canvas", "select", "button", "math", "audio", "video", "input", "textarea");
    /** Elements that are page furniture by their name. */
    private static final Set<String> FURNITURE_TAGS = Set.of("header", "footer", "aside", "form", "menu");
    /** Class, id or role words of furniture containers. */
    private static final Pattern FURNITURE_NAMES = Pattern.compile(
            "(?:^|[\\s_-])(?:share|sharing|social|related|recommend\\w*|promo\\w*|comments?|sidebar|widget|footer|"
                    + "header|masthead|menu|navbar|nav|breadcrumbs?|caption|credits?|byline|author|meta|dateline|"
                    + "timestamp|tags?|newsletter|subscribe|subscription|signup|cookie|consent|banner|popup|modal|"
                    + "advert\\w*|ads?|sponsor\\w*|trending|most-?read|popular|outbrain|taboola|toolbar|"
                    + "contentinfo|complementary|navigation)(?:$|[\\s_-])",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HIDDEN_STYLE = Pattern.compile("display\\s*:\\s*none|visibility\\s*:\\s*hidden",
            Pattern.CASE_INSENSITIVE);

    private HtmlSegmenter() {
    }

    /**
     * Splits {@code html} into paragraphs (no main-content detection: every region is UNKNOWN).
     *
     * @param html an HTML page or fragment
     * @return its paragraphs in document order, indexed from 0
     */
    static List<Paragraph> split(String html) {
        return split(parse(html));
    }

    /**
     * Parses {@code html} with source positions tracked, as {@link #split(Document)} needs.
     *
     * @param html an HTML page or fragment
     * @return the parsed document
     */
    static Document parse(String html) {
        return Parser.htmlParser().setTrackPosition(true).parseInput(html, "");
    }

    /**
     * Splits a document parsed by {@link #parse} into paragraphs.
     *
     * @param doc a document parsed by {@link #parse}; not modified
     * @return its paragraphs in document order, indexed from 0, every region UNKNOWN
     */
    static List<Paragraph> split(Document doc) {
        Collector c = new Collector();
        NodeTraversor.filter(c, doc);
        c.flush();
        return c.out;
    }

    /** True when the element is not shown: the {@code hidden} attribute, {@code aria-hidden}, an inline style. */
    static boolean hidden(Element e) {
        if (e.hasAttr("hidden")) return true;
        if ("true".equalsIgnoreCase(e.attr("aria-hidden"))) return true;
        String style = e.attr("style");
        return !style.isEmpty() && HIDDEN_STYLE.matcher(style).find();
    }

    /** True when the element's name, class, id or role marks it as page furniture. */
    static boolean furnitureElement(Element e, String tag) {
        if (FURNITURE_TAGS.contains(tag)) return true;
        String names = e.className() + " " + e.id() + " " + e.attr("role");
        return names.length() > 2 && FURNITURE_NAMES.matcher(names).find();
    }

    /** The fewest distinct words an image's alternative text and its caption need to be matched. */
    static final int MIN_CAPTION_WORDS = 4;

    /** The state of one open element on the walk. */
    private record Frame(boolean block, boolean quote, int heading, boolean link, boolean furniture, String tag) {
    }

    static final class Collector implements NodeFilter {
        final List<Paragraph> out = new ArrayList<>();
        final StringBuilder text = new StringBuilder();
        final Deque<Frame> open = new ArrayDeque<>();
        final Deque<String> blocks = new ArrayDeque<>();
        int start = -1;
        int end = -1;
        int depth;
        int heading;
        int links;
        int furniture;
        int linkChars;
        int paragraphDepth;
        int paragraphHeading;
        boolean paragraphFurniture;
        String paragraphTag = "";
        int pendingBreaks;
        /** The words of the alternative text of the last image, until the next paragraph is written; else null. */
        Set<String> imageAlt;

        @Override
        public FilterResult head(Node node, int d) {
            if (node instanceof TextNode t) {
                appendText(t);
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element e)) {
                return node instanceof Document ? FilterResult.CONTINUE : FilterResult.SKIP_ENTIRELY;
            }
            if (e instanceof Document) return FilterResult.CONTINUE;
            String tag = e.normalName().toLowerCase(Locale.ROOT);
            if (DROPPED.contains(tag) || hidden(e)) return FilterResult.SKIP_ENTIRELY;
            if (tag.equals("br")) {
                pendingBreaks++;
                if (pendingBreaks >= 2) flush();
                return FilterResult.SKIP_ENTIRELY;
            }
            if (tag.equals("img")) {
                // an image between paragraphs may have its caption next; one inside a run of text (an emoji, an
                // icon) does not
                if (text.length() == 0) {
                    Set<String> alt = words(e.attr("alt"));
                    imageAlt = alt.size() >= MIN_CAPTION_WORDS ? alt : null;
                }
                return FilterResult.SKIP_ENTIRELY;
            }
            boolean block = BLOCKS.contains(tag);
            if (block) flush();
            int level = headingLevel(tag);
            Frame f = new Frame(block, tag.equals("blockquote"), heading, tag.equals("a"),
                    furnitureElement(e, tag), tag);
            open.push(f);
            if (f.quote()) depth++;
            if (level > 0) heading = level;
            if (f.link()) links++;
            if (f.furniture()) furniture++;
            if (block) blocks.push(tag);
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int d) {
            if (!(node instanceof Element) || node instanceof Document) return FilterResult.CONTINUE;
            Frame f = open.pop();
            if (f.quote()) depth--;
            heading = f.heading();
            if (f.link()) links--;
            if (f.furniture()) furniture--;
            if (f.block()) {
                blocks.pop();
                flush();
            }
            return FilterResult.CONTINUE;
        }

        void appendText(TextNode t) {
            String s = t.getWholeText();
            if (s.isBlank()) {
                if (text.length() > 0 && pendingBreaks == 0) text.append(' ');
                return;
            }
            if (text.length() == 0) {
                paragraphDepth = depth;
                paragraphHeading = heading;
                paragraphFurniture = furniture > 0;
                paragraphTag = blocks.isEmpty() ? "" : blocks.peek();
                linkChars = 0;
            } else if (pendingBreaks > 0) {
                text.append(' ');
            }
            pendingBreaks = 0;
            text.append(s);
            if (links > 0) linkChars += nonSpace(s);
            Range r = t.sourceRange();
            if (r.isTracked()) {
                if (start < 0) start = r.startPos();
                end = Math.max(end, r.endPos());
            }
        }

        void flush() {
            pendingBreaks = 0;
            String raw = collapse(text);
            text.setLength(0);
            if (!raw.isEmpty()) {
                String normalized = TextNormalizer.normalizeDecoded(raw);
                if (!normalized.isEmpty()) {
                    int s = Math.max(0, start);
                    int en = Math.max(s, end);
                    int chars = Math.max(1, nonSpace(raw));
                    float share = Math.min(1f, linkChars / (float) chars);
                    boolean caption = imageAlt != null && paragraphHeading == 0 && repeats(words(normalized), imageAlt);
                    out.add(new Paragraph(out.size(), raw, normalized, s, en, paragraphDepth, paragraphHeading,
                            paragraphTag, share, paragraphFurniture, Paragraph.Region.UNKNOWN, caption));
                    imageAlt = null;
                }
            }
            start = -1;
            end = -1;
            linkChars = 0;
        }

        /**
         * Whether a paragraph's words repeat an image's alternative text: at least 80% of them are in it, and they
         * are at least half as many as the alternative text's (a caption often drops a trailing full stop or a
         * credit, and may spell a name differently; a paragraph that only shares a few words is not a caption).
         */
        static boolean repeats(Set<String> paragraph, Set<String> alt) {
            if (paragraph.size() < MIN_CAPTION_WORDS || paragraph.size() * 2 < alt.size()) return false;
            int shared = 0;
            for (String w : paragraph) if (alt.contains(w)) shared++;
            return shared >= 0.8 * paragraph.size();
        }

        /** The distinct lower-case words (runs of letters and digits) of a text. */
        static Set<String> words(String text) {
            Set<String> out = new java.util.HashSet<>();
            int i = 0;
            int n = text.length();
            while (i < n) {
                while (i < n && !Character.isLetterOrDigit(text.charAt(i))) i++;
                int s = i;
                while (i < n && Character.isLetterOrDigit(text.charAt(i))) i++;
                if (i > s) out.add(text.substring(s, i).toLowerCase(Locale.ROOT));
            }
            return out;
        }

        private static int nonSpace(String s) {
            int n = 0;
            for (int i = 0; i < s.length(); i++) if (!Character.isWhitespace(s.charAt(i))) n++;
            return n;
        }

        private static String collapse(CharSequence s) {
            StringBuilder b = new StringBuilder(s.length());
            boolean space = false;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f') {
                    space = b.length() > 0;
                } else {
                    if (space) b.append(' ');
                    space = false;
                    b.append(c);
                }
            }
            return b.toString();
        }

        private static int headingLevel(String tag) {
            if (tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6') {
                return tag.charAt(1) - '0';
            }
            return 0;
        }
    }
}
