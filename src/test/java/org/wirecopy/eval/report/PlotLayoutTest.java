package org.wirecopy.eval.report;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.wirecopy.classify.ClassifiedArticle;
import org.wirecopy.classify.ClassifiedParagraph;
import org.wirecopy.eval.ArticleOutcome;
import org.wirecopy.eval.Evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 9: row percentages, counts per reliability bin, top-N groups with a fitted F1 axis. */
class PlotLayoutTest {

    static final List<String> LABELS = List.of("A", "B");

    static ClassifiedParagraph p(int i, String label, double conf) {
        return new ClassifiedParagraph(i, "t" + i, 0, 2, label, Map.of(label, conf, label.equals("A") ? "B" : "A",
                1 - conf));
    }

    /** One article per call: gold and predicted labels. */
    static ArticleOutcome article(String id, String style, List<String> gold, List<String> predicted) {
        List<ClassifiedParagraph> ps = new ArrayList<>();
        for (int i = 0; i < predicted.size(); i++) ps.add(p(i, predicted.get(i), 0.95));
        return new ArticleOutcome(id, Map.of("style", style), gold, new ClassifiedArticle(LABELS, ps));
    }

    /** Gold A: 4 paragraphs, 2 predicted A (66.7%), 1 B; gold B: 1 paragraph, predicted B (100%). */
    static Evaluation small() {
        return new Evaluation(LABELS, List.of(
                article("a1", "x", List.of("A", "A", "B"), List.of("A", "B", "B")),
                article("a2", "x", List.of("A"), List.of("A")),
                article("a3", "y", List.of("A", "B"), List.of("A", "B")),
                article("a4", "z", List.of("B"), List.of("B"))));
    }

    @Test
    void confusionCellsAreRowPercentagesWithRowCountsOnTheAxis() {
        HeatMapChart chart = Plots.confusionChart(small());
        var series = chart.getSeriesMap().values().iterator().next();
        // gold A: 4 paragraphs (a1 two, a2 one, a3 one), 3 predicted A = 75%, 1 predicted B = 25%
        List<String> y = series.getYData().stream().map(Object::toString).toList();
        assertTrue(y.contains("A (n=4)") && y.contains("B (n=3)"), y.toString());
        double aa = Double.NaN;
        double ab = Double.NaN;
        for (Number[] cell : series.getHeatData()) {
            int yi = cell[1].intValue();
            String gold = y.get(yi);
            if (gold.startsWith("A") && cell[0].intValue() == 0) aa = cell[2].doubleValue();
            if (gold.startsWith("A") && cell[0].intValue() == 1) ab = cell[2].doubleValue();
        }
        assertEquals(75.0, aa, 1e-9);
        assertEquals(25.0, ab, 1e-9);
    }

    @Test
    void reliabilityShowsTheCountOfEveryBin() {
        XYChart chart = Plots.reliabilityChart(small());
        String names = String.join(" | ", chart.getSeriesMap().keySet());
        assertTrue(names.contains("0.9-1.0: 7"), "7 paragraphs scored 0.95 fall in the last bin: " + names);
    }

    @Test
    void f1ByKeepsTheLargestGroupsAndFitsTheAxis() {
        CategoryChart chart = Plots.f1ByChart(small(), "style", 2);
        assertTrue(chart.getTitle().contains("2 of 3"), chart.getTitle());
        List<String> x = chart.getSeriesMap().values().iterator().next().getXData().stream().map(Object::toString)
                .toList();
        assertEquals("x (n=2)", x.get(0));
        assertEquals(2, x.size());
        assertTrue(chart.getStyler().getYAxisMin() > 0, "the y-axis starts near the lowest F1, not at 0");
        assertTrue(chart.getStyler().getYAxisMin() <= 0.67);
    }

    @Test
    void plotsAreSvgWhenTheFileNameSaysSo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path svg = dir.resolve("confusion.svg");
        Plots.confusion(small(), svg);
        String text = java.nio.file.Files.readString(svg);
        assertTrue(text.contains("<svg") && text.contains("</svg>"), text.substring(0, Math.min(200, text.length())));
        java.nio.file.Path png = dir.resolve("confusion.png");
        Plots.confusion(small(), png);
        byte[] head = java.util.Arrays.copyOf(java.nio.file.Files.readAllBytes(png), 4);
        assertEquals((byte) 0x89, head[0]);
        assertEquals('P', head[1]);
    }
}
