package org.wirecopy.eval.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.wirecopy.eval.CrossValidation;
import org.wirecopy.eval.Evaluation;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 9: every learner of {@code baselines} and the model side by side in one chart. */
class BaselinesPlotTest {

    /** The same two folds as {@link ReportFixtures#twoFolds()}, under another learner's name, fold results swapped. */
    static CrossValidation other() {
        CrossValidation cv = ReportFixtures.twoFolds();
        return new CrossValidation("majority", cv.folds(), List.of(cv.perFold().get(1), cv.perFold().get(0)));
    }

    @Test
    void oneBarPerLearnerAndFigureWithTheMeanAndTheStdOverFolds() {
        CrossValidation model = ReportFixtures.twoFolds();
        CategoryChart chart = Plots.baselinesChart(List.of(other(), model));
        assertEquals(List.of("majority", "bilstm"), new ArrayList<>(chart.getSeriesMap().keySet()));
        CategorySeries s = chart.getSeriesMap().get("bilstm");
        List<Object> x = new ArrayList<>(s.getXData());
        assertEquals(List.of("macro-F1", "F1 REPORTING", "F1 COMMENTARY", "F1 BOILERPLATE", "1 - share MAE"), x);
        List<Double> y = s.getYData().stream().map(Number::doubleValue).toList();
        List<Double> err = s.getExtraValues().stream().map(Number::doubleValue).toList();
        // macro-F1: 7/12 mean and (7/18) / sqrt(2) std over the two folds (see ReportFixtures.twoFolds)
        assertEquals(7.0 / 12, y.get(0), 1e-9);
        assertEquals(7.0 / 18 / Math.sqrt(2), err.get(0), 1e-9);
        assertEquals(model.mean(e -> e.f1("COMMENTARY")), y.get(2), 1e-12);
        assertEquals(1 - model.mean(e -> e.shareError("REPORTING")), y.get(4), 1e-12);
        // same folds swapped: same means, same spread
        assertEquals(y, chart.getSeriesMap().get("majority").getYData().stream().map(Number::doubleValue).toList());
        assertEquals(0.0, chart.getStyler().getYAxisMin(), 0);
        assertEquals(1.0, chart.getStyler().getYAxisMax(), 0);
        assertTrue(chart.getStyler().isLabelsVisible(), "values are written on the bars");
        assertThrows(IllegalArgumentException.class, () -> Plots.baselinesChart(List.of(model, model)),
                "two learners of one name would share a legend entry");
        assertThrows(IllegalArgumentException.class, () -> Plots.baselinesChart(List.of()));
    }

    @Test
    void writesOneReadablePng(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("baselines.png");
        Plots.baselines(List.of(other(), ReportFixtures.twoFolds()), png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(Plots.WIDTH * 5 / 4, img.getWidth());
        assertEquals(Plots.HEIGHT, img.getHeight());
        Path svg = dir.resolve("baselines.svg");
        Plots.baselines(List.of(other(), ReportFixtures.twoFolds()), svg);
        assertTrue(Files.readString(svg).contains("<svg"));
    }
}
