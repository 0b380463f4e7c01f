package org.wirecopy.cli;

import org.wirecopy.eval.Evaluation;

import java.util.Locale;
import java.util.Map;

/** The per-group table of {@code evaluate --by FIELD}. */
final class GroupTable {

    private GroupTable() {
    }

    static String render(Evaluation ev, String field) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%nby %s%n%-28s %6s", field, field, "paras"));
        for (String l : ev.labels()) b.append(String.format(Locale.ROOT, " %12s", "F1 " + l.substring(0, Math.min(4, l.length()))));
        b.append(String.format(Locale.ROOT, " %9s %9s%n", "macro-F1", "accuracy"));
        for (Map.Entry<String, Evaluation> e : ev.by(field).entrySet()) {
            Evaluation g = e.getValue();
            b.append(String.format(Locale.ROOT, "%-28s %6d", e.getKey(), g.paragraphs()));
            for (String l : ev.labels()) {
                b.append(g.support(l) == 0 && g.predicted(l) == 0 ? String.format(Locale.ROOT, " %12s", "-")
                        : String.format(Locale.ROOT, " %12.3f", g.f1(l)));
            }
            b.append(String.format(Locale.ROOT, " %9.3f %9.3f%n", g.macroF1(), g.accuracy()));
        }
        return b.toString();
    }
}
