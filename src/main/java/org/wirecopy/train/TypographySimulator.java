package org.wirecopy.train;

import org.wirecopy.corpus.LabelledArticle;
import org.wirecopy.corpus.LabelledParagraph;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Gives a training article the typography of a real site, so that the {@link org.wirecopy.features.TypographyCues}
 * have something to learn from: the project's writers curled their quotation marks or not as they pleased, while on
 * real sites the marks follow the software. Per article, one of:
 * <ul>
 *   <li>a site whose editor keeps what the writer types ({@value #PLAIN} of articles): the writer's own paragraphs
 *       and the furniture with straight marks, pasted copy with the curly marks of the site it came from (in
 *       {@value #PASTE_CURLY} of such articles; the rest were pasted from sites that print straight marks);</li>
 *   <li>a site that curls every mark ({@value #SMART} of articles);</li>
 *   <li>the article as written (the rest).</li>
 * </ul>
 * Only the original text changes; the normalised text the other features read unifies the marks, so they see the
 * same article. The rates are guesses at how blogs look (most of the 40 real posts we measure on come from editors of
 * both kinds), not fitted.
 *
 * <p>Not thread-safe (holds the random source of one training run).
 */
final class TypographySimulator {

    /** Share of articles typed in an editor that keeps straight marks. */
    static final double PLAIN = 0.4;
    /** Share of those whose pasted copy has curly marks. */
    static final double PASTE_CURLY = 0.8;
    /** Share of articles on a site that curls every mark. */
    static final double SMART = 0.3;

    private final Random r;

    TypographySimulator(Random r) {
        this.r = r;
    }

    /** {@code a} with the typography of one kind of site, drawn at random. */
    LabelledArticle type(LabelledArticle a) {
        double u = r.nextDouble();
        boolean pasteCurly = r.nextDouble() < PASTE_CURLY;
        if (u >= PLAIN + SMART) return a;
        List<LabelledParagraph> out = new ArrayList<>(a.paragraphs().size());
        for (LabelledParagraph p : a.paragraphs()) {
            boolean curly = u >= PLAIN || ("REPORTING".equals(p.label()) && pasteCurly);
            String t = curly ? curl(p.text()) : straighten(p.text());
            out.add(t.equals(p.text()) ? p : new LabelledParagraph(t, p.label(), p.fields()));
        }
        return new LabelledArticle(a.id(), out, a.fields(), a.origin());
    }

    /** {@code s} with typewriter quotation marks and apostrophes. */
    static String straighten(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char to = c == '\u2018' || c == '\u2019' ? '\'' : c == '\u201C' || c == '\u201D' ? '"' : c;
            if (to != c && b == null) b = new StringBuilder(s.substring(0, i));
            if (b != null) b.append(to);
        }
        return b == null ? s : b.toString();
    }

    /**
     * {@code s} with typographer's marks: a mark after a letter, digit or closing punctuation closes (an apostrophe is
     * a closing single mark), any other opens.
     */
    static String curl(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char to = c;
            if (c == '\'' || c == '"') {
                char before = i == 0 ? ' ' : s.charAt(i - 1);
                boolean closes = Character.isLetterOrDigit(before) || ".,;:!?)]\u2019\u201D".indexOf(before) >= 0;
                to = c == '\'' ? (closes ? '\u2019' : '\u2018') : (closes ? '\u201D' : '\u201C');
            }
            if (to != c && b == null) b = new StringBuilder(s.substring(0, i));
            if (b != null) b.append(to);
        }
        return b == null ? s : b.toString();
    }
}
