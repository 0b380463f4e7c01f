package org.wirecopy.study;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 9: per site per month REPORTING shares, as a table and a line chart. */
class PeriodSharesTest {

    static ArticleSummary row(String id, String page, double reporting, String date) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("REPORTING", 1);
        counts.put("COMMENTARY", 1);
        Map<String, Double> shares = new LinkedHashMap<>();
        shares.put("REPORTING", reporting);
        shares.put("COMMENTARY", 1 - reporting);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("page", page);
        if (date != null) fields.put("date", date);
        return new ArticleSummary(id, fields, counts, shares, 0.9, 0);
    }

    static final List<ArticleSummary> ROWS = List.of(
            row("a1", "site-a", 0.2, "2018-03-02"), row("a2", "site-a", 0.6, "2018-03-20T10:00"),
            row("a3", "site-a", 1.0, "2018-05-01"),
            row("b1", "site-b", 0.0, "2018-04-11"), row("b2", "site-b", 0.5, null));

    @Test
    void oneCellPerSiteAndMonthInTimeOrderWithItsOwnMean() {
        List<PeriodShares> cells = PeriodShares.of(Summarizer.DEFAULT, ROWS, new GroupKey("page"),
                new GroupKey("month"));
        List<String> keys = cells.stream().map(c -> c.group() + "|" + c.period()).toList();
        assertEquals(List.of("site-a|2018-03", "site-a|2018-05", "site-b|(none)", "site-b|2018-04"), keys);
        PeriodShares march = cells.get(0);
        assertEquals(2, march.summary().articles());
        assertEquals(0.4, march.summary().meanShares().get("REPORTING"), 1e-12);
        assertEquals(0.2, march.summary().lower().get("REPORTING"), 1e-12);
        assertEquals(0.6, march.summary().upper().get("REPORTING"), 1e-12);
        assertEquals(1.0, cells.get(1).summary().meanShares().get("REPORTING"), 1e-12);
        // adding another site moves no row of this one (each cell's bootstrap is seeded by its own name)
        List<ArticleSummary> more = new ArrayList<>(ROWS);
        more.add(row("c1", "site-c", 0.3, "2018-03-01"));
        assertEquals(march, PeriodShares.of(Summarizer.DEFAULT, more, new GroupKey("page"), new GroupKey("month"))
                .get(0));
    }

    @Test
    void tableHasTheGroupAndThePeriodColumns() throws Exception {
        List<PeriodShares> cells = PeriodShares.of(Summarizer.DEFAULT, ROWS, new GroupKey("page"),
                new GroupKey("month"));
        StringWriter csv = new StringWriter();
        GroupTableWriter.writeOver(csv, SummaryFormat.CSV, "page", "month", cells);
        List<String> lines = csv.toString().lines().toList();
        assertEquals("page,month,articles,paragraphs,mean_REPORTING,lower_REPORTING,upper_REPORTING,"
                + "mean_COMMENTARY,lower_COMMENTARY,upper_COMMENTARY", lines.get(0));
        assertEquals(5, lines.size());
        assertTrue(lines.get(1).startsWith("site-a,2018-03,2,4,0.4,0.2,0.6,"), lines.get(1));
        StringWriter jsonl = new StringWriter();
        GroupTableWriter.writeOver(jsonl, SummaryFormat.JSONL, "page", "month", cells);
        assertTrue(jsonl.toString().startsWith("{\"page\":\"site-a\",\"month\":\"2018-03\",\"articles\":2,"),
                jsonl.toString());
        String text = GroupTableWriter.textOver("page", "month", cells);
        assertTrue(text.contains("site-a  2018-05") && text.contains("100.0"), text);
    }

    @Test
    void lineChartHasOneLinePerSiteAcrossTheMonthsWithGaps(@TempDir Path dir) throws Exception {
        List<PeriodShares> cells = PeriodShares.of(Summarizer.DEFAULT, ROWS, new GroupKey("page"),
                new GroupKey("month"));
        CategoryChart chart = StudyPlots.periodChart(cells, "REPORTING", "page", "month", 10);
        assertEquals(List.of("site-a (n=3)", "site-b (n=1)"), new ArrayList<>(chart.getSeriesMap().keySet()),
                "undated articles are left out of the counts and the lines");
        CategorySeries a = chart.getSeriesMap().get("site-a (n=3)");
        assertEquals(List.of("2018-03", "2018-04", "2018-05"), new ArrayList<>(a.getXData()));
        List<Number> y = new ArrayList<>(a.getYData());
        assertEquals(0.4, y.get(0).doubleValue(), 1e-12);
        assertNull(y.get(1), "site-a has no article in April: a gap");
        assertEquals(1.0, y.get(2).doubleValue(), 1e-12);
        assertEquals(CategorySeries.CategorySeriesRenderStyle.Line, chart.getStyler().getDefaultSeriesRenderStyle());
        assertEquals(List.of("site-a (n=3)"), new ArrayList<>(StudyPlots.periodChart(cells, "REPORTING", "page",
                "month", 1).getSeriesMap().keySet()), "top 1: the site with most articles");
        Path png = dir.resolve("over.png");
        StudyPlots.save(chart, png);
        assertTrue(Files.size(png) > 1000);
        List<PeriodShares> undated = PeriodShares.of(Summarizer.DEFAULT, List.of(row("x", "s", 0.5, null)),
                new GroupKey("page"), new GroupKey("month"));
        assertThrows(IllegalArgumentException.class, () -> StudyPlots.periodChart(undated, "REPORTING", "page",
                "month", 5));
        assertThrows(IllegalArgumentException.class, () -> StudyPlots.periodChart(cells, "NOPE", "page", "month", 5));
    }
}
