package org.wirecopy.model;

import java.io.IOException;

/**
 * A file that cannot be loaded as a wirecopy model: not a zip, not a wirecopy model, a newer format version, a corrupt
 * or truncated file, or a manifest that does not match the weights. The message names the file and the fix.
 *
 * <p>Thread-safe once thrown (immutable message).
 */
public class ModelFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message that names the file and the fix.
     *
     * @param message the whole message shown to the user
     */
    public ModelFormatException(String message) {
        super(message);
    }

    /**
     * An exception with a message that names the file and the fix, and the failure beneath it.
     *
     * @param message the whole message shown to the user
     * @param cause   the underlying failure
     */
    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
