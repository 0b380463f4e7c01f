package org.wirecopy.cli;

import org.wirecopy.classify.BatchClassificationException;
import org.wirecopy.classify.Classified;
import org.wirecopy.classify.Classifier;
import org.wirecopy.corpus.CorpusFormat;
import org.wirecopy.corpus.CorpusOptions;
import org.wirecopy.corpus.CorpusReader;
import org.wirecopy.corpus.DataProblem;
import org.wirecopy.corpus.LabelledArticle;
import org.wirecopy.text.Article;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.stream.Stream;

/**
 * Classifies a JSONL corpus in constant memory with {@link Classifier#classifyAll}: a reader thread parses articles
 * into a small bounded queue, the classifier's pool classifies them, and results are written in input order as soon as
 * they are done. Progress (articles/s, and ETA when the file size is known) goes to stderr. A bad line is reported
 * with file:line and skipped; the exit code then says data problems were found.
 */
final class CorpusClassification {

    private final Classifier classifier;
    private final ResultWriter writer;
    private final PrintWriter err;
    private final int threads;

    CorpusClassification(Classifier classifier, ResultWriter writer, PrintWriter err, int threads) {
        this.classifier = classifier;
        this.writer = writer;
        this.err = err;
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** Classifies {@code file} (stdin when null) and returns the exit code. */
    int run(Path file) throws IOException {
        String name = file == null ? "stdin" : file.toString();
        if (file != null) org.wirecopy.io.SafeFiles.requireReadable(file, "JSONL corpus");
        long size = file == null || !Files.isRegularFile(file) ? -1 : Files.size(file);
        long started = System.nanoTime();
        long lastReport = started;
        long done = 0;
        writer.begin();
        try (InputStream raw = file == null ? System.in : Files.newInputStream(file);
             CountingInputStream in = new CountingInputStream(raw);
             Reading reading = new Reading(in, name);
             Stream<Classified<LabelledArticle>> results = classifier.classifyAll(reading,
                     a -> Article.ofParagraphs(a.texts()), threads)) {
            Iterator<Classified<LabelledArticle>> it = results.iterator();
            while (it.hasNext()) {
                Classified<LabelledArticle> r;
                try {
                    r = it.next();
                } catch (BatchClassificationException e) {
                    LabelledArticle a = (LabelledArticle) e.item();
                    throw new org.wirecopy.text.ArticleInputException(a.origin() + ": article " + a.id()
                            + " cannot be classified: " + e.getCause().getMessage(), e.getCause());
                }
                writer.article(r.item().id(), r.result());
                writer.check();
                done++;
                long now = System.nanoTime();
                if (now - lastReport >= 2_000_000_000L) {
                    lastReport = now;
                    progress(done, started, now, size, in.count());
                }
            }
            writer.end();
            writer.check();
            double secs = (System.nanoTime() - started) / 1e9;
            err.printf(Locale.ROOT, "classified %d articles in %.1f s%s%n", done, secs,
                    reading.problems == 0 ? "" : "; " + reading.problems + " bad lines skipped");
            return reading.problems == 0 ? ExitCodes.OK : ExitCodes.DATA;
        }
    }

    private void progress(long done, long started, long now, long size, long bytes) {
        double secs = (now - started) / 1e9;
        double rate = done / Math.max(1e-9, secs);
        String eta = "";
        if (size > 0 && bytes > 0) {
            double left = secs * (size - bytes) / bytes;
            eta = String.format(Locale.ROOT, ", %.0f%% read, ETA %.0f s", 100.0 * bytes / size, left);
        }
        err.printf(Locale.ROOT, "classified %d articles, %.0f articles/s%s%n", done, rate, eta);
        err.flush();
    }

    /**
     * The corpus as an iterator of articles: {@link CorpusReader#stream} runs on a daemon thread and hands articles
     * over through a queue of 64; problems are printed to stderr as they are found. A failure of the reader (an I/O
     * error, an over-long line) is rethrown to the consumer.
     */
    private final class Reading implements Iterator<LabelledArticle>, AutoCloseable {
        private static final Object END = new Object();
        private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(64);
        private final Thread thread;
        private Object head;
        volatile int problems;

        Reading(InputStream in, String name) {
            CorpusOptions options = CorpusOptions.defaults().anyLabel().requiringLabels(false);
            thread = new Thread(() -> {
                Object last = END;
                try {
                    CorpusReader.stream(in, name, CorpusFormat.JSONL, options, new CorpusReader.Sink() {
                        @Override
                        public void article(LabelledArticle a) throws IOException {
                            put(a);
                        }

                        @Override
                        public void problem(DataProblem p) {
                            problems++;
                            err.println("error: " + p);
                        }
                    }, false);
                } catch (InterruptedIOException stop) {
                    return;
                } catch (Throwable t) {
                    last = t;
                }
                try {
                    queue.put(last);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "wirecopy-read");
            thread.setDaemon(true);
            thread.start();
        }

        private void put(Object o) throws InterruptedIOException {
            try {
                queue.put(o);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException();
            }
        }

        @Override
        public boolean hasNext() {
            if (head == null) {
                try {
                    head = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while reading the corpus", e);
                }
            }
            if (head instanceof RuntimeException r) throw r;
            if (head instanceof Error e) throw e;
            if (head instanceof IOException e) throw new java.io.UncheckedIOException(e);
            if (head instanceof Throwable t) throw new IllegalStateException(t);
            return head != END;
        }

        @Override
        public LabelledArticle next() {
            if (!hasNext()) throw new NoSuchElementException();
            LabelledArticle a = (LabelledArticle) head;
            head = null;
            return a;
        }

        @Override
        public void close() {
            thread.interrupt();
        }
    }

    /** Thrown inside the reader thread when the consumer has stopped. */
    private static final class InterruptedIOException extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** Counts bytes read, for progress. */
    private static final class CountingInputStream extends java.io.FilterInputStream {
        private volatile long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }

        long count() {
            return count;
        }
    }
}
