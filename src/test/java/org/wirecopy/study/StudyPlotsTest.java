package org.wirecopy.study;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.wirecopy.classify.ClassifiedArticle;
import org.wirecopy.classify.ClassifiedParagraph;
import org.wirecopy.eval.ArticleOutcome;
import org.wirecopy.eval.Evaluation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StudyPlotsTest {

    @TempDir
    Path dir;

    static final List<String> LABELS = List.of("REPORTING", "COMMENTARY");

    static ClassifiedParagraph p(int i, String text, String label) {
        return new ClassifiedParagraph(i, text, 0, text.length(), label,
                Map.of(label, 0.9, label.equals("REPORTING") ? "COMMENTARY" : "REPORTING", 0.1));
    }

    /** Article 1: gold R(10) C(30), predicted R R: gold 0.25, predicted 1.0. Article 2: gold C(20), predicted C. */
    static Evaluation evaluation() {
        String ten = "a".repeat(10);
        String thirty = "b".repeat(30);
        ArticleOutcome a = new ArticleOutcome("a", Map.of(), List.of("REPORTING", "COMMENTARY"),
                new ClassifiedArticle(LABELS, List.of(p(0, ten, "REPORTING"), p(1, thirty, "REPORTING"))));
        ArticleOutcome b = new ArticleOutcome("b", Map.of(), List.of("COMMENTARY"),
                new ClassifiedArticle(LABELS, List.of(p(0, "c".repeat(20), "COMMENTARY"))));
        return new Evaluation(LABELS, List.of(a, b));
    }

    @Test
    void sharesAndMaeAreCharacterWeightedPerArticle() {
        double[][] s = StudyPlots.shares(evaluation(), "REPORTING");
        assertArrayEquals(new double[]{0.25, 1.0}, s[0], 1e-12);
        assertArrayEquals(new double[]{0.0, 0.0}, s[1], 1e-12);
        assertEquals(0.375, StudyPlots.meanAbsoluteError(s), 1e-12);
        XYChart chart = StudyPlots.shareChart(evaluation(), "REPORTING");
        assertTrue(chart.getTitle().contains("MAE 0.375") && chart.getTitle().contains("2 articles"),
                chart.getTitle());
    }

    @Test
    void groupChartFitsTheAxisAndKeepsTheLargestGroups() throws Exception {
        List<GroupSummary> groups = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            double m = 0.6 + i * 0.05;
            groups.add(new GroupSummary("g" + i, i + 1, 10, Map.of("REPORTING", m), Map.of("REPORTING", m - 0.02),
                    Map.of("REPORTING", m + 0.02)));
        }
        CategoryChart chart = StudyPlots.groupChart(groups, "REPORTING", "site", 3);
        assertTrue(chart.getTitle().contains("top 3 of 5"), chart.getTitle());
        assertEquals(List.of("g2 (n=3)", "g3 (n=4)", "g4 (n=5)"),
                new ArrayList<>(chart.getSeriesMap().get("REPORTING").getXData()).stream().map(Object::toString)
                        .toList());
        assertTrue(chart.getStyler().getYAxisMin() >= 0.5 && chart.getStyler().getYAxisMin() <= 0.68,
                "y-axis fitted to the data, got min " + chart.getStyler().getYAxisMin());
        assertTrue(chart.getStyler().getYAxisMax() <= 1.0 && chart.getStyler().getYAxisMax() >= 0.82);
        Path png = dir.resolve("g.png");
        Path svg = dir.resolve("g.svg");
        StudyPlots.save(chart, png);
        StudyPlots.save(chart, svg);
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(png), 4);
        assertArrayEquals(new byte[]{(byte) 0x89, 'P', 'N', 'G'}, head);
        assertTrue(Files.readString(svg).contains("<svg"));
        assertThrows(IllegalArgumentException.class, () -> StudyPlots.save(chart, dir.resolve("g.gif")));
    }
}
