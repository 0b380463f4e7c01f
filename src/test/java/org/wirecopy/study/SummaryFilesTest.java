package org.wirecopy.study;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirecopy.corpus.CorpusFormatException;
import org.wirecopy.corpus.DataProblem;
import org.wirecopy.io.LimitExceededException;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SummaryFilesTest {

    @TempDir
    Path dir;

    static ArticleSummary awkward() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("style", "blog, \"daily\"\nsecond line");
        fields.put("source", "https://example.org/a?b=1,2");
        fields.put("uncertain", "a field named like a column");
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("REPORTING", 3);
        counts.put("COMMENTARY", 1);
        Map<String, Double> shares = new LinkedHashMap<>();
        shares.put("REPORTING", 0.75);
        shares.put("COMMENTARY", 0.25);
        return new ArticleSummary("dir/a b.html", fields, counts, shares, 0.875, 1);
    }

    @Test
    void csvAndJsonlRoundTripFieldsWithCommasQuotesAndLineBreaks() throws IOException {
        for (String name : List.of("s.csv", "s.jsonl")) {
            Path f = dir.resolve(name);
            StringWriter w = new StringWriter();
            SummaryWriter sw = new SummaryWriter(w, SummaryFormat.of(f), List.of("REPORTING", "COMMENTARY"),
                    List.of("style", "source", "uncertain", "date"));
            sw.write(awkward());
            sw.finish();
            Files.writeString(f, w.toString(), StandardCharsets.UTF_8);
            List<ArticleSummary> back = SummaryReader.read(f);
            assertEquals(1, back.size(), name);
            ArticleSummary b = back.get(0);
            assertEquals(awkward().id(), b.id());
            assertEquals(awkward().fields(), b.fields(), name);
            assertEquals(awkward().counts(), b.counts());
            assertEquals(awkward().shares(), b.shares());
            assertEquals(4, b.paragraphs());
            assertEquals(0.875, b.meanConfidence(), 1e-9);
            assertEquals(1, b.uncertain());
        }
    }

    @Test
    void csvHeaderNamesEveryColumn() throws IOException {
        StringWriter w = new StringWriter();
        SummaryWriter sw = new SummaryWriter(w, SummaryFormat.CSV, List.of("REPORTING", "COMMENTARY"),
                List.of("style"));
        sw.finish();
        assertEquals("id,style,paragraphs,n_REPORTING,n_COMMENTARY,share_REPORTING,share_COMMENTARY,"
                + "mean_confidence,uncertain\n", w.toString());
    }

    @Test
    void badRowsAreDataProblemsWithFileLineAndColumn() throws IOException {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "id,paragraphs,n_A,share_A,mean_confidence,uncertain\nx,1,1,1.0,0.9,0\ny,1,1,oops,0.9,0\n");
        CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> SummaryReader.read(f));
        assertEquals(List.of(new DataProblem(f.toString(), 3, "share_A", "'oops' is not a number",
                "write the file with classify --summary")), e.problems());
        Path j = Files.writeString(dir.resolve("bad.jsonl"), "{\"id\": \"x\", \"share_A\": 1}\n\n[1]\n");
        e = assertThrows(CorpusFormatException.class, () -> SummaryReader.read(j));
        assertEquals(List.of(3L, "expected a JSON object"), List.of(e.problems().get(0).line(),
                e.problems().get(0).message()));
        Path latin = Files.write(dir.resolve("latin.csv"), "id,share_A\nx,1\ncaf\u00e9,1\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        e = assertThrows(CorpusFormatException.class, () -> SummaryReader.read(latin));
        assertEquals(List.of(3L, "not valid UTF-8"), List.of(e.problems().get(0).line(),
                e.problems().get(0).message()));
        assertThrows(IllegalArgumentException.class, () -> SummaryFormat.of(dir.resolve("x.txt")));
    }

    @Test
    void aFileOverTheByteLimitIsRefusedNamingItAndTheFix() throws IOException {
        String header = "id,paragraphs,n_A,share_A,mean_confidence,uncertain\n";
        String row = "x,1,1,1.0,0.9,0\n";
        Path f = Files.writeString(dir.resolve("big.csv"), header + row.repeat(10));
        assertEquals(10, SummaryReader.read(f, header.length() + 10L * row.length(), 100).size());
        LimitExceededException e = assertThrows(LimitExceededException.class,
                () -> SummaryReader.read(f, header.length() + 10L * row.length() - 1, 100));
        assertTrue(e.getMessage().startsWith(f + ": more than " + (header.length() + 10 * row.length() - 1)
                + " bytes; a summary has one short row per article"), e.getMessage());
        assertTrue(e.getMessage().contains("split a larger file into several"), e.getMessage());
    }

    @Test
    void aRowOverTheLengthLimitIsRefusedWithFileAndLineEvenAcrossQuotedLineBreaks() throws IOException {
        String header = "id,share_A\n";
        Path f = Files.writeString(dir.resolve("long.csv"), header + "x,1\n" + "y".repeat(20) + ",1\n");
        assertEquals(2, SummaryReader.read(f, 1 << 20, 22).size());
        LimitExceededException e = assertThrows(LimitExceededException.class, () -> SummaryReader.read(f, 1 << 20, 21));
        assertTrue(e.getMessage().startsWith(f + ":3: line is longer than 21 bytes"), e.getMessage());
        // a quoted field that spans lines: each line is short, the row is not
        Path q = Files.writeString(dir.resolve("quoted.csv"), header + "\"" + "y\n".repeat(20) + "\",1\n");
        assertEquals(1, SummaryReader.read(q, 1 << 20, 100).size());
        e = assertThrows(LimitExceededException.class, () -> SummaryReader.read(q, 1 << 20, 30));
        assertTrue(e.getMessage().startsWith(q + ":2: row is longer than 30 bytes"), e.getMessage());
        Path j = Files.writeString(dir.resolve("long.jsonl"), "{\"id\": \"" + "y".repeat(40) + "\", \"share_A\": 1}\n");
        e = assertThrows(LimitExceededException.class, () -> SummaryReader.read(j, 1 << 20, 30));
        assertTrue(e.getMessage().startsWith(j + ":1: line is longer than 30 bytes"), e.getMessage());
    }

    @Test
    void aDeviceIsReadOnlyUpToTheLimit() throws IOException {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "no /dev/zero");
        Path link = Files.createSymbolicLink(dir.resolve("zero.csv"), zero);
        LimitExceededException e = assertThrows(LimitExceededException.class, () -> SummaryReader.read(link));
        assertTrue(e.getMessage().startsWith(link + ":1: line is longer than " + SummaryReader.MAX_ROW_BYTES),
                e.getMessage());
    }
}
