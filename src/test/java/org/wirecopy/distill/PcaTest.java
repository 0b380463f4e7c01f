package org.wirecopy.distill;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PcaTest {

    @Test
    void eigenOfATwoByTwoMatchesTheHandSolution() {
        // [[2,1],[1,2]]: eigenvalues 3 and 1, eigenvectors (1,1)/sqrt2 and (1,-1)/sqrt2 (sign: first largest coordinate > 0)
        Pca.Eigen e = Pca.eigen(new double[][]{{2, 1}, {1, 2}});
        double r = 1 / Math.sqrt(2);
        assertEquals(3, e.values()[0], 1e-12);
        assertEquals(1, e.values()[1], 1e-12);
        assertEquals(r, e.vectors()[0][0], 1e-12);
        assertEquals(r, e.vectors()[0][1], 1e-12);
        assertEquals(r, e.vectors()[1][0], 1e-12);
        assertEquals(-r, e.vectors()[1][1], 1e-12);
    }

    @Test
    void eigenOfADiagonalMatrixSortsItsEntriesAndFixesSigns() {
        Pca.Eigen e = Pca.eigen(new double[][]{{1, 0, 0}, {0, 5, 0}, {0, 0, 3}});
        assertEquals(5, e.values()[0]);
        assertEquals(3, e.values()[1]);
        assertEquals(1, e.values()[2]);
        assertEquals(1, e.vectors()[0][1]);
        assertEquals(1, e.vectors()[1][2]);
        assertEquals(1, e.vectors()[2][0]);
    }

    @Test
    void eigenvectorsOfARandomSymmetricMatrixSatisfyAvEqualsLambdaVAndAreOrthonormal() {
        int n = 24;
        Random random = new Random(7);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                a[i][j] = random.nextGaussian();
                a[j][i] = a[i][j];
            }
        }
        Pca.Eigen e = Pca.eigen(a);
        for (int k = 0; k < n; k++) {
            double[] v = e.vectors()[k];
            for (int i = 0; i < n; i++) {
                double av = 0;
                for (int j = 0; j < n; j++) av += a[i][j] * v[j];
                assertEquals(e.values()[k] * v[i], av, 1e-9, "A v = lambda v, vector " + k + " row " + i);
            }
            if (k > 0) assertTrue(e.values()[k] <= e.values()[k - 1]);
            int argmax = 0;
            for (int i = 1; i < n; i++) if (Math.abs(v[i]) > Math.abs(v[argmax])) argmax = i;
            assertTrue(v[argmax] > 0, "sign: the largest-magnitude coordinate of vector " + k + " is positive");
            for (int m = 0; m < n; m++) {
                double dot = 0;
                for (int i = 0; i < n; i++) dot += v[i] * e.vectors()[m][i];
                assertEquals(k == m ? 1 : 0, dot, 1e-9);
            }
        }
    }

    @Test
    void fitFindsTheDirectionOfMostVarianceAndProjectsCentredRows() {
        // points t*(0.6, 0.8) + (10, -2): all variance along (0.6, 0.8)
        float[][] rows = new float[5][];
        for (int t = 0; t < 5; t++) rows[t] = new float[]{10 + 0.6f * (t - 2), -2 + 0.8f * (t - 2)};
        boolean[] use = {true, true, true, true, true};
        Pca pca = Pca.fit(rows, use, 1);
        assertEquals(10, pca.mean()[0], 1e-6);
        assertEquals(-2, pca.mean()[1], 1e-6);
        assertEquals(0.6, pca.components()[0][0], 1e-6);
        assertEquals(0.8, pca.components()[0][1], 1e-6);
        assertEquals(2.5, pca.variances()[0], 1e-5); // (4 + 1 + 0 + 1 + 4) / 4
        assertEquals(1, pca.keptShare(), 1e-9);
        assertEquals(2, pca.project(rows[4])[0], 1e-5);
        assertEquals(-1, pca.project(rows[1])[0], 1e-5);
    }

    @Test
    void fitLeavesOutRowsNotUsed() {
        float[][] rows = {{0, 0}, {2, 0}, {100, 100}};
        Pca pca = Pca.fit(rows, new boolean[]{true, true, false}, 2);
        assertEquals(1, pca.mean()[0], 1e-12);
        assertEquals(0, pca.mean()[1], 1e-12);
        assertEquals(2, pca.variances()[0], 1e-12);
        assertEquals(0, pca.variances()[1], 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Pca.fit(rows, new boolean[]{true, false, false}, 1));
        assertThrows(IllegalArgumentException.class, () -> Pca.fit(rows, new boolean[]{true, true, true}, 3));
    }
}
