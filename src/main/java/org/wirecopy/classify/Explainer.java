package org.wirecopy.classify;

import org.wirecopy.features.Cues;
import org.wirecopy.features.FeatureExtractor;
import org.wirecopy.features.SparseVector;
import org.wirecopy.network.Ensemble;
import org.wirecopy.text.Article;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Occlusion explanations: each feature group of one paragraph's input (one of its own cues, one cue's contrast with the
 * article's mean, one cue of one neighbour, one markup cue, the paragraph vector, or one word n-gram's bucket) is
 * removed from that paragraph's input in turn, the whole article is scored again, and the drop in
 * each label's log-odds is that feature's contribution to the label (log-odds, not probability, so that features of
 * a paragraph scored 0.999 still show their weight). Context is kept: the network still sees the
 * neighbouring paragraphs, so a contribution is the feature's effect in this article. Each contribution says where
 * its feature comes from ({@link Explanation.Source}): a neighbour's cue is occluded in this paragraph's input only
 * (the copy of this paragraph's cues in its neighbours' inputs is left alone).
 *
 * <p>Costs one pass over the article, then, per feature of the paragraph (about 100-200), one encoding and one step of
 * each LSTM: explaining every paragraph is linear in the article's length. Thread-safe.
 */
final class Explainer {

    private final FeatureExtractor features;
    private final Ensemble network;
    private final List<String> labels;
    private final org.wirecopy.model.DecisionBiases decision;

    /** An explainer whose explanations name the label {@code decision} chooses from the scores, as classify does. */
    Explainer(FeatureExtractor features, Ensemble network, List<String> labels,
              org.wirecopy.model.DecisionBiases decision) {
        this.features = features;
        this.network = network;
        this.labels = labels;
        this.decision = java.util.Objects.requireNonNull(decision, "decision");
    }

    /** The explanation of paragraph {@code index}: one pass over the article, then constant time per feature. */
    Explanation explain(Article article, int index, int top) {
        if (index < 0 || index >= article.size()) {
            throw new IllegalArgumentException("paragraph index " + index + " is outside 0.." + (article.size() - 1));
        }
        List<SparseVector> inputs = features.extract(article.paragraphs(), article.page());
        return explain(article, inputs, network.context(inputs), index, top);
    }

    /**
     * The explanations of every paragraph, in order: the features are extracted and the network run over the article
     * once, so the cost is linear in the article's length.
     */
    List<Explanation> explainAll(Article article, int top) {
        if (article.size() == 0) return List.of();
        List<SparseVector> inputs = features.extract(article.paragraphs(), article.page());
        Ensemble.Context context = network.context(inputs);
        List<Explanation> out = new ArrayList<>(article.size());
        for (int i = 0; i < article.size(); i++) {
            if (Thread.currentThread().isInterrupted()) throw new IllegalStateException("explanation cancelled");
            out.add(explain(article, inputs, context, i, top));
        }
        return out;
    }

