package org.wirecopy.train;

import org.wirecopy.corpus.LabelledArticle;
import org.wirecopy.corpus.LabelledParagraph;
import org.wirecopy.text.Article;
import org.wirecopy.text.PageSignals;
import org.wirecopy.text.Paragraph;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Makes a plain-text training article look as the HTML reader sees a real page, so that the markup cues are alive in
 * training while the model still works without them:
 * <ul>
 *   <li>blockquotes around pasted copy as bloggers put them (most paragraphs of a paste; some bloggers never quote,
 *       and a few put their own words in a blockquote), none around a news outlet's own report;</li>
 *   <li>a heading for a short first line, links in furniture and sometimes in body text, list items, captions and
 *       furniture class names with the noise real pages have; a paragraph whose corpus entry names its element (a
 *       {@code tag} field: {@code h2}, {@code li}, {@code figcaption}...) mostly gets that element;</li>
 *   <li>what the page says of its kind (news, opinion, blog) now and then, sometimes wrongly;</li>
 *   <li>with {@code pageProbability}, whole-page furniture from a {@link Furniture} library around the article (menus
 *       and bylines above, lists of other stories, newsletter boxes, footers and comments below) and an ad or caption
 *       inside, all BOILERPLATE.</li>
 * </ul>
 * The rates are written here, not learnt; they are rough guesses at how real pages look, and the network only needs
 * them to be plausible and noisy.
 *
 * <p>Not thread-safe (holds the random source of one training run).
 */
final class PageSimulator {

    /** A simulated page: its paragraphs with markup, their labels, and the page's signals. */
    record Page(List<Paragraph> paragraphs, List<String> labels, PageSignals signals) {
    }

    private static final Pattern CAPTION = Pattern.compile(
            "(?i)\\b(?:photo|photograph|image|pictured|credit|getty|shutterstock|ap photo|reuters/|afp via)\\b");

    /**
     * How often the writer's own paragraph (or a line of furniture) sits in a blockquote: rarely, for emphasis. Kept
     * small, or the network learns that opinionated text in a blockquote is the writer's, which is exactly what a
     * pasted op-ed looks like.
     */
    static final double OWN_WORDS_QUOTED = 0.005;

    private final Furniture furniture;
    private final Random r;

    PageSimulator(Furniture furniture, Random r) {
        this.furniture = furniture;
        this.r = r;
    }

    /** {@code a} as a page, with whole-page furniture around it with probability {@code pageProbability}. */
    Page simulate(LabelledArticle a, double pageProbability) {
        List<LabelledParagraph> ps = a.paragraphs();
        boolean reporting = false;
        boolean commentary = false;
        for (LabelledParagraph p : ps) {
            reporting |= "REPORTING".equals(p.label());
            commentary |= "COMMENTARY".equals(p.label());
        }
        String style = a.field("style") == null ? "" : a.field("style").toLowerCase(Locale.ROOT);
        String kind = reporting && !commentary ? "news"
                : !reporting && commentary && style.contains("opinion") ? "opinion" : "blog";
        // bloggers who paste nearly always put the paste in a blockquote; a few use quote marks or nothing
        boolean quotes = r.nextDouble() < 0.95;
        List<Paragraph> out = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Paragraph> plain = Article.ofParagraphs(a.texts()).paragraphs();
        for (int i = 0; i < ps.size(); i++) {
            out.add(markup(plain.get(i), ps.get(i).label(), ps.get(i).fields().getOrDefault("tag", ""), i, kind,
                    quotes));
            labels.add(ps.get(i).label());
        }
        if (!furniture.groups().isEmpty() && r.nextDouble() < pageProbability) {
            List<Paragraph> top = new ArrayList<>();
            int nTop = 1 + r.nextInt(3);
            for (int g = 0; g < nTop; g++) addGroup(top, pick("top", kind));
            List<Paragraph> bottom = new ArrayList<>();
            int nBottom = 1 + r.nextInt(4);
            for (int g = 0; g < nBottom; g++) addGroup(bottom, pick("bottom", kind));
            if (out.size() > 3 && r.nextDouble() < 0.5) {
                List<Paragraph> inside = new ArrayList<>();
                addGroup(inside, pick("inside", kind));
                int at = 2 + r.nextInt(out.size() - 2);
                out.addAll(at, inside);
                for (int k = 0; k < inside.size(); k++) labels.add(at, "BOILERPLATE");
            }
            out.addAll(0, top);
            for (int k = 0; k < top.size(); k++) labels.add(0, "BOILERPLATE");
            out.addAll(bottom);
            for (int k = 0; k < bottom.size(); k++) labels.add("BOILERPLATE");
        }
        List<Paragraph> indexed = new ArrayList<>(out.size());
        for (int i = 0; i < out.size(); i++) indexed.add(out.get(i).withIndex(i));
        return new Page(indexed, labels, signals(kind));
    }

