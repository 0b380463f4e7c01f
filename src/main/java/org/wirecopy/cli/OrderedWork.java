package org.wirecopy.cli;

import org.wirecopy.classify.BatchClassificationException;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Applies a function to a stream of items on a pool of threads and hands the results back in input order: the
 * classifying stage of {@code classify} on many articles (read, classify and render each article on a pool thread;
 * the caller only prints). Items are taken from the source on the caller's thread, in batches of up to
 * {@code batch} (a batch is closed early when the source has nothing more ready, so a slow source is not waited on
 * to fill one, nor while a result is ready to hand out), and at most {@code window} batches are in flight, so memory holds at most {@code batch * window}
 * items and results however long the input. A failure of the function is rethrown by {@link #next()} at the failed
 * item's place, after every earlier result, as a {@link BatchClassificationException} with the item and its
 * position; {@link Error}s as they are. Pool threads are daemons and end when idle; {@link #close()} ends them at
 * once.
 *
 * <p>Not thread-safe: one consumer pulls results. The function must be thread-safe.
 *
 * @param <T> the items
 * @param <R> the function's results
 */
final class OrderedWork<T, R> implements Iterator<OrderedWork.Done<T, R>>, AutoCloseable {

    /** The result of item number {@code index} (from 0). */
    record Done<T, R>(long index, T item, R result) {
    }

    /** A run of consecutive items and, once its task is done, their results. */
    private static final class Batch {
        final long first;
        final Object[] items;
        final Object[] results;
        int size;
        /** The first item whose function threw (its results after it are not computed), or -1. */
        int failedAt = -1;
        Throwable failure;
        Future<?> task;

        Batch(long first, int capacity) {
            this.first = first;
            this.items = new Object[capacity];
            this.results = new Object[capacity];
        }
    }

    private final Iterator<? extends T> source;
    private final BooleanSupplier sourceReady;
    private final Function<? super T, ? extends R> function;
    private final ThreadPoolExecutor pool;
    private final ArrayDeque<Batch> pending = new ArrayDeque<>();
    private final int batch;
    private final int window;
    private long taken;
    /** The batch being handed out, its task done, and the position of its next item. */
    private Batch current;
    private int position;

    /**
     * @param source      the items, pulled on the caller's thread
     * @param sourceReady whether the source can give another item without waiting: a batch is closed early, and the
     *                    source is not asked while results are waiting, when it says no (if it is wrong, results
     *                    come later, never out of order)
     * @param function    what to compute for each item, on a pool thread
     * @param threads     pool threads, at least 1
     * @param batch       items per task, at least 1
     * @param window      tasks in flight, at least 1
     */
    OrderedWork(Iterator<? extends T> source, BooleanSupplier sourceReady, Function<? super T, ? extends R> function,
                int threads, int batch, int window) {
        if (threads < 1 || batch < 1 || window < 1) {
            throw new IllegalArgumentException("threads, batch and window must be >= 1, got " + threads + ", "
                    + batch + ", " + window);
        }
        this.source = source;
        this.sourceReady = sourceReady;
        this.function = function;
        this.batch = batch;
        this.window = window;
        this.pool = new ThreadPoolExecutor(threads, threads, 2, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "wirecopy-classify");
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    /**
     * Submits batches until {@code window} are in flight or the source is done; waits on the source only when there is
     * nothing else to hand out (so a finished result is not held back while the next input is slow to come).
     */
    private void fill() {
        while (pending.size() < window && (idle() || sourceReady.getAsBoolean()) && source.hasNext()) {
            Batch b = new Batch(taken, batch);
            do {
                b.items[b.size++] = source.next();
            } while (b.size < batch && sourceReady.getAsBoolean() && source.hasNext());
            taken += b.size;
            b.task = pool.submit(() -> run(b));
            pending.add(b);
        }
    }

    @SuppressWarnings("unchecked")
    private void run(Batch b) {
        for (int i = 0; i < b.size; i++) {
            try {
                b.results[i] = function.apply((T) b.items[i]);
            } catch (Throwable t) {
                b.failedAt = i;
                b.failure = t;
                return;
            }
        }
    }

    /** Whether nothing is left to hand out but what the source has not given yet. */
    private boolean idle() {
        return pending.isEmpty() && (current == null || position == current.size);
    }

    /** Whether {@link #next()} can return without waiting for a pool thread (the source aside). */
    boolean ready() {
        if (current != null && position < current.size) return true;
        Batch head = pending.peek();
        return head != null && head.task.isDone();
    }

    @Override
    public boolean hasNext() {
        if (current != null && position < current.size) return true;
        fill();
        return !pending.isEmpty();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Done<T, R> next() {
        if (current == null || position == current.size) {
            fill();
            Batch head = pending.peek();
            if (head == null) throw new NoSuchElementException("no more items");
            try {
                // while the head is being computed, keep handing the pool what the source has ready
                while (true) {
                    try {
                        head.task.get(2, TimeUnit.MILLISECONDS);
                        break;
                    } catch (TimeoutException e) {
                        fill();
                    }
                }
                pending.poll();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new BatchClassificationException(head.first, head.items[0], e);
            } catch (ExecutionException e) {
                close();
                throw new BatchClassificationException(head.first, head.items[0], e.getCause());
            }
            current = head;
            position = 0;
            fill();
        }
        Batch b = current;
        int i = position++;
        T item = (T) b.items[i];
        if (i == b.failedAt) {
            close();
            if (b.failure instanceof Error err) throw err;
            throw new BatchClassificationException(b.first + i, item, b.failure);
        }
        R result = (R) b.results[i];
        b.items[i] = null;
        b.results[i] = null;
        return new Done<>(b.first + i, item, result);
    }

    @Override
    public void close() {
        pool.shutdownNow();
        pending.clear();
        current = null;
    }
}
