package org.wirecopy.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * The outcome of k-fold cross-validation: the fold assignment, one {@link Evaluation} per fold (on that fold's
 * articles, by a model trained on the others), and their pooled predictions.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name  what was cross-validated (model or baseline name)
 * @param folds the fold assignment
 * @param perFold one evaluation per fold, in fold order
 */
public record CrossValidation(String name, Folds folds, List<Evaluation> perFold) {

    /**
     * Checks the components and copies the evaluations into an immutable list.
     *
     * @param name    what was cross-validated; not null
     * @param folds   the fold assignment; not null
     * @param perFold one evaluation per fold, in fold order
     * @throws IllegalArgumentException when there are not {@code folds.k()} evaluations
     */
    public CrossValidation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(folds, "folds");
        perFold = List.copyOf(perFold);
        if (perFold.size() != folds.k()) {
            throw new IllegalArgumentException(perFold.size() + " fold results for " + folds.k() + " folds");
        }
    }

    /** {@return all folds' predictions together, as one evaluation} */
    public Evaluation pooled() {
        List<ArticleOutcome> all = new ArrayList<>();
        for (Evaluation e : perFold) all.addAll(e.articles());
        return new Evaluation(perFold.get(0).labels(), all);
    }

    /**
     * Mean of a figure over the folds.
     *
     * @param metric the figure, e.g. {@code Evaluation::macroF1}
     * @return its mean over the folds
     */
    public double mean(ToDoubleFunction<Evaluation> metric) {
        double s = 0;
        for (Evaluation e : perFold) s += metric.applyAsDouble(e);
        return s / perFold.size();
    }

    /**
     * Sample standard deviation of a figure over the folds (0 for one fold).
     *
     * @param metric the figure, e.g. {@code Evaluation::macroF1}
     * @return its standard deviation over the folds
     */
    public double std(ToDoubleFunction<Evaluation> metric) {
        if (perFold.size() < 2) return 0;
        double m = mean(metric);
        double s = 0;
        for (Evaluation e : perFold) {
            double d = metric.applyAsDouble(e) - m;
            s += d * d;
        }
        return Math.sqrt(s / (perFold.size() - 1));
    }

    /**
     * The figures reported for each fold and as mean and standard deviation, by name.
     *
     * @return figure name (e.g. {@code macroF1}, {@code f1.REPORTING}) to figure, in report order
     */
    public Map<String, ToDoubleFunction<Evaluation>> metrics() {
        Map<String, ToDoubleFunction<Evaluation>> m = new LinkedHashMap<>();
        m.put("accuracy", Evaluation::accuracy);
        m.put("macroF1", Evaluation::macroF1);
        m.put("microF1", Evaluation::microF1);
        for (String l : perFold.get(0).labels()) {
            m.put("precision." + l, e -> e.precision(l));
            m.put("recall." + l, e -> e.recall(l));
            m.put("f1." + l, e -> e.f1(l));
            m.put("prAuc." + l, e -> e.prAuc(l));
        }
        m.put("expectedCalibrationError", Evaluation::expectedCalibrationError);
        m.put("articlesAllRight", Evaluation::articlesAllRight);
        if (perFold.get(0).labels().contains("REPORTING")) {
            m.put("reportingShareMeanAbsoluteError", e -> e.shareError("REPORTING"));
        }
        return m;
    }

    /**
     * For every figure: per-fold values, mean and standard deviation.
     *
     * @return an ordered map for JSON: name, folds, seed, figures and the pooled evaluation's summary
     */
    public Map<String, Object> summary() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        out.put("folds", folds.k());
        out.put("seed", folds.seed());
        Map<String, Object> figures = new LinkedHashMap<>();
        for (Map.Entry<String, ToDoubleFunction<Evaluation>> e : metrics().entrySet()) {
            Map<String, Object> f = new LinkedHashMap<>();
            List<Double> values = new ArrayList<>();
            for (Evaluation ev : perFold) values.add(e.getValue().applyAsDouble(ev));
            f.put("perFold", values);
            f.put("mean", mean(e.getValue()));
            f.put("std", std(e.getValue()));
            figures.put(e.getKey(), f);
        }
        out.put("figures", figures);
        out.put("pooled", pooled().summary());
        return out;
    }
}
