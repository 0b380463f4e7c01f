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
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        Run summary = run("classify", "--index", idx.toString(), "--summary", dir.resolve("s.csv").toString(), posts);
        assertEquals(2, summary.code(), "options the matcher cannot honour are refused, not ignored");
        assertTrue(summary.err().contains("--summary"), summary.err());
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
}
