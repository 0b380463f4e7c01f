package org.wirecopy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirecopy.TestData;
import org.wirecopy.model.ModelIO;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliTest {

    @TempDir
    static Path dir;
    static Path model;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WirecopyCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void saveModel() throws Exception {
        model = dir.resolve("tiny.zip");
        ModelIO.save(TestData.tinyModel(), model);
    }

    @Test
    void networksReadsTheFirstMembersOfASeedEnsemble() throws Exception {
        org.wirecopy.model.Model one = TestData.tinyModel();
        org.wirecopy.network.NetworkWeights other = org.wirecopy.train.Calibrator.scaled(one.weights(), 3.0);
        Path two = dir.resolve("two.zip");
        ModelIO.save(new org.wirecopy.model.Model(one.labels(), one.features(), one.network(),
                org.wirecopy.network.NetworkWeights.ensemble(List.of(one.weights(), other)), one.dl4jConfiguration(),
                one.provenance(), one.vectors()), two);
        Path f = dir.resolve("n.txt");
        Files.writeString(f, "Headline\n\nFrom the AP:\n\nWASHINGTON (AP) \u2014 Text.\n\nAdvertisement\n",
                StandardCharsets.UTF_8);
        Run single = run("classify", "--model", model.toString(), "--format", "jsonl", f.toString());
        Run first = run("classify", "--model", two.toString(), "--networks", "1", "--format", "jsonl", f.toString());
        Run both = run("classify", "--model", two.toString(), "--format", "jsonl", f.toString());
        assertEquals(0, first.code(), first.err());
        assertEquals(single.out(), first.out(), "--networks 1 reads the first network only");
        assertNotEquals(single.out(), both.out(), "by default both networks are averaged");
        Run bad = run("classify", "--model", two.toString(), "--networks", "3", f.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--networks must be in 1..2"), bad.err());
    }

    @Test
    void classifyJsonlGivesEveryFieldForEveryParagraph() throws Exception {
        Path f = dir.resolve("a.txt");
        Files.writeString(f, "Headline\n\nFrom the AP:\n\nWASHINGTON (AP) \u2014 Text.\n\nAdvertisement\n",
                StandardCharsets.UTF_8);
        Run r = run("classify", "--model", model.toString(), "--format", "jsonl", f.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(4, lines.size());
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < 4; i++) {
            JsonNode n = json.readTree(lines.get(i));
            assertEquals(i, n.get("index").asInt());
            assertTrue(List.of("REPORTING", "COMMENTARY", "BOILERPLATE").contains(n.get("label").asText()));
            assertEquals(3, n.get("scores").size());
            assertTrue(n.get("end").asInt() > n.get("start").asInt());
            assertTrue(n.has("text"));
        }
    }

    @Test
    void classifyWritesCsvAndHtml() throws Exception {
        Path f = dir.resolve("b.txt");
        Files.writeString(f, "Headline, with comma\nAdvertisement\n");
        Run csv = run("classify", "--model", model.toString(), "--format", "csv", f.toString());
        assertEquals(0, csv.code(), csv.err());
        assertTrue(csv.out().startsWith("article,index,label,score_REPORTING,score_COMMENTARY,score_BOILERPLATE"));
        assertTrue(csv.out().contains("\"Headline, with comma\""), csv.out());
        Run html = run("classify", "--model", model.toString(), "--format", "html", f.toString());
        assertTrue(html.out().contains("<!DOCTYPE html>") && html.out().contains("Advertisement"));
    }

    @Test
    void classifyJsonlCorpusStreamsArticlesWithIds() {
        Run r = run("classify", "--model", model.toString(), "--format", "jsonl",
                TestData.resource("tiny-corpus.jsonl").toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(42, r.out().lines().count());
        assertTrue(r.out().lines().findFirst().orElseThrow().startsWith("{\"article\":\"t1\",\"index\":0"));
    }

    @Test
    void aBadLineAmongManyIsReportedWithItsLineNumberAndTheRestComeInOrderOnAnyThreads() throws Exception {
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            lines.add(i == 211 ? "{\"id\": \"broken\", \"paragraphs\": [" : "{\"id\": \"a" + i
                    + "\", \"paragraphs\": [{\"text\": \"The council met on day " + i + ".\"}, {\"text\": "
                    + "\"Officials said the budget would pass.\"}]}");
        }
        Path f = dir.resolve("many.jsonl");
        Files.write(f, lines, StandardCharsets.UTF_8);
        Run one = run("classify", "--model", model.toString(), "--format", "jsonl", "--threads", "1", f.toString());
        Run three = run("classify", "--model", model.toString(), "--format", "jsonl", "--threads", "3", f.toString());
        for (Run r : List.of(one, three)) {
            assertEquals(ExitCodes.DATA, r.code(), r.err());
            assertTrue(r.err().contains("many.jsonl:212: not valid JSON"), r.err());
            List<String> ids = r.out().lines().map(l -> l.substring(12, l.indexOf('"', 12))).distinct().toList();
            assertEquals(299, ids.size());
            assertEquals("a0", ids.get(0));
            assertEquals("a210", ids.get(210));
            assertEquals("a212", ids.get(211));
            assertEquals("a299", ids.get(298));
        }
        assertEquals(one.out(), three.out());
    }

    @Test
    void exitCodesSayWhatWentWrong() throws Exception {
        assertEquals(ExitCodes.IO, run("classify", "--model", model.toString(), dir.resolve("nope.txt").toString()).code());
        Path bin = dir.resolve("x.bin");
        Files.write(bin, new byte[]{1, 2, 0, 3});
        Run b = run("classify", "--model", model.toString(), bin.toString());
        assertEquals(ExitCodes.DATA, b.code());
        assertTrue(b.err().contains("binary"), b.err());
        Path notModel = dir.resolve("m.zip");
        Files.writeString(notModel, "nope");
        Run m = run("inspect", "--model", notModel.toString());
        assertEquals(ExitCodes.MODEL, m.code());
        assertTrue(m.err().contains("not a wirecopy model"), m.err());
        assertEquals(ExitCodes.USAGE, run("classify", "--no-such-option", "x").code());
        assertEquals(ExitCodes.USAGE, run("train", "--data", "x.jsonl", "--out", "y", "--epochs", "0").code());
    }

    @Test
    void emptyInputWarnsAndSucceeds() throws Exception {
        Path f = dir.resolve("empty.txt");
        Files.writeString(f, "  \n\n");
        Run r = run("classify", "--model", model.toString(), f.toString());
        assertEquals(0, r.code());
        assertTrue(r.out().strip().startsWith("REPORTING 0 (0% of text)"), r.out());
        assertTrue(r.err().contains("no paragraphs"), r.err());
    }

    @Test
    void validateDataListsEveryProblemAtOnce() throws Exception {
        Path f = dir.resolve("bad.jsonl");
        Files.writeString(f, "{\"id\":\"a\",\"paragraphs\":[{\"text\":\"x\",\"label\":\"NOPE\"}]}\n"
                + "not json\n{\"id\":\"b\",\"paragraphs\":[{\"text\":\"\",\"label\":\"REPORTING\"}]}\n");
        Run r = run("validate-data", f.toString());
        assertEquals(ExitCodes.DATA, r.code());
        assertTrue(r.out().contains("bad.jsonl:1: paragraphs[0].label: unknown label 'NOPE'"), r.out());
        assertTrue(r.out().contains("bad.jsonl:2: not valid JSON"), r.out());
        assertTrue(r.out().contains("bad.jsonl:3: paragraphs[0].text: empty text"), r.out());
        Run ok = run("validate-data", TestData.resource("tiny-corpus.jsonl").toString());
        assertEquals(0, ok.code(), ok.out());
        assertTrue(ok.out().contains("ok, 6 articles, 42 paragraphs"), ok.out());
    }

    @Test
    void fitThresholdsIsReportedAndItsMisuseNamesTheOption() throws Exception {
        Path data = TestData.resource("tiny-corpus.jsonl");
        Path out = dir.resolve("fitted.zip");
        Run t = run("train", "--data", data.toString(), "--dev", data.toString(), "--out", out.toString(),
                "--epochs", "2", "--hash-bits", "10", "--hidden", "8", "--recurrent", "4", "--fit-thresholds");
        assertEquals(0, t.code(), t.err());
        assertTrue(t.err().contains("decision fitted on dev: log-score biases"), t.err());
        assertTrue(t.err().contains("with thresholds fitted on the other folds of dev"), t.err());
        Run noDev = run("train", "--data", data.toString(), "--out", dir.resolve("x.zip").toString(),
                "--fit-thresholds");
        assertNotEquals(0, noDev.code());
        assertTrue(noDev.err().contains("--fit-thresholds") && noDev.err().contains("--dev"), noDev.err());
        Run bad = run("train", "--data", data.toString(), "--out", dir.resolve("y.zip").toString(),
                "--fit-thresholds=maybe");
        assertNotEquals(0, bad.code());
        assertTrue(bad.err().contains("--fit-thresholds"), bad.err());
        assertTrue(!Files.exists(dir.resolve("x.zip")) && !Files.exists(dir.resolve("y.zip")));
    }

    /** Typography cues are on by default (feature set v4) and --no-typography trains feature set v2. */
    @Test
    void typographyIsTheDefaultFeatureSetAndCanBeLeftOut() throws Exception {
        Path data = TestData.resource("tiny-corpus.jsonl");
        for (String flag : List.of("--typography", "--no-typography")) {
            Path out = dir.resolve("typo" + flag + ".zip");
            Run t = run("train", "--data", data.toString(), "--out", out.toString(), "--epochs", "1",
                    "--hash-bits", "10", "--hidden", "8", "--recurrent", "4", flag);
            assertEquals(0, t.code(), t.err());
            String version = org.wirecopy.model.ModelIO.load(out).features().version();
            assertEquals(flag.equals("--typography") ? org.wirecopy.features.FeatureConfig.V4
                    : org.wirecopy.features.FeatureConfig.V2, version, flag);
        }
        assertEquals(org.wirecopy.features.FeatureConfig.V4, org.wirecopy.features.FeatureConfig.CURRENT_VERSION);
    }

    @Test
    void trainOnBadDataExitsWithDataCodeAndWritesNothing() throws Exception {
        Path f = dir.resolve("bad-train.jsonl");
        Files.writeString(f, "{\"id\":\"a\",\"paragraphs\":[{\"text\":\"x\"}]}\n");
        Path out = dir.resolve("never.zip");
        Run r = run("train", "--data", f.toString(), "--out", out.toString());
        assertEquals(ExitCodes.DATA, r.code());
        assertTrue(r.err().contains("bad-train.jsonl:1: paragraphs[0].label: missing label"), r.err());
        assertTrue(!Files.exists(out));
    }

    @Test
    void trainEvaluateAndInspectWorkTogether() throws Exception {
        Path out = dir.resolve("trained.zip");
        Path data = TestData.resource("tiny-corpus.jsonl");
        Run t = run("train", "--data", data.toString(), "--dev", data.toString(), "--out", out.toString(),
                "--epochs", "3", "--hash-bits", "10", "--hidden", "8", "--recurrent", "4");
        assertEquals(0, t.code(), t.err());
        assertTrue(t.err().contains("epoch 3/3"), t.err());
        Path report = dir.resolve("report.json");
        Run e = run("evaluate", "--model", out.toString(), "--data", data.toString(), "--report-json",
                report.toString());
        assertEquals(0, e.code(), e.err());
        assertTrue(e.out().contains("macro-F1") && e.out().contains("confusion"), e.out());
        JsonNode rep = new ObjectMapper().readTree(report.toFile());
        assertTrue(rep.get("macroF1").isNumber());
        assertEquals(42, rep.get("paragraphs").asInt());
        assertTrue(rep.path("provenance").path("trainingDataSha256").asText().length() == 64);
        Run i = run("inspect", "--model", out.toString());
        assertEquals(0, i.code(), i.err());
        assertTrue(i.out().contains("wirecopy.bilstm.v1") && i.out().contains("trainingDataSha256"), i.out());
    }

    @Test
    void helpShowsEveryDefault() {
        Run r = run("train", "--help");
        assertEquals(0, r.code());
        String help = r.out().replaceAll("\\s+", " ");
        for (String s : new String[]{"Default: 30", "Default: 20260901", "Default: BILSTM", "Default: 12"}) {
            assertTrue(help.contains(s), s + " missing in\n" + r.out());
        }
    }

    @Test
    void explainAndMinConfidenceShowInTheOutput() throws Exception {
        Path f = dir.resolve("e.txt");
        Files.writeString(f, "Headline\nFrom the AP:\nWASHINGTON (AP) \u2014 Text, officials said.\nAdvertisement\n");
        Run r = run("classify", "--model", model.toString(), "--format", "jsonl", "--explain", "--top", "2",
                "--min-confidence", "1.0", f.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode first = new ObjectMapper().readTree(r.out().lines().findFirst().orElseThrow());
        assertTrue(first.get("uncertain").asBoolean());
        assertEquals(3, first.get("explanation").size());
        for (JsonNode list : first.get("explanation")) assertTrue(list.size() <= 2);
        java.util.Set<String> sources = new java.util.TreeSet<>();
        for (String line : r.out().lines().toList()) {
            for (JsonNode list : new ObjectMapper().readTree(line).get("explanation")) {
                for (JsonNode c : list) {
                    String source = c.get("source").asText();
                    sources.add(source);
                    assertEquals(source.equals("neighbour"), c.has("offset"), c.toString());
                }
            }
        }
        assertTrue(java.util.Set.of("paragraph", "neighbour", "article").containsAll(sources), sources.toString());
        Run text = run("classify", "--model", model.toString(), "--explain", f.toString());
        assertTrue(text.out().contains("toward REPORTING"), text.out());
        assertTrue(text.out().matches("(?s).*toward \\S+ +\\S+ \\((paragraph|article|neighbour [+-]\\d)\\) [+-]\\d.*"),
                text.out());
    }

    @Test
    void crossValidateWritesFoldsAndReportsAndInitConfigFeedsIt() throws Exception {
        Path config = dir.resolve("exp.json");
        assertEquals(0, run("init-config", config.toString()).code());
        assertEquals(ExitCodes.USAGE, run("init-config", config.toString()).code(), "never overwrites");
        String data = TestData.resource("tiny-corpus.jsonl").toString();
        Path folds = dir.resolve("folds.tsv");
        Path reports = dir.resolve("cv");
        Run r = run("cross-validate", "--config", config.toString(), "--data", data, "--folds", "3", "--epochs", "2",
                "--hash-bits", "10", "--hidden", "8", "--recurrent", "4", "--folds-out", folds.toString(),
                "--report-dir", reports.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("macroF1") && r.out().contains("±"), r.out());
        assertEquals(7, Files.readAllLines(folds).size(), "header and six articles");
        assertTrue(Files.exists(reports.resolve("report.md")) && Files.exists(reports.resolve("confusion.png")));
        Run again = run("cross-validate", "--config", config.toString(), "--data", data, "--epochs", "2",
                "--hash-bits", "10", "--hidden", "8", "--recurrent", "4", "--folds-in", folds.toString());
        assertEquals(r.out(), again.out(), "same configuration, seed and folds give the same figures");
    }

    @Test
    void tuneThresholdPrintsTheThreshold() {
        String data = TestData.resource("tiny-corpus.jsonl").toString();
        Run r = run("tune-threshold", "--model", model.toString(), "--data", data, "--label", "BOILERPLATE",
                "--precision", "0.9");
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("min confidence") && r.out().contains("classify --min-confidence"), r.out());
    }
}
