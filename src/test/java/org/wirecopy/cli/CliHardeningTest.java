package org.wirecopy.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirecopy.TestData;
import org.wirecopy.model.ModelIO;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The command line under bad input and failing outputs: one line, the right exit code, nothing lost silently. */
class CliHardeningTest {

    @TempDir
    static Path dir;
    static Path model;
    static Path corpus;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WirecopyCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void setUp() throws Exception {
        model = dir.resolve("tiny.zip");
        ModelIO.save(TestData.tinyModel(), model);
        corpus = dir.resolve("c.jsonl");
        Files.copy(TestData.resource("tiny-corpus.jsonl"), corpus);
    }

    static Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    static void assertOneLine(Run r) {
        assertEquals(1, r.err().lines().count(), "one line expected:\n" + r.err());
        assertTrue(r.err().startsWith("error: ") || r.err().startsWith("internal error"), r.err());
    }

    static Path fifo(String name) throws Exception {
        Path f = dir.resolve(name);
        assumeTrue(new ProcessBuilder("mkfifo", f.toString()).start().waitFor() == 0, "mkfifo is not available");
        return f;
    }

    @Test
    void aWriteErrorOnStandardOutputEndsTheRunWithExit4() throws Exception {
        Path a = write("post.txt", "Headline\n\nFrom the AP:\n\nWASHINGTON (AP) - Text.\n");
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        for (String[] args : new String[][]{{"classify", "--model", model.toString(), "--format", "jsonl",
                a.toString()}, {"classify", "--model", model.toString(), corpus.toString()}}) {
            StringWriter err = new StringWriter();
            int code = WirecopyCli.run(new PrintWriter(new OutputStreamWriter(full, StandardCharsets.UTF_8), true),
                    new PrintWriter(err), args);
            assertEquals(ExitCodes.IO, code, err.toString());
            assertTrue(err.toString().contains("cannot write the results to standard output"), err.toString());
        }
    }

    @Test
    void everyThrowableBecomesOneLineAndItsExitCode() {
        record Case(Throwable t, int code, String text) {
        }
        for (Case c : new Case[]{
                new Case(new StackOverflowError(), ExitCodes.DATA, "nested too deeply"),
                new Case(new OutOfMemoryError("Java heap space"), ExitCodes.INTERNAL, "-Xmx"),
                new Case(new NullPointerException("x is null"), ExitCodes.INTERNAL, "internal error"),
                new Case(new AssertionError("boom"), ExitCodes.INTERNAL, "boom"),
                new Case(new java.io.UncheckedIOException(new IOException("disk\nfailed")), ExitCodes.IO, "disk | failed"),
                new Case(new IllegalArgumentException("bad\nvalue"), ExitCodes.USAGE, "bad | value")}) {
            StringWriter err = new StringWriter();
            assertEquals(c.code(), WirecopyCli.handle(c.t(), new PrintWriter(err), false), c.t().toString());
            assertEquals(1, err.toString().lines().count(), err.toString());
            assertTrue(err.toString().contains(c.text()), err.toString());
            StringWriter traced = new StringWriter();
            WirecopyCli.handle(c.t(), new PrintWriter(traced), true);
            assertTrue(traced.toString().lines().count() > 1, "--stacktrace prints the trace");
        }
        Run r = run("classify", "--stacktrace", "--model", dir.resolve("missing.zip").toString(), "x.txt");
        assertEquals(ExitCodes.IO, r.code());
        assertTrue(r.err().contains("\tat "), "trace with --stacktrace:\n" + r.err());
    }

