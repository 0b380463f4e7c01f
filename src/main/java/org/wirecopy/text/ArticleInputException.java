package org.wirecopy.text;

/**
 * Input that cannot be read as an article: binary data, invalid UTF-8, or text over the size limit.
 * The message says where (source and byte offset or line) and how to fix it.
 *
 * <p>Thread-safe once thrown (immutable message).
 */
public class ArticleInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message that says where and how to fix it.
     *
     * @param message the whole message shown to the user
     */
    public ArticleInputException(String message) {
        super(message);
    }

    /**
     * An exception with a message that says where and how to fix it, and the failure beneath it.
     *
     * @param message the whole message shown to the user
     * @param cause   the underlying failure
     */
    public ArticleInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
