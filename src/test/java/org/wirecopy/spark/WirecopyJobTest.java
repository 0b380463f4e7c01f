package org.wirecopy.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirecopy.TestData;
import org.wirecopy.classify.Classifier;
import org.wirecopy.corpus.CorpusOptions;
import org.wirecopy.corpus.CorpusReader;
import org.wirecopy.corpus.LabelledArticle;
import org.wirecopy.text.Article;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The spark-submit job end to end in local[2] mode: every input format, both output formats, bad rows, summary. */
class WirecopyJobTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static SparkSession spark;
    private static Classifier classifier;
    private static List<LabelledArticle> articles;
    private static List<String> lines;

    @BeforeAll
    static void setUp() throws Exception {
        spark = SparkSessions.local();
        classifier = Classifier.bundled();
        Path test = TestData.root().resolve("training-data/test.jsonl");
        articles = CorpusReader.read(test, CorpusOptions.defaults()).articles().subList(0, 30);
        lines = Files.readAllLines(test, StandardCharsets.UTF_8).subList(0, 30);
    }

    @Test
    void canonicalJsonlWithAMalformedLineGivesParquetAnErrorRowAndTheSummary(@TempDir Path dir) throws Exception {
        List<String> input = new ArrayList<>(lines);
        input.add(12, "{\"id\": \"broken\", \"paragraphs\": [ this is not JSON");
        Path in = dir.resolve("in.jsonl");
        Files.write(in, input, StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        WirecopyJob.Result r = WirecopyJob.run(spark, JobOptions.parse("--input", in.toString(), "--output",
                out.toString(), "--summary-by", "style", "--partitions", "2"));
        assertEquals(31, r.rows());
        assertEquals(1, r.badRows());
        assertTrue(r.errorSamples().get(0).contains("malformed input line"), r.errorSamples().toString());
        List<Row> rows = spark.read().parquet(out.resolve("articles").toString()).collectAsList();
        assertEquals(31, rows.size());
        Map<String, Row> byId = new HashMap<>();
        int bad = 0;
        for (Row row : rows) {
            if (row.getString(row.fieldIndex("error")) != null) {
                bad++;
                assertNull(row.get(row.fieldIndex("classified")));
                continue;
            }
            byId.put(row.getString(row.fieldIndex("id")), row);
        }
        assertEquals(1, bad);
        long paragraphs = 0;
        for (LabelledArticle a : articles) {
            var expected = classifier.classify(Article.ofParagraphs(a.texts()));
            SparkClassificationTest.assertSame(a.id(), expected, byId.get(a.id()), "classified", "shares");
            assertEquals(a.field("style"), byId.get(a.id()).getString(byId.get(a.id()).fieldIndex("style")));
            paragraphs += expected.size();
        }
        assertEquals(paragraphs, r.paragraphs());
        List<String> csv = Files.readAllLines(Path.of(r.summary().replaceFirst("^file:", "")), StandardCharsets.UTF_8);
        assertTrue(csv.get(0).startsWith("style,articles,paragraphs,mean_REPORTING,lower_REPORTING"), csv.get(0));
        assertEquals(r.groups().size() + 1, csv.size());
        assertEquals(30, r.groups().stream().mapToInt(g -> g.articles()).sum());
        assertFalseContains(spark.read().parquet(out.resolve("articles").toString()).columns(), "paragraphs");
        var e = assertThrows(IllegalArgumentException.class, () -> WirecopyJob.run(spark,
                JobOptions.parse("--input", in.toString(), "--output", out.toString())));
        assertTrue(e.getMessage().contains("exists; pass --overwrite"), e.getMessage());
    }

    @Test
    void aFolderOfPagesWithABinaryAndAnOversizedFileExplodesToJsonlParagraphs(@TempDir Path dir) throws Exception {
        Path pages = Files.createDirectories(dir.resolve("pages/2024"));
        long expected = 0;
        for (int i = 0; i < 6; i++) {
            StringBuilder html = new StringBuilder("<html><body><article>");
            for (String p : articles.get(i).texts()) html.append("<p>").append(p.replace("&", "&amp;")
                    .replace("<", "&lt;")).append("</p>");
            html.append("</article></body></html>");
            Files.writeString(pages.resolve("page-" + i + ".html"), html, StandardCharsets.UTF_8);
            expected += classifier.classify(html.toString()).size();
        }
        Files.write(pages.resolve("photo.jpg"), new byte[]{(byte) 0xff, (byte) 0xd8, 0, 0, 0x10, 'J', 'F', 'I', 'F'});
        Files.writeString(pages.resolve("huge.txt"), "a long line of words\n".repeat(5000), StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        WirecopyJob.Result r = WirecopyJob.run(spark, JobOptions.parse("--input", dir.resolve("pages").toString(),
                "--input-format", "text-folder", "--output", out.toString(), "--output-format", "jsonl", "--explode",
                "--max-chars", "50000"));
        assertEquals(8, r.rows());
        assertEquals(2, r.badRows());
        assertEquals(expected, r.paragraphs());
        String errors = String.join("\n", r.errorSamples());
        assertTrue(errors.contains("photo.jpg") && errors.contains("binary"), errors);
        assertTrue(errors.contains("huge.txt") && errors.contains("over the limit of 50000"), errors);
        var written = spark.read().json(out.resolve("paragraphs").toString());
        assertEquals(expected, written.count());
        assertEquals(6, written.select("path").distinct().count());
        Row first = written.where(functions.col("path").endsWith("page-0.html")).orderBy("index").first();
        var page0 = classifier.classify(Files.readString(pages.resolve("page-0.html")));
        assertEquals(page0.paragraphs().get(0).label(), first.getString(first.fieldIndex("label")));
        assertEquals(page0.paragraphs().get(0).text(), first.getString(first.fieldIndex("text")));
    }

    @Test
    void flatRowsOfOneParagraphEachAreRegroupedInOrder(@TempDir Path dir) throws Exception {
        List<String> rows = new ArrayList<>();
        for (LabelledArticle a : articles.subList(0, 10)) {
            for (int i = 0; i < a.texts().size(); i++) {
                ObjectNode n = JSON.createObjectNode();
                n.put("doc", a.id()).put("idx", i).put("text", a.texts().get(i)).put("source", a.field("source"));
                rows.add(JSON.writeValueAsString(n));
            }
        }
        Collections.shuffle(rows, new Random(7));
        Path in = dir.resolve("flat.jsonl");
        Files.write(in, rows, StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        WirecopyJob.Result r = WirecopyJob.run(spark, JobOptions.parse("--input", in.toString(), "--output",
                out.toString(), "--group-column", "doc", "--order-column", "idx", "--summary-by", "source"));
        assertEquals(10, r.rows());
        assertEquals(0, r.badRows());
        Map<String, Row> byId = new HashMap<>();
        for (Row row : spark.read().parquet(out.resolve("articles").toString()).collectAsList()) {
            byId.put(row.getString(row.fieldIndex("doc")), row);
        }
        for (LabelledArticle a : articles.subList(0, 10)) {
            Row row = byId.get(a.id());
            assertNotNull(row, a.id());
            SparkClassificationTest.assertSame(a.id(), classifier.classify(Article.ofParagraphs(a.texts())), row,
                    "classified", "shares");
            assertEquals(a.field("source"), row.getString(row.fieldIndex("source")));
        }
    }

    @Test
    void badCommandLinesAreRefusedNamingTheOption() {
        var e = assertThrows(IllegalArgumentException.class, () -> JobOptions.parse("--input", "a", "--output", "b",
                "--input-format", "csv"));
        assertTrue(e.getMessage().contains("--input-format must be jsonl, parquet or text-folder"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> JobOptions.parse("--input", "a", "--frobnicate"));
        assertTrue(e.getMessage().startsWith("unknown option --frobnicate"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> JobOptions.parse("--input", "a"));
        assertTrue(e.getMessage().contains("--input and --output are required"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> JobOptions.parse("--input", "a", "--output", "b",
                "--max-chars", "lots"));
        assertTrue(e.getMessage().contains("--max-chars takes a whole number"), e.getMessage());
        JobOptions o = JobOptions.parse("--input=a", "--output", "b", "--output-format", "JSONL", "--explode");
        assertEquals("jsonl", o.outputFormat());
        assertTrue(o.explode());
        assertTrue(o.mainContent());
        assertTrue(!JobOptions.parse("--input", "a", "--output", "b", "--no-main-content").mainContent());
    }

    private static void assertFalseContains(String[] columns, String name) {
        assertTrue(!List.of(columns).contains(name), name + " in " + List.of(columns));
    }
}
