package org.wirecopy.classify;

import java.util.Objects;

/**
 * One input of {@link Classifier#classifyAll} with its result.
 *
 * <p>Immutable and thread-safe when {@code T} is.
 *
 * @param index  the input's position in the input sequence, from 0
 * @param item   the input as it was given
 * @param result its classification
 * @param <T>    the input type
 */
public record Classified<T>(long index, T item, ClassifiedArticle result) {

    /**
     * Checks the components.
     *
     * @param index  the input's position in the input sequence, at least 0
     * @param item   the input as it was given
     * @param result its classification; not null
     * @throws IllegalArgumentException when {@code index} is negative
     * @throws NullPointerException     when {@code result} is null
     */
    public Classified {
        if (index < 0) throw new IllegalArgumentException("index must be >= 0, got " + index);
        Objects.requireNonNull(result, "result");
    }
}
