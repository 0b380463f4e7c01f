package org.wirecopy.match;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirecopy.TestData;
import org.wirecopy.cli.WirecopyCli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's commands on the invented examples in docs/examples. */
class MatchCliTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WirecopyCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path index() {
        Path idx = dir.resolve("wire.idx");
        Run r = run("index", "--data", TestData.root().resolve("docs/examples/wire-stories.jsonl").toString(),
                "--out", idx.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("3 stories, 10 paragraphs"), r.out());
        return idx;
    }

    @Test
    void classifyWithAnIndexGivesWhatMatchClassifyGivesAndRefusesOtherFormats() {
        Path idx = index();
        String posts = TestData.root().resolve("docs/examples/posts.jsonl").toString();
        Run viaClassify = run("classify", "--index", idx.toString(), "--format", "jsonl", posts);
        Run viaMatch = run("match", "--index", idx.toString(), "--classify", "--format", "jsonl", posts);
        assertEquals(0, viaClassify.code(), viaClassify.err());
        assertEquals(viaMatch.out(), viaClassify.out());
        assertTrue(viaClassify.out().contains("REPORTING whatever the network says"), viaClassify.out());
        Run csv = run("classify", "--index", idx.toString(), "--format", "csv", posts);
        assertEquals(2, csv.code());
        assertTrue(csv.err().contains("--format text or jsonl"), csv.err());
        Run explain = run("classify", "--index", idx.toString(), "--explain", posts);
        assertEquals(2, explain.code(), "options the matcher cannot honour are refused, not ignored");
        assertTrue(explain.err().contains("--explain"), explain.err());
    }

    @Test
    void theSummaryHasOneRowPerArticleWithItsMatchedParagraphsAndStories() throws Exception {
        Path idx = index();
        String posts = TestData.root().resolve("docs/examples/posts.jsonl").toString();
        Path csv = dir.resolve("s.csv");
        Run r = run("classify", "--index", idx.toString(), "--summary", csv.toString(), posts);
        assertEquals(0, r.code(), r.err());
        java.util.List<String> rows = java.nio.file.Files.readAllLines(csv);
        assertEquals("article,paragraphs,matched_paragraphs,matched_word_share,stories,REPORTING,COMMENTARY,BOILERPLATE",
                rows.get(0));
        assertEquals(4, rows.size(), "a header and the three posts");
        // as the text footer says (indexThenMatchThePostsAsText): 3 of 6 paragraphs from wire-0412; none in the post
        // written in its own words
        assertTrue(rows.get(1).startsWith("post-harbor,6,3,"), rows.get(1));
        assertTrue(rows.get(1).contains(",wire-0412:3:"), rows.get(1));
        assertTrue(rows.get(3).startsWith("post-own-words,3,0,0.0000,,"), rows.get(3));
        Path jsonl = dir.resolve("s.jsonl");
        assertEquals(0, run("match", "--index", idx.toString(), "--summary", jsonl.toString(), posts).code());
        assertTrue(java.nio.file.Files.readString(jsonl).contains("\"matched_paragraphs\":3"));
    }

    @Test
    void indexThenMatchThePostsAsText() {
        Path idx = index();
        Run r = run("match", "--index", idx.toString(),
                TestData.root().resolve("docs/examples/posts.jsonl").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("# post-harbor"), r.out());
        assertTrue(r.out().contains("<- wire-0412 ¶0  coverage 1.00 verbatim"), r.out());
        assertTrue(r.out().contains("REPLACED \"challenge\" -> \"fight\""), r.out());
        assertTrue(r.out().contains("matched 3 of 6 paragraphs"), r.out());
        assertTrue(r.out().contains("story wire-0412 (Harbor authority approves dredging plan): 3 pasted paragraphs"),
                r.out());
        assertTrue(r.out().contains("matched 0 of 3 paragraphs (0% of words)"), "the post in its own words: "
                + r.out());
    }

    @Test
    void jsonlOutputWithTheClassifier() throws IOException {
        Path idx = index();
        Path post = dir.resolve("post.txt");
        Files.writeString(post, "My take\n\nCommuter fares on the Lakeshore regional rail network will rise by "
                + "seven percent from April, the operator said on Monday.\n", StandardCharsets.UTF_8);
        Run r = run("match", "--index", idx.toString(), "--classify", "--format", "jsonl", post.toString());
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(3, lines.length, r.out());
        ObjectMapper json = new ObjectMapper();
        JsonNode p1 = json.readTree(lines[1]);
        assertEquals("REPORTING", p1.get("label").asText());
        JsonNode m = p1.get("matches").get(0);
        assertEquals("wire-0413", m.get("story").asText());
        assertEquals("TRUNCATED_END", m.get("edits").get(0).get("kind").asText());
        assertTrue(m.get("verbatim").asBoolean());
        JsonNode summary = json.readTree(lines[2]).get("summary");
        assertEquals(1, summary.get("matched_paragraphs").asInt());
        assertEquals("wire-0413", summary.get("stories").get(0).get("story").asText());
    }

    @Test
    void badIndexAndEmptyCorpusGiveClearErrorsAndExitCodes() throws IOException {
        Path notIndex = dir.resolve("x.idx");
        Files.writeString(notIndex, "hello", StandardCharsets.UTF_8);
        Run r = run("match", "--index", notIndex.toString(), "-");
        assertEquals(5, r.code());
        assertTrue(r.err().contains("not a wirecopy source index"), r.err());

        Path empty = dir.resolve("empty.jsonl");
        Files.writeString(empty, "", StandardCharsets.UTF_8);
        Run e = run("index", "--data", empty.toString(), "--out", dir.resolve("e.idx").toString());
        assertEquals(3, e.code());
        assertTrue(e.err().contains("no stories in the file"), e.err());

        Run u = run("index", "--data", empty.toString(), "--out", dir.resolve("e.idx").toString(), "--bands", "0");
        assertEquals(2, u.code());
        assertTrue(u.err().contains("bands must be 1..256, got 0"), u.err());
    }

    @Test
    void outputsThatAreNoRegularFileOrAnInputAreRefusedBeforeAnyWork() throws IOException {
        Path stories = Files.copy(TestData.root().resolve("docs/examples/wire-stories.jsonl"), dir.resolve("w.jsonl"));
        byte[] storyBytes = Files.readAllBytes(stories);
        Path sub = Files.createDirectory(dir.resolve("sub"));
        Run r = run("index", "--data", stories.toString(), "--out", sub.toString());
        assertEquals(4, r.code(), r.err());
        assertTrue(r.err().contains(sub + ": is a directory"), r.err());
        assertTrue(Files.isDirectory(sub), "the directory was replaced");
        r = run("index", "--data", stories.toString(), "--out", dir.resolve("sub/../w.jsonl").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("is also an input (" + stories + ")"), r.err());
        assertArrayEquals(storyBytes, Files.readAllBytes(stories), "the index replaced its own corpus");
        if (Files.exists(Path.of("/dev/null"))) {
            r = run("index", "--data", stories.toString(), "--out", "/dev/null");
            assertTrue(r.err().contains("/dev/null: is not a regular file"), r.err());
        }
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "an index or a temporary directory was left behind");
        }

        Path idx = index();
        String posts = TestData.root().resolve("docs/examples/posts.jsonl").toString();
        r = run("match", "--index", idx.toString(), "--summary", idx.toString(), posts);
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--summary " + idx + " is also an input"), r.err());
        assertEquals("", r.out(), "the articles were matched before the summary was checked");
        r = run("match", "--index", idx.toString(), "--summary", sub.toString(), posts);
        assertEquals(4, r.code(), r.err());
        assertEquals("", r.out(), "the articles were matched before the summary was checked");
    }

    @Test
    void theIndexWriterRefusesATargetThatIsNoRegularFile() {
        FileSystemException e = assertThrows(FileSystemException.class,
                () -> new SourceIndexWriter(dir, IndexConfig.defaults()));
        assertTrue(e.getMessage().contains(dir + ": is a directory"), e.getMessage());
    }
}
