package org.wirecopy.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirecopy.TestData;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 9: {@code baselines --report-dir} draws every learner side by side in one chart. */
class BaselinesChartCliTest {

    @Test
    void reportDirHoldsTheCombinedChart(@TempDir Path dir) throws Exception {
        Path reports = dir.resolve("reports");
        CliTest.Run r = CliTest.run("baselines", "--skip-network", "--data",
                TestData.resource("tiny-corpus.jsonl").toString(), "--folds", "2", "--hash-bits", "10",
                "--report-dir", reports.toString());
        assertEquals(0, r.code(), r.err());
        Path chart = reports.resolve(BaselinesCommand.BASELINES_PLOT);
        assertTrue(Files.isRegularFile(chart), r.err());
        BufferedImage img = ImageIO.read(chart.toFile());
        assertTrue(img != null && img.getWidth() > 800, "a PNG wider than the other plots");
        assertTrue(r.err().contains(chart.toString()), "the command says where the chart is: " + r.err());
        // one report folder per learner besides the chart
        assertTrue(Files.isDirectory(reports.resolve("majority")), r.err());
    }
}
