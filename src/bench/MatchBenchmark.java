import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.wirecopy.classify.Classifier;
import org.wirecopy.corpus.Corpus;
import org.wirecopy.corpus.CorpusOptions;
import org.wirecopy.corpus.CorpusReader;
import org.wirecopy.corpus.LabelledArticle;
import org.wirecopy.match.EditKind;
import org.wirecopy.match.IndexConfig;
import org.wirecopy.match.IndexSummary;
import org.wirecopy.match.MatchConfig;
import org.wirecopy.match.ParagraphMatch;
import org.wirecopy.match.SourceIndex;
import org.wirecopy.match.SourceIndexWriter;
import org.wirecopy.match.SourceMatch;
import org.wirecopy.match.SourceMatcher;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The source-matching benchmark of docs/source-matching.md. Run through src/bench/match-benchmark.sh, or directly:
 *
 * <pre>
 * java -cp "target/wirecopy.jar:target/lib/*" src/bench/MatchBenchmark.java eval SHARED_DIR WORK_DIR
 * java -cp "target/wirecopy.jar:target/lib/*" src/bench/MatchBenchmark.java scale N REUTERS_JSONL OUT_JSONL
 * </pre>
 *
 * {@code eval} indexes the Reuters-21578 stories (flat rows grouped by newid, ordered by para_idx), builds pasted
 * variants of sampled story paragraphs with the edits bloggers make (seeded), matches them and the unrelated
 * paragraphs (Webis editorials, training-data/), classifies the same paragraphs, and prints Markdown tables.
 * {@code scale} writes a synthetic corpus of N paragraphs (Reuters paragraphs with their words shuffled, so that
 * every copy has its own shingles) for the bounded-memory index build. Nothing of the data is written to the
 * repository; everything goes to WORK_DIR / OUT_JSONL.
 */
public class MatchBenchmark {

    static final long SEED = 20261207L;
    static final int SAMPLE = Integer.getInteger("sample", 1000);
    static final int RUNS = Integer.getInteger("runs", 3);
    static final ObjectMapper JSON = new ObjectMapper();
    static final String[] SWAP = {"remarkably", "reportedly", "allegedly", "notably", "quietly", "sharply",
            "roughly", "firmly", "widely", "briefly", "oddly", "partly"};
    static final String[] REWRITE = {"reportedly", "overall", "broadly", "meanwhile", "likewise", "instead",
            "notably", "largely", "chiefly", "mostly", "nearly", "mainly", "around", "about", "some"};

    static int MISSES = Integer.getInteger("misses", 0);

    record Para(String story, int index, String text) {
    }

