package org.wirecopy.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wirecopy.TestData;
import org.wirecopy.classify.ClassifiedArticle;
import org.wirecopy.classify.ClassifiedParagraph;
import org.wirecopy.classify.Classifier;
import org.wirecopy.corpus.CorpusOptions;
import org.wirecopy.corpus.CorpusReader;
import org.wirecopy.corpus.LabelledArticle;
import org.wirecopy.study.ArticleSummary;
import org.wirecopy.study.GroupKey;
import org.wirecopy.study.GroupSummary;
import org.wirecopy.study.Summarizer;
import org.wirecopy.text.Article;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Spark in local[2] mode gives the Java API's answers exactly, and bad rows do not stop a partition. */
class SparkClassificationTest {

    private static SparkSession spark;
    private static Classifier classifier;
    private static List<LabelledArticle> articles;
    /** The Java API's result of every article, by id. */
    private static Map<String, ClassifiedArticle> expected;
    /** The articles classified through Spark once, shared by the tests that read them (cached). */
    private static SparkClassification jsonlClassification;
    private static Dataset<Row> classifiedJsonl;

    @BeforeAll
    static void setUp() throws Exception {
        spark = SparkSessions.local();
        classifier = Classifier.bundled();
        articles = new ArrayList<>();
        for (String split : List.of("test", "dev")) {
            articles.addAll(CorpusReader.read(TestData.root().resolve("training-data/" + split + ".jsonl"),
                    CorpusOptions.defaults()).articles());
        }
        expected = new HashMap<>();
        for (LabelledArticle a : articles) expected.put(a.id(), classifier.classify(Article.ofParagraphs(a.texts())));
        jsonlClassification = SparkClassification.bundled(spark,
                SparkClassifyOptions.builder().paragraphsColumn("texts").idColumn("id").build());
        classifiedJsonl = jsonlClassification.classify(jsonl()).cache();
    }

    /** The canonical JSONL of the test and dev splits, read by Spark, paragraph texts as an array column. */
    private static Dataset<Row> jsonl() {
        return spark.read().json(TestData.root().resolve("training-data/test.jsonl").toString(),
                        TestData.root().resolve("training-data/dev.jsonl").toString())
                .select(functions.col("id"), functions.col("style"), functions.col("source"),
                        functions.col("paragraphs.text").as("texts"))
                .repartition(3);
    }

    @Test
    void paragraphsOfCanonicalJsonlGetTheJavaApisLabelsAndScoresExactly() {
        List<Row> rows = classifiedJsonl.collectAsList();
        assertTrue(articles.size() >= 290, "test + dev hold " + articles.size() + " articles");
        assertEquals(articles.size(), rows.size());
        Map<String, Row> byId = new HashMap<>();
        for (Row r : rows) byId.put(r.getString(r.fieldIndex("id")), r);
        int paragraphs = 0;
        for (LabelledArticle a : articles) {
            Row r = byId.get(a.id());
            assertNotNull(r, a.id());
            assertSame(a.id(), expected.get(a.id()), r, "classified", "shares");
            assertNull(r.get(r.fieldIndex("error")), a.id());
            paragraphs += expected.get(a.id()).size();
        }
        assertTrue(paragraphs > 3000, paragraphs + " paragraphs");
        assertEquals(0, jsonlClassification.badRows());
    }

    @Test
    void textAndHtmlRowsGetTheJavaApisResultsExactlyOnOneOrTwoThreadsPerTask() {
        List<Row> input = new ArrayList<>();
        Map<String, String> texts = new LinkedHashMap<>();
        for (LabelledArticle a : articles.subList(0, 60)) {
            String text = String.join("\n\n", a.texts());
            StringBuilder html = new StringBuilder("<html><head><title>t</title></head><body><nav><a href=\"/\">Home"
                    + "</a> <a href=\"/about\">About</a></nav><article>");
            for (String p : a.texts()) html.append("<p>").append(escape(p)).append("</p>\n");
            html.append("</article><footer><p>Copyright notice of an invented site</p></footer></body></html>");
            texts.put(a.id() + "#text", text);
            texts.put(a.id() + "#html", html.toString());
        }
        texts.forEach((id, t) -> input.add(RowFactory.create(id, t)));
        StructType schema = new StructType().add("id", DataTypes.StringType).add("body", DataTypes.StringType);
        Dataset<Row> df = spark.createDataFrame(input, schema).repartition(4);
        for (int threads : new int[]{1, 2}) {
            SparkClassification wirecopy = SparkClassification.bundled(spark, SparkClassifyOptions.builder()
                    .textColumn("body").idColumn("id").threadsPerTask(threads).build());
            List<Row> rows = wirecopy.classify(df).collectAsList();
            assertEquals(texts.size(), rows.size());
            for (Row r : rows) {
                String id = r.getString(0);
                assertSame(id + " on " + threads + " threads", classifier.classify(texts.get(id)), r, "classified",
                        "shares");
            }
            assertEquals(0, wirecopy.badRows());
            assertEquals(texts.size(), wirecopy.rows(), "rows counted on " + threads + " threads");
        }
    }

