package org.wirecopy.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A progress bar on stderr for one long task of a command (classifying many inputs, training, cross-validating,
 * evaluating), drawn with {@code me.tongfei:progressbar}. The library never draws one: it tells listeners
 * ({@code Trainer.onProgress}, {@code NetworkLearner.withProgress}, {@code CrossValidator.run(..., onFold)},
 * {@code Evaluator.evaluate(..., onArticle)}) and the commands render what they hear here. A bar is drawn only when
 * stderr is a terminal or {@code --progress} asks for it; otherwise {@link #none()} draws nothing and the commands
 * print their plain periodic lines, which read well in logs and pipes.
 *
 * <p>Thread-safe: the bar is redrawn on its own thread; steps may come from any thread.
 */
final class ProgressDisplay implements AutoCloseable {

    private static final ProgressDisplay NONE = new ProgressDisplay(null, null);

    private final ProgressBar bar;
    private final PrintWriter err;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private ProgressDisplay(ProgressBar bar, PrintWriter err) {
        this.bar = bar;
        this.err = err;
    }

    /** A display that draws nothing. */
    static ProgressDisplay none() {
        return NONE;
    }

    /**
     * A bar named {@code task} counting up to {@code max} {@code unit}s ({@code max <= 0}: unknown, the bar then
     * shows the count only), written to {@code err} with carriage returns, redrawn every {@code refreshMillis}.
     */
    static ProgressDisplay bar(PrintWriter err, String task, long max, String unit, int refreshMillis) {
        ProgressBarBuilder b = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(max > 0 ? max : -1)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(refreshMillis)
                .setConsumer(new WriterConsumer(err, width()))
                .setUnit(" " + unit, 1);
        return new ProgressDisplay(b.build(), err);
    }

    /** A bar when {@code forced} or stderr is a terminal, otherwise {@link #none()}. */
    static ProgressDisplay open(boolean forced, PrintWriter err, String task, long max, String unit) {
        return forced || stderrIsTerminal() ? bar(err, task, max, unit, 500) : none();
    }

    /** Whether a bar is drawn; when not, the command prints plain lines instead. */
    boolean active() {
        return bar != null;
    }

    /** Moves the bar to {@code n} done. */
    void stepTo(long n) {
        if (bar != null) bar.stepTo(n);
    }

    /** Sets the text shown after the bar (loss, fold, paragraphs/s). */
    void extra(String message) {
        if (bar != null) bar.setExtraMessage(" " + message);
    }

    /** Redraws the bar once more and ends its line; later calls do nothing. */
    @Override
    public void close() {
        if (bar != null && closed.compareAndSet(false, true)) {
            bar.close();
            synchronized (err) {
                err.println();
                err.flush();
            }
        }
    }

    /**
     * Whether standard error is a terminal: on Linux, where {@code /proc/self/fd/2} points ({@code /dev/pts/N},
     * {@code /dev/ttyN}); elsewhere, whether the JVM has a console. {@code TERM=dumb} counts as no terminal.
     */
    static boolean stderrIsTerminal() {
        if ("dumb".equals(System.getenv("TERM"))) return false;
        Path fd = Path.of("/proc/self/fd/2");
        try {
            if (Files.isSymbolicLink(fd)) {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (java.io.IOException | SecurityException | UnsupportedOperationException e) {
            // not Linux, or /proc is hidden: fall back on the console
        }
        return System.console() != null;
    }

    /** The terminal's width from {@code COLUMNS}, else 100. */
    private static int width() {
        try {
            String c = System.getenv("COLUMNS");
            int w = c == null ? 100 : Integer.parseInt(c.trim());
            return Math.max(40, Math.min(w, 300));
        } catch (NumberFormatException e) {
            return 100;
        }
    }

    /** Writes each rendering over the previous one with a carriage return ({@link #close()} ends the line). */
    private static final class WriterConsumer implements ProgressBarConsumer {
        private final PrintWriter err;
        private final int width;

        WriterConsumer(PrintWriter err, int width) {
            this.err = err;
            this.width = width;
        }

        @Override
        public int getMaxRenderedLength() {
            return width - 1;
        }

        @Override
        public void accept(String rendered) {
            synchronized (err) {
                err.print('\r');
                err.print(rendered);
                err.flush();
            }
        }

        @Override
        public void close() {
            // the display ends the line once the bar has drawn its last state
        }
    }
}
