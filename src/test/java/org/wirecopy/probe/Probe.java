package org.wirecopy.probe;

import org.wirecopy.cli.WirecopyCli;
import org.wirecopy.model.ModelIO;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A black-box probe of the command line with bad and extreme inputs: every verb that reads data or a model gets every
 * bad file, and every option its bad values. Each run is bounded in time (60 s) and runs in-process through
 * {@link WirecopyCli#run(PrintWriter, PrintWriter, String...)}. Outcomes:
 * <ul>
 *   <li><b>clean error</b>: exit 2..5 and every stderr line is {@code error: ...} with the place (or a problem
 *   count line);</li>
 *   <li><b>defined result</b>: exit 0 (or 3 with located per-line problems and output for the good lines);</li>
 *   <li><b>defect</b>: exit 1, a stack trace or unlocated message, a timeout, or an exit code the case forbids.</li>
 * </ul>
 * Writes a Markdown table to the file given as the first argument and prints the totals. Run:
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) org.wirecopy.probe.Probe docs/probe-table.md}
 */
public final class Probe {

    record Case(String group, String what, String[] args, String stdin) {
    }

    record Outcome(Case c, int code, String err, String outHead, String verdict) {
    }

    private Probe() {
    }

    static Path dir;
    static String model;

    public static void main(String[] args) throws Exception {
        dir = Files.createTempDirectory("wirecopy-probe");
        model = dir.resolve("model.zip").toString();
        Files.copy(Probe.class.getResourceAsStream("/org/wirecopy/golden/tiny-model-v2.zip"), Path.of(model));
        List<Case> cases = cases();
        List<Outcome> outcomes = new ArrayList<>();
        ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(null, r, "probe", 512L << 10);
            t.setDaemon(true);
            return t;
        });
        for (Case c : cases) outcomes.add(run(runner, c));
        Map<String, Integer> totals = new LinkedHashMap<>();
        StringBuilder md = new StringBuilder();
        md.append("| # | group | input | command | exit | outcome | first line of stderr |\n|---:|---|---|---|---:|---|---|\n");
        int i = 0;
        for (Outcome o : outcomes) {
            totals.merge(o.verdict(), 1, Integer::sum);
            String first = o.err().lines().findFirst().orElse(o.outHead().lines().findFirst().orElse(""));
            first = first.replace(dir.toString(), "DIR").replace("|", "\\|");
            if (first.length() > 160) first = first.substring(0, 157) + "...";
            String cmd = String.join(" ", o.c().args()).replace(dir.toString(), "DIR").replace("|", "\\|");
            if (cmd.length() > 90) cmd = cmd.substring(0, 87) + "...";
            md.append(String.format(Locale.ROOT, "| %d | %s | %s | `%s` | %d | %s | %s |%n", ++i, o.c().group(),
                    o.c().what().replace("|", "\\|"), cmd, o.code(), o.verdict(), first));
        }
        String head = "Totals: " + outcomes.size() + " runs: " + totals + "\n\n";
        Files.writeString(Path.of(args[0]), head + md, StandardCharsets.UTF_8);
        System.out.print(head);
        for (Outcome o : outcomes) {
            if (o.verdict().equals("defect")) {
                System.out.println("DEFECT " + o.c().what() + " " + String.join(" ", o.c().args()) + "\n  exit "
                        + o.code() + "\n  " + o.err().replace("\n", "\n  "));
            }
        }
        System.exit(0);
    }

    static Outcome run(ExecutorService runner, Case c) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Future<Integer> f = runner.submit(() -> {
            java.io.InputStream saved = System.in;
            if (c.stdin() != null) System.setIn(new java.io.ByteArrayInputStream(c.stdin().getBytes(StandardCharsets.UTF_8)));
            try {
                return WirecopyCli.run(new PrintWriter(out), new PrintWriter(err), c.args());
            } finally {
                System.setIn(saved);
            }
        });
        int code;
        try {
            code = f.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            f.cancel(true);
            return new Outcome(c, -1, "timed out after 60 s", "", "defect");
        } catch (Exception e) {
            return new Outcome(c, -2, "escaped: " + e, "", "defect");
        }
        String e = err.toString();
        String o = out.toString();
        o = o.length() > 300 ? o.substring(0, 300) : o;
        String v = verdict(code, e);
        return new Outcome(c, code, e, o, v);
    }

    static String verdict(int code, String err) {
        if (code == 1 || code < 0) return "defect";
        boolean located = true;
        for (String line : err.lines().toList()) {
            if (line.isBlank()) continue;
            boolean ok = line.startsWith("error: ") || line.startsWith("warning: ") || line.startsWith("classified ")
                    || line.matches("\\d+ problems?; nothing was written") || line.startsWith("training on ")
                    || line.startsWith("epoch ") || line.startsWith("trained in ") || line.startsWith("fold ")
                    || line.startsWith("wrote ") || line.matches("^\\S+: \\d+ problems?$")
                    || line.contains(" INFO ") || line.contains(" WARN ");
            if (!ok || line.startsWith("\tat ")) located = false;
        }
        if (!located) return "defect";
        return code == 0 ? "defined result" : "clean error";
    }

    // ------------------------------------------------------------------ inputs

    static Path file(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    static Path file(String name, String text) throws IOException {
        return file(name, text.getBytes(StandardCharsets.UTF_8));
    }

    static String jsonl(String id, String text, String label) {
        return "{\"id\": \"" + id + "\", \"paragraphs\": [{\"text\": \"" + text + "\", \"label\": \"" + label + "\"}]}";
    }

    static String good(int n) {
        StringBuilder b = new StringBuilder();
        String[] t = {"From the AP:", "WASHINGTON (AP) - The vote slipped on Tuesday, officials said.", "What a mess.",
                "Advertisement"};
        String[] l = {"COMMENTARY", "REPORTING", "COMMENTARY", "BOILERPLATE"};
        for (int i = 0; i < n; i++) {
            b.append("{\"id\": \"g").append(i).append("\", \"paragraphs\": [");
            for (int k = 0; k < 4; k++) {
                if (k > 0) b.append(", ");
                b.append("{\"text\": \"").append(t[(i + k) % 4]).append(" ").append(i).append("\", \"label\": \"")
                        .append(l[(i + k) % 4]).append("\"}");
            }
            b.append("]}\n");
        }
        return b.toString();
    }

    static List<Case> cases() throws Exception {
        Map<String, Path> articles = new LinkedHashMap<>();
        articles.put("empty file", file("empty.txt", ""));
        articles.put("whitespace only", file("ws.txt", " \n\t\r\n \u00A0\u2028\n"));
        articles.put("BOM only", file("bom.txt", new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}));
        articles.put("NUL byte", file("nul.txt", "text\0more\n"));
        articles.put("lone continuation byte", file("cont.txt", new byte[]{'a', (byte) 0x80, 'b', '\n'}));
        articles.put("overlong UTF-8", file("overlong.txt", new byte[]{(byte) 0xC0, (byte) 0xAF, '\n'}));
        articles.put("truncated multibyte at end", file("trunc.txt", new byte[]{'a', (byte) 0xE2, (byte) 0x80}));
        articles.put("encoded surrogate", file("sur.txt", new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80, '\n'}));
        articles.put("UTF-16LE with BOM", file("u16.txt", "\uFEFFHello world\nSecond line\n".getBytes(StandardCharsets.UTF_16LE)));
        articles.put("Latin-1 bytes", file("latin1.txt", "Caf\u00e9 na\u00efve\n".getBytes(StandardCharsets.ISO_8859_1)));
        articles.put("one 2 MB line", file("longline.txt", "word ".repeat(400_000)));
        articles.put("50,000 short lines", file("manylines.txt", "Line of text.\n".repeat(50_000)));
        articles.put("CR-only line ends", file("cr.txt", "One para.\rTwo para.\rThree.\r"));
        articles.put("CRLF and blank-line blocks", file("crlf.txt", "Para one\r\nstill one\r\n\r\nPara two\r\n"));
        articles.put("control characters", file("ctl.txt", "a\u0001b\u0007c\u001b[31m red\u001b[0m\n\u007f\n"));
        articles.put("emoji, RTL and combining marks", file("uni.txt", "\uD83D\uDE00 \u05E9\u05DC\u05D5\u05DD e\u0301\u0301\u0301\n"));
        articles.put("entity out of range (hex)", file("ent1.txt", "Text &#x110000; here\n"));
        articles.put("entity out of range (decimal)", file("ent2.txt", "Text &#1114112; here\n"));
        articles.put("entity overflowing an int", file("ent3.txt", "Text &#99999999999999; &#xFFFFFFFFFF;\n"));
        articles.put("double-escaped entity", file("ent4.txt", "&amp;lt;b&amp;gt; stays text\n"));
        articles.put("malformed entities", file("ent5.txt", "&; &#; &#x; &#xZZ; &nosuch; & amp;\n"));
        articles.put("HTML with inline tag only", file("inline.txt", "Read more <a href=\"x\">here</a>.\nSecond line.\nThird.\n"));
        articles.put("text mentioning <br>", file("br.txt", "Use <br> for breaks.\nAnother line.\n"));
        articles.put("unclosed HTML", file("unclosed.html", "<html><body><p>one<p>two<div><blockquote>three"));
        articles.put("HTML script and style only", file("script.html", "<html><script>var a=1;</script><style>p{}</style></html>"));
        articles.put("HTML comments only", file("comment.html", "<!-- nothing --><!-- <p>hidden</p> -->"));
        articles.put("HTML 200 nested blockquotes", file("bq.html", "<blockquote>".repeat(200) + "deep" + "</blockquote>".repeat(200)));
        articles.put("HTML 20,000 nested divs", file("nested.html", "<div>".repeat(20_000) + "x"));
        articles.put("HTML 1 MB attribute", file("attr.html", "<p title=\"" + "a".repeat(1 << 20) + "\">text</p>"));
        articles.put("HTML 20,000 <p>", file("manyp.html", "<p>Some paragraph text.</p>\n".repeat(20_000)));
        articles.put("HTML over the tag limit (100,001 tags)", file("tags.html", "<html><body>" + "<b>x</b>".repeat(99_999)));
        articles.put("HTML 10,000 elements nested in <b>s", file("formatting.html", "<b id=1><b id=2><b id=3><i><u><s>"
                + "<p>reconstructed formatting</p>".repeat(10_000)));
        articles.put("binary (gzip header)", file("bin.gz", new byte[]{0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3}));
        articles.put("directory", dir);
        articles.put("missing file", dir.resolve("no-such-file.txt"));
        if (Files.exists(Path.of("/dev/null"))) articles.put("/dev/null", Path.of("/dev/null"));
        if (Files.exists(Path.of("/dev/zero"))) articles.put("/dev/zero", Path.of("/dev/zero"));
        Path fifoDir = dir.resolve("fifo-out");

        Map<String, Path> corpora = new LinkedHashMap<>();
        corpora.put("good corpus", file("good.jsonl", good(20)));
        corpora.put("not JSON", file("c1.jsonl", "this is not json\n"));
        corpora.put("JSON array line", file("c2.jsonl", "[1, 2, 3]\n"));
        corpora.put("two objects on a line", file("c3.jsonl", jsonl("a", "x", "COMMENTARY") + jsonl("b", "y", "REPORTING") + "\n"));
        corpora.put("trailing garbage", file("c4.jsonl", jsonl("a", "x", "COMMENTARY") + " garbage\n"));
        corpora.put("duplicate key", file("c5.jsonl", "{\"id\": \"a\", \"id\": \"b\", \"paragraphs\": [{\"text\": \"x\", \"label\": \"COMMENTARY\"}]}\n"));
        corpora.put("missing paragraphs", file("c6.jsonl", "{\"id\": \"a\"}\n"));
        corpora.put("paragraphs not an array", file("c7.jsonl", "{\"id\": \"a\", \"paragraphs\": \"x\"}\n"));
        corpora.put("empty paragraphs", file("c8.jsonl", "{\"id\": \"a\", \"paragraphs\": []}\n"));
        corpora.put("text not a string", file("c9.jsonl", "{\"id\": \"a\", \"paragraphs\": [{\"text\": 5, \"label\": \"COMMENTARY\"}]}\n"));
        corpora.put("label not a string", file("c10.jsonl", "{\"id\": \"a\", \"paragraphs\": [{\"text\": \"x\", \"label\": 5}]}\n"));
        corpora.put("unknown label", file("c11.jsonl", jsonl("a", "x", "OPINION") + "\n"));
        corpora.put("null label", file("c12.jsonl", "{\"id\": \"a\", \"paragraphs\": [{\"text\": \"x\", \"label\": null}]}\n"));
        corpora.put("blank text", file("c13.jsonl", jsonl("a", "   ", "COMMENTARY") + "\n"));
        corpora.put("id is an object", file("c14.jsonl", "{\"id\": {}, \"paragraphs\": [{\"text\": \"x\", \"label\": \"COMMENTARY\"}]}\n"));
        corpora.put("duplicate ids", file("c15.jsonl", jsonl("a", "x", "COMMENTARY") + "\n" + jsonl("a", "y", "REPORTING") + "\n"));
        corpora.put("entity out of range in a corpus", file("c16.jsonl", jsonl("a", "x &#x110000;", "COMMENTARY") + "\n" + good(3)));
        corpora.put("invalid UTF-8 in a line", file("c17.jsonl", ("{\"id\": \"a\", \"paragraphs\": [{\"text\": \"caf\u00e9\", \"label\": \"COMMENTARY\"}]}\n").getBytes(StandardCharsets.ISO_8859_1)));
        corpora.put("NUL in a corpus", file("c18.jsonl", jsonl("a", "x", "COMMENTARY") + "\0\n"));
        corpora.put("deeply nested JSON", file("c19.jsonl", "[".repeat(5000) + "]".repeat(5000) + "\n"));
        corpora.put("huge number", file("c20.jsonl", "{\"id\": 1e999999, \"paragraphs\": [{\"text\": \"x\", \"label\": \"COMMENTARY\"}]}\n"));
        corpora.put("empty corpus", file("c21.jsonl", ""));
        corpora.put("blank lines only", file("c22.jsonl", "\n\n  \n"));
        corpora.put("BOM and CRLF", file("c23.jsonl", "\uFEFF" + good(2).replace("\n", "\r\n")));
        corpora.put("TSV without header", file("c24.tsv", "x\tCOMMENTARY\n"));
        corpora.put("TSV ragged rows", file("c25.tsv", "text\tlabel\nx\tCOMMENTARY\textra\ny\n"));
        corpora.put("CSV unbalanced quote", file("c26.csv", "text,label\n\"x,COMMENTARY\n"));
        corpora.put("CSV empty cells", file("c27.csv", "text,label\n,\n,COMMENTARY\n"));
        corpora.put("a 3 MB JSONL line", file("c28.jsonl", jsonl("a", "w ".repeat(1_500_000), "COMMENTARY") + "\n"));
        corpora.put("directory as corpus", dir);
        corpora.put("missing corpus", dir.resolve("none.jsonl"));

        byte[] m = Files.readAllBytes(Path.of(model));
        Map<String, Path> models = new LinkedHashMap<>();
        models.put("empty model file", file("m-empty.zip", new byte[0]));
        models.put("text as model", file("m-text.zip", "not a model"));
        models.put("truncated model", file("m-trunc.zip", java.util.Arrays.copyOf(m, m.length / 2)));
        byte[] flipped = m.clone();
        flipped[m.length / 3] ^= 0x40;
        models.put("one byte flipped", file("m-flip.zip", flipped));
        models.put("labels swapped in manifest", file("m-swap.zip", edit(m, "manifest.json",
                s -> s.replace("\"REPORTING\"", "\"@@\"").replace("\"COMMENTARY\"", "\"REPORTING\"").replace("\"@@\"", "\"COMMENTARY\""))));
        models.put("newer format version", file("m-v9.zip", edit(m, "manifest.json", s -> s.replace("\"formatVersion\" : 2", "\"formatVersion\" : 9"))));
        models.put("zip bomb manifest", file("m-bomb.zip", zip(Map.of("manifest.json", new byte[64 << 20]))));
        models.put("foreign zip", file("m-foreign.zip", zip(Map.of("readme.txt", "hi".getBytes()))));
        models.put("model directory", dir);
        models.put("missing model", dir.resolve("none.zip"));

        List<Case> out = new ArrayList<>();
        for (Map.Entry<String, Path> a : articles.entrySet()) {
            String p = a.getValue().toString();
            out.add(new Case("article", a.getKey(), new String[]{"classify", "--model", model, p}, null));
            out.add(new Case("article", a.getKey(), new String[]{"classify", "--model", model, "--format", "jsonl", "--input-format", "html", p}, null));
            out.add(new Case("article", a.getKey(), new String[]{"classify", "--model", model, "--format", "csv", "--input-format", "lines", p}, null));
        }
        for (Map.Entry<String, Path> c : corpora.entrySet()) {
            String p = c.getValue().toString();
            out.add(new Case("corpus", c.getKey(), new String[]{"validate-data", p}, null));
            out.add(new Case("corpus", c.getKey(), new String[]{"classify", "--model", model, "--input-format", "jsonl", p}, null));
            out.add(new Case("corpus", c.getKey(), new String[]{"evaluate", "--model", model, "--data", p}, null));
            out.add(new Case("corpus", c.getKey(), new String[]{"tune-threshold", "--model", model, "--data", p, "--label", "REPORTING", "--precision", "0.9"}, null));
        }
        String goodData = corpora.get("good corpus").toString();
        for (Map.Entry<String, Path> mm : models.entrySet()) {
            String p = mm.getValue().toString();
            out.add(new Case("model", mm.getKey(), new String[]{"classify", "--model", p, articles.get("CRLF and blank-line blocks").toString()}, null));
            out.add(new Case("model", mm.getKey(), new String[]{"inspect", "--model", p}, null));
            out.add(new Case("model", mm.getKey(), new String[]{"evaluate", "--model", p, "--data", goodData}, null));
        }
        String art = articles.get("CRLF and blank-line blocks").toString();
        StringBuilder longArticle = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            longArticle.append(i % 2 == 0 ? "WASHINGTON (AP) - Officials said the vote " + i + " slipped." : "What a mess.")
                    .append("\n\n");
        }
        String long400 = file("long400.txt", longArticle.toString()).toString();
        Map<String, Path> side = new LinkedHashMap<>();
        side.put("config epochs 0", file("epochs0.json", "{\n  \"training\": {\"epochs\": 0}\n}\n"));
        side.put("config typo", file("typo.json", "{\"training\": {\"epoch\": 3}}\n"));
        side.put("config seed of the wrong type", file("seed.json", "{\"training\": {\"seed\": \"x\"}}\n"));
        side.put("furniture bad site", file("furniture.jsonl", "{\"id\": \"f\", \"kind\": \"nav\", \"site\": \"moon\", "
                + "\"position\": \"top\", \"blocks\": [{\"text\": \"Home\"}]}\n"));
        side.put("vectors malformed", file("bad.vec", "WCVEC then nothing a vectors file holds"));
        side.put("summary bad number", file("bad-summary.csv", "id,share_A\nx,oops\n"));
        side.put("summary Latin-1", file("latin1-summary.csv", "id,share_A\ncaf\u00e9,1\n".getBytes(StandardCharsets.ISO_8859_1)));
        side.put("summary quoted field never closed", file("quote-summary.csv", "id,share_A\n\"x,1\n"));
        Path zeroCsv = dir.resolve("zero-summary.csv");
        Files.createSymbolicLink(zeroCsv, Path.of("/dev/zero"));
        side.put("summary device", zeroCsv);
        String[][] options = {
                {"classify", "--model", model, "--threads", "-5", goodData},
                {"classify", "--model", model, "--threads", "100000", goodData},
                {"classify", "--model", model, "--threads", "x", goodData},
                {"classify", "--model", model, "--explain", "--top", "-1", art},
                {"classify", "--model", model, "--explain", "--top", "0", art},
                {"classify", "--model", model, "--explain", "--format", "jsonl", long400},
                {"classify", "--model", model, "--min-confidence", "-1", art},
                {"classify", "--model", model, "--min-confidence", "2", art},
                {"classify", "--model", model, "--min-confidence", "NaN", art},
                {"classify", "--model", model, "--input-format", "pdf", art},
                {"classify", "--model", model, "--format", "xml", art},
                {"classify", "--model", model, "--explain", goodData},
                {"classify", "--model", model},
                {"classify", "--model", model, art, "extra"},
                {"classify", "--model", model, "-"},
                {"validate-data", "--labels", "", goodData},
                {"validate-data", "--labels", ",", goodData},
                {"validate-data", "--labels", "any", goodData},
                {"validate-data", "--encoding", "UTF-16", goodData},
                {"validate-data", "--encoding", "UTF-32", goodData},
                {"validate-data", "--encoding", "no-such-charset", goodData},
                {"validate-data", "--encoding", "windows-1252", goodData},
                {"validate-data", "--data-format", "parquet", goodData},
                {"validate-data", "--label-map", "=", goodData},
                {"validate-data", "--label-map", "A=B=C", goodData},
                {"validate-data", "--split", "nosuch", goodData},
                {"validate-data"},
                {"evaluate", "--model", model, "--data", goodData, "--report-json", dir.toString()},
                {"evaluate", "--model", model, "--data", goodData, "--report-json", goodData},
                {"evaluate", "--model", model, "--data", goodData, "--report-dir", goodData},
                {"evaluate", "--model", model, "--data", goodData, "--report-json", dir.resolve("missing-dir/r.json").toString()},
                {"evaluate", "--model", model, "--data", goodData, "--prediction-map", "X"},
                {"evaluate", "--model", model, "--data", goodData, "--report-json", "/dev/full"},
                {"train", "--data", goodData, "--out", goodData, "--epochs", "1"},
                {"train", "--data", goodData, "--out", dir.toString(), "--epochs", "1"},
                {"train", "--data", goodData, "--out", "/dev/full", "--epochs", "1"},
                {"train", "--data", goodData, "--out", dir.resolve("t.zip").toString(), "--epochs", "0"},
                {"train", "--data", goodData, "--out", dir.resolve("t.zip").toString(), "--hidden", "-1"},
                {"train", "--data", goodData, "--out", dir.resolve("t.zip").toString(), "--hash-bits", "40"},
                {"train", "--data", goodData, "--out", dir.resolve("t.zip").toString(), "--seed", "x"},
                {"train", "--data", goodData, "--out", dir.resolve("t.zip").toString(), "--config", dir.toString()},
                {"train", "--data", goodData, "--out", dir.resolve("t.zip").toString(), "--config", "/dev/zero"},
                {"train", "--data", goodData, "--out", dir.resolve("t.zip").toString(), "--config", corpora.get("not JSON").toString()},
                {"train", "--data", goodData, "--out", dir.resolve("t.zip").toString(), "--config", articles.get("empty file").toString()},
                {"train", "--out", dir.resolve("t.zip").toString()},
                {"train", "--data", goodData, "--out", dir.resolve("t.zip").toString(), "--config", side.get("config epochs 0").toString()},
                {"train", "--data", goodData, "--out", dir.resolve("t.zip").toString(), "--config", side.get("config typo").toString()},
                {"train", "--data", goodData, "--out", dir.resolve("t.zip").toString(), "--config", side.get("config seed of the wrong type").toString()},
                {"train", "--data", goodData, "--out", dir.resolve("t.zip").toString(), "--epochs", "1", "--furniture", side.get("furniture bad site").toString()},
                {"train", "--data", goodData, "--out", dir.resolve("t.zip").toString(), "--epochs", "1", "--furniture", corpora.get("not JSON").toString()},
                {"train", "--data", goodData, "--out", dir.resolve("t.zip").toString(), "--epochs", "1", "--furniture", "/dev/zero"},
                {"train", "--data", goodData, "--out", dir.resolve("t.zip").toString(), "--epochs", "1", "--vectors", side.get("vectors malformed").toString()},
                {"train", "--data", goodData, "--out", dir.resolve("t.zip").toString(), "--epochs", "1", "--vectors", "/dev/zero"},
                {"train", "--data", goodData, "--out", dir.resolve("t.zip").toString(), "--epochs", "1", "--vectors", dir.toString()},
                {"summarize", "--group-by", "style", side.get("summary bad number").toString()},
                {"summarize", "--group-by", "style", side.get("summary Latin-1").toString()},
                {"summarize", "--group-by", "style", side.get("summary quoted field never closed").toString()},
                {"summarize", "--group-by", "style", side.get("summary device").toString()},
                {"cross-validate", "--data", goodData, "--folds", "1"},
                {"cross-validate", "--data", goodData, "--folds", "-3"},
                {"cross-validate", "--data", goodData, "--folds", "1000", "--epochs", "1"},
                {"cross-validate", "--data", goodData, "--folds-in", corpora.get("not JSON").toString(), "--epochs", "1"},
                {"cross-validate", "--data", goodData, "--folds-out", goodData},
                {"baselines", "--data", goodData, "--folds", "0"},
                {"tune-threshold", "--model", model, "--data", goodData, "--label", "NOPE", "--precision", "0.9"},
                {"tune-threshold", "--model", model, "--data", goodData, "--label", "REPORTING", "--precision", "1.5"},
                {"tune-threshold", "--model", model, "--data", goodData, "--label", "REPORTING", "--precision", "NaN"},
                {"init-config", goodData},
                {"init-config", dir.toString()},
                {"init-config", "/dev/full"},
                {"init-config", dir.resolve("new/deeper/exp.json").toString()},
                {"inspect", "--model", model, "--bogus"},
                {"no-such-verb"},
                {},
        };
        for (String[] o : options) out.add(new Case("option", String.join(" ", o).replace(dir.toString(), "DIR"), o, o.length > 3 && o[o.length - 1].equals("-") ? "Piped text.\n" : null));
        return out;
    }

    static byte[] edit(byte[] zipBytes, String entry, java.util.function.UnaryOperator<String> f) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zipBytes))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) entries.put(e.getName(), in.readAllBytes());
        }
        entries.put(entry, f.apply(new String(entries.get(entry), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        return zip(entries);
    }

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return b.toByteArray();
    }
}
