package org.wirecopy.eval;

import org.wirecopy.corpus.Corpus;
import org.wirecopy.corpus.LabelledArticle;
import org.wirecopy.corpus.LabelledParagraph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * An assignment of articles to k folds: grouped by article (all paragraphs of an article in one fold), stratified by
 * label (each fold's label mix close to the corpus's), seeded. Articles are shuffled with the seed, then placed
 * largest first into the fold whose label counts move least away from (or most towards) an equal share.
 *
 * <p>Immutable and thread-safe.
 *
 * @param k          number of folds
 * @param seed       the seed the assignment was made with
 * @param assignment article id to fold index (0..k-1), in corpus order
 */
public record Folds(int k, long seed, Map<String, Integer> assignment) {

    /**
     * Checks the components and copies the assignment into an unmodifiable map that keeps its order.
     *
     * @param k          number of folds, at least 2
     * @param seed       the seed the assignment was made with
     * @param assignment article id to fold index, each in 0..k-1; not null
     * @throws IllegalArgumentException when {@code k} is below 2 or a fold index is out of range
     */
    public Folds {
        if (k < 2) throw new IllegalArgumentException("folds must be >= 2, got " + k);
        assignment = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(assignment)));
        for (Map.Entry<String, Integer> e : assignment.entrySet()) {
            if (e.getValue() < 0 || e.getValue() >= k) {
                throw new IllegalArgumentException("article " + e.getKey() + " is in fold " + e.getValue()
                        + ", outside 0.." + (k - 1));
            }
        }
    }

    /**
     * Makes a grouped, label-stratified assignment of {@code corpus} into {@code k} folds.
     *
     * @param corpus labelled articles
     * @param k      number of folds, 2..number of articles
     * @param seed   seeds the shuffle; the same corpus and seed give the same folds
     * @return the assignment
     * @throws IllegalArgumentException when {@code k} is below 2 or above the number of articles
     */
    public static Folds of(Corpus corpus, int k, long seed) {
        if (k < 2) throw new IllegalArgumentException("folds must be >= 2, got " + k);
        if (corpus.articles().size() < k) {
            throw new IllegalArgumentException(corpus.name() + " has " + corpus.articles().size()
                    + " articles, fewer than the " + k + " folds asked for; use fewer folds");
        }
        List<String> labels = corpus.labels();
        List<LabelledArticle> order = new ArrayList<>(corpus.articles());
        Collections.shuffle(order, new Random(seed));
        order.sort(Comparator.comparingInt((LabelledArticle a) -> a.paragraphs().size()).reversed());
        double[] total = new double[labels.size()];
        for (LabelledArticle a : order) {
            for (LabelledParagraph p : a.paragraphs()) total[labels.indexOf(p.label())]++;
        }
        double[][] counts = new double[k][labels.size()];
        int[] articles = new int[k];
        Map<String, Integer> byId = new java.util.HashMap<>();
        for (LabelledArticle a : order) {
            double[] mine = new double[labels.size()];
            for (LabelledParagraph p : a.paragraphs()) mine[labels.indexOf(p.label())]++;
            int best = -1;
            double bestCost = Double.POSITIVE_INFINITY;
            for (int f = 0; f < k; f++) {
                // growth of the fold's squared distance from an equal share of every label
                double cost = 0;
                for (int l = 0; l < mine.length; l++) {
                    double before = counts[f][l] - total[l] / k;
                    double after = before + mine[l];
                    cost += after * after - before * before;
                }
                cost += articles[f] * 1e-9; // ties go to the fold with fewer articles
                if (cost < bestCost) {
                    bestCost = cost;
                    best = f;
                }
            }
            for (int l = 0; l < mine.length; l++) counts[best][l] += mine[l];
            articles[best]++;
            byId.put(a.id(), best);
        }
        Map<String, Integer> inCorpusOrder = new LinkedHashMap<>();
        for (LabelledArticle a : corpus.articles()) {
            if (inCorpusOrder.put(a.id(), byId.get(a.id())) != null) {
                throw new IllegalArgumentException("duplicate article id " + a.id() + "; folds need unique ids");
            }
        }
        return new Folds(k, seed, inCorpusOrder);
    }

    /**
     * The articles of fold {@code f} (the test side).
     *
     * @param corpus the corpus the assignment was made for
     * @param f      a fold, 0..k-1
     * @return its articles, in corpus order
     * @throws IllegalArgumentException when an article of {@code corpus} has no fold
     */
    public Corpus test(Corpus corpus, int f) {
        return select(corpus, f, true);
    }

    /**
     * The articles of every other fold (the training side).
     *
     * @param corpus the corpus the assignment was made for
     * @param f      a fold, 0..k-1
     * @return the other folds' articles, in corpus order
     * @throws IllegalArgumentException when an article of {@code corpus} has no fold
     */
    public Corpus train(Corpus corpus, int f) {
        return select(corpus, f, false);
    }

    private Corpus select(Corpus corpus, int f, boolean in) {
        List<LabelledArticle> out = new ArrayList<>();
        for (LabelledArticle a : corpus.articles()) {
            Integer fold = assignment.get(a.id());
            if (fold == null) {
                throw new IllegalArgumentException("article " + a.id() + " has no fold in the assignment; the "
                        + "assignment was made for other data");
            }
            if ((fold == f) == in) out.add(a);
        }
        return new Corpus(corpus.name() + (in ? "[fold " + f + "]" : "[not fold " + f + "]"), out);
    }

    /** {@return tab-separated {@code article_id<TAB>fold} lines with a header, so others can rerun the same folds} */
    public String toTsv() {
        StringBuilder b = new StringBuilder("article_id\tfold\n");
        for (Map.Entry<String, Integer> e : assignment.entrySet()) {
            b.append(e.getKey()).append('\t').append(e.getValue()).append('\n');
        }
        return b.toString();
    }

    /**
     * Reads {@link #toTsv()} output; the number of folds is one more than the highest fold index.
     *
     * @param tsv  the file's text, header first
     * @param seed the seed to record (the file does not hold it)
     * @return the assignment
     * @throws IllegalArgumentException when a line is not {@code article_id<TAB>fold} or the folds are fewer than 2
     */
    public static Folds fromTsv(String tsv, long seed) {
        Map<String, Integer> m = new LinkedHashMap<>();
        int k = 0;
        String[] lines = tsv.split("\r?\n");
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            String[] parts = lines[i].split("\t");
            if (parts.length != 2) {
                throw new IllegalArgumentException("fold file line " + (i + 1) + ": expected article_id<TAB>fold");
            }
            int f;
            try {
                f = Integer.parseInt(parts[1].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("fold file line " + (i + 1) + ": fold '" + parts[1]
                        + "' is not a number", e);
            }
            m.put(parts[0], f);
            k = Math.max(k, f + 1);
        }
        return new Folds(k, seed, m);
    }
}
