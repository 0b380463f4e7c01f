package org.wirecopy.study;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.wirecopy.classify.ClassifiedParagraph;
import org.wirecopy.eval.ArticleOutcome;
import org.wirecopy.eval.Evaluation;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * The figures a study publishes: predicted against gold share of a label per article (with the diagonal and the
 * mean absolute error), and the mean share per group with its bootstrap 95% interval. Written as PNG or SVG by the
 * output file's extension.
 *
 * <p>Thread-safe (stateless).
 */
public final class StudyPlots {

    /** Width of the plots in pixels. */
    static final int WIDTH = 800;
    /** Height of the plots in pixels. */
    static final int HEIGHT = 600;

    private StudyPlots() {
    }

    /**
     * Per article, the share of {@code label}'s characters in the gold labels ({@code [i][0]}) and in the predicted
     * ones ({@code [i][1]}); articles without text are left out.
     *
     * @param evaluation the classified articles with their gold labels
     * @param label      the label whose share is compared
     * @return one row {gold, predicted} per article with text
     */
    public static double[][] shares(Evaluation evaluation, String label) {
        List<double[]> out = new ArrayList<>();
        for (ArticleOutcome a : evaluation.articles()) {
            long total = 0;
            long gold = 0;
            long predicted = 0;
            List<ClassifiedParagraph> ps = a.predicted().paragraphs();
            for (int i = 0; i < ps.size(); i++) {
                int n = ps.get(i).text().length();
                total += n;
                if (label.equals(a.gold().get(i))) gold += n;
                if (label.equals(ps.get(i).label())) predicted += n;
            }
            if (total > 0) out.add(new double[]{gold / (double) total, predicted / (double) total});
        }
        return out.toArray(new double[0][]);
    }

    /**
     * Mean absolute difference between the two columns of {@link #shares}.
     *
     * @param shares rows {gold, predicted}
     * @return the mean, NaN for no row
     */
    public static double meanAbsoluteError(double[][] shares) {
        if (shares.length == 0) return Double.NaN;
        double s = 0;
        for (double[] p : shares) s += Math.abs(p[1] - p[0]);
        return s / shares.length;
    }

