package org.wirecopy.cli;

/**
 * Process exit codes of the CLI.
 *
 * <p>Constants only; thread-safe.
 */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** An unexpected internal error (a bug: please report it). */
    public static final int INTERNAL = 1;
    /** Bad command line: unknown option, missing argument, bad value. */
    public static final int USAGE = 2;
    /** Bad input data: a corpus with problems, binary or non-UTF-8 input. */
    public static final int DATA = 3;
    /** A file cannot be read or written. */
    public static final int IO = 4;
    /** A model file cannot be loaded. */
    public static final int MODEL = 5;

    private ExitCodes() {
    }
}
