package org.wirecopy.study;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void badRowsAreLocatedByFileAndLine() throws IOException {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "id,paragraphs,n_A,share_A,mean_confidence,uncertain\nx,1,1,1.0,0.9,0\ny,1,1,oops,0.9,0\n");
        IOException e = assertThrows(IOException.class, () -> SummaryReader.read(f));
        assertTrue(e.getMessage().contains("bad.csv:3") && e.getMessage().contains("share_A"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SummaryFormat.of(dir.resolve("x.txt")));
    }
}
