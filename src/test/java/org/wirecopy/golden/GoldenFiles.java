package org.wirecopy.golden;

import org.wirecopy.TestData;
import org.wirecopy.features.FeatureExtractor;
import org.wirecopy.features.SparseVector;
import org.wirecopy.model.Model;
import org.wirecopy.model.ModelIO;
import org.wirecopy.network.internal.SequenceTrainer;
import org.wirecopy.text.Article;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Writes the golden files once (they are then frozen in src/test/resources/org/wirecopy/golden): the small test
 * model in model format 2 and in format 1 (as releases before 0.2 wrote it: no manifest.sha256), and the scores
 * Deeplearning4j gives for the golden articles with those weights, the independent oracle of {@code GoldenModelTest}.
 *
 * <p>Run from the checkout: {@code java -cp target/test-classes:target/classes:$(cat cp.txt)
 * org.wirecopy.golden.GoldenFiles src/test/resources/org/wirecopy/golden}. Never rerun it to make a failing golden
 * test pass: a failure means the model format or the scores changed.
 */
public final class GoldenFiles {

    private GoldenFiles() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 1 && args[1].equals("network")) {
            network(Path.of(args[0]));
            return;
        }
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        Model m = TestData.tinyModel();
        byte[] v2 = ModelIO.toBytes(m);
        Files.write(dir.resolve("tiny-model-v2.zip"), v2);
        Files.write(dir.resolve("tiny-model-v1.zip"), toVersion1(v2));
        FeatureExtractor fx = new FeatureExtractor(m.features());
        StringBuilder tsv = new StringBuilder("# scores of the golden articles by Deeplearning4j "
                + "(SequenceTrainer.dl4jScores), labels " + m.labels() + "\n");
        for (int n : GoldenArticles.LENGTHS) {
            for (boolean html : new boolean[]{false, true}) {
                List<SparseVector> x = fx.extract(html ? GoldenArticles.paragraphs(n)
                        : Article.ofParagraphs(GoldenArticles.texts(n)).paragraphs());
                float[][] s = SequenceTrainer.dl4jScores(m.network(), m.weights(), m.features().inputSize(),
                        m.labels().size(), x);
                for (int i = 0; i < n; i++) {
                    tsv.append(n).append('\t').append(html ? "html" : "text").append('\t').append(i);
                    for (float v : s[i]) tsv.append('\t').append(String.format(Locale.ROOT, "%.9e", v));
                    tsv.append('\n');
                }
            }
        }
        Files.writeString(dir.resolve("tiny-model-scores.tsv"), tsv.toString(), StandardCharsets.UTF_8);
    }

    /**
     * DL4J's scores for seeded random inputs with the weights of the frozen format-2 file (a golden file that does
     * not depend on the feature code): {@code GoldenFiles <dir> network}.
     */
    static void network(Path dir) throws Exception {
        FrozenNetwork f = FrozenNetwork.read("tiny-model-v2.zip");
        StringBuilder tsv = new StringBuilder("# DL4J scores of seeded random inputs, weights of tiny-model-v2.zip\n");
        for (int n : FrozenNetwork.LENGTHS) {
            float[][] s = SequenceTrainer.dl4jScores(f.config(), f.weights(), f.inputSize(), f.labels(),
                    f.randomArticle(n));
            for (int i = 0; i < n; i++) {
                tsv.append(n).append("\trandom\t").append(i);
                for (float v : s[i]) tsv.append('\t').append(String.format(Locale.ROOT, "%.9e", v));
                tsv.append('\n');
            }
        }
        Files.writeString(dir.resolve("tiny-network-scores.tsv"), tsv.toString(), StandardCharsets.UTF_8);
    }

    /** The same model as format 1 wrote it: formatVersion 1 and no manifest.sha256. */
    static byte[] toVersion1(byte[] v2) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(v2))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) entries.put(e.getName(), in.readAllBytes());
        }
        entries.remove("manifest.sha256");
        String manifest = new String(entries.get("manifest.json"), StandardCharsets.UTF_8);
        String v1 = manifest.replace("\"formatVersion\" : 2", "\"formatVersion\" : 1");
        if (v1.equals(manifest)) throw new IllegalStateException("no formatVersion 2 in the manifest");
        entries.put("manifest.json", v1.getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry ze = new ZipEntry(e.getKey());
                ze.setTime(315532800000L);
                z.putNextEntry(ze);
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
