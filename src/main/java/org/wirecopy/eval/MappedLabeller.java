package org.wirecopy.eval;

import org.wirecopy.classify.ArticleLabeller;
import org.wirecopy.classify.ClassifiedArticle;
import org.wirecopy.classify.ClassifiedParagraph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a labeller's output in another label set: each source label is mapped to a target label and the scores of
 * labels mapped together are added. For zero-shot use of a model on data with other labels, e.g. the bundled model on
 * OBJ/SUBJ data with {@code REPORTING=OBJ, BOILERPLATE=OBJ, COMMENTARY=SUBJ}.
 *
 * <p>Which target label a paragraph gets is the {@link Pick}: by default ({@link Pick#SUMMED_SCORES}) the one whose
 * summed score is highest, which can differ from mapping the inner label (REPORTING 0.30, BOILERPLATE 0.25,
 * COMMENTARY 0.45 is OBJ by its sum 0.55, though COMMENTARY has the highest score). That ignores the decision
 * biases of a model trained with {@code --fit-thresholds}, which {@link Pick#INNER_LABEL} keeps: the inner labeller's
 * own label, mapped, so the mapped output labels each paragraph as the classifier does.
 *
 * <p>Thread-safe when the wrapped labeller is.
 */
public final class MappedLabeller implements ArticleLabeller {

    /**
     * How a paragraph's target label is chosen. Immutable and thread-safe.
     */
    public enum Pick {
        /** The target label of the highest summed score (the first target label on a tie). */
        SUMMED_SCORES,
        /**
         * The inner labeller's label, mapped: for a {@link org.wirecopy.classify.Classifier} whose model has
         * decision biases, the label it classifies by.
         */
        INNER_LABEL
    }

    private final ArticleLabeller inner;
    private final Map<String, String> map;
    private final List<String> labels;
    private final Pick pick;

    /**
     * A labeller that reads {@code inner}'s output through {@code map}, each paragraph labelled with the target label
     * of the highest summed score ({@link Pick#SUMMED_SCORES}).
     *
     * @param inner the labeller whose output is mapped; not null
     * @param map   every label of {@code inner} to a target label; labels not named keep their name
     * @throws IllegalArgumentException when {@code map} names a label {@code inner} does not have
     */
    public MappedLabeller(ArticleLabeller inner, Map<String, String> map) {
        this(inner, map, Pick.SUMMED_SCORES);
    }

    /**
     * A labeller that reads {@code inner}'s output through {@code map}, each paragraph labelled as {@code pick} says.
     *
     * @param inner the labeller whose output is mapped; not null
     * @param map   every label of {@code inner} to a target label; labels not named keep their name
     * @param pick  how a paragraph's target label is chosen; not null
     * @throws IllegalArgumentException when {@code map} names a label {@code inner} does not have
     */
    public MappedLabeller(ArticleLabeller inner, Map<String, String> map, Pick pick) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.pick = Objects.requireNonNull(pick, "pick");
        this.map = Map.copyOf(map);
        for (String k : map.keySet()) {
            if (!inner.labels().contains(k)) {
                throw new IllegalArgumentException("prediction map names '" + k + "', which is not one of the "
                        + "model's labels " + inner.labels());
            }
        }
        List<String> out = new ArrayList<>();
        for (String l : inner.labels()) {
            String t = map.getOrDefault(l, l);
            if (!out.contains(t)) out.add(t);
        }
        this.labels = List.copyOf(out);
    }

    /** {@return how a paragraph's target label is chosen} */
    public Pick pick() {
        return pick;
    }

    @Override
    public List<String> labels() {
        return labels;
    }

    @Override
    public ClassifiedArticle classifyParagraphs(List<String> paragraphs) {
        ClassifiedArticle a = inner.classifyParagraphs(paragraphs);
        List<ClassifiedParagraph> out = new ArrayList<>();
        for (ClassifiedParagraph p : a.paragraphs()) {
            Map<String, Double> s = new LinkedHashMap<>();
            for (String l : labels) s.put(l, 0.0);
            for (Map.Entry<String, Double> e : p.scores().entrySet()) {
                s.merge(map.getOrDefault(e.getKey(), e.getKey()), e.getValue(), Double::sum);
            }
            String best = labels.get(0);
            if (pick == Pick.INNER_LABEL) best = map.getOrDefault(p.label(), p.label());
            else for (String l : labels) if (s.get(l) > s.get(best)) best = l;
            out.add(new ClassifiedParagraph(p.index(), p.text(), p.start(), p.end(), best, s, p.uncertain()));
        }
        return new ClassifiedArticle(labels, out);
    }
}
