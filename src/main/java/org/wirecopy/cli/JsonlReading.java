package org.wirecopy.cli;

import org.wirecopy.corpus.CorpusFormat;
import org.wirecopy.corpus.CorpusOptions;
import org.wirecopy.corpus.CorpusReader;
import org.wirecopy.corpus.DataProblem;
import org.wirecopy.corpus.LabelledArticle;
import org.wirecopy.text.Article;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A JSONL corpus as an iterator of articles: {@link CorpusReader#stream} runs on a daemon thread, which also splits
 * each article into normalised paragraphs ({@link Article#ofParagraphs}, so that the classifying threads do not),
 * and hands articles over through a queue of 64; problems are printed to stderr as they are found. A failure of the
 * reader (an I/O error, an over-long line) is rethrown to the consumer. Not thread-safe (one consumer).
 */
final class JsonlReading implements Iterator<JsonlReading.Read>, AutoCloseable {

    /**
     * An article read, with its paragraphs as {@link Article#ofParagraphs} makes them, or the exception that threw
     * instead (rethrown where the article is classified, as if it were made there).
     */
    record Read(LabelledArticle corpus, Article article, RuntimeException failure) {
        static Read of(LabelledArticle a) {
            try {
                return new Read(a, Article.ofParagraphs(a.texts()), null);
            } catch (RuntimeException e) {
                return new Read(a, null, e);
            }
        }

        /** The article's paragraphs, or the exception that making them threw. */
        Article paragraphs() {
            if (failure != null) throw failure;
            return article;
        }
    }

    private static final Object END = new Object();
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(64);
    private final Thread thread;
    private final CountingInputStream in;
    private Object head;
    private volatile int problems;

    JsonlReading(InputStream raw, String name, CorpusOptions options, PrintWriter err) {
        this.in = new CountingInputStream(raw);
        thread = new Thread(() -> {
            Object last = END;
            try {
                CorpusReader.stream(in, name, CorpusFormat.JSONL, options, new CorpusReader.Sink() {
                    @Override
                    public void article(LabelledArticle a) throws IOException {
                        put(Read.of(a));
                    }

                    @Override
                    public void problem(DataProblem p) {
                        problems++;
                        synchronized (err) {
                            err.println("error: " + p);
                        }
                    }
                }, false);
            } catch (Stopped stop) {
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

    /** Bad lines found so far. */
    int problems() {
        return problems;
    }

    /** Bytes read so far. */
    long bytes() {
        return in.count;
    }

    private void put(Object o) throws Stopped {
        try {
            queue.put(o);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
    }

    /** Whether {@link #hasNext()} can answer without waiting for the reading thread. */
    boolean ready() {
        return head != null || !queue.isEmpty();
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
    public Read next() {
        if (!hasNext()) throw new NoSuchElementException();
        Read a = (Read) head;
        head = null;
        return a;
    }

    @Override
    public void close() {
        thread.interrupt();
    }

    /** Thrown inside the reader thread when the consumer has stopped. */
    private static final class Stopped extends IOException {
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
    }
}
