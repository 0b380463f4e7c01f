package org.wirecopy.spark;

import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;
import org.wirecopy.classify.ClassifiedArticle;
import org.wirecopy.classify.ClassifiedParagraph;
import org.wirecopy.classify.Classifier;
import org.wirecopy.text.Article;
import org.wirecopy.text.ArticleReader;
import org.wirecopy.text.InputFormat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Classifies the rows of one partition: each output row is its input row followed by the paragraph structs, the
 * shares and the error (see {@link SparkClassification}). A row that cannot be read or classified gets null results
 * and an error naming it; it is counted in the bad-row accumulator and the partition goes on. Rows are pulled from
 * Spark's iterator as results are taken, so a partition is never held in memory.
 *
 * <p>Serializable, shipped to the executors; each call of {@link #call} is used by one task thread.
 */
final class PartitionClassifier implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final Broadcast<byte[]> model;
    private final String modelHash;
    private final SparkClassifyOptions options;
    private final int width;
    private final int textAt;
    private final int idAt;
    private final int formatAt;
    private final int urlAt;
    private final int malformedAt;
    /** The input column left out of the output, or -1. */
    private final int dropAt;
    private final Counters counters;

    /** The accumulators of a classification: rows read, bad rows, paragraphs, and some error messages. */
    record Counters(LongAccumulator rows, LongAccumulator badRows, LongAccumulator paragraphs,
                    CollectionAccumulator<String> errors) implements java.io.Serializable {
        /** Error messages kept per task. */
        static final int ERRORS_PER_TASK = 10;
    }

    PartitionClassifier(Broadcast<byte[]> model, String modelHash, SparkClassifyOptions options, int width,
                        int textAt, int idAt, int formatAt, int urlAt, int malformedAt, Counters counters) {
        this.model = model;
        this.modelHash = modelHash;
        this.options = options;
        this.width = width;
        this.textAt = textAt;
        this.idAt = idAt;
        this.formatAt = formatAt;
        this.urlAt = urlAt;
        this.malformedAt = malformedAt;
        this.dropAt = options.dropInput() ? textAt : -1;
        this.counters = counters;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        Classifier classifier = ExecutorClassifiers.get(modelHash, model::value);
        errorsKept.set(0);
        TaskContext task = TaskContext.get();
        int partition = task == null ? -1 : task.partitionId();
        if (options.threadsPerTask() == 1) {
            return new Iterator<>() {
                long n;

                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public Row next() {
                    return classify(classifier, rows.next(), partition, n++);
                }
            };
        }
        return new Threaded(classifier, rows, partition, task);
    }

    private final java.util.concurrent.atomic.AtomicInteger errorsKept =
            new java.util.concurrent.atomic.AtomicInteger();

    /** The output row of one input row; never throws for a bad row. */
    Row classify(Classifier classifier, Row row, int partition, long n) {
        add(counters.rows(), 1);
        Object[] out = new Object[width + 3];
        for (int i = 0, j = 0; i < row.length(); i++) if (i != dropAt) out[j++] = row.get(i);
        try {
            ClassifiedArticle result = classifier.classify(read(row));
            List<Row> paragraphs = new ArrayList<>(result.size());
            for (ClassifiedParagraph p : result.paragraphs()) {
                paragraphs.add(RowFactory.create(p.index(), p.label(), scala(p.scores()), p.start(), p.end(),
                        p.text()));
            }
            out[width] = scala.jdk.javaapi.CollectionConverters.asScala(paragraphs).toSeq();
            out[width + 1] = scala(result.characterShares());
            add(counters.paragraphs(), result.size());
        } catch (RuntimeException | StackOverflowError e) {
            add(counters.badRows(), 1);
            out[width] = null;
            out[width + 1] = null;
            String m = e instanceof StackOverflowError ? "the input is nested too deeply to read (stack overflow)"
                    : e.getMessage() == null ? e.toString() : e.getMessage();
            out[width + 2] = where(row, partition, n) + ": " + m;
            if (errorsKept.incrementAndGet() <= Counters.ERRORS_PER_TASK) {
                counters.errors().add((String) out[width + 2]);
            }
        }
        return RowFactory.create(out);
    }

    /** Adds to an accumulator; LongAccumulator is not thread-safe and a task may classify on several threads. */
    private static void add(LongAccumulator accumulator, long value) {
        synchronized (accumulator) {
            accumulator.add(value);
        }
    }

    private String where(Row row, int partition, long n) {
        if (idAt >= 0 && !row.isNullAt(idAt)) return options.idColumn() + " " + row.get(idAt);
        return "partition " + partition + ", row " + n;
    }

    /** The article of a row, as the Java API reads it. */
    private Article read(Row row) {
        String column = options.textColumn() != null ? options.textColumn() : options.paragraphsColumn();
        if (malformedAt >= 0 && !row.isNullAt(malformedAt)) {
            String line = row.get(malformedAt).toString();
            throw new IllegalArgumentException("malformed input line (" + options.malformedColumn() + "): "
                    + (line.length() > 120 ? line.substring(0, 120) + "..." : line) + "; fix or drop the line");
        }
        if (row.isNullAt(textAt)) {
            throw new IllegalArgumentException("column " + column + " is null; give every row its article");
        }
        if (options.paragraphsColumn() != null) {
            List<Object> texts = row.getList(textAt);
            List<String> ps = new ArrayList<>(texts.size());
            long chars = 0;
            for (int i = 0; i < texts.size(); i++) {
                Object t = texts.get(i);
                if (t == null) throw new IllegalArgumentException(column + "[" + i + "] is null; leave it out");
                String s = t.toString();
                chars += s.length();
                ps.add(s);
            }
            requireSize(chars, column, "characters");
            return Article.ofParagraphs(ps);
        }
        Object value = row.get(textAt);
        String text;
        if (value instanceof byte[] bytes) {
            requireSize(bytes.length, column, "bytes");
            text = ArticleReader.decode(bytes, "column " + column);
        } else {
            text = value.toString();
            requireSize(text.length(), column, "characters");
            int nul = text.indexOf('\u0000');
            if (nul >= 0) {
                throw new org.wirecopy.text.ArticleInputException("column " + column + " looks like binary data "
                        + "(NUL character at offset " + nul + "); wirecopy reads UTF-8 text or HTML");
            }
        }
        InputFormat format = options.format();
        if (formatAt >= 0 && !row.isNullAt(formatAt)) format = InputFormat.parse(row.get(formatAt).toString());
        String url = urlAt >= 0 && !row.isNullAt(urlAt) ? row.get(urlAt).toString() : "";
        return ArticleReader.read(text, format, url, options.mainContent());
    }

    private void requireSize(long size, String column, String unit) {
        if (size > options.maxChars()) {
            throw new org.wirecopy.text.ArticleInputException("column " + column + " holds " + size + " " + unit
                    + ", over the limit of " + options.maxChars() + " (SparkClassifyOptions.maxChars, the job's "
                    + "--max-chars); split the article or raise the limit");
        }
    }

    private static scala.collection.Map<String, Double> scala(Map<String, Double> m) {
        return scala.jdk.javaapi.CollectionConverters.asScala(m);
    }

    /** Rows classified on {@code threadsPerTask} threads, in input order, at most 16 per thread in flight. */
    private final class Threaded implements Iterator<Row> {
        private final Classifier classifier;
        private final Iterator<Row> rows;
        private final int partition;
        private final ExecutorService pool;
        private final ArrayDeque<Future<Row>> pending = new ArrayDeque<>();
        private final int window;
        private long n;

        Threaded(Classifier classifier, Iterator<Row> rows, int partition, TaskContext task) {
            this.classifier = classifier;
            this.rows = rows;
            this.partition = partition;
            this.window = 16 * options.threadsPerTask();
            this.pool = Executors.newFixedThreadPool(options.threadsPerTask(), r -> {
                Thread t = new Thread(r, "wirecopy-spark-" + partition);
                t.setDaemon(true);
                return t;
            });
            if (task != null) {
                org.apache.spark.util.TaskCompletionListener stop = ctx -> pool.shutdownNow();
                task.addTaskCompletionListener(stop);
            }
        }

        private void fill() {
            while (pending.size() < window && rows.hasNext()) {
                Row row = rows.next();
                long i = n++;
                pending.add(pool.submit(() -> classify(classifier, row, partition, i)));
            }
        }

        @Override
        public boolean hasNext() {
            fill();
            if (pending.isEmpty()) pool.shutdown();
            return !pending.isEmpty();
        }

        @Override
        public Row next() {
            fill();
            Future<Row> head = pending.poll();
            if (head == null) throw new NoSuchElementException();
            try {
                return head.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                pool.shutdownNow();
                throw new IllegalStateException("task interrupted", e);
            } catch (ExecutionException e) {
                pool.shutdownNow();
                if (e.getCause() instanceof Error err) throw err;
                throw new IllegalStateException(e.getCause());
            }
        }
    }
}