    private PageSignals signals(String kind) {
        double news = kind.equals("news") ? 0.4 : 0.05;
        double opinion = kind.equals("opinion") ? 0.4 : 0.03;
        double blog = kind.equals("blog") ? 0.35 : 0.03;
        return new PageSignals(r.nextDouble() < news, r.nextDouble() < opinion, r.nextDouble() < blog);
    }

    /**
     * Element names a corpus paragraph may carry in its {@code tag} field ({@code "h2"} for a subheading, {@code "li"}
     * for a list item...), which the simulated page then uses most of the time.
     */
    static final java.util.Set<String> CORPUS_TAGS = java.util.Set.of("h1", "h2", "h3", "h4", "li", "figcaption", "td");
    /** How often a paragraph's own {@code tag} field is followed (the rest of the time it is a plain paragraph). */
    static final double TAG_KEPT = 0.9;

    private Paragraph markup(Paragraph p, String label, String given, int i, String kind, boolean quotes) {
        String text = p.normalizedText();
        boolean furnitureLabel = "BOILERPLATE".equals(label);
        int depth = 0;
        if ("REPORTING".equals(label) && !kind.equals("news")) {
            depth = quotes && r.nextDouble() < 0.97 ? 1 : 0;
        } else if (!furnitureLabel) {
            depth = r.nextDouble() < OWN_WORDS_QUOTED ? 1 : 0;
        } else if (r.nextDouble() < OWN_WORDS_QUOTED) {
            depth = 1;
        }
        int heading = 0;
        String tag = "p";
        boolean tagged = CORPUS_TAGS.contains(given) && r.nextDouble() < TAG_KEPT;
        if (tagged) {
            tag = given;
            heading = tag.charAt(0) == 'h' ? tag.charAt(1) - '0' : 0;
        } else if (i <= 1 && !furnitureLabel && text.length() < 160 && !text.endsWith(".") && r.nextDouble() < 0.8) {
            heading = 1 + r.nextInt(2);
            tag = "h" + heading;
        } else if (!furnitureLabel && text.length() < 90 && !text.endsWith(".") && r.nextDouble() < 0.15) {
            heading = 2 + r.nextInt(2);
            tag = "h" + heading;
        }
        float links = 0f;
        boolean hint;
        if (furnitureLabel) {
            if (r.nextDouble() < 0.35) links = 1f;
            else if (r.nextDouble() < 0.2) links = (float) r.nextDouble();
            hint = r.nextDouble() < 0.5;
            if (heading == 0 && !tagged) {
                double u = r.nextDouble();
                if (CAPTION.matcher(text).find() && u < 0.6) tag = "figcaption";
                else if (u < 0.15) tag = "li";
                else if (u < 0.45) tag = "div";
            }
        } else {
            if (r.nextDouble() < 0.25) links = (float) (r.nextDouble() * 0.3);
            hint = r.nextDouble() < 0.03;
            if (heading == 0 && !tagged && r.nextDouble() < 0.04) tag = "li";
        }
        return p.withMarkup(depth, heading, tag, links, hint);
    }

    private Furniture.Group pick(String where, String kind) {
        List<Furniture.Group> gs = furniture.groups();
        for (int tries = 0; tries < 50; tries++) {
            Furniture.Group g = gs.get(r.nextInt(gs.size()));
            if (g.fits(where) && g.on(kind)) return g;
        }
        return gs.get(r.nextInt(gs.size()));
    }

    private void addGroup(List<Paragraph> out, Furniture.Group g) {
        boolean hint = r.nextDouble() < 0.6;
        for (Furniture.Block b : g.blocks()) {
            String tag = switch (b.tag()) {
                case "li", "td", "figcaption", "h2", "h3", "h4" -> b.tag();
                case "p" -> "p";
                default -> r.nextBoolean() ? "div" : "li";
            };
            int heading = tag.length() == 2 && tag.charAt(0) == 'h' ? tag.charAt(1) - '0' : 0;
            Paragraph p = Paragraph.of(0, b.text(), 0, b.text().length());
            out.add(p.withMarkup(0, heading, tag, b.link() ? 1f : 0f, hint));
        }
    }
}
