package org.wirecopy.classify;

/**
 * An input of {@link Classifier#classifyAll} that could not be classified: carries the input's position and the
 * input itself so the caller can say which one (e.g. its file:line), with the original failure as the cause.
 *
 * <p>Thread-safe once thrown (immutable fields).
 */
public class BatchClassificationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The failed input's position, from 0. */
    private final long index;
    private final transient Object item;

    /**
     * An exception for input {@code index}, whose message is the cause's message prefixed with the position.
     *
     * @param index the input's position in the input sequence, from 0
     * @param item  the input as it was given (not serialized with the exception)
     * @param cause why it could not be classified; not null
     */
    public BatchClassificationException(long index, Object item, Throwable cause) {
        super("input " + index + " cannot be classified: " + cause.getMessage(), cause);
        this.index = index;
        this.item = item;
    }

    /** {@return the failed input's position, from 0} */
    public long index() {
        return index;
    }

    /** {@return the failed input as it was given; null after deserialization} */
    public Object item() {
        return item;
    }
}
