package org.wirecopy.cli;

import org.wirecopy.classify.ClassifiedArticle;
import org.wirecopy.classify.Classifier;
import org.wirecopy.corpus.CorpusFormat;
import org.wirecopy.corpus.CorpusOptions;
import org.wirecopy.corpus.CorpusReader;
import org.wirecopy.corpus.DataProblem;
import org.wirecopy.corpus.LabelledArticle;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Classifies a JSONL corpus in constant memory: articles are read one at a time, classified on a pool of threads,
 * and written in input order as soon as they are done. Progress (articles/s, and ETA when the file size is known) goes
 * to stderr. A bad line is reported with file:line and skipped; the exit code then says data problems were found.
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
        CorpusOptions options = CorpusOptions.defaults().anyLabel().requiringLabels(false);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "wirecopy-classify");
            t.setDaemon(true);
            return t;
        });
        int[] problems = {0};
        long started = System.nanoTime();
        long[] done = {0};
        long[] lastReport = {started};
        // articles handed to the pool and not yet written, oldest first; at most `window` of them (constant memory)
        ArrayDeque<Pending> pending = new ArrayDeque<>();
        int window = threads * 16;
        writer.begin();
        try (InputStream raw = file == null ? System.in : Files.newInputStream(file);
             CountingInputStream in = new CountingInputStream(raw)) {
            CorpusReader.stream(in, name, CorpusFormat.JSONL, options, new CorpusReader.Sink() {
                @Override
                public void article(LabelledArticle a) throws IOException {
                    pending.add(new Pending(a.id(), a.origin(),
                            pool.submit(() -> classifier.classifyParagraphs(a.texts()))));
                    while (pending.size() >= window) drainOne();
                    progress(in.count());
                }

                @Override
                public void problem(DataProblem p) {
                    problems[0]++;
                    err.println("error: " + p);
                }

                private void progress(long bytes) {
                    long now = System.nanoTime();
                    if (now - lastReport[0] < 2_000_000_000L) return;
                    lastReport[0] = now;
                    double secs = (now - started) / 1e9;
                    double rate = done[0] / Math.max(1e-9, secs);
                    String eta = "";
                    if (size > 0 && bytes > 0) {
                        double left = secs * (size - bytes) / bytes;
                        eta = String.format(Locale.ROOT, ", %.0f%% read, ETA %.0f s", 100.0 * bytes / size, left);
                    }
                    err.printf(Locale.ROOT, "classified %d articles, %.0f articles/s%s%n", done[0], rate, eta);
                    err.flush();
                }

                private void drainOne() throws IOException {
                    Pending head = pending.poll();
                    writer.article(head.id(), head.get());
                    writer.check();
                    done[0]++;
                }
            }, false);
            while (!pending.isEmpty()) {
                Pending head = pending.poll();
                writer.article(head.id(), head.get());
                writer.check();
                done[0]++;
            }
        } finally {
            pool.shutdownNow();
        }
        writer.end();
        writer.check();
        double secs = (System.nanoTime() - started) / 1e9;
        err.printf(Locale.ROOT, "classified %d articles in %.1f s%s%n", done[0], secs,
                problems[0] == 0 ? "" : "; " + problems[0] + " bad lines skipped");
        return problems[0] == 0 ? ExitCodes.OK : ExitCodes.DATA;
    }

    /** An article being classified on the pool. */
    private record Pending(String id, String origin, Future<ClassifiedArticle> result) {

        /**
         * Waits for the result; a failure in the classifier is rethrown with the article's file:line and id (an
         * {@link Error} as it was thrown).
         */
        ClassifiedArticle get() throws IOException {
            try {
                return result.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Error err) throw err;
                throw new org.wirecopy.text.ArticleInputException(origin + ": article " + id
                        + " cannot be classified: " + e.getCause().getMessage(), e.getCause());
            }
        }
    }

    /** Counts bytes read, for progress. */
    private static final class CountingInputStream extends java.io.FilterInputStream {
        private long count;

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
