package org.wirecopy.cli;

import org.wirecopy.model.DecisionBiases;
import org.wirecopy.model.Model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the command line words a model's decision rule fitted by {@code train --fit-thresholds}: {@code train}'s
 * report and {@code inspect}. Stateless and thread-safe.
 */
final class DecisionText {

    private DecisionText() {
    }

    /**
     * The fitted rule: with two labels the threshold on the second label's score ({@code SUBJ when its score >
     * 0.6300}), with more each label's log-score bias.
     *
     * @param m a model whose {@link Model#decision()} is not {@link DecisionBiases#NONE}
     * @return the rule in words
     */
    static String rule(Model m) {
        return rule(m.labels(), m.decision());
    }

    /** {@return the rule of biases {@code d} over {@code labels}, as {@link #rule(Model)} words it} */
    static String rule(List<String> labels, DecisionBiases d) {
        if (labels.size() == 2) {
            return String.format(Locale.ROOT, "%s when its score > %.4f", labels.get(1), d.threshold());
        }
        return biases(labels, d);
    }

    /** {@return each label's log-score bias: {@code log-score biases A +0.0000, B -0.5000}} */
    static String biases(Model m) {
        return biases(m.labels(), m.decision());
    }

    /** {@return each label's log-score bias of biases {@code b} over {@code labels}} */
    static String biases(List<String> labels, DecisionBiases b) {
        StringBuilder d = new StringBuilder();
        for (int j = 0; j < labels.size(); j++) {
            d.append(String.format(Locale.ROOT, "%s%s %+.4f", j == 0 ? "log-score biases " : ", ", labels.get(j),
                    b.biases().get(j)));
        }
        return d.toString();
    }

    /**
     * The dev figures {@code train --fit-thresholds} records in the provenance, those present: the macro-F1 with
     * the decision ({@code macroF1}, measured on the dev data it was fitted to), by the highest score
     * ({@code macroF1.argmax}) and cross-fitted ({@code macroF1.crossFitted}).
     *
     * @param devMetrics the model's {@code Provenance.devMetrics()}
     * @return the figures in words, empty when none is recorded
     */
    static String devFigures(Map<String, Double> devMetrics) {
        List<String> parts = new ArrayList<>();
        if (devMetrics.containsKey("macroF1")) {
            parts.add(String.format(Locale.ROOT, "%.4f with the decision (in sample: fitted on this dev data)",
                    devMetrics.get("macroF1")));
        }
        if (devMetrics.containsKey("macroF1.argmax")) {
            parts.add(String.format(Locale.ROOT, "%.4f by the highest score", devMetrics.get("macroF1.argmax")));
        }
        if (devMetrics.containsKey("macroF1.crossFitted")) {
            parts.add(String.format(Locale.ROOT, "%.4f with thresholds fitted on the other folds of dev",
                    devMetrics.get("macroF1.crossFitted")));
        }
        return String.join(", ", parts);
    }
}
