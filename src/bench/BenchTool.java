import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Helpers of {@code src/bench/benchmark.sh}: builds the benchmark inputs and scores predictions. A single-file Java
 * program (run with {@code java -cp "target/lib/*" src/bench/BenchTool.java ...}) so that the benchmark needs nothing
 * but Java and the jars the build already fetched.
 *
 * <pre>
 * corpus OUT.jsonl OUT.txt PARAGRAPHS SEED SOURCE...   articles repeated in shuffled order up to exactly PARAGRAPHS
 *                                                      paragraphs (canonical JSONL for wirecopy, one paragraph per line
 *                                                      for fastText, the same paragraphs in the same order); a SOURCE
 *                                                      is canonical JSONL or flat rows {newid, para_idx, text}
 * fasttext-train IN.jsonl OUT.txt                      "__label__LABEL text" per paragraph
 * f1-fasttext GOLD.jsonl PRED.txt                      macro-F1 of fastText's predict output against GOLD
 * f1-wirecopy GOLD.jsonl OUT.jsonl                     macro-F1 of classify --format jsonl output against GOLD
 * stats N...                                           median, min and max of the numbers
 * same-entry A.zip B.zip ENTRY                         "yes" when both zip files hold ENTRY with the same bytes
 * </pre>
 */
public final class BenchTool {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchTool() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) usage();
        switch (args[0]) {
            case "corpus" -> {
                if (args.length < 6) usage();
                List<Path> sources = new ArrayList<>();
                for (int i = 5; i < args.length; i++) sources.add(Path.of(args[i]));
                corpus(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]), Long.parseLong(args[4]), sources);
            }
            case "fasttext-train" -> {
                if (args.length != 3) usage();
                fasttextTrain(Path.of(args[1]), Path.of(args[2]));
            }
            case "f1-fasttext" -> {
                if (args.length != 3) usage();
                List<String> pred = new ArrayList<>();
                for (String line : Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8)) {
                    pred.add(line.strip().replaceFirst("^__label__", ""));
                }
                System.out.printf(Locale.ROOT, "%.3f%n", macroF1(goldLabels(Path.of(args[1])), pred));
            }
            case "f1-wirecopy" -> {
                if (args.length != 3) usage();
                List<String> pred = new ArrayList<>();
                for (String line : Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) pred.add(JSON.readTree(line).get("label").asText());
                }
                System.out.printf(Locale.ROOT, "%.3f%n", macroF1(goldLabels(Path.of(args[1])), pred));
            }
            case "stats" -> {
                double[] v = new double[args.length - 1];
                for (int i = 1; i < args.length; i++) v[i - 1] = Double.parseDouble(args[i]);
                if (v.length == 0) usage();
                Arrays.sort(v);
                double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
                System.out.printf(Locale.ROOT, "%.3f %.3f %.3f%n", median, v[0], v[v.length - 1]);
            }
            case "same-entry" -> {
                if (args.length != 4) usage();
                byte[] a = entry(Path.of(args[1]), args[3]);
                byte[] b = entry(Path.of(args[2]), args[3]);
                System.out.println(a != null && Arrays.equals(a, b) ? "yes" : "no");
            }
            default -> usage();
        }
    }

    private static byte[] entry(Path zip, String name) throws IOException {
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
            java.util.zip.ZipEntry e = z.getEntry(name);
            if (e == null) return null;
            try (java.io.InputStream in = z.getInputStream(e)) {
                return in.readAllBytes();
            }
        }
    }

    private static void usage() {
        System.err.println("usage: BenchTool corpus OUT.jsonl OUT.txt PARAGRAPHS SEED SOURCE... | fasttext-train IN OUT"
                + " | f1-fasttext GOLD PRED | f1-wirecopy GOLD OUT | stats N... | same-entry A B ENTRY");
        System.exit(2);
    }

    /** One article: id, paragraph texts, labels (null when unknown). */
    private record Art(String id, List<String> texts, List<String> labels) {
    }

    private static List<Art> readArticles(Path file) throws IOException {
        List<Art> out = new ArrayList<>();
        Map<String, TreeMap<Integer, String>> flat = new LinkedHashMap<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) continue;
                JsonNode o = JSON.readTree(line);
                if (o.has("paragraphs")) {
                    List<String> texts = new ArrayList<>();
                    List<String> labels = new ArrayList<>();
                    for (JsonNode p : o.get("paragraphs")) {
                        texts.add(p.get("text").asText());
                        labels.add(p.hasNonNull("label") ? p.get("label").asText() : null);
                    }
                    out.add(new Art(o.get("id").asText(), texts, labels));
                } else if (o.has("newid") && o.has("text")) {
                    flat.computeIfAbsent(o.get("newid").asText(), k -> new TreeMap<>())
                            .put(o.path("para_idx").asInt(0), o.get("text").asText());
                } else {
                    throw new IOException(file + ": a line is neither a canonical article nor a flat row"
                            + " {newid, para_idx, text}");
                }
            }
        }
        for (Map.Entry<String, TreeMap<Integer, String>> e : flat.entrySet()) {
            List<String> texts = new ArrayList<>(e.getValue().values());
            out.add(new Art("reuters-" + e.getKey(), texts, Collections.nCopies(texts.size(), null)));
        }
        return out;
    }

    private static void corpus(Path jsonlOut, Path textOut, int paragraphs, long seed, List<Path> sources)
            throws IOException {
        List<Art> arts = new ArrayList<>();
        for (Path s : sources) arts.addAll(readArticles(s));
        arts.removeIf(a -> a.texts().isEmpty());
        if (arts.isEmpty()) throw new IOException("no articles in " + sources);
        Random random = new Random(seed);
        int written = 0;
        int round = 0;
        try (BufferedWriter j = Files.newBufferedWriter(jsonlOut, StandardCharsets.UTF_8);
             BufferedWriter t = Files.newBufferedWriter(textOut, StandardCharsets.UTF_8)) {
            while (written < paragraphs) {
                List<Art> order = new ArrayList<>(arts);
                Collections.shuffle(order, random);
                for (Art a : order) {
                    if (written >= paragraphs) break;
                    int take = Math.min(a.texts().size(), paragraphs - written);
                    ObjectNode o = JSON.createObjectNode();
                    o.put("id", a.id() + "#" + round);
                    ArrayNode ps = o.putArray("paragraphs");
                    for (int i = 0; i < take; i++) {
                        ObjectNode p = ps.addObject();
                        p.put("text", a.texts().get(i));
                        if (a.labels().get(i) != null) p.put("label", a.labels().get(i));
                        t.write(fasttextText(a.texts().get(i)));
                        t.newLine();
                    }
                    j.write(JSON.writeValueAsString(o));
                    j.newLine();
                    written += take;
                }
                round++;
            }
        }
    }

    private static void fasttextTrain(Path in, Path out) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (Art a : readArticles(in)) {
                for (int i = 0; i < a.texts().size(); i++) {
                    w.write("__label__" + a.labels().get(i) + " " + fasttextText(a.texts().get(i)));
                    w.newLine();
                }
            }
        }
    }

    /**
     * The usual fastText preparation (as in its tutorials): lower case, punctuation split off as tokens, one line.
     * Done once, outside the timed runs, so fastText's figures do not include it.
     */
    static String fasttextText(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetterOrDigit(c) || c == '\'' || c == '-') {
                b.appendCodePoint(Character.toLowerCase(c));
            } else if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
                b.append(' ');
            } else {
                b.append(' ').appendCodePoint(c).append(' ');
            }
        }
        return b.toString().trim().replaceAll(" +", " ");
    }

    private static List<String> goldLabels(Path gold) throws IOException {
        List<String> out = new ArrayList<>();
        for (Art a : readArticles(gold)) out.addAll(a.labels());
        return out;
    }

    /** Macro-F1 over the gold labels, pairing predictions and gold paragraphs in order. */
    static double macroF1(List<String> gold, List<String> pred) throws IOException {
        if (gold.size() != pred.size()) {
            throw new IOException("gold has " + gold.size() + " paragraphs, predictions " + pred.size());
        }
        List<String> labels = gold.stream().distinct().sorted().toList();
        double sum = 0;
        for (String l : labels) {
            int tp = 0, fp = 0, fn = 0;
            for (int i = 0; i < gold.size(); i++) {
                boolean g = l.equals(gold.get(i));
                boolean p = l.equals(pred.get(i));
                if (g && p) tp++;
                else if (p) fp++;
                else if (g) fn++;
            }
            sum += tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
        }
        return sum / labels.size();
    }
}
