package org.wirecopy.eval;

import org.wirecopy.classify.ClassifiedArticle;
import org.wirecopy.classify.ClassifiedParagraph;
import org.wirecopy.corpus.Corpus;
import org.wirecopy.corpus.LabelledArticle;
import org.wirecopy.corpus.LabelledParagraph;
import org.wirecopy.text.TextNormalizer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Scores a classifier on labelled web pages: each page is classified as its reader sees it (HTML, whole), and every
 * gold paragraph is matched, by its text, to the classified paragraph that holds it. Paragraph boundaries of the HTML
 * reader need not match the gold ones: a gold paragraph takes the label of the classified paragraph holding the middle
 * of its text; a gold paragraph the reader dropped (navigation it skips, for example) counts as predicted
 * BOILERPLATE with certainty, since the reader treated it as furniture.
 *
 * <p>Texts are matched on a key of their letters and digits, lower-cased after NFKC normalisation, searched in page
 * order from where the previous gold paragraph ended (then anywhere, then by its first and last 40 key chars).
 *
 * <p>Stateless and thread-safe.
 */
public final class PageEvaluator {

    /** The label a dropped paragraph is counted as. */
    public static final String DROPPED_LABEL = "BOILERPLATE";

    /** Gold texts shorter than this (as keys) match only a whole paragraph or text just after the previous match. */
    static final int SHORT_KEY = 25;
    /** How far after the previous match, in key characters, a short gold text may be found inside a paragraph. */
    static final int SHORT_REACH = 80;

    private PageEvaluator() {
    }

    /**
     * One page: its HTML, the URL it came from (may be empty) and the gold articles it holds, in page order (a blog
     * homepage holds several posts).
     *
     * <p>Immutable and thread-safe.
     *
     * @param name the page's name (its file name without {@code .html})
     * @param html the page's HTML
     * @param url  the URL it came from, or empty
     * @param gold the gold articles it holds, in page order
     */
    public record Page(String name, String html, String url, List<LabelledArticle> gold) {
        /**
         * Checks the components; a null URL becomes empty, and the gold list is copied.
         *
         * @param name the page's name; not null
         * @param html the page's HTML; not null
         * @param url  the URL it came from, or empty or null
         * @param gold the gold articles; not null
         */
        public Page {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(html, "html");
            url = url == null ? "" : url;
            gold = List.copyOf(gold);
        }
    }

    /**
     * Evaluates {@code classify} (HTML and URL in, classified page out) on {@code pages}; each gold article becomes
     * one evaluated article.
     *
     * @param labels   the labels, in the model's order
     * @param pages    the labelled pages
     * @param classify reads a page's HTML and URL and classifies it
     * @return the figures over every gold article
     */
    public static Evaluation evaluate(List<String> labels, List<Page> pages,
                                      BiFunction<String, String, ClassifiedArticle> classify) {
        List<ArticleOutcome> out = new ArrayList<>();
        for (Page page : pages) {
            ClassifiedArticle predicted = classify.apply(page.html(), page.url());
            out.addAll(align(labels, page, predicted));
        }
        return new Evaluation(labels, out);
    }

    /**
     * The gold articles of {@code page} with the labels and scores of the classified paragraphs that hold them; a
     * gold paragraph the page reader dropped counts as {@link #DROPPED_LABEL}.
     *
     * @param labels    the labels, in the model's order
     * @param page      the page with its gold articles
     * @param predicted the classified page
     * @return one outcome per gold article, in page order
     */
    static List<ArticleOutcome> align(List<String> labels, Page page, ClassifiedArticle predicted) {
        StringBuilder concat = new StringBuilder();
        List<Integer> owner = new ArrayList<>();
        for (int i = 0; i < predicted.size(); i++) {
            String k = key(predicted.paragraphs().get(i).text());
            concat.append(k);
            for (int c = 0; c < k.length(); c++) owner.add(i);
        }
        String all = concat.toString();
        int cursor = 0;
        List<ArticleOutcome> out = new ArrayList<>();
        for (LabelledArticle a : page.gold()) {
            List<ClassifiedParagraph> ps = new ArrayList<>();
            for (int i = 0; i < a.paragraphs().size(); i++) {
                LabelledParagraph gp = a.paragraphs().get(i);
                String g = key(gp.text());
                int at = g.isEmpty() ? -1 : find(all, g, cursor);
                int len = g.length();
                if (at >= 0 && g.length() < SHORT_KEY) {
                    // a short text ("World", "More") counts only as a paragraph of its own or where the page's text
                    // goes on: found inside some other paragraph, it is not that text, and the page's reader dropped it
                    at = shortAt(all, owner, g, cursor);
                }
                if (at < 0 && g.length() > 80) {
                    at = find(all, g.substring(0, 40), cursor);
                    len = 40;
                    if (at < 0) {
                        int s = find(all, g.substring(g.length() - 40), cursor);
                        if (s >= 0) at = s;
                    }
                }
                if (at < 0) {
                    ps.add(dropped(labels, i, gp.text()));
                    continue;
                }
                cursor = at + len;
                ClassifiedParagraph p = predicted.paragraphs().get(owner.get(at + len / 2));
                ps.add(new ClassifiedParagraph(i, gp.text(), p.start(), p.end(), p.label(), p.scores(),
                        p.uncertain()));
            }
            out.add(new ArticleOutcome(a.id(), a.fields(), a.labels(), new ClassifiedArticle(labels, ps)));
        }
        return out;
    }

