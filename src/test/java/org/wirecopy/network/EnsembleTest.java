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
