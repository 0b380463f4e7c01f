package org.wirecopy.classify;

/**
 * An input of {@link Classifier#classifyAll} that could not be classified: carries the input's position and the
 * input itself so the caller can say which one (e.g. its file:line), with the original failure as the cause.
 *
 * <p>Thread-safe once thrown (immutable fields).
 */
public class BatchClassificationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long index;
    private final transient Object item;

    public BatchClassificationException(long index, Object item, Throwable cause) {
        super("input " + index + " cannot be classified: " + cause.getMessage(), cause);
        this.index = index;
        this.item = item;
    }

    /** The failed input's position, from 0. */
    public long index() {
        return index;
    }

    /** The failed input as it was given. */
    public Object item() {
        return item;
    }
}