    @Test
    void theModelIsLoadedOncePerJvmHoweverManyTasksAndActions() {
        SparkClassification wirecopy = SparkClassification.bundled(spark,
                SparkClassifyOptions.builder().paragraphsColumn("texts").dropInput(true).build());
        Dataset<Row> some = jsonl().limit(60);
        assertEquals(List.of("id", "style", "source", "classified", "shares", "error"),
                List.of(wirecopy.classify(some).columns()), "dropInput leaves the paragraphs column out");
        wirecopy.classify(some).count();
        int loads = ExecutorClassifiers.loads();
        Dataset<Row> twice = wirecopy.classify(some.repartition(6));
        assertEquals(60, twice.where(functions.col("error").isNull()).count());
        assertEquals(loads, ExecutorClassifiers.loads(), "6 more tasks loaded the model again");
        assertTrue(loads >= 1);
    }

    @Test
    void explodeGivesOneRowPerParagraphWithTheArticlesOtherColumns() {
        Dataset<Row> exploded = jsonlClassification.explode(classifiedJsonl);
        assertEquals(List.of("id", "style", "source", "index", "label", "scores", "start", "end", "text"),
                List.of(exploded.schema().fieldNames()));
        LabelledArticle a = articles.get(7);
        List<Row> rows = exploded.where(functions.col("id").equalTo(a.id())).orderBy("index").collectAsList();
        assertEquals(expected.get(a.id()).size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            ClassifiedParagraph p = expected.get(a.id()).paragraphs().get(i);
            Row r = rows.get(i);
            assertEquals(a.field("style"), r.getString(1));
            assertEquals(p.index(), r.getInt(3));
            assertEquals(p.label(), r.getString(4));
            assertEquals(p.scores(), r.getJavaMap(5));
            assertEquals(p.start(), r.getInt(6));
            assertEquals(p.end(), r.getInt(7));
            assertEquals(p.text(), r.getString(8));
        }
        long total = 0;
        for (LabelledArticle x : articles) total += x.paragraphs().size();
        assertEquals(total, exploded.count());
    }

    @Test
    void groupSharesEqualTheStudySummaryOfTheJavaApi() {
        SparkClassification wirecopy = jsonlClassification;
        Dataset<Row> classified = classifiedJsonl;
        List<ArticleSummary> rows = new ArrayList<>();
        for (LabelledArticle a : articles) rows.add(ArticleSummary.of(a.id(), a.fields(), expected.get(a.id())));
        rows.sort(GroupShares.ORDER);
        for (String by : List.of("style", "source")) {
            List<GroupSummary> expected = new Summarizer(500, 42).summarize(rows, new GroupKey(by));
            List<GroupSummary> got = new GroupShares(by, new Summarizer(500, 42)).summarize(classified,
                    wirecopy.options(), wirecopy.labels(), "id");
            assertTrue(expected.size() > 5, by + ": " + expected.size() + " groups");
            assertEquals(expected, got, by);
        }
    }