    /**
     * Occludes each feature group of paragraph {@code index} in turn. Only that paragraph's input changes, so the
     * forward LSTM's state before it and the backward LSTM's after it stay: {@link Ensemble.Context#rescore} gives,
     * float for float, the scores a pass over the whole article with the occluded input gives, in constant time.
     */
    private Explanation explain(Article article, List<SparseVector> inputs, Ensemble.Context context, int index,
                                int top) {
        float[] base = context.scores(index);
        List<Group> groups = groups(article.paragraphs().get(index).normalizedText(), inputs.get(index));
        Map<String, List<Explanation.Contribution>> toward = new LinkedHashMap<>();
        for (String l : labels) toward.put(l, new ArrayList<>());
        for (Group g : groups) {
            float[] s = context.rescore(index, without(inputs.get(index), g.dims()));
            for (int j = 0; j < labels.size(); j++) {
                double effect = logit(base[j]) - logit(s[j]);
                if (effect > 1e-6) {
                    toward.get(labels.get(j)).add(new Explanation.Contribution(g.name(), effect, g.source(), g.offset()));
                }
            }
        }
        for (List<Explanation.Contribution> list : toward.values()) {
            list.sort(Comparator.comparingDouble(Explanation.Contribution::effect).reversed()
                    .thenComparing(Explanation.Contribution::feature)
                    .thenComparing(Explanation.Contribution::source)
                    .thenComparingInt(Explanation.Contribution::offset));
            if (list.size() > top) list.subList(top, list.size()).clear();
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        for (int j = 0; j < labels.size(); j++) scores.put(labels.get(j), (double) base[j]);
        int best = decision.choose(base);
        return new Explanation(index, labels.get(best), scores, toward);
    }

    /** One occluded group of input dimensions, with where its values come from. */
    private record Group(String name, Explanation.Source source, int offset, int[] dims) {
    }

    /**
     * Feature groups present in the paragraph's input: its own cues, each cue's contrast with the article's mean,
     * each neighbour's cues, markup cues (the paragraph's own or the page's), the paragraph vector and the n-grams
     * by bucket. Every dimension that carries a value belongs to exactly one group (neighbour presence flags, which
     * only say whether a neighbour exists, are not occluded).
     */
    private List<Group> groups(String normalizedText, SparseVector x) {
        List<Group> out = new ArrayList<>();
        org.wirecopy.features.FeatureConfig cfg = features.config();
        for (int c = 0; c < Cues.COUNT; c++) {
            if (x.get(c) != 0f) out.add(new Group("cue:" + Cues.NAMES.get(c), Explanation.Source.PARAGRAPH, 0,
                    new int[]{c}));
        }
        if (cfg.contrast()) {
            for (int c = 0; c < Cues.COUNT; c++) {
                if (x.get(Cues.COUNT + c) != 0f) out.add(new Group("cue:" + Cues.NAMES.get(c),
                        Explanation.Source.ARTICLE, 0, new int[]{Cues.COUNT + c}));
            }
        }
        int base = cfg.neighbourOffset();
        for (int d = -cfg.window(); d <= cfg.window(); d++) {
            if (d == 0) continue;
            for (int c = 0; c < Cues.COUNT; c++) {
                if (x.get(base + c) != 0f) out.add(new Group("cue:" + Cues.NAMES.get(c),
                        Explanation.Source.NEIGHBOUR, d, new int[]{base + c}));
            }
            base += Cues.COUNT + 1;
        }
        if (features.config().markupCues()) {
            int mo = features.config().markupOffset();
            for (int c = 0; c < org.wirecopy.features.MarkupCues.COUNT; c++) {
                String name = org.wirecopy.features.MarkupCues.NAMES.get(c);
                // page-wide cues (has_markup, page_*) are the article's, the others the paragraph's markup
                boolean page = name.startsWith("page_") || name.equals("has_markup");
                if (x.get(mo + c) != 0f) out.add(new Group((page ? "page:" : "markup:") + name,
                        page ? Explanation.Source.ARTICLE : Explanation.Source.PARAGRAPH, 0, new int[]{mo + c}));
            }
        }
        if (features.config().typographyCues()) {
            int to = features.config().typographyOffset();
            for (int c = 0; c < org.wirecopy.features.TypographyCues.COUNT; c++) {
                if (x.get(to + c) != 0f) out.add(new Group("typography:" + org.wirecopy.features.TypographyCues.NAMES.get(c),
                        Explanation.Source.PARAGRAPH, 0, new int[]{to + c}));
            }
        }
        if (features.config().vectorDims() > 0) {
            int vo = features.config().vectorOffset();
            int[] dims = new int[features.config().vectorDims()];
            for (int d = 0; d < dims.length; d++) dims[d] = vo + d;
            out.add(new Group("vector:paragraph", Explanation.Source.PARAGRAPH, 0, dims));
        }
        if (features.config().encoderDims() > 0) {
            int eo = features.config().encoderOffset();
            int[] dims = new int[features.config().encoderDims()];
            for (int d = 0; d < dims.length; d++) dims[d] = eo + d;
            out.add(new Group("encoder:" + features.config().encoder(), Explanation.Source.PARAGRAPH, 0, dims));
        }
        Map<Integer, List<String>> byBucket = new TreeMap<>();
        for (String g : features.ngrams(normalizedText)) {
            List<String> names = byBucket.computeIfAbsent(features.bucket(g), k -> new ArrayList<>());
            if (!names.contains(g)) names.add(g);
        }
        int offset = features.config().ngramOffset();
        for (Map.Entry<Integer, List<String>> e : byBucket.entrySet()) {
            out.add(new Group("ngram:\"" + String.join("\" / \"", e.getValue()) + "\"", Explanation.Source.PARAGRAPH,
                    0, new int[]{offset + e.getKey()}));
        }
        return out;
    }

    private static double logit(float p) {
        double q = Math.min(1 - 1e-7, Math.max(1e-7, p));
        return Math.log(q / (1 - q));
    }

    private static SparseVector without(SparseVector x, int[] drop) {
        int n = x.size();
        int[] idx = new int[n];
        float[] val = new float[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            int at = x.indexAt(i);
            boolean skip = false;
            for (int d : drop) if (d == at) skip = true;
            if (!skip) {
                idx[k] = at;
                val[k++] = x.valueAt(i);
            }
        }
        return new SparseVector(x.dimension(), java.util.Arrays.copyOf(idx, k), java.util.Arrays.copyOf(val, k));
    }
}
