package org.wirecopy.network;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wirecopy.features.SparseVector;
import org.wirecopy.network.internal.GraphFactory;
import org.wirecopy.network.internal.SequenceTrainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForwardPassTest {

    static List<SparseVector> randomArticle(Random r, int n, int dim) {
        List<SparseVector> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            java.util.TreeMap<Integer, Float> m = new java.util.TreeMap<>();
            for (int k = 0; k < 20; k++) m.put(r.nextInt(dim), r.nextFloat());
            int[] idx = m.keySet().stream().mapToInt(Integer::intValue).toArray();
            float[] val = new float[idx.length];
            int j = 0;
            for (float v : m.values()) val[j++] = v;
            out.add(new SparseVector(dim, idx, val));
        }
        return out;
    }

    static NetworkWeights perturbed(NetworkWeights w, Random r) {
        List<Tensor> out = new ArrayList<>();
        for (Tensor t : w.tensors()) {
            float[] d = t.data().clone();
            for (int i = 0; i < d.length; i++) d[i] += (float) (r.nextGaussian() * 0.3);
            out.add(new Tensor(t.name(), t.shape(), d));
        }
        return new NetworkWeights(out);
    }

    /** Both kernels against Deeplearning4j's graph: the exact one reproduces its arithmetic, the rational one is as close. */
    @ParameterizedTest
    @EnumSource(Architecture.class)
    void plainJavaForwardPassMatchesDl4jGraph(Architecture arch) {
        for (ActivationKernel kernel : ActivationKernel.values()) plainJavaForwardPassMatchesDl4jGraph(arch, kernel);
    }

    private static void plainJavaForwardPassMatchesDl4jGraph(Architecture arch, ActivationKernel kernel) {
        NetworkConfig net = new NetworkConfig(arch, 16, 8, 0, 0);
        int dim = 300;
        Random r = new Random(7);
        var graph = GraphFactory.create(net, dim, 3, 42, 1e-3, 0);
        NetworkWeights w = perturbed(GraphFactory.export(graph), r);
        ForwardPass fp = new ForwardPass(net, w, dim, 3, kernel);
        // up to 96 paragraphs the old windowed pass read articles whole too; beyond, it read windows of 64
        for (int n : new int[]{1, 2, 7, 40, 96, 97, 200, 1000, 2000}) {
            List<SparseVector> article = randomArticle(r, n, dim);
            float[][] expected = SequenceTrainer.dl4jScores(net, w, dim, 3, article);
            float[][] actual = fp.scores(article);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < 3; j++) {
                    assertEquals(expected[i][j], actual[i][j], 2e-5,
                            kernel + " " + arch + " n=" + n + " paragraph " + i + " label " + j);
                }
            }
        }
    }

    /**
     * The bundled model on a 200-paragraph article of invented text (its real features): the forward pass gives
     * Deeplearning4j's output for the whole sequence. (Scored in windows of 64, as before, scores differed by up to
     * 0.04.)
     */
    @Test
    void theBundledModelScoresA200ParagraphArticleAsDeeplearning4jDoes() throws Exception {
        org.wirecopy.model.Model model = org.wirecopy.classify.Classifier.defaultModel();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            texts.add(switch (i % 5) {
                case 0 -> "WASHINGTON (AP) \u2014 Officials said on Tuesday that the measure " + i + " had stalled.";
                case 1 -> "\u201cWe will keep working on it,\u201d the spokeswoman said, adding that talks continue.";
                case 2 -> "I think this is a mess, and frankly nobody should be surprised by paragraph " + i + ".";
                case 3 -> "Advertisement";
                default -> "From the AP:";
            });
        }
        var fx = new org.wirecopy.features.FeatureExtractor(model.features(), model.vectors());
        List<SparseVector> inputs = fx.extract(org.wirecopy.text.Article.ofParagraphs(texts).paragraphs());
        int labels = model.labels().size();
        // every network of the model (the bundled one is a seed ensemble) against its Deeplearning4j graph
        for (int k = 0; k < model.weights().members(); k++) {
            NetworkWeights w = model.weights().member(k);
            float[][] expected = SequenceTrainer.dl4jScores(model.network(), w, model.features().inputSize(), labels,
                    inputs);
            float[][] actual = new ForwardPass(model.network(), w, model.features().inputSize(), labels,
                    ActivationKernel.EXACT).scores(inputs);
            float[][] rational = new ForwardPass(model.network(), w, model.features().inputSize(), labels,
                    ActivationKernel.RATIONAL).scores(inputs);
            for (int i = 0; i < 200; i++) {
                for (int j = 0; j < labels; j++) {
                    assertEquals(expected[i][j], actual[i][j], 1e-5, "member " + k + " paragraph " + i + " label " + j);
                    assertEquals(actual[i][j], rational[i][j], RATIONAL_TOLERANCE,
                            "rational, member " + k + " paragraph " + i + " label " + j);
                }
            }
        }
    }

    /**
     * The largest difference allowed between a score of the rational activations and the exact one's, in the tests
     * that compare the two on real models: each activation is within 1 ulp (or 1.3e-8), and on the bundled model's
     * dev and test paragraphs no score moved by more than about 1e-6 (docs/performance.md, "Ninth round").
     */
    static final double RATIONAL_TOLERANCE = 1e-5;

    /**
     * The rational activations change scores by rounding differences only, however long the article: every score
     * within {@link #RATIONAL_TOLERANCE} of the exact kernel's on perturbed weights (activations far into
     * saturation) and articles of up to 2,000 paragraphs.
     */
    @ParameterizedTest
    @EnumSource(Architecture.class)
    void theRationalKernelScoresWithinToleranceOfTheExactOne(Architecture arch) {
        NetworkConfig net = new NetworkConfig(arch, 16, 8, 0, 0);
        int dim = 300;
        Random r = new Random(13);
        NetworkWeights w = perturbed(GraphFactory.export(GraphFactory.create(net, dim, 3, 9, 1e-3, 0)), r);
        ForwardPass exact = new ForwardPass(net, w, dim, 3, ActivationKernel.EXACT);
        ForwardPass rational = new ForwardPass(net, w, dim, 3, ActivationKernel.RATIONAL);
        double max = 0;
        for (int n : new int[]{1, 7, 200, 2000}) {
            List<SparseVector> article = randomArticle(r, n, dim);
            float[][] e = exact.scores(article);
            float[][] f = rational.scores(article);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < 3; j++) {
                    assertEquals(e[i][j], f[i][j], RATIONAL_TOLERANCE, arch + " n=" + n + " paragraph " + i);
                    max = Math.max(max, Math.abs(e[i][j] - f[i][j]));
                }
            }
        }
        // the two kernels are different computations: a rational kernel that fell back to the exact one fails here
        if (arch == Architecture.BILSTM) assertTrue(max > 0, "no score differs at all");
    }

    /**
     * A context's rescore of one paragraph with another input equals, float for float, the scores of the whole article
     * with that input replaced (what occlusion explanations rely on), at the first, a middle and the last paragraph.
     */
    @ParameterizedTest
    @EnumSource(Architecture.class)
    void rescoringOneParagraphEqualsScoringTheWholeArticleAgain(Architecture arch) {
        NetworkConfig net = new NetworkConfig(arch, 16, 8, 0, 0);
        int dim = 300;
        Random r = new Random(11);
        NetworkWeights w = perturbed(GraphFactory.export(GraphFactory.create(net, dim, 3, 5, 1e-3, 0)), r);
        ForwardPass fp = new ForwardPass(net, w, dim, 3);
        for (int n : new int[]{1, 2, 200}) {
            List<SparseVector> article = randomArticle(r, n, dim);
            ForwardPass.Context context = fp.context(article);
            float[][] whole = fp.scores(article);
            for (int i : new int[]{0, n / 2, n - 1}) {
                assertArrayEquals(whole[i], context.scores(i), 0f, arch + " n=" + n + " paragraph " + i);
                SparseVector other = randomArticle(r, 1, dim).get(0);
                List<SparseVector> changed = new ArrayList<>(article);
                changed.set(i, other);
                assertArrayEquals(fp.scores(changed)[i], context.rescore(i, other), 0f,
                        arch + " n=" + n + " paragraph " + i + " replaced");
            }
        }
    }

    @Test
    void weightsSurviveTheirBinaryForm() {
        NetworkConfig net = new NetworkConfig(Architecture.BILSTM, 8, 4, 0, 0);
        NetworkWeights w = GraphFactory.export(GraphFactory.create(net, 50, 3, 1, 1e-3, 0));
        NetworkWeights back = NetworkWeights.fromBytes(w.toBytes(), "test");
        assertEquals(w.tensors(), back.tensors());
        assertArrayEquals(w.toBytes(), back.toBytes());
    }
}