    @Test
    void badRowsGetAnErrorAndAreCountedWhileTheRestOfTheirPartitionIsClassified() {
        String deep = "<div>".repeat(200_000) + "deep" + "</div>".repeat(200_000);
        List<Row> input = new ArrayList<>();
        Map<String, String> good = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            String text = String.join("\n\n", articles.get(i).texts());
            good.put("good-" + i, text);
            input.add(RowFactory.create("good-" + i, text, null));
            if (i % 10 == 3) input.add(RowFactory.create("binary-" + i, "PK\u0003\u0004\u0000\u0000\u0001", null));
            if (i % 10 == 5) input.add(RowFactory.create("huge-" + i, "word ".repeat(30_000), null));
            if (i % 10 == 7) input.add(RowFactory.create("format-" + i, text, "pdf"));
            if (i % 10 == 9) input.add(RowFactory.create("null-" + i, null, null));
        }
        input.add(RowFactory.create("deep", deep.substring(0, 100_000), "html"));
        StructType schema = new StructType().add("id", DataTypes.StringType).add("text", DataTypes.StringType)
                .add("format", DataTypes.StringType);
        Dataset<Row> df = spark.createDataFrame(input, schema).coalesce(1);
        SparkClassification wirecopy = SparkClassification.bundled(spark, SparkClassifyOptions.builder()
                .idColumn("id").formatColumn("format").maxChars(120_000).build());
        List<Row> rows = wirecopy.classify(df).collectAsList();
        assertEquals(input.size(), rows.size());
        int bad = 0;
        int deepBad = 0;
        for (Row r : rows) {
            String id = r.getString(0);
            String error = r.getString(r.fieldIndex("error"));
            if (good.containsKey(id)) {
                assertNull(error, id);
                assertSame(id, classifier.classify(good.get(id)), r, "classified", "shares");
            } else if (id.equals("deep")) {
                // 20,000 nested elements: read (main-content detection skips deep pages) or refused, never fatal
                if (error != null) deepBad++;
            } else {
                bad++;
                assertNotNull(error, id);
                assertTrue(error.startsWith("id " + id + ": "), error);
                assertNull(r.get(r.fieldIndex("classified")), id);
                assertNull(r.get(r.fieldIndex("shares")), id);
                String expected = id.startsWith("binary") ? "binary"
                        : id.startsWith("huge") ? "over the limit of 120000"
                        : id.startsWith("format") ? "unknown input format 'pdf'" : "is null";
                assertTrue(error.contains(expected), id + ": " + error);
            }
        }
        assertEquals(16, bad);
        assertEquals(bad + deepBad, wirecopy.badRows());
        assertTrue(wirecopy.errorSamples().size() >= Math.min(10, bad), wirecopy.errorSamples().toString());
    }

    @Test
    void binaryColumnsAreReadAsStrictUtf8() {
        List<Row> input = new ArrayList<>();
        String text = String.join("\n", articles.get(3).texts());
        input.add(RowFactory.create("ok", text.getBytes(StandardCharsets.UTF_8)));
        input.add(RowFactory.create("latin1",
                "caf\u00e9 au lait\n\nsecond line".getBytes(StandardCharsets.ISO_8859_1)));
        input.add(RowFactory.create("nul", new byte[]{'a', 0, 'b'}));
        StructType schema = new StructType().add("path", DataTypes.StringType).add("content", DataTypes.BinaryType);
        SparkClassification wirecopy = SparkClassification.bundled(spark, SparkClassifyOptions.builder()
                .textColumn("content").idColumn("path").build());
        List<Row> rows = wirecopy.classify(spark.createDataFrame(input, schema).coalesce(1)).collectAsList();
        assertSame("ok", classifier.classify(text), rows.get(0), "classified", "shares");
        assertTrue(rows.get(1).getString(4).contains("invalid UTF-8 at byte offset 3"), rows.get(1).getString(4));
        assertTrue(rows.get(2).getString(4).contains("binary"), rows.get(2).getString(4));
        assertEquals(2, wirecopy.badRows());
    }

    @Test
    void misconfiguredColumnsAreRefusedOnTheDriverNamingTheColumn() {
        SparkClassification wirecopy = SparkClassification.bundled(spark, SparkClassifyOptions.defaults());
        var e = assertThrows(IllegalArgumentException.class, () -> wirecopy.classify(jsonl()));
        assertTrue(e.getMessage().contains("no column text"), e.getMessage());
        SparkClassification asText = SparkClassification.bundled(spark,
                SparkClassifyOptions.builder().textColumn("texts").build());
        e = assertThrows(IllegalArgumentException.class, () -> asText.classify(jsonl()));
        assertTrue(e.getMessage().contains("must be a string"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SparkClassification.of(spark, new byte[]{1, 2, 3},
                SparkClassifyOptions.defaults()));
    }

    /** The row's paragraph structs and shares equal the Java API's result, doubles bit for bit. */
    static void assertSame(String what, ClassifiedArticle expected, Row row, String result, String shares) {
        List<Row> ps = row.getList(row.fieldIndex(result));
        assertNotNull(ps, what + ": no result, error " + row.getString(row.fieldIndex("error")));
        assertEquals(expected.size(), ps.size(), what);
        for (int i = 0; i < ps.size(); i++) {
            ClassifiedParagraph p = expected.paragraphs().get(i);
            Row r = ps.get(i);
            assertEquals(p.index(), r.getInt(0), what);
            assertEquals(p.label(), r.getString(1), what + " paragraph " + i);
            assertEquals(p.scores(), r.getJavaMap(2), what + " paragraph " + i);
            assertEquals(p.start(), r.getInt(3), what);
            assertEquals(p.end(), r.getInt(4), what);
            assertEquals(p.text(), r.getString(5), what);
        }
        assertEquals(expected.characterShares(), row.getJavaMap(row.fieldIndex(shares)), what);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
