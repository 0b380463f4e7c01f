package org.wirecopy.io;

import java.io.IOException;

/**
 * An input that is larger than a reader's limit (bytes, line length, paragraphs). The message names the input and the
 * limit, and says how to split the input or raise the limit.
 *
 * <p>Thread-safe once thrown (immutable message).
 */
public class LimitExceededException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message that names the input and the limit.
     *
     * @param message the whole message shown to the user
     */
    public LimitExceededException(String message) {
        super(message);
    }
}