    /**
     * Where the short key {@code g} is: just after the cursor, else the first classified paragraph that is exactly
     * {@code g} at or after the cursor, else before it; -1 when it is none of these.
     */
    static int shortAt(String all, List<Integer> owner, String g, int cursor) {
        int near = all.indexOf(g, cursor);
        if (near >= 0 && near <= cursor + SHORT_REACH) return near;
        for (int from : new int[] {cursor, 0}) {
            for (int i = all.indexOf(g, from); i >= 0; i = all.indexOf(g, i + 1)) {
                int o = owner.get(i);
                int end = i + g.length();
                boolean whole = (i == 0 || owner.get(i - 1) != o) && (end == owner.size() || owner.get(end) != o);
                if (whole) return i;
            }
        }
        return -1;
    }

    private static int find(String all, String g, int cursor) {
        int at = all.indexOf(g, cursor);
        return at >= 0 ? at : all.indexOf(g);
    }

    private static ClassifiedParagraph dropped(List<String> labels, int index, String text) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (String l : labels) scores.put(l, l.equals(DROPPED_LABEL) ? 1.0 : 0.0);
        String label = labels.contains(DROPPED_LABEL) ? DROPPED_LABEL : labels.get(0);
        return new ClassifiedParagraph(index, text, 0, 0, label, scores);
    }

    /** The key texts are matched on: see {@link TextNormalizer#matchKey}. */
    static String key(String s) {
        return TextNormalizer.matchKey(s);
    }

    /**
     * The labelled pages of a folder: every {@code NAME.html} (or {@code .htm}) with gold articles in {@code corpus}
     * (see {@link #goldFor}), in file-name order, with the URL from the first gold article's field {@code urlField}
     * ({@code "none"} for no URL). Pages without gold are left out.
     *
     * @param corpus   the gold articles
     * @param dir      the folder of pages
     * @param urlField the gold articles' field with the page's URL, or {@code "none"}
     * @return the pages, in file-name order
     * @throws java.io.IOException when the folder cannot be listed or a page cannot be read
     */
    public static List<Page> read(Corpus corpus, java.nio.file.Path dir, String urlField) throws java.io.IOException {
        List<java.nio.file.Path> files;
        try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().matches("(?i).*\\.html?")).sorted().toList();
        }
        List<Page> pages = new ArrayList<>();
        for (java.nio.file.Path f : files) {
            String name = f.getFileName().toString().replaceFirst("(?i)\\.html?$", "");
            List<LabelledArticle> gold = goldFor(corpus, name);
            if (gold.isEmpty()) continue;
            String url = "none".equals(urlField) ? "" : gold.get(0).field(urlField);
            pages.add(new Page(name, org.wirecopy.text.ArticleReader.readFile(f), url == null ? "" : url, gold));
        }
        return pages;
    }

    /**
     * Groups the gold articles of {@code corpus} by page: articles whose id is {@code pageName} (one page, one
     * article), else those whose {@code style} is {@code pageName} (a homepage of several posts), in corpus order.
     *
     * @param corpus   the gold articles
     * @param pageName the page's file name without {@code .html}
     * @return its gold articles, empty when none
     */
    static List<LabelledArticle> goldFor(Corpus corpus, String pageName) {
        List<LabelledArticle> byId = new ArrayList<>();
        List<LabelledArticle> byStyle = new ArrayList<>();
        for (LabelledArticle a : corpus.articles()) {
            if (a.id().equals(pageName)) byId.add(a);
            else if (pageName.equals(a.field("style"))) byStyle.add(a);
        }
        return byId.isEmpty() ? byStyle : byId;
    }
}
