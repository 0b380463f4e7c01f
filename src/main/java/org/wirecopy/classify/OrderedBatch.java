package org.wirecopy.classify;

import org.wirecopy.text.Article;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The engine of {@link Classifier#classifyAll}: pulls inputs lazily, classifies up to {@code window} of them at once
 * on a pool of daemon threads, and hands results back in input order. Memory holds at most {@code window} inputs and
 * results, however long the input. Idle pool threads end by themselves, so an abandoned iterator leaks nothing for
 * long; {@link #close()} ends them at once.
 *
 * <p>Not thread-safe: one consumer pulls results.
 */
final class OrderedBatch<T> implements Iterator<Classified<T>>, AutoCloseable {

    private record Pending<T>(long index, T item, Future<ClassifiedArticle> result) {
    }

    private final Iterator<? extends T> items;
    private final Function<? super T, Article> reader;
    private final Classifier classifier;
    private final ThreadPoolExecutor pool;
    private final ArrayDeque<Pending<T>> pending = new ArrayDeque<>();
    private final int window;
    private long next;

    OrderedBatch(Classifier classifier, Iterator<? extends T> items, Function<? super T, Article> reader, int threads) {
        this.classifier = classifier;
        this.items = items;
        this.reader = reader;
        this.window = threads * 16;
        this.pool = new ThreadPoolExecutor(threads, threads, 2, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "wirecopy-classify");
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    private void fill() {
        while (pending.size() < window && items.hasNext()) {
            T item = items.next();
            pending.add(new Pending<>(next++, item, pool.submit(() -> classifier.classify(reader.apply(item)))));
        }
    }

    @Override
    public boolean hasNext() {
        fill();
        return !pending.isEmpty();
    }

    @Override
    public Classified<T> next() {
        fill();
        Pending<T> head = pending.poll();
        if (head == null) throw new NoSuchElementException("no more inputs");
        ClassifiedArticle result;
        try {
            result = head.result().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new BatchClassificationException(head.index(), head.item(), e);
        } catch (ExecutionException e) {
            close();
            if (e.getCause() instanceof Error err) throw err;
            throw new BatchClassificationException(head.index(), head.item(), e.getCause());
        }
        fill();
        return new Classified<>(head.index(), head.item(), result);
    }

    @Override
    public void close() {
        pool.shutdownNow();
        pending.clear();
    }
}
