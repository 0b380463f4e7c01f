package org.wirecopy.cli;

import picocli.CommandLine.Option;

import java.io.PrintWriter;

/**
 * The {@code --progress} option of the long-running verbs: a progress bar on stderr even when it is not a terminal
 * (on a terminal it is drawn anyway; otherwise the verbs print plain periodic lines). Not thread-safe (picocli fills
 * it once).
 */
final class ProgressOption {

    @Option(names = "--progress", description = "Draw a progress bar on stderr even when stderr is not a terminal "
            + "(on a terminal it is drawn by default; elsewhere plain progress lines are printed).")
    boolean forced;

    /** A bar for this run when stderr is a terminal or {@code --progress} was given, else one that draws nothing. */
    ProgressDisplay open(PrintWriter err, String task, long max, String unit) {
        return ProgressDisplay.open(forced, err, task, max, unit);
    }
}
