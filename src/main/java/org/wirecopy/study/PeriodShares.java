package org.wirecopy.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One group's articles in one period (a site in one month): their {@link GroupSummary}, for shares over time.
 * The summary's own name is {@code group + " " + period}, which also seeds its bootstrap, so a row does not move
 * when other sites or months are added.
 *
 * <p>Immutable and thread-safe.
 *
 * @param group   the group's key (a site, a style...)
 * @param period  the period's key, such as {@code 2018-03} ({@link GroupKey#NONE} for articles without a date)
 * @param summary the articles of that group in that period
 */
public record PeriodShares(String group, String period, GroupSummary summary) {

    /**
     * Checks that no component is null.
     *
     * @param group   the group's key
     * @param period  the period's key
     * @param summary the articles of that group in that period
     */
    public PeriodShares {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(summary, "summary");
    }

    /**
     * Splits {@code rows} by {@code group} and, within each group, by {@code period}, and summarises every
     * (group, period) cell that holds an article; ordered by group, then period (so {@code YYYY-MM} months come in
     * time order).
     *
     * @param summarizer summarises each cell
     * @param rows       the articles
     * @param group      an article's group, e.g. a {@link GroupKey}
     * @param period     an article's period, e.g. {@code GroupKey("month")}
     * @return one entry per non-empty cell
     */
    public static List<PeriodShares> of(Summarizer summarizer, List<ArticleSummary> rows,
                                        Function<ArticleSummary, String> group,
                                        Function<ArticleSummary, String> period) {
        Objects.requireNonNull(summarizer, "summarizer");
        Map<String, Map<String, List<ArticleSummary>>> cells = new TreeMap<>();
        for (ArticleSummary s : rows) {
            cells.computeIfAbsent(group.apply(s), k -> new TreeMap<>())
                    .computeIfAbsent(period.apply(s), k -> new ArrayList<>()).add(s);
        }
        List<PeriodShares> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<ArticleSummary>>> g : cells.entrySet()) {
            for (Map.Entry<String, List<ArticleSummary>> p : g.getValue().entrySet()) {
                out.add(new PeriodShares(g.getKey(), p.getKey(),
                        summarizer.group(g.getKey() + " " + p.getKey(), p.getValue())));
            }
        }
        return out;
    }
}