    record Variant(String kind, String story, String text) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("scale")) {
            scale(Integer.parseInt(args[1]), Path.of(args[2]), Path.of(args[3]));
            return;
        }
        if (args.length != 3 || !args[0].equals("eval")) {
            System.err.println("usage: MatchBenchmark eval SHARED_DIR WORK_DIR | scale N REUTERS_JSONL OUT_JSONL");
            System.exit(2);
        }
        Path shared = Path.of(args[1]);
        Path work = Path.of(args[2]);
        Files.createDirectories(work);
        Path reuters = shared.resolve("data/reuters-21578/paragraphs.jsonl");
        Path webis = shared.resolve("data/webis-editorials-16/paragraphs.jsonl");
        if (!Files.exists(reuters)) {
            System.err.println("missing " + reuters + "; put the shared data beside the checkout or pass its path");
            System.exit(2);
        }
        Path idx = work.resolve("reuters.idx");
        CorpusOptions opts = CorpusOptions.builder().idColumn("newid").indexColumn("para_idx").requireLabels(false)
                .labels(null).build();

        // index build, median of RUNS
        double[] buildSec = new double[RUNS];
        IndexSummary summary = null;
        for (int r = 0; r < RUNS; r++) {
            long t0 = System.nanoTime();
            summary = SourceIndexWriter.build(reuters, opts, idx, IndexConfig.defaults());
            buildSec[r] = (System.nanoTime() - t0) / 1e9;
        }
        SourceIndex index = SourceIndex.open(idx);
        SourceMatcher matcher = new SourceMatcher(index, MatchConfig.defaults());

        // stories in order
        List<List<Para>> stories = new ArrayList<>();
        Map<String, List<Para>> byStory = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(reuters, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) continue;
                JsonNode n = JSON.readTree(line);
                String id = n.get("newid").asText();
                byStory.computeIfAbsent(id, k -> new ArrayList<>()).add(new Para(id, n.get("para_idx").asInt(),
                        n.get("text").asText()));
            }
        }
        for (List<Para> s : byStory.values()) {
            s.sort((a, b) -> Integer.compare(a.index(), b.index()));
            stories.add(s);
        }
        List<Para> eligible = new ArrayList<>();
        List<Para[]> pairs = new ArrayList<>();
        for (List<Para> s : stories) {
            for (int i = 0; i < s.size(); i++) {
                if (words(s.get(i).text()).length >= 12) {
                    eligible.add(s.get(i));
                    if (i + 1 < s.size() && words(s.get(i + 1).text()).length >= 8) {
                        pairs.add(new Para[]{s.get(i), s.get(i + 1)});
                    }
                }
            }
        }

        // pasted variants
        SplittableRandom rnd = new SplittableRandom(SEED);
        String[] kinds = {"verbatim", "typographic quotes", "truncated", "ellipsis", "one word swapped",
                "two paragraphs merged", "paraphrase proxy"};
        List<Variant> variants = new ArrayList<>();
        for (String kind : kinds) {
            for (int i = 0; i < SAMPLE; i++) {
                if (kind.equals("two paragraphs merged")) {
                    Para[] p = pairs.get(rnd.nextInt(pairs.size()));
                    variants.add(new Variant(kind, p[0].story(), p[0].text() + " " + p[1].text()));
                    continue;
                }
                Para p = eligible.get(rnd.nextInt(eligible.size()));
                variants.add(new Variant(kind, p.story(), edit(kind, p.text(), rnd)));
            }
        }
        // unrelated paragraphs
        List<String> unrelated = new ArrayList<>();
        Map<String, Integer> unrelatedBy = new LinkedHashMap<>();
        if (Files.exists(webis)) {
            try (BufferedReader in = Files.newBufferedReader(webis, StandardCharsets.UTF_8)) {
                String line;
                int n = 0;
                while ((line = in.readLine()) != null) {
                    if (line.isBlank()) continue;
                    unrelated.add(JSON.readTree(line).get("text").asText());
                    n++;
                }
                unrelatedBy.put("Webis editorials", n);
            }
        }
        int td = 0;
        for (String split : new String[]{"train", "dev", "test"}) {
            Path f = Path.of("training-data", split + ".jsonl");
            if (!Files.exists(f)) continue;
            Corpus c = CorpusReader.read(f, CorpusOptions.defaults());
            for (LabelledArticle a : c.articles()) {
                unrelated.addAll(a.texts());
                td += a.texts().size();
            }
        }
        unrelatedBy.put("training-data/", td);

        // quality
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "index: %d stories, %d paragraphs (%d indexed), %d LSH entries, "
                        + "%.2f MB; build %.2f s (median of %d)%n%n", summary.stories(), summary.paragraphs(),
                summary.indexedParagraphs(), summary.entries(), summary.bytes() / 1e6, median(buildSec), RUNS));
        out.append("| pasted variant | n | matched | recall@1 strict | recall@1 | precision | mean coverage "
                + "| coverage >= 0.9 | edit seen |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        List<String> all = new ArrayList<>();
        int at = 0;
        for (String kind : kinds) {
            int n = 0, matched = 0, right = 0, rightTied = 0, seen = 0, cue = 0;
            double cov = 0;
            for (; at < variants.size() && variants.get(at).kind().equals(kind); at++) {
                Variant v = variants.get(at);
                all.add(v.text());
                n++;
                ParagraphMatch m = matcher.matchParagraph(v.text());
                int before = rightTied;
                try {
                    if (!m.matched()) continue;
                matched++;
                SourceMatch best = m.best().orElseThrow();
                if (best.story().id().equals(v.story())) right++;
                for (SourceMatch t : m.matches()) {
                    if (t.coverage() != best.coverage()) break; // the text is in each of the tied stories
                    if (t.story().id().equals(v.story())) {
                        rightTied++;
                        break;
                    }
                }

                cov += best.coverage();
                    if (sawEdit(kind, best)) seen++;
                    else if (MISSES-- > 0) {
                        System.err.println("EDIT " + kind + " (" + v.story() + "): " + v.text() + "\n  -> "
                                + best.story().id() + " " + best.paragraphs() + " " + best.edits());
                    }
                    if (best.coverage() >= matcher.config().reportingCoverage()) cue++;
                } finally {
                    if (rightTied == before && MISSES-- > 0) {
                        System.err.println("MISS " + kind + " (" + v.story() + "): " + v.text() + "\n  -> "
                                + m.best().map(b -> b.story().id() + " " + b.coverage() + " " + b.edits())
                                .orElse("none"));
                    }
                }
            }
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %s |%n", kind, n,
                    matched, (double) right / n, (double) rightTied / n, matched == 0 ? 0 : (double) rightTied / matched,
                    matched == 0 ? 0 : cov / matched, (double) cue / n,
                    editColumn(kind, seen, matched)));
        }
        out.append("\n| unrelated paragraphs | n | false matches | rate |\n|---|---:|---:|---:|\n");
        int from = 0;
        int falseTotal = 0;
        List<String> falseExamples = new ArrayList<>();
        for (Map.Entry<String, Integer> e : unrelatedBy.entrySet()) {
            int f = 0;
            for (int i = from; i < from + e.getValue(); i++) {
                ParagraphMatch m = matcher.matchParagraph(unrelated.get(i));
                if (m.matched()) {
                    f++;
                    SourceMatch b = m.best().orElseThrow();
                    falseExamples.add(String.format(Locale.ROOT, "%s #%d -> story %s, coverage %.2f", e.getKey(),
                            i - from, b.story().id(), b.coverage()));
                }
            }
            falseTotal += f;
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %.4f%% |%n", e.getKey(), e.getValue(), f,
                    100.0 * f / Math.max(1, e.getValue())));
            from += e.getValue();
        }
        out.append(String.format(Locale.ROOT, "| all | %d | %d | %.4f%% |%n", unrelated.size(), falseTotal,
                100.0 * falseTotal / Math.max(1, unrelated.size())));
        for (String ex : falseExamples) out.append("\nfalse match: ").append(ex);
        out.append("\n");

        // throughput, one thread: matching vs classification of the same paragraphs
        List<String> timed = new ArrayList<>(all);
        timed.addAll(unrelated);
        Classifier classifier = Classifier.loadDefault();
        double[] matchUs = new double[RUNS];
        double[] matchPastedUs = new double[RUNS];
        double[] matchUnrelatedUs = new double[RUNS];
        double[] classifyUs = new double[RUNS];
        long sink = 0;
        for (int r = -1; r < RUNS; r++) { // r = -1 warms up
            long t0 = System.nanoTime();
            for (String s : all) sink += matcher.matchParagraph(s).matches().size();
            long t1 = System.nanoTime();
            for (String s : unrelated) sink += matcher.matchParagraph(s).matches().size();
            long t2 = System.nanoTime();
            for (int i = 0; i < timed.size(); i += 20) {
                sink += classifier.classifyParagraphs(timed.subList(i, Math.min(timed.size(), i + 20))).size();
            }
            long t3 = System.nanoTime();
            if (r < 0) continue;
            matchPastedUs[r] = (t1 - t0) / 1e3 / all.size();
            matchUnrelatedUs[r] = (t2 - t1) / 1e3 / unrelated.size();
            matchUs[r] = (t2 - t0) / 1e3 / timed.size();
            classifyUs[r] = (t3 - t2) / 1e3 / timed.size();
        }
        out.append(String.format(Locale.ROOT, "%n| per paragraph, 1 thread (median of %d) | microseconds | "
                + "paragraphs/s |%n|---|---:|---:|%n", RUNS));
        row(out, "match, pasted variants (" + all.size() + ")", median(matchPastedUs));
        row(out, "match, unrelated paragraphs (" + unrelated.size() + ")", median(matchUnrelatedUs));
        row(out, "match, all " + timed.size(), median(matchUs));
        row(out, "classify (bundled model, articles of 20 paragraphs), same " + timed.size(), median(classifyUs));
        out.append(String.format(Locale.ROOT, "%nmatching / classification time per paragraph: %.2f%n",
                median(matchUs) / median(classifyUs)));
        out.append("(checksum ").append(sink).append(")\n");
        System.out.print(out);
        Files.writeString(work.resolve("results.md"), out, StandardCharsets.UTF_8);
    }

    static void row(StringBuilder out, String name, double us) {
        out.append(String.format(Locale.ROOT, "| %s | %.1f | %,.0f |%n", name, us, 1e6 / us));
    }

    static boolean sawEdit(String kind, SourceMatch m) {
        return switch (kind) {
            case "verbatim", "typographic quotes" -> m.verbatim() && m.edits().isEmpty();
            case "truncated" -> m.count(EditKind.TRUNCATED_START) + m.count(EditKind.TRUNCATED_END) > 0;
            case "ellipsis" -> m.count(EditKind.ELLIPSIS) > 0;
            case "one word swapped" -> m.count(EditKind.REPLACED) == 1;
            case "two paragraphs merged" -> m.paragraphs().size() == 2;
            default -> false;
        };
    }

    static String editColumn(String kind, int seen, int matched) {
        if (kind.equals("paraphrase proxy") || matched == 0) return "-";
        String what = switch (kind) {
            case "verbatim", "typographic quotes" -> "verbatim, no edit";
            case "truncated" -> "TRUNCATED_*";
            case "ellipsis" -> "ELLIPSIS";
            case "one word swapped" -> "one REPLACED";
            default -> "2 source paragraphs";
        };
        return String.format(Locale.ROOT, "%.3f (%s)", (double) seen / matched, what);
    }

    static String[] words(String s) {
        return s.strip().split("\\s+");
    }

    static String edit(String kind, String text, SplittableRandom r) {
        String[] w = words(text);
        int n = w.length;
        switch (kind) {
            case "verbatim":
                return text;
            case "typographic quotes": {
                StringBuilder b = new StringBuilder();
                boolean open = true;
                for (char c : text.toCharArray()) {
                    if (c == '"') {
                        b.append(open ? '\u201C' : '\u201D');
                        open = !open;
                    } else if (c == '\'') {
                        b.append('\u2019');
                    } else {
                        b.append(c);
                    }
                }
                String s = b.toString().replace(" - ", " \u2014 ").replace("--", "\u2013");
                // a quoted lead-in the way a blog styles a pull quote
                return "\u201C" + s.replaceFirst(" ", "\u00A0") + "\u201D";
            }
            case "truncated": {
                // at least 8 words: shorter fragments are below the matcher's minimum and not attributed
                int keep = Math.max(Math.min(8, n), (int) Math.round(n * (0.5 + 0.35 * r.nextDouble())));
                int mode = r.nextInt(3);
                int start = mode == 0 ? n - keep : mode == 1 ? 0 : (n - keep) / 2;
                return String.join(" ", Arrays.copyOfRange(w, start, start + keep));
            }
            case "ellipsis": {
                // at least 8 words are left, as for truncation
                int len = Math.min(n - 8, Math.max(2, (int) Math.round(n * (0.15 + 0.2 * r.nextDouble()))));
                int start = 3 + r.nextInt(Math.max(1, n - len - 6));
                String mark = new String[]{"...", "\u2026", "[\u2026]"}[r.nextInt(3)];
                return String.join(" ", Arrays.copyOfRange(w, 0, start)) + " " + mark + " "
                        + String.join(" ", Arrays.copyOfRange(w, Math.min(n, start + len), n));
            }
            case "one word swapped": {
                for (int tries = 0; tries < 100; tries++) {
                    int i = r.nextInt(n);
                    if (w[i].chars().filter(Character::isLetter).count() < 4) continue;
                    String[] c = w.clone();
                    String s = SWAP[r.nextInt(SWAP.length)];
                    if (s.equalsIgnoreCase(w[i])) continue;
                    c[i] = s;
                    return String.join(" ", c);
                }
                return text;
            }
            case "paraphrase proxy": {
                // clauses rotated, every second word of 4+ letters replaced: the facts of the story in an order and
                // wording of the writer's own
                String[] clauses = text.split(", ");
                List<String> order = new ArrayList<>(Arrays.asList(clauses));
                if (order.size() > 1) order.add(order.remove(0));
                String[] t = words(String.join(", ", order));
                int k = 0;
                for (int i = 0; i < t.length; i++) {
                    if (t[i].chars().filter(Character::isLetter).count() >= 4 && k++ % 2 == 0) {
                        t[i] = REWRITE[r.nextInt(REWRITE.length)];
                    }
                }
                return String.join(" ", t);
            }
            default:
                throw new IllegalArgumentException(kind);
        }
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** Writes n paragraphs of synthetic stories: Reuters stories whose words are shuffled per copy. */
    static void scale(int n, Path reuters, Path out) throws IOException {
        List<List<String>> stories = new ArrayList<>();
        String current = null;
        try (BufferedReader in = Files.newBufferedReader(reuters, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) continue;
                JsonNode node = JSON.readTree(line);
                String id = node.get("newid").asText();
                if (!id.equals(current)) {
                    stories.add(new ArrayList<>());
                    current = id;
                }
                stories.get(stories.size() - 1).add(node.get("text").asText());
            }
        }
        SplittableRandom r = new SplittableRandom(SEED);
        int written = 0;
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (int copy = 0; written < n; copy++) {
                for (int s = 0; s < stories.size() && written < n; s++) {
                    ObjectNode story = JSON.createObjectNode();
                    story.put("id", "c" + copy + "-" + s);
                    ArrayNode ps = story.putArray("paragraphs");
                    for (String p : stories.get(s)) {
                        if (written == n) break;
                        String[] words = words(p);
                        for (int i = words.length - 1; i > 0; i--) {
                            int j = r.nextInt(i + 1);
                            String t = words[i];
                            words[i] = words[j];
                            words[j] = t;
                        }
                        ps.addObject().put("text", String.join(" ", words));
                        written++;
                    }
                    w.write(JSON.writeValueAsString(story));
                    w.write('\n');
                }
            }
        }
        System.err.println("wrote " + written + " paragraphs to " + out);
    }
}