    @Test
    void outEqualToAnInputIsRefusedBeforeTraining() throws Exception {
        byte[] before = Files.readAllBytes(corpus);
        Run r = run("train", "--data", corpus.toString(), "--out", dir.resolve(".").resolve("c.jsonl").toString());
        assertEquals(ExitCodes.USAGE, r.code(), r.err());
        assertOneLine(r);
        assertTrue(r.err().contains("is also an input"), r.err());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(corpus)), "the data was overwritten");
        r = run("evaluate", "--model", model.toString(), "--data", corpus.toString(), "--report-json",
                corpus.toString());
        assertEquals(ExitCodes.USAGE, r.code(), r.err());
        for (Path input : new Path[]{corpus, model}) {
            r = run("tune-threshold", "--model", model.toString(), "--data", corpus.toString(), "--output",
                    input.toString());
            assertEquals(ExitCodes.USAGE, r.code(), r.err());
            assertTrue(r.err().contains("--output " + input + " is also an input"), r.err());
        }
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(corpus)), "the data was overwritten");
    }

    @Test
    void outputsAreCheckedBeforeTheInputsAreRead() throws IOException {
        // the inputs are missing: had the verb started its work, the error would be about them
        String missing = dir.resolve("missing.jsonl").toString();
        Run r = run("tune-threshold", "--model", model.toString(), "--data", missing, "--output", dir.toString());
        assertEquals(ExitCodes.IO, r.code(), r.err());
        assertTrue(r.err().contains(dir + ": is a directory"), r.err());
        Path csvDir = Files.createDirectories(dir.resolve("summary.csv"));
        r = run("summarize", "--group-by", "style", "--output", csvDir.toString(), missing);
        assertEquals(ExitCodes.IO, r.code(), r.err());
        assertTrue(r.err().contains(csvDir + ": is a directory"), r.err());
    }

    @Test
    void nonRegularOutputsAreRefused() throws Exception {
        Path f = fifo("out.fifo");
        Run r = run("train", "--data", corpus.toString(), "--out", f.toString());
        assertEquals(ExitCodes.IO, r.code(), r.err());
        assertOneLine(r);
        assertTrue(r.err().contains(f + ": is not a regular file"), r.err());
        assertTrue(Files.exists(f) && !Files.isRegularFile(f), "the FIFO is still there");
        r = run("init-config", dir.toString());
        assertEquals(ExitCodes.USAGE, r.code(), "init-config refuses an existing path: " + r.err());
        r = run("evaluate", "--model", model.toString(), "--data", corpus.toString(), "--report-json", dir.toString());
        assertEquals(ExitCodes.IO, r.code(), r.err());
        assertTrue(r.err().contains("is a directory"), r.err());
        Path plain = write("plain.txt", "x");
        r = run("evaluate", "--model", model.toString(), "--data", corpus.toString(), "--report-dir", plain.toString());
        assertEquals(ExitCodes.IO, r.code(), r.err());
        assertTrue(r.err().contains(plain + ": exists and is not a directory"), r.err());
    }

    @Test
    void inputsThatAreNotFilesSayWhatTheyAre() throws Exception {
        // a folder is read file by file (issue 9); one with no matching file says so
        Run r = run("classify", "--model", model.toString(), "--include", "*.none", dir.toString());
        assertEquals(ExitCodes.USAGE, r.code(), r.err());
        assertOneLine(r);
        assertTrue(r.err().contains("folder " + dir + " holds no file matching --include '*.none'"), r.err());
        r = run("classify", "--model", dir.toString(), corpus.toString());
        assertEquals(ExitCodes.MODEL, r.code(), r.err());
        assertTrue(r.err().contains("is a directory, not a model file"), r.err());
        r = run("validate-data", dir.toString());
        assertEquals(ExitCodes.IO, r.code(), r.err());
        assertTrue(r.err().contains("is a directory"), r.err());
    }

    @Test
    void devicesAreReadOnlyUpToTheLimit() {
        assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero");
        Run r = run("classify", "--model", model.toString(), "--input-format", "text", "/dev/zero");
        assertEquals(ExitCodes.DATA, r.code(), r.err());
        assertOneLine(r);
        assertTrue(r.err().contains("/dev/zero: input is over the"), r.err());
    }

    @Test
    void usageErrorsAreOneLine() {
        for (String[] args : new String[][]{
                {"validate-data", "--labels", "", corpus.toString()},
                {"classify", "--model", model.toString(), "--threads", "-5", corpus.toString()},
                {"classify", "--model", model.toString(), "--explain", "--top", "-1", corpus.toString()},
                {"classify", "--model", model.toString(), "--min-confidence", "NaN", corpus.toString()},
                {"validate-data", "--encoding", "UTF-16", corpus.toString()}}) {
            Run r = run(args);
            assertEquals(ExitCodes.USAGE, r.code(), String.join(" ", args) + "\n" + r.err());
            assertOneLine(r);
        }
        assertTrue(run("validate-data", "--encoding", "UTF-16", corpus.toString()).err().contains("iconv"));
    }

    @Test
    void jsonlIsStrict() throws Exception {
        String good = "{\"id\": \"a\", \"paragraphs\": [{\"text\": \"From the AP:\", \"label\": \"COMMENTARY\"}]}";
        Path f = write("loose.jsonl", good + "\n"
                + good.replace("\"a\"", "\"b\"") + good.replace("\"a\"", "\"c\"") + "\n"
                + good.replace("\"a\"", "\"d\"") + " trailing\n"
                + good.replace("\"a\"", "\"e\", \"id\": \"e2\"") + "\n");
        Run r = run("validate-data", f.toString());
        assertEquals(ExitCodes.DATA, r.code(), r.err());
        String all = r.out() + r.err();
        assertTrue(all.contains(f + ":2: not valid JSON at column 77: a second JSON value"), all);
        // the start of the stray token "trailing" (Jackson 2.21; 2.18 gave the column after its end, 86)
        assertTrue(all.contains(f + ":3: not valid JSON at column 78"), all);
        assertTrue(all.contains(f + ":4: not valid JSON at column 17: Duplicate field 'id'"), all);
        assertFalse(all.contains(f + ":1"), all);
    }

    @Test
    void outOfRangeEntitiesAreText() throws Exception {
        Path f = write("ent.jsonl",
                "{\"id\": \"a\", \"paragraphs\": [{\"text\": \"x &#x110000; y\", \"label\": \"COMMENTARY\"}]}\n"
                        + "{\"id\": \"b\", \"paragraphs\": [{\"text\": \"after &#1114112;\", \"label\": \"COMMENTARY\"}]}\n");
        Run r = run("classify", "--model", model.toString(), "--format", "jsonl", f.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(2, r.out().lines().count(), r.out());
        Path t = write("ent.txt", "A line &#x110000;\nAnother &#1114112; line\n");
        r = run("classify", "--model", model.toString(), t.toString());
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void aTooLongJsonlLineIsALocatedDataError() throws Exception {
        Path f = dir.resolve("long.jsonl");
        try (OutputStream o = Files.newOutputStream(f)) {
            o.write("{\"id\": \"a\", \"paragraphs\": [{\"text\": \"ok\", \"label\": \"COMMENTARY\"}]}\n"
                    .getBytes(StandardCharsets.UTF_8));
            byte[] chunk = new byte[1 << 20];
            java.util.Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i < 65; i++) o.write(chunk);
        }
        Run r = run("validate-data", f.toString());
        assertEquals(ExitCodes.DATA, r.code(), r.err());
        assertTrue(r.err().contains(f + ":2") && r.err().contains("longer than"), r.err());
        Files.delete(f);
    }

    @Test
    void dataErrorsInTheFurnitureAndConfigFilesExitWith3NamingFileLineAndField() throws Exception {
        Path furniture = write("bad-furniture.jsonl", "{\"id\":\"a\",\"kind\":\"nav\",\"site\":\"moon\","
                + "\"position\":\"top\",\"blocks\":[{\"text\":\"Home\"}]}\n");
        Run r = run("train", "--data", corpus.toString(), "--out", dir.resolve("f.zip").toString(), "--epochs", "1",
                "--furniture", furniture.toString());
        assertEquals(ExitCodes.DATA, r.code(), r.err());
        assertTrue(r.err().startsWith("error: " + furniture + ":1: site: is 'moon' (use one of [news, opinion, "
                + "blog, any])"), r.err());
        assertFalse(r.err().contains("training on"), "the furniture is checked before the corpus is read:\n" + r.err());
        for (String[] bad : new String[][]{
                {"{\n  \"training\": {\"epochs\": 0}\n}", ":2: training.epochs: epochs must be in 1..1000, got 0"},
                {"{\"training\": {\"epoch\": 3}}", ":1: training.epoch: unknown key (did you mean 'epochs'?"},
                {"{\"folds\":\n \"x\"}", ":1: folds: "},
                {"{oops", ":1: not valid JSON at column 2"}}) {
            Path config = write("bad-config.json", bad[0]);
            for (String[] verb : new String[][]{{"train", "--out", dir.resolve("c.zip").toString()},
                    {"cross-validate", "--folds", "2"}}) {
                java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(verb));
                args.addAll(java.util.List.of("--data", corpus.toString(), "--epochs", "1", "--config",
                        config.toString()));
                r = run(args.toArray(new String[0]));
                assertEquals(ExitCodes.DATA, r.code(), args + "\n" + r.err());
                assertTrue(r.err().startsWith("error: " + config + bad[1]), bad[0] + "\n" + r.err());
            }
        }
    }

    @Test
    void vectorsAndSummariesAreReadBoundedAndTheirDataErrorsExitWith3() throws Exception {
        Path vectors = write("bad.vec", "WCVEC but not vectors");
        Run r = run("train", "--data", corpus.toString(), "--out", dir.resolve("v.zip").toString(), "--epochs", "1",
                "--vectors", vectors.toString());
        assertEquals(ExitCodes.DATA, r.code(), r.err());
        assertTrue(r.err().startsWith("error: " + vectors + ": malformed vectors at byte 5: format version"),
                r.err());
        assertTrue(r.err().contains("give a file written by org.wirecopy.distill.Distill"), r.err());
        assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero");
        org.wirecopy.io.LimitExceededException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.wirecopy.io.LimitExceededException.class,
                () -> TrainCommand.readVectors(Path.of("/dev/zero"), 1 << 20));
        assertTrue(e.getMessage().startsWith("/dev/zero: more than 1048576 bytes; a vectors file holds"),
                e.getMessage());
        Path zero = dir.resolve("zero.csv");
        if (!Files.exists(zero)) Files.createSymbolicLink(zero, Path.of("/dev/zero"));
        r = run("summarize", "--group-by", "style", zero.toString());
        assertEquals(ExitCodes.DATA, r.code(), r.err());
        assertOneLine(r);
        assertTrue(r.err().startsWith("error: " + zero + ":1: line is longer than 1048576 bytes"), r.err());
        Path bad = write("bad-summary.csv", "id,share_A\nx,oops\n");
        r = run("summarize", "--group-by", "style", bad.toString());
        assertEquals(ExitCodes.DATA, r.code(), r.err());
        assertTrue(r.err().startsWith("error: " + bad + ":2: share_A: 'oops' is not a number"), r.err());
    }
}
