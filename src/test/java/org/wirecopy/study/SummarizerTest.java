package org.wirecopy.study;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SummarizerTest {

    static ArticleSummary row(String id, String style, double reporting, String date) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("REPORTING", 1);
        counts.put("COMMENTARY", 1);
        Map<String, Double> shares = new LinkedHashMap<>();
        shares.put("REPORTING", reporting);
        shares.put("COMMENTARY", 1 - reporting);
        Map<String, String> fields = new LinkedHashMap<>();
        if (style != null) fields.put("style", style);
        if (date != null) fields.put("date", date);
        return new ArticleSummary(id, fields, counts, shares, 0.9, 0);
    }

    @Test
    void meansAreUnweightedPerArticleAndGroupsAreSortedByKey() {
        List<ArticleSummary> rows = List.of(row("a", "blog", 0.2, null), row("b", "blog", 0.6, null),
                row("c", "agency", 1.0, null), row("d", null, 0.5, null));
        List<GroupSummary> g = Summarizer.DEFAULT.summarize(rows, new GroupKey("style"));
        assertEquals(List.of("(none)", "agency", "blog"), g.stream().map(GroupSummary::group).toList());
        GroupSummary blog = g.get(2);
        assertEquals(2, blog.articles());
        assertEquals(4, blog.paragraphs());
        assertEquals(0.4, blog.meanShares().get("REPORTING"), 1e-12);
        assertEquals(0.6, blog.meanShares().get("COMMENTARY"), 1e-12);
        // two articles: every resample mean is 0.2, 0.4 or 0.6, so the interval is [0.2, 0.6]
        assertEquals(0.2, blog.lower().get("REPORTING"), 1e-12);
        assertEquals(0.6, blog.upper().get("REPORTING"), 1e-12);
        GroupSummary agency = g.get(1);
        assertEquals(1.0, agency.lower().get("REPORTING"), 1e-12);
        assertEquals(1.0, agency.upper().get("REPORTING"), 1e-12);
    }

    @Test
    void intervalMatchesTheNormalApproximationOnALargeSample() {
        Random r = new Random(3);
        List<ArticleSummary> rows = new ArrayList<>();
        double sum = 0;
        double sq = 0;
        int n = 400;
        for (int i = 0; i < n; i++) {
            double x = r.nextDouble();
            sum += x;
            sq += x * x;
            rows.add(row("a" + i, "s", x, null));
        }
        double mean = sum / n;
        double se = Math.sqrt((sq / n - mean * mean) / n);
        GroupSummary g = Summarizer.DEFAULT.summarize(rows, new GroupKey("all")).get(0);
        assertEquals(mean, g.meanShares().get("REPORTING"), 1e-12);
        double half = (g.upper().get("REPORTING") - g.lower().get("REPORTING")) / 2;
        assertEquals(1.96 * se, half, 0.15 * 1.96 * se, "bootstrap half-width vs 1.96 standard errors");
        assertEquals(mean, (g.upper().get("REPORTING") + g.lower().get("REPORTING")) / 2, 0.3 * se);
    }

    @Test
    void seededIntervalsAreReproducibleAndIndependentOfOtherGroups() {
        List<ArticleSummary> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) rows.add(row("a" + i, "x", (i * 7 % 11) / 10.0, null));
        List<ArticleSummary> more = new ArrayList<>(rows);
        for (int i = 0; i < 10; i++) more.add(row("b" + i, "y", 0.3, null));
        GroupSummary alone = new Summarizer(500, 9).summarize(rows, new GroupKey("style")).get(0);
        GroupSummary again = new Summarizer(500, 9).summarize(more, new GroupKey("style")).get(0);
        assertEquals(alone, again);
        GroupSummary other = new Summarizer(500, 10).summarize(rows, new GroupKey("style")).get(0);
        assertTrue(!alone.lower().equals(other.lower()) || !alone.upper().equals(other.upper()),
                "another seed resamples differently");
    }

    @Test
    void monthComesFromTheDateFieldAndBadDatesGoToNone() {
        List<ArticleSummary> rows = List.of(row("a", null, 0.1, "2018-03-20T09:05:00-05:00"),
                row("b", null, 0.3, "2018-03-01"), row("c", null, 0.5, "2018-13-01"), row("d", null, 0.7, "March"));
        List<GroupSummary> g = Summarizer.DEFAULT.summarize(rows, new GroupKey("month"));
        assertEquals(List.of("(none)", "2018-03"), g.stream().map(GroupSummary::group).toList());
        assertEquals(0.2, g.get(1).meanShares().get("REPORTING"), 1e-12);
        assertEquals(2, g.get(0).articles());
    }

    @Test
    void refusesRowsOfDifferentModelsAndBadSettings() {
        Map<String, Integer> counts = Map.of("A", 1);
        Map<String, Double> shares = Map.of("A", 1.0);
        ArticleSummary other = new ArticleSummary("z", Map.of(), counts, shares, 1, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Summarizer.DEFAULT.summarize(List.of(row("a", null, 0.1, null), other), new GroupKey("all")));
        assertTrue(e.getMessage().contains("one model"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Summarizer(10, 1));
        assertThrows(IllegalArgumentException.class, () -> new ArticleSummary("x", Map.of(), Map.of("A", 1),
                Map.of("A", 1.5), 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new ArticleSummary("x", Map.of(), Map.of("A", 1),
                Map.of("A", 1.0), 1, 2));
    }
}
