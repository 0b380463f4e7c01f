package org.wirecopy.features;

import org.wirecopy.text.Paragraph;

import java.util.List;

/**
 * Cues of a paragraph's typography against its article's (feature version {@value FeatureConfig#V4}): whether its
 * quotation marks and apostrophes are typographer's (curly) or typewriter (straight) ones, and whether that sets it
 * apart from the other paragraphs of the article. Many blogs' editors keep what the writer types, straight marks,
 * while text pasted from a news site keeps the site's curly ones, so a curly paragraph in an article typed straight is
 * likely pasted; on sites that curl every mark (WordPress does) the cues say nothing. They are read from the
 * paragraph's original text: the model's normalised text unifies the marks.
 *
 * <p>Stateless and thread-safe.
 */
public final class TypographyCues {

    /** Names of the cues, in vector order. */
    public static final List<String> NAMES = List.of("curly_marks", "straight_marks", "curly_among_straight",
            "straight_among_curly");

    /** Number of cues. */
    public static final int COUNT = NAMES.size();

    private TypographyCues() {
    }

    /**
     * The typography of one text: +1 when it has more curly quotation marks and apostrophes than straight ones, -1
     * when it has more straight ones, 0 when it has none or as many of each.
     *
     * @param text a paragraph's original text
     * @return -1, 0 or +1
     */
    static int kind(String text) {
        int curly = 0;
        int straight = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u2018' || c == '\u2019' || c == '\u201C' || c == '\u201D') {
                curly++;
            } else if (c == '\'' || c == '"') {
                straight++;
            } else if (c == '&') {
                // plain text that kept a page's character references ("&rsquo;", "&#8217;"), as scraped corpora do
                int e = entity(text, i);
                if (e > 0) curly++;
                if (e < 0) straight++;
            }
        }
        return Integer.compare(curly, straight);
    }

    private static final String[] CURLY_REFS = {"&lsquo;", "&rsquo;", "&ldquo;", "&rdquo;", "&#8216;", "&#8217;",
        "&#8220;", "&#8221;", "&#x2018;", "&#x2019;", "&#x201c;", "&#x201d;"};
    private static final String[] STRAIGHT_REFS = {"&quot;", "&apos;", "&#39;", "&#039;", "&#34;", "&#x27;",
        "&#x22;"};

    /** +1 when a reference to a curly mark starts at {@code i}, -1 for a straight one, else 0. */
    private static int entity(String text, int i) {
        for (String r : CURLY_REFS) if (text.regionMatches(true, i, r, 0, r.length())) return 1;
        for (String r : STRAIGHT_REFS) if (text.regionMatches(true, i, r, 0, r.length())) return -1;
        return 0;
    }

    /**
     * Writes the {@link #COUNT} cues of every paragraph of an article into {@code out[i]} at {@code offset}.
     *
     * @param paragraphs the article's paragraphs
     * @param out        one row per paragraph, at least {@code offset + COUNT} wide
     * @param offset     where in each row the first value goes
     */
    static void compute(List<Paragraph> paragraphs, float[][] out, int offset) {
        int n = paragraphs.size();
        int[] kinds = new int[n];
        int curly = 0;
        int straight = 0;
        for (int i = 0; i < n; i++) {
            kinds[i] = kind(paragraphs.get(i).text());
            if (kinds[i] > 0) curly++;
            if (kinds[i] < 0) straight++;
        }
        for (int i = 0; i < n; i++) {
            // the other paragraphs' habit: how many of those with marks have the other kind
            int c = curly - (kinds[i] > 0 ? 1 : 0);
            int s = straight - (kinds[i] < 0 ? 1 : 0);
            float otherStraight = c + s == 0 ? 0f : (float) s / (c + s);
            float otherCurly = c + s == 0 ? 0f : (float) c / (c + s);
            out[i][offset] = kinds[i] > 0 ? 1f : 0f;
            out[i][offset + 1] = kinds[i] < 0 ? 1f : 0f;
            out[i][offset + 2] = kinds[i] > 0 ? otherStraight : 0f;
            out[i][offset + 3] = kinds[i] < 0 ? otherCurly : 0f;
        }
    }
}
