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
 * matrix as a heat map of row percentages (each gold row's count in its label), the reliability diagram with the
 * diagonal of perfect calibration and the share and count of paragraphs per bin, one precision-recall curve per label
 * with its area in the legend, and F1 per label for each value of an article field (the groups with most articles,
 * their counts, the y-axis fitted to the data), and several cross-validated learners side by side
 * ({@link #baselines}).
 * Each method overwrites {@code out}, as SVG when its name ends with {@code .svg}, else as PNG. Drawing works
 * headless ({@code -Djava.awt.headless=true}).
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

    /**
     * Heat map of {@link Evaluation#confusion()}: rows gold labels (first label on top), columns predicted labels.
     *
     * @param evaluation the figures
     * @param out        the image file to write (SVG or PNG by its name)
     * @throws IOException when the file cannot be written
     */
    public static void confusion(Evaluation evaluation, Path out) throws IOException {
        save(confusionChart(evaluation), out);
    }

    /**
     * Reliability diagram of the top score ({@link Evaluation#reliability()}), empty bins left out.
     *
     * @param evaluation the figures
     * @param out        the image file to write (SVG or PNG by its name)
     * @throws IOException when the file cannot be written
     */
    public static void reliability(Evaluation evaluation, Path out) throws IOException {
        save(reliabilityChart(evaluation), out);
    }

    /**
     * One-vs-rest precision-recall curve of every label with gold paragraphs, drawn as the steps whose area is
     * {@link Evaluation#prAuc(String)}; the legend gives each area.
     *
     * @param evaluation the figures
     * @param out        the image file to write (SVG or PNG by its name)
     * @throws IOException when the file cannot be written
     */
    public static void precisionRecall(Evaluation evaluation, Path out) throws IOException {
        save(precisionRecallChart(evaluation), out);
    }

    /**
     * Bar chart of F1 per label for each value of article field {@code field} (see {@link Evaluation#by(String)}).
     * A label with neither gold paragraphs nor predictions in a group has no bar there. Only the {@value #TOP_GROUPS}
     * groups with the most articles are drawn (the title says how many were left out).
     *
     * @param evaluation the figures
     * @param field      an article field, e.g. {@code style}
     * @param out        the image file to write (SVG or PNG by its name)
     * @throws IllegalArgumentException when no article carries {@code field}
     * @throws IOException when the file cannot be written
     */
    public static void f1By(Evaluation evaluation, String field, Path out) throws IOException {
        save(f1ByChart(evaluation, field), out);
    }

    static HeatMapChart confusionChart(Evaluation ev) {
        List<String> labels = ev.labels();
        int n = labels.size();
        long[][] c = ev.confusion();
        List<String> gold = new ArrayList<>();
        for (int g = 0; g < n; g++) {
            long row = 0;
            for (long v : c[g]) row += v;
            gold.add(String.format(Locale.ROOT, "%s (n=%d)", labels.get(g), row));
        }
        java.util.Collections.reverse(gold); // XChart puts the first y value at the bottom
        List<Number[]> cells = new ArrayList<>();
        for (int g = 0; g < n; g++) {
            long row = 0;
            for (long v : c[g]) row += v;
            for (int p = 0; p < n; p++) {
                // rounded to 0.1 in the data: XChart prints heat-map values with all their digits
                cells.add(new Number[]{p, n - 1 - g, row == 0 ? 0.0 : Math.round(1000.0 * c[g][p] / row) / 10.0});
            }
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT)
                .title(String.format(Locale.ROOT, "Confusion matrix, %% of each gold row (%d paragraphs)",
                        ev.paragraphs()))
                .xAxisTitle("predicted").yAxisTitle("gold (paragraphs)").build();
        chart.addSeries("% of gold row", labels, gold, cells);
        chart.getStyler()
                .setShowValue(true)
                .setMin(0)
                .setMax(100)
                .setRangeColors(new Color[]{LOW, HIGH})
                .setValueFontColor(Color.BLACK)
                .setHeatMapDecimalValueFormatter(v -> String.format(Locale.ROOT, "%.1f%%", v));
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
            // the share of all paragraphs that falls in each bin, as bars at the bin's centre; counts in the legend
            double total = 0;
            for (double[] bin : ev.reliability()) total += bin[2];
            List<Double> bx = new ArrayList<>();
            List<Double> by = new ArrayList<>();
            StringBuilder counts = new StringBuilder();
            double width = 1.0 / Evaluation.CALIBRATION_BINS;
            for (int b = 0; b < Evaluation.CALIBRATION_BINS; b++) {
                double count = ev.reliability()[b][2];
                if (count == 0) continue;
                double left = b * width;
                double h = count / total;
                bx.add(left + 0.1 * width);
                by.add(0.0);
                bx.add(left + 0.1 * width);
                by.add(h);
                bx.add(left + 0.9 * width);
                by.add(h);
                bx.add(left + 0.9 * width);
                by.add(0.0);
                if (counts.length() > 0) counts.append(", ");
                counts.append(String.format(Locale.ROOT, "%.1f-%.1f: %d", left, left + width, (long) count));
            }
            XYSeries bars = chart.addSeries("share of paragraphs per bin (" + counts + ")", bx, by);
            bars.setMarker(SeriesMarkers.NONE);
            bars.setLineColor(new Color(0xB0, 0xB0, 0xB0));
            bars.setLineWidth(1f);
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

    /** The number of groups {@link #f1By(Evaluation, String, Path)} draws at most. */
    public static final int TOP_GROUPS = 15;

    /**
     * {@link #f1By(Evaluation, String, Path)} with the {@code top} groups with the most articles only (the title
     * says how many were left out).
     *
     * @param evaluation the figures
     * @param field      an article field, e.g. {@code style}
     * @param top        the most groups to draw, at least 1
     * @param out        the image file to write (SVG or PNG by its name)
     * @throws IllegalArgumentException when {@code top} is below 1 or no article carries {@code field}
     * @throws IOException when the file cannot be written
     */
    public static void f1By(Evaluation evaluation, String field, int top, Path out) throws IOException {
        save(f1ByChart(evaluation, field, top), out);
    }

    static CategoryChart f1ByChart(Evaluation ev, String field) {
        return f1ByChart(ev, field, TOP_GROUPS);
    }

    static CategoryChart f1ByChart(Evaluation ev, String field, int top) {
        if (top < 1) throw new IllegalArgumentException("top must be >= 1, got " + top);
        Map<String, Evaluation> all = ev.by(field);
        if (all.isEmpty()) {
            throw new IllegalArgumentException("no article has the field '" + field + "'; plot a field the data "
                    + "carries, such as " + Groups.FIELDS);
        }
        Map<String, Evaluation> groups = all;
        if (all.size() > top) {
            List<String> keys = new ArrayList<>(all.keySet());
            keys.sort((a, b) -> {
                int c = Integer.compare(all.get(b).articles().size(), all.get(a).articles().size());
                return c != 0 ? c : a.compareTo(b);
            });
            java.util.Set<String> kept = new java.util.HashSet<>(keys.subList(0, top));
            groups = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, Evaluation> e : all.entrySet()) {
                if (kept.contains(e.getKey())) groups.put(e.getKey(), e.getValue());
            }
        }
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, Evaluation> e : groups.entrySet()) {
            values.add(String.format(Locale.ROOT, "%s (n=%d)", e.getKey(), e.getValue().articles().size()));
        }
        String title = "F1 per label by " + field + (groups.size() < all.size()
                ? String.format(Locale.ROOT, " (the %d of %d groups with most articles)", groups.size(), all.size())
                : "");
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title(title).xAxisTitle(field + " (articles)").yAxisTitle("F1").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS)
                .setLegendLayout(Styler.LegendLayout.Horizontal);
        if (values.size() > 6) chart.getStyler().setXAxisLabelRotation(45);
        double min = 1;
        for (String label : ev.labels()) {
            List<Double> f1 = new ArrayList<>();
            boolean any = false;
            for (Evaluation g : groups.values()) {
                boolean present = g.support(label) > 0 || g.predicted(label) > 0;
                f1.add(present ? g.f1(label) : null);
                if (present) min = Math.min(min, g.f1(label));
                any |= present;
            }
            if (any) chart.addSeries(label, values, f1);
        }
        // fitted to the data: from a little below the lowest F1 (a tenth step) to 1
        double floor = Math.max(0, Math.floor((min - 0.05) * 10) / 10);
        chart.getStyler().setYAxisMin(floor).setYAxisMax(1.0).setYAxisDecimalPattern("0.00");
        return chart;
    }

    /**
     * Several learners cross-validated on the same folds (as {@code baselines} runs them), side by side: for each of
     * macro-F1, each label's F1 and, when a REPORTING label exists, 1 - the mean absolute error of the per-article
     * REPORTING share, one bar per learner with its mean over the folds, the value written on the bar and the
     * standard deviation over the folds as an error bar. Written 25% wider than the other plots.
     *
     * @param results the learners' cross-validations, on the same folds
     * @param out     the image file to write (SVG or PNG by its name)
     * @throws IOException when the file cannot be written
     */
    public static void baselines(List<org.wirecopy.eval.CrossValidation> results, Path out) throws IOException {
        save(baselinesChart(results), out);
    }

    static CategoryChart baselinesChart(List<org.wirecopy.eval.CrossValidation> results) {
        if (results.isEmpty()) throw new IllegalArgumentException("no learner to plot");
        List<String> labels = results.get(0).perFold().get(0).labels();
        Map<String, java.util.function.ToDoubleFunction<Evaluation>> metrics = new java.util.LinkedHashMap<>();
        metrics.put("macro-F1", Evaluation::macroF1);
        for (String l : labels) metrics.put("F1 " + l, e -> e.f1(l));
        if (labels.contains("REPORTING")) metrics.put("1 - share MAE", e -> 1 - e.shareError("REPORTING"));
        org.wirecopy.eval.CrossValidation first = results.get(0);
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH * 5 / 4).height(HEIGHT)
                .title(String.format(Locale.ROOT, "Learners on the same %d folds (seed %d): mean over folds, "
                        + "bars = std", first.folds().k(), first.folds().seed()))
                .xAxisTitle("figure").yAxisTitle("mean over folds").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS)
                .setLegendLayout(Styler.LegendLayout.Horizontal);
        // the values on the bars follow the y-axis pattern
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0).setYAxisDecimalPattern("0.00");
        chart.getStyler().setLabelsVisible(true).setLabelsRotation(90)
                .setLabelsFontColorAutomaticEnabled(false).setLabelsFontColor(Color.DARK_GRAY)
                .setLabelsPosition(0.5);
        chart.getStyler().setErrorBarsColorSeriesColor(false).setErrorBarsColor(Color.BLACK);
        chart.getStyler().setAvailableSpaceFill(0.85);
        List<String> names = new ArrayList<>(metrics.keySet());
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (org.wirecopy.eval.CrossValidation cv : results) {
            if (!seen.add(cv.name())) throw new IllegalArgumentException("two learners are named " + cv.name());
            if (!cv.perFold().get(0).labels().equals(labels)) {
                throw new IllegalArgumentException(cv.name() + " has labels " + cv.perFold().get(0).labels()
                        + ", not " + labels + "; compare learners trained on the same labels");
            }
            List<Double> mean = new ArrayList<>();
            List<Double> std = new ArrayList<>();
            for (java.util.function.ToDoubleFunction<Evaluation> f : metrics.values()) {
                mean.add(cv.mean(f));
                std.add(cv.std(f));
            }
            chart.addSeries(cv.name(), names, mean, std);
        }
        return chart;
    }

    private static void unitAxes(XYChart chart) {
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0)
                .setXAxisDecimalPattern("0.0").setYAxisDecimalPattern("0.0");
    }

    /** Writes PNG, or SVG when {@code out}'s name ends with {@code .svg}. */
    private static void save(Chart<?, ?> chart, Path out) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".svg")) {
            org.knowm.xchart.VectorGraphicsEncoder.saveVectorGraphic(chart, bytes,
                    org.knowm.xchart.VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } else {
            BitmapEncoder.saveBitmap(chart, bytes, BitmapEncoder.BitmapFormat.PNG);
        }
        org.wirecopy.io.SafeFiles.writeAtomically(out, bytes.toByteArray());
    }
}