    /**
     * The scatter of predicted against gold share of {@code label}, one point per article.
     *
     * @param evaluation the classified articles with their gold labels
     * @param label      the label whose share is compared
     * @return the chart, with the diagonal and the mean absolute error in the title
     * @throws IllegalArgumentException when no article has text
     */
    public static XYChart shareChart(Evaluation evaluation, String label) {
        double[][] shares = shares(evaluation, label);
        if (shares.length == 0) throw new IllegalArgumentException("no article with text to plot");
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(String.format(Locale.ROOT, "%s share per article: predicted vs gold (%d articles, MAE %.3f)",
                        label, shares.length, meanAbsoluteError(shares)))
                .xAxisTitle("gold share of characters").yAxisTitle("predicted share of characters").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0)
                .setXAxisDecimalPattern("0.0").setYAxisDecimalPattern("0.0");
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setMarkerSize(7);
        double[] d = new double[11];
        for (int i = 0; i < d.length; i++) d[i] = i / 10.0;
        XYSeries diagonal = chart.addSeries("predicted = gold", d, d);
        diagonal.setMarker(SeriesMarkers.NONE);
        diagonal.setLineColor(Color.GRAY);
        diagonal.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[]{6f, 4f}, 0f));
        double[] x = new double[shares.length];
        double[] y = new double[shares.length];
        for (int i = 0; i < shares.length; i++) {
            x[i] = shares[i][0];
            y[i] = shares[i][1];
        }
        XYSeries points = chart.addSeries("articles", x, y);
        points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        points.setMarker(SeriesMarkers.CIRCLE);
        points.setMarkerColor(new Color(0x4A, 0x90, 0xD9, 170));
        return chart;
    }

    /**
     * Mean share of {@code label} per group with its 95% interval as error bars; only the {@code top} groups with
     * the most articles are drawn (in the table's order), and the y-axis is fitted to the intervals.
     *
     * @param groups the groups, in table order
     * @param label  the label whose share is drawn
     * @param by     the grouping's name, for the axis title
     * @param top    the most groups to draw, at least 1
     * @return the chart
     * @throws IllegalArgumentException when there is no group, {@code top} is below 1 or the label is unknown
     */
    public static CategoryChart groupChart(List<GroupSummary> groups, String label, String by, int top) {
        if (groups.isEmpty()) throw new IllegalArgumentException("no groups to plot");
        if (top < 1) throw new IllegalArgumentException("top must be >= 1, got " + top);
        if (!groups.get(0).meanShares().containsKey(label)) {
            throw new IllegalArgumentException("label '" + label + "' is not one of "
                    + groups.get(0).meanShares().keySet());
        }
        List<GroupSummary> shown = groups;
        if (groups.size() > top) {
            List<GroupSummary> sorted = new ArrayList<>(groups);
            sorted.sort((a, b) -> b.articles() != a.articles() ? Integer.compare(b.articles(), a.articles())
                    : a.group().compareTo(b.group()));
            List<GroupSummary> kept = sorted.subList(0, top);
            shown = groups.stream().filter(kept::contains).toList();
        }
        List<String> names = new ArrayList<>();
        List<Double> mean = new ArrayList<>();
        List<Double> err = new ArrayList<>();
        double lo = 1;
        double hi = 0;
        for (GroupSummary g : shown) {
            names.add(String.format(Locale.ROOT, "%s (n=%d)", g.group(), g.articles()));
            double m = g.meanShares().get(label);
            mean.add(m);
            // XChart draws symmetric error bars: the larger half of the (possibly skewed) interval
            err.add(Math.max(m - g.lower().get(label), g.upper().get(label) - m));
            lo = Math.min(lo, g.lower().get(label));
            hi = Math.max(hi, g.upper().get(label));
        }
        String title = String.format(Locale.ROOT, "Mean %s share per %s with bootstrap 95%% intervals%s", label, by,
                shown.size() < groups.size() ? " (top " + shown.size() + " of " + groups.size() + " by articles)"
                        : "");
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(by)
                .yAxisTitle("mean share of characters").build();
        double pad = Math.max(0.02, (hi - lo) * 0.1);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisMin(Math.max(0, Math.floor((lo - pad) * 20) / 20))
                .setYAxisMax(Math.min(1, Math.ceil((hi + pad) * 20) / 20)).setYAxisDecimalPattern("0.00");
        if (names.size() > 5) chart.getStyler().setXAxisLabelRotation(45);
        CategorySeries s = chart.addSeries(label, names, mean, err);
        s.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        return chart;
    }

    /**
     * Shares over time: one line per group (the {@code top} groups with the most articles) through the mean share of
     * {@code label} in each period, periods in order on the x-axis ({@link GroupKey#NONE}, articles without a date,
     * left out); a period where a group has no article is a gap. The legend gives each group's article count; the
     * intervals are in the table ({@link GroupTableWriter#writeOver}), not drawn, so that the lines stay readable.
     *
     * @param cells the group and period cells
     * @param label the label whose share is drawn
     * @param by    the grouping's name
     * @param over  the period's name, e.g. {@code month}
     * @param top   the most groups to draw, at least 1
     * @return the chart
     * @throws IllegalArgumentException when {@code top} is below 1, the label is unknown or no article has a date
     */
    public static CategoryChart periodChart(List<PeriodShares> cells, String label, String by, String over, int top) {
        if (top < 1) throw new IllegalArgumentException("top must be >= 1, got " + top);
        java.util.TreeSet<String> periods = new java.util.TreeSet<>();
        Map<String, Integer> articles = new java.util.TreeMap<>();
        for (PeriodShares c : cells) {
            if (!c.summary().meanShares().containsKey(label)) {
                throw new IllegalArgumentException("label '" + label + "' is not one of "
                        + c.summary().meanShares().keySet());
            }
            if (c.period().equals(GroupKey.NONE)) continue;
            periods.add(c.period());
            articles.merge(c.group(), c.summary().articles(), Integer::sum);
        }
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("no article has a " + over + "; the chart over time needs dated "
                    + "articles (fields " + GroupKey.DATE_FIELDS + ")");
        }
        List<String> groups = new ArrayList<>(articles.keySet());
        groups.sort((a, b) -> !articles.get(a).equals(articles.get(b))
                ? Integer.compare(articles.get(b), articles.get(a)) : a.compareTo(b));
        List<String> shown = groups.subList(0, Math.min(top, groups.size()));
        String title = String.format(Locale.ROOT, "Mean %s share per article by %s and %s%s", label, by, over,
                shown.size() < groups.size() ? " (top " + shown.size() + " of " + groups.size() + " by articles)"
                        : "");
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(over)
                .yAxisTitle("mean share of characters").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0).setYAxisDecimalPattern("0.0");
        if (periods.size() > 8) chart.getStyler().setXAxisLabelRotation(45);
        List<String> x = new ArrayList<>(periods);
        for (String g : shown) {
            Map<String, Double> byPeriod = new java.util.HashMap<>();
            for (PeriodShares c : cells) {
                if (c.group().equals(g)) byPeriod.put(c.period(), c.summary().meanShares().get(label));
            }
            List<Double> y = new ArrayList<>();
            for (String p : x) y.add(byPeriod.get(p));
            CategorySeries s = chart.addSeries(String.format(Locale.ROOT, "%s (n=%d)", g, articles.get(g)), x, y);
            s.setMarker(SeriesMarkers.CIRCLE);
        }
        return chart;
    }

    /**
     * Writes {@code chart} as PNG or SVG, by the extension of {@code out} (atomically).
     *
     * @param chart a chart built by this class
     * @param out   a file name ending with {@code .png} or {@code .svg}
     * @throws IllegalArgumentException for another extension
     * @throws IOException when the file cannot be written
     */
    public static void save(Chart<?, ?> chart, Path out) throws IOException {
        String n = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (n.endsWith(".png")) {
            BitmapEncoder.saveBitmap(chart, bytes, BitmapEncoder.BitmapFormat.PNG);
        } else if (n.endsWith(".svg")) {
            VectorGraphicsEncoder.saveVectorGraphic(chart, bytes, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } else {
            throw new IllegalArgumentException(out + ": end the plot's file name with .png or .svg");
        }
        org.wirecopy.io.SafeFiles.writeAtomically(out, bytes.toByteArray());
    }
}
