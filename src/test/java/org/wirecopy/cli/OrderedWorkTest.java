package org.wirecopy.cli;

import org.junit.jupiter.api.Test;
import org.wirecopy.classify.BatchClassificationException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The classify pipeline's ordered pool: input order, failures at their place, bounded memory. */
class OrderedWorkTest {

    /** Items 0..n-1, each done after a random pause of up to 200 microseconds, so that threads finish out of order. */
    private static List<Integer> run(int n, int threads, int batch, int window, boolean ready) {
        List<Integer> out = new ArrayList<>();
        try (OrderedWork<Integer, Integer> w = new OrderedWork<>(IntStream.range(0, n).iterator(), () -> ready,
                i -> {
                    LockSupport.parkNanos(new Random(i).nextInt(200_000));
                    return i * 3 + 1;
                }, threads, batch, window)) {
            long expected = 0;
            while (w.hasNext()) {
                OrderedWork.Done<Integer, Integer> d = w.next();
                assertEquals(expected++, d.index());
                assertEquals(d.item() * 3 + 1, d.result());
                out.add(d.item());
            }
        }
        return out;
    }

    @Test
    void resultsComeInInputOrderWhateverTheThreadsBatchesAndWindow() {
        List<Integer> all = IntStream.range(0, 500).boxed().toList();
        for (int threads : new int[]{1, 2, 4}) {
            for (int batch : new int[]{1, 3, 16}) {
                assertEquals(all, run(500, threads, batch, 2 * threads, true), threads + " threads, batch " + batch);
            }
        }
        // a source that never says it has more ready: batches of one, same order
        assertEquals(all, run(500, 3, 16, 4, false));
        assertEquals(List.of(), run(0, 2, 16, 4, true));
    }

    @Test
    void aFailureIsThrownAtItsItemAfterEveryEarlierResult() {
        RuntimeException boom = new IllegalStateException("bad article");
        List<Integer> got = new ArrayList<>();
        try (OrderedWork<Integer, Integer> w = new OrderedWork<>(IntStream.range(0, 100).iterator(), () -> true, i -> {
            if (i == 37) throw boom;
            return i;
        }, 2, 8, 4)) {
            BatchClassificationException e = assertThrows(BatchClassificationException.class, () -> {
                while (w.hasNext()) got.add(w.next().result());
            });
            assertEquals(37, e.index());
            assertEquals(37, e.item());
            assertSame(boom, e.getCause());
        }
        assertEquals(IntStream.range(0, 37).boxed().toList(), got);
    }

    @Test
    void errorsArePassedOnAsTheyAre() {
        AssertionError fatal = new AssertionError("out of something");
        try (OrderedWork<Integer, Integer> w = new OrderedWork<>(IntStream.range(0, 10).iterator(), () -> true, i -> {
            if (i == 4) throw fatal;
            return i;
        }, 2, 3, 2)) {
            for (int i = 0; i < 4; i++) assertEquals(i, w.next().result());
            assertSame(fatal, assertThrows(AssertionError.class, w::next));
        }
    }

    @Test
    void theSourceIsReadOnlyAsFarAsTheWindowAllows() {
        // an endless source: the pool may hold at most batch * window items beyond the one being handed out
        AtomicLong taken = new AtomicLong();
        Iterator<Long> endless = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Long next() {
                return taken.getAndIncrement();
            }
        };
        int batch = 5;
        int window = 3;
        AtomicInteger running = new AtomicInteger();
        try (OrderedWork<Long, Long> w = new OrderedWork<>(endless, () -> true, i -> {
            running.incrementAndGet();
            return -i;
        }, 2, batch, window)) {
            for (long i = 0; i < 2_000; i++) {
                assertEquals(-i, w.next().result());
                long ahead = taken.get() - (i + 1);
                assertTrue(ahead <= (long) batch * (window + 1), "read " + ahead + " items ahead of the consumer");
            }
        }
        assertTrue(taken.get() < 2_000 + (long) batch * (window + 1));
    }

    @Test
    void aResultIsHandedOutWithoutWaitingForTheNextInput() throws Exception {
        // a source fed by hand, like stdin: the first result must come before the second input is there
        java.util.concurrent.BlockingQueue<Integer> lines = new java.util.concurrent.LinkedBlockingQueue<>();
        int end = -1;
        Iterator<Integer> source = new Iterator<>() {
            private Integer head;

            @Override
            public boolean hasNext() {
                if (head == null) {
                    try {
                        head = lines.take();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
                return head != end;
            }

            @Override
            public Integer next() {
                hasNext();
                Integer i = head;
                head = null;
                return i;
            }
        };
        lines.put(5);
        try (OrderedWork<Integer, Integer> w = new OrderedWork<>(source, () -> !lines.isEmpty(), i -> i * 2, 2, 16,
                4)) {
            assertEquals(10, org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                    java.time.Duration.ofSeconds(20), () -> w.next().result()));
            lines.put(6);
            lines.put(end);
            assertEquals(12, w.next().result());
            assertTrue(!w.hasNext());
        }
    }

    @Test
    void rejectsNonsenseSizes() {
        Iterator<Integer> none = List.<Integer>of().iterator();
        assertThrows(IllegalArgumentException.class, () -> new OrderedWork<>(none, () -> true, i -> i, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new OrderedWork<>(none, () -> true, i -> i, 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new OrderedWork<>(none, () -> true, i -> i, 1, 1, 0));
    }
}
