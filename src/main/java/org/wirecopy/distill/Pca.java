package org.wirecopy.distill;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Principal component analysis of row vectors by the eigen decomposition of their covariance matrix (cyclic Jacobi
 * rotations, in double precision). Deterministic: the same rows give the same components, bit for bit; each
 * component's sign is fixed so that its largest-magnitude coordinate is positive.
 *
 * <p>Immutable and thread-safe.
 *
 * @param mean       the mean row, subtracted before projecting
 * @param components {@code k} unit-length principal axes, by decreasing variance, each of the rows' length
 * @param variances  the variance along each axis (the covariance eigenvalues), decreasing
 * @param totalVariance the variance of the rows summed over all coordinates (the covariance trace)
 */
record Pca(double[] mean, double[][] components, double[] variances, double totalVariance) {

    /**
     * Checks the shapes and copies the arrays.
     *
     * @param mean          the mean row
     * @param components    principal axes, each of the mean's length
     * @param variances     the variance along each axis, one per component
     * @param totalVariance the variance of the rows summed over all coordinates
     * @throws IllegalArgumentException when the shapes disagree
     */
    Pca {
        mean = mean.clone();
        components = Arrays.stream(components).map(double[]::clone).toArray(double[][]::new);
        variances = variances.clone();
        if (components.length != variances.length) {
            throw new IllegalArgumentException(components.length + " components but " + variances.length + " variances");
        }
        for (double[] c : components) {
            if (c.length != mean.length) throw new IllegalArgumentException("a component has " + c.length
                    + " coordinates but the mean has " + mean.length);
        }
    }

    /** {@return a copy of the mean row} */
    @Override
    public double[] mean() {
        return mean.clone();
    }

    /** {@return a deep copy of the principal axes} */
    @Override
    public double[][] components() {
        return Arrays.stream(components).map(double[]::clone).toArray(double[][]::new);
    }

    /** {@return a copy of the variances along the axes} */
    @Override
    public double[] variances() {
        return variances.clone();
    }

    /** {@return the share of the total variance the components keep, 0..1 (0 when the rows do not vary)} */
    double keptShare() {
        double kept = 0;
        for (double v : variances) kept += v;
        return totalVariance == 0 ? 0 : kept / totalVariance;
    }

    /**
     * The first {@code k} principal components of the rows of {@code data} selected by {@code use}.
     *
     * @param data rows of equal length
     * @param use  which rows to fit on, one flag per row
     * @param k    the number of components, 1..row length
     * @return the fitted analysis
     * @throws IllegalArgumentException if {@code k} is not in 1..row length or fewer than 2 rows are used
     */
    static Pca fit(float[][] data, boolean[] use, int k) {
        int dims = data[0].length;
        if (k < 1 || k > dims) throw new IllegalArgumentException("k is " + k + ": use 1.." + dims);
        double[] mean = new double[dims];
        int n = 0;
        for (int i = 0; i < data.length; i++) {
            if (!use[i]) continue;
            n++;
            for (int d = 0; d < dims; d++) mean[d] += data[i][d];
        }
        if (n < 2) throw new IllegalArgumentException("PCA needs at least 2 rows; got " + n);
        for (int d = 0; d < dims; d++) mean[d] /= n;
        double[][] cov = new double[dims][dims];
        double[] x = new double[dims];
        for (int i = 0; i < data.length; i++) {
            if (!use[i]) continue;
            for (int d = 0; d < dims; d++) x[d] = data[i][d] - mean[d];
            for (int a = 0; a < dims; a++) {
                double xa = x[a];
                double[] row = cov[a];
                for (int b = a; b < dims; b++) row[b] += xa * x[b];
            }
        }
        for (int a = 0; a < dims; a++) {
            for (int b = a; b < dims; b++) {
                cov[a][b] /= (n - 1);
                cov[b][a] = cov[a][b];
            }
        }
        double trace = 0;
        for (int d = 0; d < dims; d++) trace += cov[d][d];
        Eigen e = eigen(cov);
        double[][] comps = new double[k][];
        double[] vars = new double[k];
        for (int i = 0; i < k; i++) {
            comps[i] = e.vectors[i];
            vars[i] = e.values[i];
        }
        return new Pca(mean, comps, vars, trace);
    }

    /**
     * Projects {@code row} (mean subtracted) onto the components.
     *
     * @param row a row of the fitted length
     * @return its coordinate along each component
     */
    float[] project(float[] row) {
        float[] out = new float[components.length];
        for (int c = 0; c < components.length; c++) {
            double s = 0;
            double[] comp = components[c];
            for (int d = 0; d < comp.length; d++) s += (row[d] - mean[d]) * comp[d];
            out[c] = (float) s;
        }
        return out;
    }

    /** Eigenvalues (decreasing) and unit eigenvectors (rows, same order) of a symmetric matrix. */
    record Eigen(double[] values, double[][] vectors) {
    }

    /**
     * The eigen decomposition of the symmetric matrix {@code m} by cyclic Jacobi rotations, until the off-diagonal
     * mass is below 1e-22 of the total or 100 sweeps.
     */
    static Eigen eigen(double[][] m) {
        int n = m.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            if (m[i].length != n) throw new IllegalArgumentException("matrix is not square at row " + i);
            a[i] = m[i].clone();
        }
        double[][] v = new double[n][n]; // columns are eigenvectors
        for (int i = 0; i < n; i++) v[i][i] = 1;
        double total = 0;
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) total += a[i][j] * a[i][j];
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) off += a[i][j] * a[i][j];
            if (off <= 1e-22 * total || off == 0) break;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    double apq = a[p][q];
                    if (apq == 0) continue;
                    double theta = (a[q][q] - a[p][p]) / (2 * apq);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) t = 1;
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) { // columns p and q
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) { // rows p and q
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < n; k++) {
                        double vkp = v[k][p];
                        double vkq = v[k][q];
                        v[k][p] = c * vkp - s * vkq;
                        v[k][q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) values[i] = a[i][i];
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -values[i]).thenComparingInt(i -> i));
        double[] sortedValues = new double[n];
        double[][] vectors = new double[n][n];
        for (int r = 0; r < n; r++) {
            int col = order[r];
            sortedValues[r] = values[col];
            int argmax = 0;
            for (int k = 0; k < n; k++) {
                vectors[r][k] = v[k][col];
                if (Math.abs(v[k][col]) > Math.abs(v[argmax][col])) argmax = k;
            }
            if (v[argmax][col] < 0) for (int k = 0; k < n; k++) vectors[r][k] = -vectors[r][k];
        }
        return new Eigen(sortedValues, vectors);
    }
}
