package org.wirecopy.match;

import java.io.IOException;

/**
 * A file that cannot be opened as a source index: not an index, a format version this wirecopy cannot read, a
 * truncated file or a checksum mismatch. The message names the file and the fix.
 *
 * <p>Thread-safe (immutable once thrown).
 */
public class IndexFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message that names the file and the fix.
     *
     * @param message the whole message shown to the user
     */
    public IndexFormatException(String message) {
        super(message);
    }
}
