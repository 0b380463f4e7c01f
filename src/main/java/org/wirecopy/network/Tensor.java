package org.wirecopy.network;

import java.util.Arrays;
import java.util.Objects;

/**
 * A named, row-major float tensor of rank 1 or 2: one parameter array of a network.
 * The tensor keeps its own copy of the data it is given, and {@link #data()} and {@link #shape()} return copies, so
 * nothing a caller does to an array changes a tensor (or a loaded model). Values are finite.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name  parameter name, e.g. {@code enc_W}
 * @param shape dimensions, each >= 1
 * @param data  row-major values, as many as the product of the shape
 */
public record Tensor(String name, int[] shape, float[] data) {

    /**
     * Checks the components and copies the arrays.
     *
     * @param name  parameter name; not null
     * @param shape dimensions: one or two, each at least 1
     * @param data  row-major values, as many as the product of the shape, all finite
     * @throws IllegalArgumentException when the shape is bad, does not fit the data, or a value is not finite
     */
    public Tensor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(data, "data");
        shape = shape.clone();
        data = data.clone();
        if (shape.length < 1 || shape.length > 2) throw new IllegalArgumentException(name + ": rank must be 1 or 2");
        long n = 1;
        for (int d : shape) {
            if (d < 1) throw new IllegalArgumentException(name + ": bad shape " + Arrays.toString(shape));
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException(name + ": shape " + Arrays.toString(shape) + " needs " + n
                    + " values, got " + data.length);
        }
        for (int i = 0; i < data.length; i++) {
            if (!Float.isFinite(data[i])) {
                throw new IllegalArgumentException(name + ": value " + i + " is " + data[i]
                        + "; a network's weights must be finite (training diverged, or the file is corrupt)");
            }
        }
    }

    /** {@return a copy of the row-major values} */
    @Override
    public float[] data() {
        return data.clone();
    }

    /**
     * The row-major values themselves, not a copy: for the network's own classes, which only read them (building a
     * seed ensemble copied its 7 MB of weights twice more through {@link #data()} and new tensors).
     *
     * @return the tensor's array; never written to
     */
    float[] values() {
        return data;
    }

    /** {@return the number of values} */
    public int size() {
        return data.length;
    }

    /**
     * The value at row-major position {@code i}, without copying.
     *
     * @param i a position, in 0..size-1
     * @return the value
     */
    public float get(int i) {
        return data[i];
    }

    /** {@return a copy of the dimensions} */
    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** {@return the first dimension} */
    public int rows() {
        return shape[0];
    }

    /** {@return the second dimension, 1 for a rank-1 tensor} */
    public int cols() {
        return shape.length == 2 ? shape[1] : 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && t.name.equals(name) && Arrays.equals(t.shape, shape)
                && Arrays.equals(t.data, data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(shape), Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "Tensor[" + name + " " + Arrays.toString(shape) + "]";
    }
}
