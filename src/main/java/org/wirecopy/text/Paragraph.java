package org.wirecopy.text;

import java.util.Objects;

/**
 * One paragraph of an article as it was found in the input.
 *
 * <p>{@code text} is the paragraph exactly as it appears in the input (for plain text, the substring
 * {@code input.substring(start, end)}; for HTML, the element's visible text), {@code normalizedText} is what the model
 * reads (entities decoded, odd spaces, quotes and dashes unified, whitespace collapsed). Offsets are UTF-16 char
 * indices into the input string, {@code start} inclusive and {@code end} exclusive.
 *
 * <p>Immutable and thread-safe.
 *
 * @param index           position in the article, from 0
 * @param text            original text
 * @param normalizedText  normalised text the features are computed from
 * @param start           offset of the first char in the input
 * @param end             offset after the last char in the input
 * @param blockquoteDepth how many {@code blockquote} elements enclose it (0 for plain text)
 * @param headingLevel    1 to 6 for {@code h1}..{@code h6}, 0 otherwise
 * @param tag             the HTML block element that holds it, lower case ({@code p}, {@code li}, {@code figcaption},
 *                        ...); empty for plain text
 * @param linkShare       the share of its characters inside links ({@code a} elements), 0..1
 * @param furnitureHint   whether an enclosing element is page furniture by its name or class ({@code header},
 *                        {@code footer}, {@code aside}, {@code form}, or a class, id or role such as "share",
 *                        "related", "comments", "sidebar", "caption", "byline", "newsletter")
 * @param region          where it sits relative to the page's main content, as far as the reader could tell
 * @param imageCaption    whether it repeats, nearly word for word, the alternative text of the image just before it on
 *                        a web page: a caption set outside a {@code figcaption} element (never a heading)
 * @param post            which post of the page it belongs to, from 0, on a page that shows several posts (a blog's
 *                        homepage, see {@link PostLayout}); 0 on any other input. The network reads each post as an
 *                        article of its own.
 */
