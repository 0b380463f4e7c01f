package org.wirecopy.eval.report;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.wirecopy.eval.Evaluation;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * PNG plots of an {@link Evaluation}, drawn with XChart at {@link #WIDTH} x {@link #HEIGHT} pixels: the confusion
 * matrix as a heat map with counts, the reliability diagram with the diagonal of perfect calibration, one
 * precision-recall curve per label with its area in the legend, and F1 per label for each value of an article field.
 * Each method overwrites {@code out}. Drawing works headless ({@code -Djava.awt.headless=true}).
 *
 * <p>Stateless and thread-safe: every call draws its own chart.
 */
public final class Plots {

    /** Width of every plot, in pixels. */
    public static final int WIDTH = 800;
    /** Height of every plot, in pixels. */
    public static final int HEIGHT = 600;

    private static final Color LOW = new Color(0xF7, 0xFB, 0xFF);
    private static final Color HIGH = new Color(0x4A, 0x90, 0xD9);

    private Plots() {
    }

    /** Heat map of {@link Evaluation#confusion()}: rows gold labels (first label on top), columns predicted labels. */
    public static void confusion(Evaluation evaluation, Path out) throws IOException {
        save(confusionChart(evaluation), out);
    }

    /** Reliability diagram of the top score ({@link Evaluation#reliability()}), empty bins left out. */
    public static void reliability(Evaluation evaluation, Path out) throws IOException {
        save(reliabilityChart(evaluation), out);
    }

    /**
     * One-vs-rest precision-recall curve of every label with gold paragraphs, drawn as the steps whose area is
     * {@link Evaluation#prAuc(String)}; the legend gives each area.
     */
    public static void precisionRecall(Evaluation evaluation, Path out) throws IOException {
        save(precisionRecallChart(evaluation), out);
    }

    /**
     * Bar chart of F1 per label for each value of article field {@code field} (see {@link Evaluation#by(String)}).
     * A label with neither gold paragraphs nor predictions in a group has no bar there.
     *
     * @throws IllegalArgumentException when no article carries {@code field}
     */
    public static void f1By(Evaluation evaluation, String field, Path out) throws IOException {
        save(f1ByChart(evaluation, field), out);
    }

    static HeatMapChart confusionChart(Evaluation ev) {
        List<String> labels = ev.labels();
        int n = labels.size();
        long[][] c = ev.confusion();
        List<String> gold = new ArrayList<>(labels);
        java.util.Collections.reverse(gold); // XChart puts the first y value at the bottom
        List<Number[]> cells = new ArrayList<>();
        long max = 1;
        for (int g = 0; g < n; g++) {
            for (int p = 0; p < n; p++) {
                cells.add(new Number[]{p, n - 1 - g, c[g][p]});
                max = Math.max(max, c[g][p]);
            }
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT)
                .title(String.format(Locale.ROOT, "Confusion matrix (%d paragraphs)", ev.paragraphs()))
                .xAxisTitle("predicted").yAxisTitle("gold").build();
        chart.addSeries("paragraphs", labels, gold, cells);
        chart.getStyler()
                .setShowValue(true)
                .setMin(0)
                .setMax(max)
                .setRangeColors(new Color[]{LOW, HIGH})
                .setValueFontColor(Color.BLACK)
                .setHeatMapDecimalValueFormatter(v -> Long.toString(Math.round(v)));
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        return chart;
    }

    static XYChart reliabilityChart(Evaluation ev) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(String.format(Locale.ROOT, "Reliability of the top score (ECE %.4f)",
                        ev.expectedCalibrationError()))
                .xAxisTitle("mean confidence in bin").yAxisTitle("accuracy in bin").build();
        unitAxes(chart);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        double[] diagonalPoints = new double[11]; // points every 0.1 also give the axes ticks every 0.1
        for (int i = 0; i < diagonalPoints.length; i++) diagonalPoints[i] = i / 10.0;
        XYSeries diagonal = chart.addSeries("perfect calibration", diagonalPoints, diagonalPoints);
        diagonal.setMarker(SeriesMarkers.NONE);
        diagonal.setLineColor(Color.GRAY);
        diagonal.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[]{6f, 4f}, 0f));
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (double[] bin : ev.reliability()) {
            if (bin[2] > 0) {
                x.add(bin[0]);
                y.add(bin[1]);
            }
        }
        if (!x.isEmpty()) {
            XYSeries model = chart.addSeries(String.format(Locale.ROOT, "model (%d bins of %d with paragraphs)",
                    x.size(), Evaluation.CALIBRATION_BINS), x, y);
            model.setMarker(SeriesMarkers.CIRCLE);
        }
        return chart;
    }

    static XYChart precisionRecallChart(Evaluation ev) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Precision-recall per label (one vs rest)").xAxisTitle("recall").yAxisTitle("precision")
                .build();
        unitAxes(chart);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSW);
        for (String label : ev.labels()) {
            if (ev.support(label) == 0) continue; // no curve without gold paragraphs
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            double previousRecall = 0;
            for (double[] point : ev.precisionRecallCurve(label)) {
                x.add(previousRecall);
                y.add(point[1]);
                x.add(point[0]);
                y.add(point[1]);
                previousRecall = point[0];
            }
            XYSeries s = chart.addSeries(String.format(Locale.ROOT, "%s (AUC %.3f)", label, ev.prAuc(label)), x, y);
            s.setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    static CategoryChart f1ByChart(Evaluation ev, String field) {
        Map<String, Evaluation> groups = ev.by(field);
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("no article has the field '" + field + "'; plot a field the data "
                    + "carries, such as " + Groups.FIELDS);
        }
        List<String> values = new ArrayList<>(groups.keySet());
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("F1 per label by " + field).xAxisTitle(field).yAxisTitle("F1").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0).setYAxisDecimalPattern("0.0");
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS)
                .setLegendLayout(Styler.LegendLayout.Horizontal);
        if (values.size() > 6) chart.getStyler().setXAxisLabelRotation(45);
        for (String label : ev.labels()) {
            List<Double> f1 = new ArrayList<>();
            boolean any = false;
            for (Evaluation g : groups.values()) {
                boolean present = g.support(label) > 0 || g.predicted(label) > 0;
                f1.add(present ? g.f1(label) : null);
                any |= present;
            }
            if (any) chart.addSeries(label, values, f1);
        }
        return chart;
    }

    private static void unitAxes(XYChart chart) {
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0)
                .setXAxisDecimalPattern("0.0").setYAxisDecimalPattern("0.0");
    }

    private static void save(Chart<?, ?> chart, Path out) throws IOException {
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        BitmapEncoder.saveBitmap(chart, png, BitmapEncoder.BitmapFormat.PNG);
        org.wirecopy.io.SafeFiles.writeAtomically(out, png.toByteArray());
    }
}
