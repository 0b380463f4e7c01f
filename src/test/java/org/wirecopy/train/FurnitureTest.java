package org.wirecopy.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirecopy.TestData;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