public record Paragraph(int index, String text, String normalizedText, int start, int end,
                        int blockquoteDepth, int headingLevel, String tag, float linkShare, boolean furnitureHint,
                        Region region, boolean imageCaption, int post) {

    /** Where a paragraph sits relative to the main content (the article) of a web page. Immutable and thread-safe. */
    public enum Region {
        /** Not known: plain text, or a page whose main content could not be told apart. */
        UNKNOWN,
        /** Inside the page's main content. */
        MAIN,
        /** Outside it: navigation, sidebars, footers, lists of other stories. */
        OUTSIDE
    }

    /**
     * Checks the components.
     *
     * @param index           position in the article, at least 0
     * @param text            original text; not null
     * @param normalizedText  normalised text; not null
     * @param start           offset of the first char in the input, at least 0
     * @param end             offset after the last char in the input, at least {@code start}
     * @param blockquoteDepth enclosing {@code blockquote} elements, at least 0
     * @param headingLevel    0..6
     * @param tag             the enclosing block element, or empty; not null
     * @param linkShare       the share of characters inside links, 0..1
     * @param furnitureHint   whether an enclosing element is page furniture
     * @param region          where it sits relative to the main content; not null
     * @param imageCaption    whether it repeats the alternative text of the image before it
     * @param post            the post of the page it belongs to, at least 0
     * @throws IllegalArgumentException when a number is out of its range
     */
    public Paragraph {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(normalizedText, "normalizedText");
        if (index < 0) throw new IllegalArgumentException("index must be >= 0, got " + index);
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad offsets [" + start + ", " + end + ") for paragraph " + index);
        }
        if (blockquoteDepth < 0) throw new IllegalArgumentException("blockquoteDepth must be >= 0");
        if (headingLevel < 0 || headingLevel > 6) throw new IllegalArgumentException("headingLevel must be 0..6");
        Objects.requireNonNull(tag, "tag");
        if (!(linkShare >= 0f && linkShare <= 1f)) throw new IllegalArgumentException("linkShare must be in 0..1");
        Objects.requireNonNull(region, "region");
        if (post < 0) throw new IllegalArgumentException("post must be >= 0, got " + post);
    }

    /**
     * A paragraph of a page's only post ({@code post} 0).
     *
     * @param index           position in the article, at least 0
     * @param text            original text; not null
     * @param normalizedText  normalised text; not null
     * @param start           offset of the first char in the input, at least 0
     * @param end             offset after the last char in the input, at least {@code start}
     * @param blockquoteDepth enclosing {@code blockquote} elements, at least 0
     * @param headingLevel    0..6
     * @param tag             the enclosing block element, or empty; not null
     * @param linkShare       the share of characters inside links, 0..1
     * @param furnitureHint   whether an enclosing element is page furniture
     * @param region          where it sits relative to the main content; not null
     * @param imageCaption    whether it repeats the alternative text of the image before it
     * @throws IllegalArgumentException when a number is out of its range
     */
    public Paragraph(int index, String text, String normalizedText, int start, int end, int blockquoteDepth,
                     int headingLevel, String tag, float linkShare, boolean furnitureHint, Region region,
                     boolean imageCaption) {
        this(index, text, normalizedText, start, end, blockquoteDepth, headingLevel, tag, linkShare, furnitureHint,
                region, imageCaption, 0);
    }

    /**
     * A paragraph that is not an image's caption by its text ({@code imageCaption} false).
     *
     * @param index           position in the article, at least 0
     * @param text            original text; not null
     * @param normalizedText  normalised text; not null
     * @param start           offset of the first char in the input, at least 0
     * @param end             offset after the last char in the input, at least {@code start}
     * @param blockquoteDepth enclosing {@code blockquote} elements, at least 0
     * @param headingLevel    0..6
     * @param tag             the enclosing block element, or empty; not null
     * @param linkShare       the share of characters inside links, 0..1
     * @param furnitureHint   whether an enclosing element is page furniture
     * @param region          where it sits relative to the main content; not null
     * @throws IllegalArgumentException when a number is out of its range
     */
    public Paragraph(int index, String text, String normalizedText, int start, int end, int blockquoteDepth,
                     int headingLevel, String tag, float linkShare, boolean furnitureHint, Region region) {
        this(index, text, normalizedText, start, end, blockquoteDepth, headingLevel, tag, linkShare, furnitureHint,
                region, false);
    }

    /**
     * A paragraph with blockquote depth and heading level but no other markup, in region UNKNOWN.
     *
     * @param index           position in the article, at least 0
     * @param text            original text; not null
     * @param normalizedText  normalised text; not null
     * @param start           offset of the first char in the input, at least 0
     * @param end             offset after the last char in the input, at least {@code start}
     * @param blockquoteDepth enclosing {@code blockquote} elements, at least 0
     * @param headingLevel    0..6
     * @throws IllegalArgumentException when a number is out of its range
     */
    public Paragraph(int index, String text, String normalizedText, int start, int end, int blockquoteDepth,
                     int headingLevel) {
        this(index, text, normalizedText, start, end, blockquoteDepth, headingLevel, "", 0f, false, Region.UNKNOWN);
    }

    /**
     * The same paragraph at another index.
     *
     * @param i the new index, at least 0
     * @return a copy with that index
     */
    public Paragraph withIndex(int i) {
        return new Paragraph(i, text, normalizedText, start, end, blockquoteDepth, headingLevel, tag, linkShare,
                furnitureHint, region, imageCaption, post);
    }

    /**
     * The same paragraph in another region.
     *
     * @param r the new region; not null
     * @return a copy in that region
     */
    public Paragraph withRegion(Region r) {
        return new Paragraph(index, text, normalizedText, start, end, blockquoteDepth, headingLevel, tag, linkShare,
                furnitureHint, r, imageCaption, post);
    }

    /**
     * The same paragraph in another post of its page.
     *
     * @param p the post, at least 0
     * @return a copy in that post
     */
    public Paragraph withPost(int p) {
        return new Paragraph(index, text, normalizedText, start, end, blockquoteDepth, headingLevel, tag, linkShare,
                furnitureHint, region, imageCaption, p);
    }

    /**
     * The same paragraph with other markup (for simulating pages in training).
     *
     * @param depth     the blockquote depth, at least 0
     * @param heading   the heading level, 0..6
     * @param t         the enclosing block element, or empty
     * @param links     the share of characters inside links, 0..1
     * @param furniture whether an enclosing element is page furniture
     * @return a copy with that markup
     */
    public Paragraph withMarkup(int depth, int heading, String t, float links, boolean furniture) {
        return new Paragraph(index, text, normalizedText, start, end, depth, heading, t, links, furniture, region);
    }

    /**
     * A paragraph with no markup cues, normalising {@code text} itself.
     *
     * @param index position in the article, at least 0
     * @param text  original text
     * @param start offset of the first char in the input
     * @param end   offset after the last char in the input, at least {@code start}
     * @return the paragraph, in region UNKNOWN
     */
    public static Paragraph of(int index, String text, int start, int end) {
        return new Paragraph(index, text, TextNormalizer.normalize(text), start, end, 0, 0);
    }

    /** {@return the length of the original text in chars} */
    public int length() {
        return text.length();
    }
}
