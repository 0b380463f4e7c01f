package org.wirecopy.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirecopy.TestData;
import org.wirecopy.corpus.CorpusFormatException;
import org.wirecopy.corpus.DataProblem;
import org.wirecopy.io.LimitExceededException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
    void badLinesAreDataProblemsWithFileLineFieldAndFixAllAtOnce(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("f.jsonl");
        Files.writeString(p, "{\"id\":\"a\",\"kind\":\"nav\",\"site\":\"news\",\"position\":\"top\","
                + "\"blocks\":[{\"text\":\"Home\",\"tag\":\"li\",\"link\":true}]}\n"
                + "{\"id\":\"b\",\"kind\":\"nav\",\"site\":\"moon\",\"position\":\"top\",\"blocks\":[]}\n"
                + "\n"
                + "{\"id\":\"c\",\"kind\":\"nav\",\"site\":\"news\",\"position\":\"top\",\"blocks\":[]}\n"
                + "not json\n"
                + "{\"id\":\"d\",\"kind\":\"nav\",\"site\":\"news\",\"position\":\"top\",\"blocks\":[{\"text\":\" \"}]}\n"
                + "[1]\n",
                StandardCharsets.UTF_8);
        CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> Furniture.read(p));
        assertEquals(List.of(
                new DataProblem(p.toString(), 2, "site", "is 'moon'", "use one of [news, opinion, blog, any]"),
                new DataProblem(p.toString(), 4, "blocks", "is missing, empty or not an array",
                        "give a non-empty array of {text, tag, link}"),
                new DataProblem(p.toString(), 6, "blocks[0].text", "is empty", "give the block's text or drop it"),
                new DataProblem(p.toString(), 7, "", "not a JSON object", "write one furniture group per line")),
                e.problems().stream().filter(q -> q.line() != 5).toList());
        DataProblem notJson = e.problems().get(2);
        assertEquals(5, notJson.line());
        assertTrue(notJson.toString().startsWith(p + ":5: not a JSON object (Unrecognized token 'not'"), notJson.toString());
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
