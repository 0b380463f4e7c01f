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

    @ParameterizedTest
    @EnumSource(Architecture.class)
    void plainJavaForwardPassMatchesDl4jGraph(Architecture arch) {
        NetworkConfig net = new NetworkConfig(arch, 16, 8, 0, 0);
        int dim = 300;
        Random r = new Random(7);
        var graph = GraphFactory.create(net, dim, 3, 42, 1e-3, 0);
        NetworkWeights w = perturbed(GraphFactory.export(graph), r);
        ForwardPass fp = new ForwardPass(net, w, dim, 3);
        for (int n : new int[]{1, 2, 7, 40, 96}) {
            List<SparseVector> article = randomArticle(r, n, dim);
            float[][] expected = SequenceTrainer.dl4jScores(net, w, dim, 3, article);
            float[][] actual = fp.scores(article);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < 3; j++) {
                    assertEquals(expected[i][j], actual[i][j], 2e-5, arch + " n=" + n + " paragraph " + i + " label " + j);
                }
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
