package org.wirecopy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirecopy.TestData;
import org.wirecopy.classify.ClassifiedArticle;
import org.wirecopy.classify.Classifier;
import org.wirecopy.model.ModelIO;
import org.wirecopy.study.ArticleSummary;
import org.wirecopy.study.SummaryReader;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** classify over many inputs with --summary, and summarize. Invented texts only. */
class StudyCliTest {

    @TempDir
    static Path dir;
    static Path model;
    static Classifier classifier;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WirecopyCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    static final String[] TEXTS = {
            "Headline\n\nFrom the AP:\n\nWASHINGTON (AP) \u2014 The council met on Monday.\n\nAdvertisement\n",
            "I think the council got it wrong.\n\nMy neighbour agrees with me, for once.\n",
            "Share this post\n\nLONDON (Reuters) - Prices rose, officials said.\n\nWhat a week it has been.\n",
    };

    @BeforeAll
    static void saveModel() throws Exception {
        model = dir.resolve("tiny.zip");
        ModelIO.save(TestData.tinyModel(), model);
        classifier = new Classifier(TestData.tinyModel());
        Path site = dir.resolve("pages/site-b");
        Files.createDirectories(site);
        Files.createDirectories(dir.resolve("pages/site-a"));
        Files.writeString(dir.resolve("pages/site-a/one.txt"), TEXTS[0], StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("pages/site-a/two.txt"), TEXTS[1], StandardCharsets.UTF_8);
        Files.writeString(site.resolve("three.txt"), TEXTS[2], StandardCharsets.UTF_8);
        Files.writeString(site.resolve("notes.md"), "not an article", StandardCharsets.UTF_8);
    }

    @Test
    void aFolderGivesOneArticlePerFileInPathOrderWithTheSameResultsAsOneByOne() throws Exception {
        Path summary = dir.resolve("out/summary.csv");
        Run r = run("classify", "--model", model.toString(), "--format", "jsonl", "--include", "*.txt",
                "--threads", "2", "--summary", summary.toString(), dir.resolve("pages").toString());
        assertEquals(0, r.code(), r.err());
        ObjectMapper json = new ObjectMapper();
        List<String> ids = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (String l : r.out().lines().toList()) {
            JsonNode n = json.readTree(l);
            if (ids.isEmpty() || !ids.get(ids.size() - 1).equals(n.get("article").asText())) {
                ids.add(n.get("article").asText());
            }
            labels.add(n.get("label").asText());
            assertTrue(n.has("dir") && n.has("page") && n.has("file"), l);
        }
        String base = dir.resolve("pages").toString().replace('\\', '/');
        assertEquals(List.of(base + "/site-a/one.txt", base + "/site-a/two.txt", base + "/site-b/three.txt"), ids);
        List<String> expected = new ArrayList<>();
        for (String t : TEXTS) expected.addAll(classifier.classify(t).predictedLabels());
        assertEquals(expected, labels);

        List<ArticleSummary> rows = SummaryReader.read(summary);
        assertEquals(3, rows.size());
        for (int i = 0; i < 3; i++) {
            ClassifiedArticle a = classifier.classify(TEXTS[i]);
            ArticleSummary s = rows.get(i);
            assertEquals(ids.get(i), s.id());
            assertEquals(a.size(), s.paragraphs());
            assertEquals(a.counts(), s.counts());
            long total = a.paragraphs().stream().mapToLong(p -> p.text().length()).sum();
            long reporting = a.paragraphs().stream().filter(p -> p.label().equals("REPORTING"))
                    .mapToLong(p -> p.text().length()).sum();
            assertEquals(reporting / (double) total, s.share("REPORTING"), 1e-6);
            double conf = a.paragraphs().stream().mapToDouble(p -> p.confidence()).average().orElseThrow();
            assertEquals(conf, s.meanConfidence(), 1e-6);
        }
        assertEquals("site-b", rows.get(2).field("dir"));
        assertEquals("three", rows.get(2).field("page"));

        Run g = run("summarize", "--group-by", "dir", summary.toString());
        assertEquals(0, g.code(), g.err());
        List<String> lines = g.out().lines().toList();
        assertEquals(3, lines.size(), g.out());
        assertTrue(lines.get(1).startsWith("site-a ") && lines.get(1).contains(" 2 "), lines.get(1));
        Path table = dir.resolve("out/by-dir.csv");
        Run t = run("summarize", "--group-by", "dir", "-o", table.toString(), summary.toString());
        assertEquals(0, t.code(), t.err());
        List<String> csv = Files.readAllLines(table);
        assertTrue(csv.get(0).startsWith("dir,articles,paragraphs,mean_REPORTING,lower_REPORTING,upper_REPORTING"));
        double meanA = (rows.get(0).share("REPORTING") + rows.get(1).share("REPORTING")) / 2;
        assertEquals(meanA, Double.parseDouble(csv.get(1).split(",")[3]), 1e-6);
    }

