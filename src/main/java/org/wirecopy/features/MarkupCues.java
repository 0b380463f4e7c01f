package org.wirecopy.features;

import org.wirecopy.text.PageSignals;
import org.wirecopy.text.Paragraph;

import java.util.List;
import java.util.Set;

/**
 * Cues of a paragraph's HTML and of its page (feature version {@value FeatureConfig#V2}): the share of its text in
 * links, whether an enclosing element is furniture by its name or class, list items, table cells and figure captions,
 * whether the article came with markup at all (so that the absence of a blockquote means something), and what the page
 * says of its kind. All are 0 for plain text.
 *
 * <p>Stateless and thread-safe.
 */
public final class MarkupCues {

    /** Names of the cues, in vector order. */
    public static final List<String> NAMES = List.of("link_share", "furniture_container", "list_item", "table_cell",
            "figure_caption", "has_markup", "page_news", "page_opinion", "page_blog");

    /** Number of cues. */
    public static final int COUNT = NAMES.size();

    private static final Set<String> LIST_TAGS = Set.of("li", "dt", "dd");
    private static final Set<String> CELL_TAGS = Set.of("td", "th");

    private MarkupCues() {
    }

    /**
     * Whether any paragraph of the article came from HTML.
     *
     * @param paragraphs an article's paragraphs
     * @return true when one has a non-empty {@link Paragraph#tag()}
     */
    static boolean hasMarkup(List<Paragraph> paragraphs) {
        for (Paragraph p : paragraphs) if (!p.tag().isEmpty()) return true;
        return false;
    }

    /**
     * Writes the {@link #COUNT} cues of {@code p} into {@code out} at {@code offset}.
     *
     * @param p         the paragraph
     * @param hasMarkup whether the article came from HTML ({@link #hasMarkup(List)})
     * @param page      what the page says of its kind
     * @param out       receives the values
     * @param offset    where in {@code out} the first value goes
     */
    static void compute(Paragraph p, boolean hasMarkup, PageSignals page, float[] out, int offset) {
        String tag = p.tag();
        out[offset] = p.linkShare();
        out[offset + 1] = p.furnitureHint() ? 1 : 0;
        out[offset + 2] = LIST_TAGS.contains(tag) ? 1 : 0;
        out[offset + 3] = CELL_TAGS.contains(tag) ? 1 : 0;
        out[offset + 4] = "figcaption".equals(tag) ? 1 : 0;
        out[offset + 5] = hasMarkup ? 1 : 0;
        out[offset + 6] = page.news() ? 1 : 0;
        out[offset + 7] = page.opinion() ? 1 : 0;
        out[offset + 8] = page.blog() ? 1 : 0;
    }
}
