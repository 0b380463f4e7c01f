package org.wirecopy.golden;

import org.junit.jupiter.api.Test;
import org.wirecopy.classify.Classifier;
import org.wirecopy.features.FeatureConfig;
import org.wirecopy.model.ModelFormatException;
import org.wirecopy.features.FeatureExtractor;
import org.wirecopy.model.Model;
import org.wirecopy.model.ModelIO;
import org.wirecopy.network.Ensemble;
import org.wirecopy.network.internal.SequenceTrainer;
import org.wirecopy.text.Article;
import org.wirecopy.text.Paragraph;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Back-compatibility: model files frozen at format versions 1 and 2 keep loading and keep giving, paragraph by
 * paragraph, the scores Deeplearning4j computed for their weights when they were frozen (see {@link GoldenFiles}).
 * The expected scores come from DL4J, not from the plain-Java forward pass under test, and the DL4J path is checked
 * against them too, so a wrong expectation cannot hide.
 */
class GoldenModelTest {

    static final double TOLERANCE = 2e-6;
    /** The feature version the golden files were frozen with. */
    static final String FROZEN_FEATURES = "wirecopy.features.v1";

    static Model load(String file) throws Exception {
        try (InputStream in = GoldenModelTest.class.getResourceAsStream("/org/wirecopy/golden/" + file)) {
            assertNotNull(in, file);
            return ModelIO.load(in, file);
        }
    }

    /** Expected scores by "length/kind" (kind text or html): [paragraph][label]. */
    static Map<String, List<double[]>> expected() throws Exception {
        Map<String, List<double[]>> out = new LinkedHashMap<>();
        try (InputStream in = GoldenModelTest.class.getResourceAsStream("/org/wirecopy/golden/tiny-model-scores.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.isBlank()) continue;
                String[] f = line.split("\t");
                double[] s = new double[f.length - 3];
                for (int j = 0; j < s.length; j++) s[j] = Double.parseDouble(f[3 + j]);
                out.computeIfAbsent(f[0] + "/" + f[1], k -> new ArrayList<>()).add(s);
            }
        }
        assertEquals(2 * GoldenArticles.LENGTHS.length, out.size());
        return out;
    }

    static List<Paragraph> article(String key) {
        int n = Integer.parseInt(key.substring(0, key.indexOf('/')));
        return key.endsWith("html") ? GoldenArticles.paragraphs(n)
                : Article.ofParagraphs(GoldenArticles.texts(n)).paragraphs();
    }

    /**
     * The files were frozen with feature version {@value #FROZEN_FEATURES}, which this release still computes (its
     * fingerprint is checked by {@code FeatureFingerprintTest}): their scores are those recorded. The network itself
     * is checked feature-independently by the test below.
     */
    @Test
    void frozenModelFilesOfEveryFormatVersionGiveTheirRecordedScores() throws Exception {
        Map<String, List<double[]>> expected = expected();
        for (String file : List.of("tiny-model-v1.zip", "tiny-model-v2.zip")) {
            Classifier c = new Classifier(load(file));
            for (Map.Entry<String, List<double[]>> e : expected.entrySet()) {
                float[][] actual = c.scores(article(e.getKey()));
                assertEquals(e.getValue().size(), actual.length);
                for (int i = 0; i < actual.length; i++) {
                    for (int j = 0; j < actual[i].length; j++) {
                        assertEquals(e.getValue().get(i)[j], actual[i][j], TOLERANCE,
                                file + " article " + e.getKey() + " paragraph " + i + " label " + j);
                    }
                }
            }
        }
    }

    @Test
    void theNetworkOfTheFrozenFileGivesItsRecordedScoresOnAnyFeatureVersion() throws Exception {
        Map<String, List<double[]>> expected = new LinkedHashMap<>();
        try (InputStream in = GoldenModelTest.class.getResourceAsStream("/org/wirecopy/golden/tiny-network-scores.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.isBlank()) continue;
                String[] f = line.split("\t");
                double[] s = new double[f.length - 3];
                for (int j = 0; j < s.length; j++) s[j] = Double.parseDouble(f[3 + j]);
                expected.computeIfAbsent(f[0], k -> new ArrayList<>()).add(s);
            }
        }
        FrozenNetwork net = FrozenNetwork.read("tiny-model-v2.zip");
        Ensemble fp = new Ensemble(net.config(), net.weights(), net.inputSize(), net.labels());
        assertEquals(FrozenNetwork.LENGTHS.length, expected.size());
        for (int n : FrozenNetwork.LENGTHS) {
            var inputs = net.randomArticle(n);
            float[][] java = fp.scores(inputs);
            float[][] dl4j = SequenceTrainer.dl4jScores(net.config(), net.weights(), net.inputSize(), net.labels(),
                    inputs);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < net.labels(); j++) {
                    double want = expected.get(String.valueOf(n)).get(i)[j];
                    assertEquals(want, java[i][j], TOLERANCE, "forward pass, n=" + n + " paragraph " + i);
                    assertEquals(want, dl4j[i][j], 1e-7, "DL4J, n=" + n + " paragraph " + i);
                }
            }
        }
    }

    @Test
    void theRecordedScoresAreDeeplearning4jsOutput() throws Exception {
        // the frozen model's own feature version (still computed as it was, see FeatureFingerprintTest)
        Model m = load("tiny-model-v2.zip");
        FeatureExtractor fx = new FeatureExtractor(m.features());
        for (Map.Entry<String, List<double[]>> e : expected().entrySet()) {
            float[][] dl4j = SequenceTrainer.dl4jScores(m.network(), m.weights(), m.features().inputSize(),
                    m.labels().size(), fx.extract(article(e.getKey())));
            for (int i = 0; i < dl4j.length; i++) {
                for (int j = 0; j < dl4j[i].length; j++) {
                    assertEquals(e.getValue().get(i)[j], dl4j[i][j], 1e-7, e.getKey() + " paragraph " + i);
                }
            }
        }
    }
}
