package org.wirecopy.network;

import org.junit.jupiter.api.Test;
import org.wirecopy.features.SparseVector;
import org.wirecopy.network.internal.GraphFactory;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnsembleTest {

    private static final int DIM = 300;
    private static final NetworkConfig NET = new NetworkConfig(Architecture.BILSTM, 16, 8, 0, 0);

    private static NetworkWeights network(long seed) {
        return ForwardPassTest.perturbed(GraphFactory.export(GraphFactory.create(NET, DIM, 3, seed, 1e-3, 0)),
                new Random(seed));
    }

    @Test
    void oneMemberScoresExactlyAsItsForwardPass() {
        NetworkWeights w = network(1);
        assertEquals(1, w.members());
        assertSame(w, w.member(0));
        Ensemble e = new Ensemble(NET, w, DIM, 3);
        ForwardPass f = new ForwardPass(NET, w, DIM, 3);
        List<SparseVector> article = ForwardPassTest.randomArticle(new Random(5), 30, DIM);
        float[][] expected = f.scores(article);
        float[][] actual = e.scores(article);
        for (int i = 0; i < expected.length; i++) assertArrayEquals(expected[i], actual[i], "paragraph " + i);
    }

    @Test
    void membersAreAveragedInOrderAndKeepTheirOwnWeights() {
        NetworkWeights a = network(1), b = network(2), c = network(3);
        NetworkWeights all = NetworkWeights.ensemble(List.of(a, b, c));
        assertEquals(3, all.members());
        assertEquals(a.parameterCount() * 3, all.parameterCount());
        assertEquals(a.tensors(), all.member(0).tensors());
        assertEquals(b.tensors(), all.member(1).tensors());
        assertEquals(c.tensors(), all.member(2).tensors());
        List<SparseVector> article = ForwardPassTest.randomArticle(new Random(9), 25, DIM);
        float[][] sa = new ForwardPass(NET, a, DIM, 3).scores(article);
        float[][] sb = new ForwardPass(NET, b, DIM, 3).scores(article);
        float[][] sc = new ForwardPass(NET, c, DIM, 3).scores(article);
        Ensemble e = new Ensemble(NET, all, DIM, 3);
        assertEquals(3, e.size());
        float[][] s = e.scores(article);
        for (int i = 0; i < s.length; i++) {
            float sum = 0;
            for (int j = 0; j < 3; j++) {
                assertEquals((sa[i][j] + sb[i][j] + sc[i][j]) / 3f, s[i][j], "paragraph " + i + " label " + j);
                sum += s[i][j];
            }
            assertEquals(1.0, sum, 1e-5);
        }
        assertNotEquals(sa[0][0], s[0][0], "the members differ, so the mean differs from the first");
    }

    /**
     * The shared encoder computes each member's encoding as a plain loop over that member's own tensors does: the
     * bias, then the non-zero inputs' weighted rows added one by one in index order, then ReLU; bit for bit, for one
     * to three members, widths that are and are not multiples of the vector width, and inputs with any number of
     * non-zeros (the encoder adds rows four at a time).
     */
    @Test
    void theSharedEncoderGivesEveryMemberItsOwnEncodingBitForBit() {
        Random r = new Random(3);
        for (int hidden : new int[]{4, 13, 16, 128}) {
            NetworkConfig net = new NetworkConfig(Architecture.BILSTM, hidden, 4, 0, 0);
            List<NetworkWeights> members = new java.util.ArrayList<>();
            for (int k = 0; k < 3; k++) {
                members.add(ForwardPassTest.perturbed(GraphFactory.export(GraphFactory.create(net, DIM, 3, k, 1e-3, 0)),
                        r));
            }
            for (int use = 1; use <= 3; use++) {
                SparseEncoder encoder = new SparseEncoder(members.subList(0, use), DIM, hidden);
                for (int nonZeros = 0; nonZeros <= 41; nonZeros++) {
                    SparseVector x = sparse(r, nonZeros);
                    float[][] actual = encoder.encode(x);
                    assertEquals(use, actual.length);
                    for (int k = 0; k < use; k++) {
                        float[] expected = plainEncoding(members.get(k), hidden, x);
                        for (int j = 0; j < hidden; j++) {
                            assertEquals(Float.floatToRawIntBits(expected[j]), Float.floatToRawIntBits(actual[k][j]),
                                    "hidden " + hidden + ", " + use + " members, member " + k + ", " + nonZeros
                                            + " non-zeros, unit " + j);
                        }
                    }
                }
            }
        }
    }

    /** relu(enc_b + x enc_W), one term at a time in index order, straight from the tensors. */
    private static float[] plainEncoding(NetworkWeights w, int hidden, SparseVector x) {
        Tensor weights = w.get("enc_W");
        Tensor bias = w.get("enc_b");
        float[] a = new float[hidden];
        for (int j = 0; j < hidden; j++) {
            float sum = bias.get(j);
            for (int k = 0; k < x.size(); k++) sum += x.valueAt(k) * weights.get(x.indexAt(k) * hidden + j);
            a[j] = sum < 0f ? 0f : sum;
        }
        return a;
    }

    /** A vector of DIM with this many non-zeros at random places, of either sign. */
    private static SparseVector sparse(Random r, int nonZeros) {
        java.util.TreeMap<Integer, Float> m = new java.util.TreeMap<>();
        while (m.size() < nonZeros) m.put(r.nextInt(DIM), (float) r.nextGaussian());
        int[] idx = m.keySet().stream().mapToInt(Integer::intValue).toArray();
        float[] val = new float[idx.length];
        int j = 0;
        for (float v : m.values()) val[j++] = v;
        return new SparseVector(DIM, idx, val);
    }

    /**
     * The bundled seed ensemble on every article of the dev split (its real features): the ensemble, which encodes for
     * all members in one pass, gives exactly the mean of its members each run alone as a {@link ForwardPass}; its
     * context gives the same scores, and rescoring a paragraph gives what each member alone gives.
     */
    @Test
    void theBundledEnsembleScoresTheDevArticlesExactlyAsItsMembersAloneDo() throws Exception {
        org.wirecopy.model.Model model = org.wirecopy.classify.Classifier.defaultModel();
        int members = model.weights().members();
        assertTrue(members > 1, "the bundled model is a seed ensemble");
        int dim = model.features().inputSize();
        int labels = model.labels().size();
        ForwardPass[] alone = new ForwardPass[members];
        for (int k = 0; k < members; k++) {
            alone[k] = new ForwardPass(model.network(), model.weights().member(k), dim, labels);
        }
        Ensemble ensemble = new Ensemble(model.network(), model.weights(), dim, labels);
        var fx = new org.wirecopy.features.FeatureExtractor(model.features(), model.vectors());
        var dev = org.wirecopy.corpus.CorpusReader.read(
                org.wirecopy.TestData.root().resolve("training-data/dev.jsonl"),
                org.wirecopy.corpus.CorpusOptions.defaults());
        int paragraphs = 0;
        for (var article : dev.articles()) {
            List<SparseVector> inputs = fx.extract(org.wirecopy.text.Article.ofParagraphs(article.texts()).paragraphs());
            float[][] expected = alone[0].scores(inputs);
            for (int k = 1; k < members; k++) {
                float[][] s = alone[k].scores(inputs);
                for (int i = 0; i < expected.length; i++) {
                    for (int j = 0; j < labels; j++) expected[i][j] += s[i][j];
                }
            }
            for (float[] row : expected) {
                for (int j = 0; j < labels; j++) row[j] /= members;
            }
            float[][] actual = ensemble.scores(inputs);
            Ensemble.Context context = ensemble.context(inputs);
            for (int i = 0; i < expected.length; i++) {
                assertArrayEquals(expected[i], actual[i], article.id() + " paragraph " + i);
                assertArrayEquals(expected[i], context.scores(i), article.id() + " paragraph " + i + ", context");
            }
            paragraphs += expected.length;
            // rescoring the middle paragraph with the first one's input
            int i = inputs.size() / 2;
            float[] rescored = context.rescore(i, inputs.get(0));
            float[] sum = alone[0].context(inputs).rescore(i, inputs.get(0));
            for (int k = 1; k < members; k++) {
                float[] s = alone[k].context(inputs).rescore(i, inputs.get(0));
                for (int j = 0; j < labels; j++) sum[j] += s[j];
            }
            for (int j = 0; j < labels; j++) sum[j] /= members;
            assertArrayEquals(sum, rescored, article.id() + " paragraph " + i + " rescored");
        }
        assertTrue(paragraphs > 1000, paragraphs + " paragraphs");
    }

    @Test
    void contextScoresAndRescoresLikeTheWholePass() {
        NetworkWeights all = NetworkWeights.ensemble(List.of(network(4), network(5)));
        Ensemble e = new Ensemble(NET, all, DIM, 3);
        Random r = new Random(11);
        List<SparseVector> article = ForwardPassTest.randomArticle(r, 12, DIM);
        float[][] whole = e.scores(article);
        Ensemble.Context ctx = e.context(article);
        assertEquals(12, ctx.size());
        for (int i = 0; i < 12; i++) assertArrayEquals(whole[i], ctx.scores(i), "paragraph " + i);
        for (int i = 0; i < 12; i++) assertArrayEquals(whole[i], ctx.scores(i), "paragraph " + i + ", asked again");
        SparseVector other = ForwardPassTest.randomArticle(r, 1, DIM).get(0);
        for (int i : new int[]{0, 5, 11}) {
            List<SparseVector> changed = new java.util.ArrayList<>(article);
            changed.set(i, other);
            assertArrayEquals(e.scores(changed)[i], ctx.rescore(i, other), "paragraph " + i + " with another input");
        }
    }

    @Test
    void badEnsemblesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> NetworkWeights.ensemble(List.of()));
        NetworkWeights two = NetworkWeights.ensemble(List.of(network(1), network(2)));
        IllegalArgumentException nested = assertThrows(IllegalArgumentException.class,
                () -> NetworkWeights.ensemble(List.of(two, network(3))));
        assertTrue(nested.getMessage().contains("itself an ensemble"), nested.getMessage());
        // a member m2/ without m1/: the prefixes must be consecutive
        List<Tensor> gap = new java.util.ArrayList<>(network(1).tensors());
        for (Tensor t : network(2).tensors()) gap.add(new Tensor("m2/" + t.name(), t.shape(), t.data()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NetworkWeights(gap).members());
        assertTrue(e.getMessage().contains("m2/"), e.getMessage());
        // a member with a missing tensor is named in the message
        List<Tensor> missing = new java.util.ArrayList<>(network(1).tensors());
        for (Tensor t : network(2).tensors()) {
            if (!t.name().equals("out_b")) missing.add(new Tensor("m1/" + t.name(), t.shape(), t.data()));
        }
        IllegalArgumentException m = assertThrows(IllegalArgumentException.class,
                () -> new Ensemble(NET, new NetworkWeights(missing), DIM, 3));
        assertTrue(m.getMessage().contains("member 1") && m.getMessage().contains("out_b"), m.getMessage());
    }

    @Test
    void theLoadersShapeCheckRefusesWhatBuildingRefusesWithTheSameMessage() {
        // every tensor of member 1, in turn, one row short, or missing; and member 0's in a model of one network
        NetworkWeights a = network(1), b = network(2);
        int cases = 0;
        for (int member = 0; member < 2; member++) {
            NetworkWeights target = member == 0 ? a : b;
            for (Tensor bad : target.tensors()) {
                for (boolean drop : new boolean[]{false, true}) {
                    List<Tensor> changed = new java.util.ArrayList<>();
                    for (Tensor t : target.tensors()) {
                        if (t != bad) changed.add(t);
                        else if (!drop) changed.add(shorter(t));
                    }
                    NetworkWeights w = member == 0 ? new NetworkWeights(changed)
                            : NetworkWeights.ensemble(List.of(a, new NetworkWeights(changed)));
                    IllegalArgumentException built = assertThrows(IllegalArgumentException.class,
                            () -> new Ensemble(NET, w, DIM, 3), bad.name());
                    IllegalArgumentException checked = assertThrows(IllegalArgumentException.class,
                            () -> Ensemble.check(NET, w, DIM, 3), bad.name());
                    assertEquals(built.getMessage(), checked.getMessage());
                    assertTrue(checked.getMessage().contains(bad.name()), checked.getMessage());
                    cases++;
                }
            }
        }
        assertEquals(2 * 2 * a.tensors().size(), cases);
        Ensemble.check(NET, NetworkWeights.ensemble(List.of(a, b)), DIM, 3);
        // another input size or label count is refused as building refuses it
        IllegalArgumentException labels = assertThrows(IllegalArgumentException.class,
                () -> Ensemble.check(NET, a, DIM, 4));
        assertEquals(assertThrows(IllegalArgumentException.class, () -> new Ensemble(NET, a, DIM, 4)).getMessage(),
                labels.getMessage());
    }

    /** The tensor with its first row (or value) left out. */
    private static Tensor shorter(Tensor t) {
        int[] shape = t.shape();
        int row = t.size() / shape[0];
        if (shape[0] == 1) {
            shape[shape.length - 1]--;
            row = 1;
        } else {
            shape[0]--;
        }
        float[] d = t.data();
        return new Tensor(t.name(), shape, java.util.Arrays.copyOfRange(d, row, d.length));
    }

    @Test
    void temperatureScalingReachesEveryMember() {
        NetworkWeights all = NetworkWeights.ensemble(List.of(network(1), network(2)));
        NetworkWeights scaled = org.wirecopy.train.Calibrator.scaled(all, 2.0);
        for (int k = 0; k < 2; k++) {
            float[] before = all.member(k).get("out_b").data();
            float[] after = scaled.member(k).get("out_b").data();
            for (int j = 0; j < before.length; j++) assertEquals(before[j] / 2.0, after[j], 1e-6, "member " + k);
            assertArrayEquals(all.member(k).get("enc_W").data(), scaled.member(k).get("enc_W").data());
        }
    }
}
