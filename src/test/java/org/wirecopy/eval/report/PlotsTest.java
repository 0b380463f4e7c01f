package org.wirecopy.eval.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlotsTest {

    @TempDir
    Path dir;

    @Test
    void f1ByRefusesAFieldNoArticleCarries() {
        Path out = dir.resolve("f1-by-style.png");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plots.f1By(ReportFixtures.noFields(), "style", out));
        assertTrue(e.getMessage().contains("'style'"), e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void f1ByDrawsAGroupEvenWhenOneLabelIsAbsentFromIt() throws IOException {
        Path out = dir.resolve("by-style.png");
        Plots.f1By(ReportFixtures.twoFolds().pooled(), "style", out); // a3 has no BOILERPLATE prediction
        BufferedImage image = ImageIO.read(out.toFile());
        assertEquals(Plots.WIDTH, image.getWidth());
        assertEquals(Plots.HEIGHT, image.getHeight());
    }
}
