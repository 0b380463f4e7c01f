package org.wirecopy.text;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.Range;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits HTML into paragraphs: every block element ({@code p}, {@code li}, {@code h1}-{@code h6}, {@code blockquote},
 * {@code div}, table cells, ...) that holds text of its own becomes a paragraph, and two {@code br} in a row break a
 * paragraph too. {@code script}, {@code style}, {@code nav}, {@code head} and similar are dropped. Each paragraph records
 * how many {@code blockquote}s enclose it and its heading level. Unclosed and mis-nested tags are repaired by jsoup's
 * HTML5 tree builder. Offsets point into the HTML source: from the first to the end of the last text node of the
 * paragraph.
 *
 * <p>Stateless and thread-safe.
 */
public final class HtmlSegmenter {

    private static final Set<String> BLOCKS = Set.of("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
            "div", "td", "th", "tr", "table", "pre", "figcaption", "figure", "dd", "dt", "dl", "ul", "ol", "article",
            "section", "header", "footer", "main", "aside", "address", "center", "form", "fieldset", "hr", "body",
            "caption", "details", "summary", "hgroup", "menu", "legend");
    private static final Set<String> DROPPED = Set.of("script", "style", "nav", "noscript", "template", "svg", "head",
            "iframe", "object", "embed", "canvas", "select", "button", "math", "audio", "video");

    private HtmlSegmenter() {
    }

    /** Splits {@code html} into paragraphs. */
    public static List<Paragraph> split(String html) {
        Parser parser = Parser.htmlParser().setTrackPosition(true);
        Document doc = parser.parseInput(html, "");
        Collector c = new Collector();
        c.walk(doc);
        c.flush();
        return c.out;
    }

    private static final class Collector {
        final List<Paragraph> out = new ArrayList<>();
        final StringBuilder text = new StringBuilder();
        int start = -1;
        int end = -1;
        int depth;
        int heading;
        int paragraphDepth;
        int paragraphHeading;
        int pendingBreaks;

        void walk(Node node) {
            if (node instanceof TextNode t) {
                appendText(t);
                return;
            }
            if (!(node instanceof Element e)) {
                if (node instanceof Document) node.childNodes().forEach(this::walk);
                return;
            }
            String tag = e.normalName().toLowerCase(Locale.ROOT);
            if (DROPPED.contains(tag)) return;
            if (tag.equals("br")) {
                pendingBreaks++;
                if (pendingBreaks >= 2) flush();
                return;
            }
            boolean block = BLOCKS.contains(tag);
            int level = headingLevel(tag);
            if (block) flush();
            if (tag.equals("blockquote")) depth++;
            int savedHeading = heading;
            if (level > 0) heading = level;
            for (Node child : e.childNodes()) walk(child);
            if (tag.equals("blockquote")) depth--;
            heading = savedHeading;
            if (block) flush();
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
            } else if (pendingBreaks > 0) {
                text.append(' ');
            }
            pendingBreaks = 0;
            text.append(s);
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
                String normalized = TextNormalizer.normalize(raw);
                if (!normalized.isEmpty()) {
                    int s = Math.max(0, start);
                    int en = Math.max(s, end);
                    out.add(new Paragraph(out.size(), raw, normalized, s, en, paragraphDepth, paragraphHeading));
                }
            }
            start = -1;
            end = -1;
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
