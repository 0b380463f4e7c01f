package org.wirecopy.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorpusReaderTest {

    @TempDir
    Path dir;

    private static final String GOOD = "{\"id\": \"a1\", \"style\": \"blog\", \"paragraphs\": ["
            + "{\"text\": \"Headline\", \"label\": \"COMMENTARY\"}, "
            + "{\"text\": \"WASHINGTON (AP) - Text.\", \"label\": \"REPORTING\", \"case\": \"dateline\"}]}";

    private Path write(String name, String content) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void readsCanonicalJsonlWithFields() throws Exception {
        Corpus c = CorpusReader.read(write("c.jsonl", GOOD + "\n"), CorpusOptions.defaults());
        LabelledArticle a = c.articles().get(0);
        assertEquals("a1", a.id());
        assertEquals("blog", a.field("style"));
        assertEquals(List.of("COMMENTARY", "REPORTING"), a.labels());
        assertEquals("dateline", a.paragraphs().get(1).fields().get("case"));
        assertTrue(a.origin().endsWith("c.jsonl:1"));
    }

    @Test
    void everyProblemIsListedWithLineFieldAndFix() throws Exception {
        Path f = write("bad.jsonl", String.join("\n",
                GOOD,
                "{\"id\": \"a2\", \"paragraphs\": [{\"text\": \"x\", \"label\": \"REPORTNG\"}]}",
                "{\"id\": \"a3\", \"paragraphs\": [{\"text\": \"  \", \"label\": \"COMMENTARY\"}]}",
                "{\"id\": \"a4\", \"paragraphs\": [{\"label\": \"COMMENTARY\"}]}",
                "{\"id\": \"a5\", \"paragraphs\": [{\"text\": \"no label\"}]}",
                "{\"id\": \"a6\", \"paragraphs\": [{\"text\": \"broken\", ",
                "{\"id\": \"a7\"}",
                GOOD) + "\n");
        CorpusReader.Result r = CorpusReader.check(f, CorpusOptions.defaults());
        List<String> msgs = r.problems().stream().map(DataProblem::toString).toList();
        assertEquals(7, msgs.size(), msgs.toString());
        assertTrue(msgs.get(0).contains("bad.jsonl:2: paragraphs[0].label: unknown label 'REPORTNG'")
                && msgs.get(0).contains("use one of REPORTING, COMMENTARY, BOILERPLATE"), msgs.get(0));
        assertTrue(msgs.get(1).contains(":3: paragraphs[0].text: empty text"), msgs.get(1));
        assertTrue(msgs.get(2).contains(":4: paragraphs[0].text: missing field 'text'"), msgs.get(2));
        assertTrue(msgs.get(3).contains(":5: paragraphs[0].label: missing label"), msgs.get(3));
        assertTrue(msgs.get(4).contains(":6: not valid JSON"), msgs.get(4));
        assertTrue(msgs.get(5).contains(":7: paragraphs: missing field 'paragraphs'"), msgs.get(5));
        assertTrue(msgs.get(6).contains(":8: id: duplicate article id 'a1'"), msgs.get(6));
        assertEquals(1, r.corpus().articles().size(), "the good article is still read");
        CorpusFormatException e = assertThrows(CorpusFormatException.class,
                () -> CorpusReader.read(f, CorpusOptions.defaults()));
        assertEquals(7, e.problems().size());
    }

    @Test
    void byteOrderMarkAndCrlfAreAccepted() throws Exception {
        Path f = write("bom.jsonl", "\uFEFF" + GOOD + "\r\n" + GOOD.replace("a1", "a2") + "\r\n");
        Corpus c = CorpusReader.read(f, CorpusOptions.defaults());
        assertEquals(2, c.articles().size());
        assertEquals("Headline", c.articles().get(1).paragraphs().get(0).text());
    }

    @Test
    void invalidUtf8NamesTheLine() throws Exception {
        Path f = dir.resolve("latin.jsonl");
        Files.write(f, (GOOD + "\n{\"id\": \"caf\u00e9\"}\n").getBytes(StandardCharsets.ISO_8859_1));
        CorpusFormatException e = assertThrows(CorpusFormatException.class,
                () -> CorpusReader.read(f, CorpusOptions.defaults()));
        assertTrue(e.getMessage().contains("latin.jsonl:2") && e.getMessage().contains("invalid UTF-8"),
                e.getMessage());
    }

    @Test
    void tsvWithNamedColumnsAndLabelMapReadsEachRowAsAnArticle() throws Exception {
        Path f = write("s.tsv", "sentence_id\tsentence\tlabel\textra\n"
                + "id1\tThe rate rose \"sharply\" today.\tOBJ\tx\n"
                + "id2\tWhat a disaster this is!\tSUBJ\ty\n");
        CorpusOptions o = CorpusOptions.builder().textColumn("sentence")
                .labelMap(CorpusOptions.parseLabelMap("OBJ=REPORTING,SUBJ=COMMENTARY")).build();
        Corpus c = CorpusReader.read(f, o);
        assertEquals(2, c.articles().size());
        assertEquals("The rate rose \"sharply\" today.", c.articles().get(0).paragraphs().get(0).text());
        assertEquals(List.of("COMMENTARY"), c.articles().get(1).labels());
    }

    @Test
    void tsvLabelsOutsideTheMappingAndBadRowsAreReported() throws Exception {
        Path f = write("s.tsv", "text\tlabel\nfine\tOBJ\nodd\tNEUTRAL\ntoo\tmany\tfields\n");
        CorpusOptions o = CorpusOptions.builder().labelMap(Map.of("OBJ", "REPORTING")).build();
        List<String> msgs = CorpusReader.check(f, o).problems().stream().map(DataProblem::toString).toList();
        assertEquals(2, msgs.size(), msgs.toString());
        assertTrue(msgs.get(0).contains("s.tsv:3: label: label 'NEUTRAL' is not in the label mapping"), msgs.get(0));
        assertTrue(msgs.get(1).contains("s.tsv:4: row has 3 fields, the header has 2"), msgs.get(1));
    }

    @Test
    void missingColumnsAreNamedWithTheHeader() throws Exception {
        Path f = write("s.csv", "body,category\nhello,REPORTING\n");
        List<DataProblem> p = CorpusReader.check(f, CorpusOptions.defaults()).problems();
        assertEquals(1, p.size());
        assertTrue(p.get(0).toString().contains("no column named [text, label]; the header has [body, category]"),
                p.get(0).toString());
    }

    @Test
    void csvQuotedFieldsMaySpanLinesAndRowsGroupByIdInIndexOrder() throws Exception {
        Path f = write("g.csv", "doc,pos,text,label\n"
                + "d1,1,\"Second, with a comma\",REPORTING\n"
                + "d1,0,\"First line\nand \"\"quoted\"\" more\",COMMENTARY\n"
                + "d2,0,Alone,BOILERPLATE\n");
        CorpusOptions o = CorpusOptions.builder().idColumn("doc").indexColumn("pos").build();
        Corpus c = CorpusReader.read(f, o);
        assertEquals(2, c.articles().size());
        assertEquals(List.of("First line\nand \"quoted\" more", "Second, with a comma"), c.articles().get(0).texts());
        assertEquals("d2", c.articles().get(1).id());
    }

    @Test
    void flatJsonlRowsAreReadLikeTsvRows() throws Exception {
        Path f = write("rows.jsonl", "{\"newid\": 1, \"para_idx\": 1, \"text\": \"B\"}\n"
                + "{\"newid\": 1, \"para_idx\": 0, \"text\": \"A\"}\n{\"newid\": 2, \"para_idx\": 0, \"text\": \"C\"}\n");
        CorpusOptions o = CorpusOptions.builder().idColumn("newid").indexColumn("para_idx").requireLabels(false)
                .build();
        Corpus c = CorpusReader.read(f, o);
        assertEquals(List.of("A", "B"), c.articles().get(0).texts());
        assertNull(c.articles().get(0).paragraphs().get(0).label());
    }

    @Test
    void dataHashIgnoresLayoutButNotContent() throws Exception {
        Corpus a = CorpusReader.read(write("a.jsonl", GOOD + "\n"), CorpusOptions.defaults());
        Corpus b = CorpusReader.read(write("b.jsonl", GOOD.replace(", ", ",") + "\r\n"), CorpusOptions.defaults());
        Corpus c = CorpusReader.read(write("c.jsonl", GOOD.replace("Headline", "Headlines") + "\n"),
                CorpusOptions.defaults());
        assertEquals(a.sha256(), b.sha256());
        assertTrue(!a.sha256().equals(c.sha256()));
    }

    @Test
    void emptyFileIsAnError() throws Exception {
        CorpusFormatException e = assertThrows(CorpusFormatException.class,
                () -> CorpusReader.read(write("empty.jsonl", ""), CorpusOptions.defaults()));
        assertTrue(e.getMessage().contains("no articles"), e.getMessage());
    }

    /** Extra fields keep the order they were read in: output written from them is the same on every run. */
    @Test
    void extraFieldsKeepTheirOrder(@TempDir Path dir) throws Exception {
        StringBuilder obj = new StringBuilder("{\"id\": \"a1\"");
        List<String> names = new java.util.ArrayList<>();
        for (int k = 0; k < 12; k++) {
            String name = "f" + (char) ('z' - k) + k;
            names.add(name);
            obj.append(", \"").append(name).append("\": \"v").append(k).append('"');
        }
        obj.append(", \"paragraphs\": [{\"text\": \"One line.\", \"label\": \"COMMENTARY\", \"zeta\": \"1\", "
                + "\"alpha\": \"2\", \"mu\": \"3\"}]}\n");
        Path f = dir.resolve("o.jsonl");
        Files.writeString(f, obj, StandardCharsets.UTF_8);
        LabelledArticle a = CorpusReader.read(f, CorpusOptions.defaults()).articles().get(0);
        List<String> read = new java.util.ArrayList<>(a.fields().keySet());
        read.retainAll(names);
        assertEquals(names, read);
        assertEquals(List.of("zeta", "alpha", "mu"), List.copyOf(a.paragraphs().get(0).fields().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> a.fields().put("x", "y"));
        assertThrows(NullPointerException.class, () -> new LabelledParagraph("t", "L",
                java.util.Collections.singletonMap("k", null)));
    }
}