    @Test
    void jsonlCorporaKeepTheirIdsAndFieldsInParagraphCsvAndSummaries() throws Exception {
        Path corpus = dir.resolve("c.jsonl");
        Files.writeString(corpus, "{\"id\":\"a1\",\"style\":\"wire\",\"source\":\"x\",\"date\":\"2020-01-05\","
                + "\"paragraphs\":[{\"text\":\"WASHINGTON (AP) \u2014 The council met.\"},{\"text\":\"Advertisement\"}]}\n"
                + "{\"id\":\"a2\",\"style\":\"blog\",\"source\":\"y, z\",\"date\":\"2020-02-01\","
                + "\"paragraphs\":[{\"text\":\"I think so.\"}]}\n", StandardCharsets.UTF_8);
        Path summary = dir.resolve("c-summary.jsonl");
        Run r = run("classify", "--model", model.toString(), "--format", "csv", "--summary", summary.toString(),
                corpus.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).endsWith(",text,style,source,date,dir,page,title"), lines.get(0));
        assertEquals(4, lines.size());
        assertTrue(lines.get(1).startsWith("a1,0,") && lines.get(1).contains(",wire,x,2020-01-05,"), lines.get(1));
        assertTrue(lines.get(3).startsWith("a2,0,") && lines.get(3).contains(",blog,\"y, z\",2020-02-01,"),
                lines.get(3));
        List<ArticleSummary> rows = SummaryReader.read(summary);
        assertEquals(List.of("a1", "a2"), rows.stream().map(ArticleSummary::id).toList());
        assertEquals("blog", rows.get(1).field("style"));
        Run g = run("summarize", "--group-by", "month", summary.toString());
        assertEquals(0, g.code(), g.err());
        assertTrue(g.out().contains("2020-01") && g.out().contains("2020-02"), g.out());
    }

    @Test
    void summarizeOverMonthsWritesOneRowPerSiteAndMonthAndALineChart() throws Exception {
        Path corpus = dir.resolve("sites.jsonl");
        Files.writeString(corpus, "{\"id\":\"s1\",\"site\":\"a\",\"date\":\"2020-01-05\","
                + "\"paragraphs\":[{\"text\":\"WASHINGTON (AP) \u2014 The council met.\"}]}\n"
                + "{\"id\":\"s2\",\"site\":\"a\",\"date\":\"2020-02-01\",\"paragraphs\":[{\"text\":\"I think so.\"}]}\n"
                + "{\"id\":\"s3\",\"site\":\"b\",\"date\":\"2020-02-11\",\"paragraphs\":[{\"text\":\"Advertisement\"}]}\n",
                StandardCharsets.UTF_8);
        Path summary = dir.resolve("sites-summary.jsonl");
        assertEquals(0, run("classify", "--model", model.toString(), "--summary", summary.toString(),
                corpus.toString()).code());
        Path table = dir.resolve("site-month.csv");
        Path plot = dir.resolve("site-month.png");
        Run r = run("summarize", "--group-by", "site", "--over", "month", "-o", table.toString(), "--plot",
                plot.toString(), summary.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(table);
        assertTrue(lines.get(0).startsWith("site,month,articles,paragraphs,mean_REPORTING,"), lines.get(0));
        assertEquals(List.of("a,2020-01", "a,2020-02", "b,2020-02"),
                lines.subList(1, lines.size()).stream().map(l -> l.split(",")[0] + "," + l.split(",")[1]).toList());
        assertTrue(Files.size(plot) > 1000, "the line chart is written");
        Run same = run("summarize", "--group-by", "month", "--over", "month", summary.toString());
        assertEquals(ExitCodes.USAGE, same.code(), same.err());
    }

    @Test
    void flatJsonlRowsAreGroupedByTheIdColumnInIndexOrder() throws Exception {
        Path flat = dir.resolve("flat.jsonl");
        Files.writeString(flat, "{\"doc\":\"d1\",\"i\":1,\"text\":\"Second paragraph here.\",\"style\":\"news\"}\n"
                + "{\"doc\":\"d1\",\"i\":0,\"text\":\"First paragraph here.\",\"style\":\"news\"}\n"
                + "{\"doc\":\"d2\",\"i\":0,\"text\":\"Another one.\",\"style\":\"blog\"}\n", StandardCharsets.UTF_8);
        Run grouped = run("classify", "--model", model.toString(), "--format", "jsonl", "--id-column", "doc",
                "--index-column", "i", flat.toString());
        assertEquals(0, grouped.code(), grouped.err());
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> rows = grouped.out().lines().map(l -> {
            try {
                return json.readTree(l);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertEquals(3, rows.size());
        assertEquals("d1", rows.get(0).get("article").asText());
        assertEquals("First paragraph here.", rows.get(0).get("text").asText());
        assertEquals(1, rows.get(1).get("index").asInt());
        assertEquals("news", rows.get(0).get("style").asText());
        assertFalse(rows.get(0).has("doc"), "the id column is the article id, not a field");
        Run apart = run("classify", "--model", model.toString(), "--format", "jsonl", flat.toString());
        assertEquals(0, apart.code(), apart.err());
        assertEquals(3, apart.out().lines().map(l -> l.substring(0, l.indexOf(",\"index\""))).distinct().count(),
                "without --id-column every row is its own article");
    }

    @Test
    void anUnreadableFileIsReportedAndSkippedWithExitCode3() throws Exception {
        Path bad = dir.resolve("bad");
        Files.createDirectories(bad);
        Files.writeString(bad.resolve("a.txt"), TEXTS[1], StandardCharsets.UTF_8);
        Files.write(bad.resolve("b.txt"), new byte[]{(byte) 0xFF, (byte) 0xFE, 'a', 0, 'b', 0});
        Files.writeString(bad.resolve("c.txt"), TEXTS[2], StandardCharsets.UTF_8);
        Path summary = dir.resolve("bad-summary.csv");
        Run r = run("classify", "--model", model.toString(), "--format", "csv", "--summary", summary.toString(),
                bad.toString());
        assertEquals(ExitCodes.DATA, r.code(), r.err());
        assertTrue(r.err().contains("b.txt") && r.err().contains("skipped"), r.err());
        List<ArticleSummary> rows = SummaryReader.read(summary);
        assertEquals(2, rows.size());
        assertTrue(rows.get(0).id().endsWith("a.txt") && rows.get(1).id().endsWith("c.txt"));
    }

    @Test
    void splitPostsGivesOneArticlePerPostWithTitleAndOffsets() throws Exception {
        Path page = dir.resolve("home.html");
        String html = "<html><body><article><h2>First walk</h2><p>I walked to the harbour and counted boats "
                + "for an hour.</p></article><article><h2>Second walk</h2><p>Rain again today, so there was no "
                + "walk at all.</p></article></body></html>";
        Files.writeString(page, html, StandardCharsets.UTF_8);
        Path summary = dir.resolve("posts.jsonl");
        Run r = run("classify", "--model", model.toString(), "--format", "jsonl", "--split-posts", "--summary",
                summary.toString(), page.toString());
        assertEquals(0, r.code(), r.err());
        List<ArticleSummary> rows = SummaryReader.read(summary);
        assertEquals(2, rows.size());
        assertTrue(rows.get(0).id().endsWith("home.html#post-1"), rows.get(0).id());
        assertEquals("Second walk", rows.get(1).field("title"));
        int start = Integer.parseInt(rows.get(1).field("post_start"));
        int end = Integer.parseInt(rows.get(1).field("post_end"));
        assertTrue(html.substring(start, end).startsWith("<article><h2>Second walk"));
        assertFalse(r.out().contains("harbour") && r.out().lines().filter(l -> l.contains("harbour"))
                .anyMatch(l -> l.contains("#post-2")));
    }

    @Test
    void progressLinesGiveParagraphsPerSecondAndAnEtaOverInputs() {
        Run r = run("classify", "--model", model.toString(), "--format", "csv", "--include", "*.txt",
                "--progress-seconds", "0.000001", "--threads", "1", dir.resolve("pages").toString());
        assertEquals(0, r.code(), r.err());
        List<String> progress = r.err().lines().filter(l -> l.contains("paragraphs/s")).toList();
        assertTrue(!progress.isEmpty(), r.err());
        assertTrue(progress.get(0).matches("classified 1 articles \\(\\d+ paragraphs\\), \\d+ paragraphs/s, "
                + "\\d/3 inputs, ETA \\d+ s"), progress.get(0));
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("classified 3 articles in ")), r.err());
    }

    @Test
    void explanationsAreKeptInCsv() throws Exception {
        Path f = dir.resolve("explain.txt");
        Files.writeString(f, TEXTS[0], StandardCharsets.UTF_8);
        Run r = run("classify", "--model", model.toString(), "--format", "csv", "--explain", "--top", "2",
                f.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).endsWith(",explanation"), lines.get(0));
        assertEquals(classifier.classify(TEXTS[0]).size() + 1, lines.size());
        for (String l : lines.subList(1, lines.size())) {
            // every feature says where it came from: the paragraph, a neighbour (and which) or the article
            assertTrue(l.matches(".*,\"?[A-Z]+: \\S+ \\((paragraph|article|neighbour [+-]\\d)\\) [+-]\\d\\.\\d{3}.*"), l);
            for (String label : classifier.labels()) assertTrue(l.contains(label + ":"), l);
        }
    }
}
