package org.wirecopy.features;

import java.util.Arrays;
import java.util.Objects;

/**
 * A sparse float vector: sorted, distinct indices and their values. Immutable (arrays are copied in and out) and
 * thread-safe.
 *
 * @param dimension the vector's length
 * @param indices   sorted, distinct, each in [0, dimension)
 * @param values    one value per index
 */
public record SparseVector(int dimension, int[] indices, float[] values) {

    /**
     * Checks the components and copies the arrays.
     *
     * @param dimension the vector's length
     * @param indices   sorted, distinct, each in [0, dimension)
     * @param values    one value per index
     * @throws IllegalArgumentException when the arrays differ in length or an index is out of range, unsorted or
     *                                  repeated
     */
    public SparseVector {
        Objects.requireNonNull(indices, "indices");
        Objects.requireNonNull(values, "values");
        if (indices.length != values.length) {
            throw new IllegalArgumentException("indices and values differ in length: " + indices.length + " vs "
                    + values.length);
        }
        indices = indices.clone();
        values = values.clone();
        // the previous index in a local, not indices[i - 1]: that read made C2's hoisted range checks fail and
        // recompile the feature extractor, into which this loop is inlined, several times per run
        int previous = -1;
        for (int i = 0; i < indices.length; i++) {
            int index = indices[i];
            if (index < 0 || index >= dimension) {
                throw new IllegalArgumentException("index " + index + " outside [0, " + dimension + ")");
            }
            if (index <= previous) {
                throw new IllegalArgumentException("indices must be sorted and distinct at position " + i);
            }
            previous = index;
        }
    }

    /** {@return a copy of the indices} */
    @Override
    public int[] indices() {
        return indices.clone();
    }

    /** {@return a copy of the values} */
    @Override
    public float[] values() {
        return values.clone();
    }

    /** {@return the number of stored entries} */
    public int size() {
        return indices.length;
    }

    /**
     * Index of the k-th stored entry, without copying.
     *
     * @param k the entry, in 0..size-1
     * @return its index
     */
    public int indexAt(int k) {
        return indices[k];
    }

    /**
     * Value of the k-th stored entry, without copying.
     *
     * @param k the entry, in 0..size-1
     * @return its value
     */
    public float valueAt(int k) {
        return values[k];
    }

    /**
     * The value at {@code index}, 0 when absent.
     *
     * @param index an index of the vector
     * @return its value
     */
    public float get(int index) {
        int k = Arrays.binarySearch(indices, index);
        return k >= 0 ? values[k] : 0f;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparseVector v && v.dimension == dimension && Arrays.equals(v.indices, indices)
                && Arrays.equals(v.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * dimension + Arrays.hashCode(indices)) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "SparseVector[dimension=" + dimension + ", size=" + indices.length + "]";
    }
}
