package org.wirecopy.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirecopy.TestData;
import org.wirecopy.io.LimitExceededException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class FurnitureTest {

    @Test
    void readsTheProjectsLibrary() throws Exception {
        Furniture f = Furniture.read(TestData.root().resolve("training-data/furniture.jsonl"));
        assertTrue(f.groups().size() >= 200, f.groups().size() + " groups");
        assertEquals(64, f.sha256().length());
        for (String where : new String[]{"top", "bottom", "inside"}) {
            for (String kind : new String[]{"news", "opinion", "blog"}) {
                assertTrue(f.groups().stream().anyMatch(g -> g.fits(where) && g.on(kind)), where + " " + kind);
            }
        }
    }

    @Test
    void badLinesSayWhereAndHowToFixThem(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("f.jsonl");
        Files.writeString(p, "{\"id\":\"a\",\"kind\":\"nav\",\"site\":\"news\",\"position\":\"top\","
                + "\"blocks\":[{\"text\":\"Home\",\"tag\":\"li\",\"link\":true}]}\n"
                + "{\"id\":\"b\",\"kind\":\"nav\",\"site\":\"moon\",\"position\":\"top\",\"blocks\":[]}\n",
                StandardCharsets.UTF_8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Furniture.read(p));
        assertTrue(e.getMessage().contains("f.jsonl:2") && e.getMessage().contains("'site'"), e.getMessage());
        Files.writeString(p, "{\"id\":\"a\",\"kind\":\"nav\",\"site\":\"news\",\"position\":\"top\",\"blocks\":[]}\n");
        e = assertThrows(IllegalArgumentException.class, () -> Furniture.read(p));
        assertTrue(e.getMessage().contains("f.jsonl:1") && e.getMessage().contains("blocks"), e.getMessage());
        Files.writeString(p, "not json\n");
        e = assertThrows(IllegalArgumentException.class, () -> Furniture.read(p));
        assertTrue(e.getMessage().contains("f.jsonl:1"), e.getMessage());
    }

    private static final String GROUP = "{\"id\":\"a\",\"kind\":\"nav\",\"site\":\"news\",\"position\":\"top\","
            + "\"blocks\":[{\"text\":\"Home\",\"tag\":\"li\",\"link\":true}]}\n";

    @Test
    void aFileOverTheByteLimitIsRefusedNamingItAndTheFix(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("f.jsonl");
        Files.writeString(p, GROUP.repeat(3), StandardCharsets.UTF_8);
        assertEquals(3, Furniture.read(p, 3L * GROUP.length(), 1000).groups().size());
        LimitExceededException e = assertThrows(LimitExceededException.class,
                () -> Furniture.read(p, 3L * GROUP.length() - 1, 1000));
        assertTrue(e.getMessage().startsWith(p + ": more than " + (3 * GROUP.length() - 1) + " bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("split it"), e.getMessage());
    }

    @Test
    void aLineOverTheLengthLimitIsRefusedWithFileAndLine(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("f.jsonl");
        String longer = GROUP.replace("Home", "Home page");
        Files.writeString(p, GROUP + "\n" + longer, StandardCharsets.UTF_8);
        int limit = longer.length() - 2; // the line without its newline is one char longer
        assertEquals(2, Furniture.read(p, 1 << 20, limit + 1).groups().size());
        LimitExceededException e = assertThrows(LimitExceededException.class, () -> Furniture.read(p, 1 << 20, limit));
        assertTrue(e.getMessage().startsWith(p + ":3: line is longer than " + limit + " characters"), e.getMessage());
        assertTrue(e.getMessage().contains("split its blocks"), e.getMessage());
    }

    @Test
    void aDeviceIsReadOnlyUpToTheLimit() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "no /dev/zero");
        LimitExceededException e = assertThrows(LimitExceededException.class, () -> Furniture.read(zero));
        assertTrue(e.getMessage().startsWith("/dev/zero: more than " + Furniture.MAX_BYTES + " bytes"),
                e.getMessage());
    }
}
