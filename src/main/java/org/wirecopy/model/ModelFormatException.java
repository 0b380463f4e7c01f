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

    public ModelFormatException(String message) {
        super(message);
    }

    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
