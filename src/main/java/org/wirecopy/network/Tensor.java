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

    /** A copy of the row-major values. */
    @Override
    public float[] data() {
        return data.clone();
    }

    /** Number of values. */
    public int size() {
        return data.length;
    }

    /** The value at row-major position {@code i}. */
    public float get(int i) {
        return data[i];
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    public int rows() {
        return shape[0];
    }

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
