package org.wirecopy.match;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirecopy.corpus.CorpusFormatException;
import org.wirecopy.corpus.CorpusOptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceIndexTest {

    @TempDir
    Path dir;

    @Test
    void roundTripKeepsStoriesParagraphsAndConfiguration() throws IOException {
        IndexConfig config = IndexConfig.builder().shingleSize(4).bands(8).rows(2).minWords(6).seed(99).build();
        SourceIndex index = SourceIndex.open(Fixtures.index(dir, config));
        assertEquals(3, index.storyCount());
        assertEquals(4 + 2 + 3, index.paragraphCount());
        assertEquals(8, index.indexedParagraphCount(), "\"Short line.\" has 2 words, below minWords 6");
        assertEquals(8L * 8, index.entryCount(), "one entry per band per indexed paragraph");
        assertEquals(config.shingleSize(), index.config().shingleSize());
        assertEquals(config.bands(), index.config().bands());
        assertEquals(config.rows(), index.config().rows());
        assertEquals(config.minWords(), index.config().minWords());
        assertEquals(config.seed(), index.config().seed());
        Story s = index.story(0);
        assertEquals(new Story(0, "wire-1", "Example Wire", "2026-03-02", "Harbor plan approved", 0, 4,
                24 + 23 + 20 + 2), s); // counted by hand
        Story r = index.story(1);
        assertEquals("wire-2", r.id());
        assertNull(r.source());
        assertNull(r.title());
        assertEquals(4, r.firstParagraph());
        assertEquals(Fixtures.RAIL.get(1), index.paragraphText(5));
        assertEquals(1, index.storyOf(5));
        assertEquals(18, index.wordsOf(5)); // counted by hand
        // the text is stored normalised: the typographic apostrophe would be straight
        assertEquals(Fixtures.HARBOR.get(1), index.paragraphText(1));
        assertTrue(index.provenanceJson().contains("\"shingleSize\" : 4"), index.provenanceJson());
        assertThrows(IndexOutOfBoundsException.class, () -> index.story(3));
    }

    @Test
    void sameStoriesGiveTheSameBytesAndSpillingDoesNotChangeThem() throws IOException {
        Path a = Fixtures.index(Files.createDirectory(dir.resolve("a")), IndexConfig.defaults());
        Path b = Fixtures.index(Files.createDirectory(dir.resolve("b")), IndexConfig.defaults());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        // 8 indexed paragraphs x 200 bands = 1,600 entries; runs of 1,024 force one spill and a merge
        IndexConfig many = IndexConfig.builder().bands(200).build();
        Path inMemory = Fixtures.index(Files.createDirectory(dir.resolve("c")), many);
        Path spilled;
        Path d = Files.createDirectory(dir.resolve("d"));
        try (SourceIndexWriter w = new SourceIndexWriter(d.resolve("wire.idx"),
                IndexConfig.builder().bands(200).spillEntries(1024).build())) {
            w.add("wire-1", "Example Wire", "2026-03-02", "Harbor plan approved", Fixtures.HARBOR);
            w.add("wire-2", null, null, null, Fixtures.RAIL);
            w.add(Fixtures.REPEAT_ID, "Example Wire", "2026-03-03", null, List.of(Fixtures.HARBOR.get(0),
                    Fixtures.HARBOR.get(1), Fixtures.CORRECTION));
            IndexSummary s = w.finish();
            assertEquals(2, s.spilledRuns());
            spilled = s.file();
        }
        assertArrayEquals(Files.readAllBytes(inMemory), Files.readAllBytes(spilled));
        try (var left = Files.list(d)) {
            assertEquals(List.of(d.resolve("wire.idx")), left.toList(), "temporary files removed");
        }
    }

    @Test
    void buildsFromCanonicalJsonlAndFromRows() throws IOException {
        Path jsonl = dir.resolve("wire.jsonl");
        Files.writeString(jsonl, "{\"id\": \"s1\", \"source\": \"Example Wire\", \"date\": \"2026-01-05\", "
                + "\"paragraphs\": [{\"text\": \"" + Fixtures.RAIL.get(0) + "\"}, {\"text\": \""
                + Fixtures.RAIL.get(1) + "\"}]}\n", StandardCharsets.UTF_8);
        IndexSummary s = SourceIndexWriter.build(jsonl, CorpusOptions.defaults(), dir.resolve("a.idx"),
                IndexConfig.defaults());
        assertEquals(1, s.stories());
        assertEquals(2, s.paragraphs());
        assertEquals(64, s.corpusSha256().length());
        SourceIndex index = SourceIndex.open(s.file());
        assertEquals("2026-01-05", index.story(0).date());
        Path rows = dir.resolve("rows.jsonl");
        Files.writeString(rows, "{\"newid\": 7, \"para_idx\": 0, \"title\": \"Fares\", \"text\": \""
                + Fixtures.RAIL.get(0) + "\"}\n{\"newid\": 7, \"para_idx\": 1, \"title\": \"Fares\", \"text\": \""
                + Fixtures.RAIL.get(1) + "\"}\n", StandardCharsets.UTF_8);
        IndexSummary r = SourceIndexWriter.build(rows, CorpusOptions.builder().idColumn("newid")
                .indexColumn("para_idx").build(), dir.resolve("b.idx"), IndexConfig.defaults());
        assertEquals(1, r.stories());
        Story story = SourceIndex.open(r.file()).story(0);
        assertEquals("7", story.id());
        assertEquals("Fares", story.title());
    }

    @Test
    void anEmptyCorpusIsRefusedAndNothingIsWritten() throws IOException {
        Path empty = dir.resolve("empty.jsonl");
        Files.writeString(empty, "\n\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("out.idx");
        CorpusFormatException e = assertThrows(CorpusFormatException.class,
                () -> SourceIndexWriter.build(empty, CorpusOptions.defaults(), out, IndexConfig.defaults()));
        assertTrue(e.problems().get(0).toString().contains("no stories"), e.problems().toString());
        assertFalse(Files.exists(out));
        try (var left = Files.list(dir)) {
            assertEquals(List.of(empty), left.toList(), "no temporary files left");
        }
        try (SourceIndexWriter w = new SourceIndexWriter(out, IndexConfig.defaults())) {
            assertThrows(IllegalStateException.class, w::finish);
        }
    }

    @Test
    void aBadCorpusLineIsReportedWithItsLine() throws IOException {
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, "{\"id\": \"s1\", \"paragraphs\": [{\"text\": \"fine text here\"}]}\n{oops\n",
                StandardCharsets.UTF_8);
        CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> SourceIndexWriter.build(bad,
                CorpusOptions.defaults(), dir.resolve("out.idx"), IndexConfig.defaults()));
        assertEquals(2, e.problems().get(0).line());
        assertFalse(Files.exists(dir.resolve("out.idx")));
    }

    @Test
    void badIndexFilesGiveClearErrors() throws IOException {
        Path good = Fixtures.index(dir, IndexConfig.defaults());
        byte[] bytes = Files.readAllBytes(good);

        assertThrows(NoSuchFileException.class, () -> SourceIndex.open(dir.resolve("missing.idx")));
        assertBad(new byte[0], "the file is empty");
        assertBad("{\"id\": \"not an index\"}".getBytes(StandardCharsets.UTF_8), "not a wirecopy source index");
        assertBad(mutate(bytes, b -> b[11] = 2), "format version 2 is newer than the version this wirecopy reads (1)");
        assertBad(mutate(bytes, b -> b[11] = 0), "format version 0 is not the version");
        assertBad(Arrays.copyOf(bytes, 100), "truncated: 100 bytes");
        assertBad(Arrays.copyOf(bytes, bytes.length - 1), "truncated: " + (bytes.length - 1) + " bytes");
        assertBad(mutate(bytes, b -> b[200] ^= 1), "header is corrupt");
        assertBad(mutate(bytes, b -> b[b.length - 3] ^= 1), "checksum mismatch in section ENTRIES");
        assertBad(mutate(bytes, b -> b[IndexLayout.HEADER_BYTES + 2] ^= 1), "checksum mismatch in section META");
    }

    private void assertBad(byte[] content, String expected) throws IOException {
        Path f = dir.resolve("bad.idx");
        Files.write(f, content);
        IndexFormatException e = assertThrows(IndexFormatException.class, () -> SourceIndex.open(f));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains(f.toString()), "names the file: " + e.getMessage());
        if (content.length > 0 && !expected.startsWith("not a")) {
            assertTrue(e.getMessage().contains("wirecopy index --data"), "says how to fix it: " + e.getMessage());
        }
    }

    private static byte[] mutate(byte[] bytes, Consumer<byte[]> change) {
        byte[] b = bytes.clone();
        change.accept(b);
        return b;
    }
}
