package org.wirecopy.text;

/**
 * Input that cannot be read as an article: binary data, invalid UTF-8, or text over the size limit.
 * The message says where (source and byte offset or line) and how to fix it.
 *
 * <p>Thread-safe once thrown (immutable message).
 */
public class ArticleInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ArticleInputException(String message) {
        super(message);
    }

    public ArticleInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
