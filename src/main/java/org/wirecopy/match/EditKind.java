package org.wirecopy.match;

/**
 * What a writer changed between a source paragraph and the pasted one.
 *
 * <p>Immutable and thread-safe.
 */
public enum EditKind {
    /** Words in the pasted text that are not in the source (within or around the copied part). */
    ADDED,
    /** Source words left out inside the copied part, without an ellipsis mark. */
    CUT,
    /** Source words replaced by other words. */
    REPLACED,
    /** Source words left out and marked with an ellipsis ({@code ...}, {@code …}, {@code [...]}). */
    ELLIPSIS,
    /** The pasted text starts after the start of its first source paragraph. */
    TRUNCATED_START,
    /** The pasted text stops before the end of its last source paragraph. */
    TRUNCATED_END
}
