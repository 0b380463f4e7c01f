package org.wirecopy.corpus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A labelled corpus: articles read from one or more files.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name     what it was read from (for reports)
 * @param articles the articles in file order
 */
public record Corpus(String name, List<LabelledArticle> articles) {

    /** The three labels of the bundled task, in display order. */
    public static final List<String> STANDARD_LABELS = List.of("REPORTING", "COMMENTARY", "BOILERPLATE");

    /**
     * Copies the articles into an immutable list.
     *
     * @param name     what it was read from; not null
     * @param articles the articles in file order; not null
     */
    public Corpus {
        Objects.requireNonNull(name, "name");
        articles = List.copyOf(Objects.requireNonNull(articles, "articles"));
    }

    /** {@return the number of paragraphs in all articles} */
    public int paragraphCount() {
        int n = 0;
        for (LabelledArticle a : articles) n += a.paragraphs().size();
        return n;
    }

    /**
     * The distinct gold labels: the standard three first in their usual order when present, then the others
     * alphabetically.
     *
     * @return the labels of the labelled paragraphs (empty for unlabelled data)
     */
    public List<String> labels() {
        TreeSet<String> seen = new TreeSet<>();
        for (LabelledArticle a : articles) {
            for (LabelledParagraph p : a.paragraphs()) if (p.label() != null) seen.add(p.label());
        }
        return orderLabels(seen);
    }

    /**
     * Orders a label set: the standard three first, the rest alphabetically.
     *
     * @param labels label names, in any order (repeats are kept once)
     * @return the same labels, ordered, each once
     */
    public static List<String> orderLabels(java.util.Collection<String> labels) {
        List<String> out = new ArrayList<>();
        for (String s : STANDARD_LABELS) if (labels.contains(s)) out.add(s);
        for (String s : new TreeSet<>(labels)) if (!STANDARD_LABELS.contains(s)) out.add(s);
        return out;
    }

    /** {@return the paragraph counts per gold label, in {@link #labels()} order} */
    public Map<String, Integer> labelCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String l : labels()) counts.put(l, 0);
        for (LabelledArticle a : articles) {
            for (LabelledParagraph p : a.paragraphs()) if (p.label() != null) counts.merge(p.label(), 1, Integer::sum);
        }
        return counts;
    }

    /**
     * The articles whose field {@code field} equals {@code value}.
     *
     * @param field an extra field of the articles, e.g. {@code style}
     * @param value the value to keep; not null
     * @return those articles in order, in a corpus named {@code name[field=value]}
     */
    public Corpus where(String field, String value) {
        List<LabelledArticle> out = new ArrayList<>();
        for (LabelledArticle a : articles) if (value.equals(a.field(field))) out.add(a);
        return new Corpus(this.name + "[" + field + "=" + value + "]", out);
    }

    /**
     * This corpus followed by {@code other}.
     *
     * @param other another corpus
     * @return both corpora's articles, in a corpus named {@code name+other}
     */
    public Corpus plus(Corpus other) {
        List<LabelledArticle> all = new ArrayList<>(articles);
        all.addAll(other.articles);
        return new Corpus(name + "+" + other.name, all);
    }

    /**
     * SHA-256 of the corpus content: article ids, paragraph texts and labels, in order. Independent of file layout,
     * line ends and JSON formatting, so it identifies the data a model was trained on. Ids made up from the file
     * and line (rows without an id) are not hashed, so the hash does not depend on how the path was spelled
     * ({@code d.tsv} or {@code ./d.tsv}); the articles' order still is.
     *
     * @return the hash, in lower-case hex
     */
    public String sha256() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (LabelledArticle a : articles) {
                if (!a.id().equals(a.origin())) md.update(a.id().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 1);
                for (LabelledParagraph p : a.paragraphs()) {
                    md.update(String.valueOf(p.label()).getBytes(StandardCharsets.UTF_8));
                    md.update((byte) 2);
                    md.update(p.text().getBytes(StandardCharsets.UTF_8));
                    md.update((byte) 3);
                }
                md.update((byte) 4);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
