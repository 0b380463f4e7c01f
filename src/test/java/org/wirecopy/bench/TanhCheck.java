package org.wirecopy.bench;


import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Checks that the forward pass's fast tanh returns exactly {@code (float) Math.tanh(x)} for every one of the 2^32
 * float inputs (the LSTM only ever passes floats). Takes a few minutes, so it is not a unit test
 * ({@code ConsistencyTest} checks a sample on every build); run it after touching {@code ForwardPass.tanh} or when
 * moving to another JDK:
 *
 * <pre>
 * mvn -q -DskipTests test-compile
 * java -cp "target/test-classes:target/classes:target/lib/*" org.wirecopy.bench.TanhCheck
 * </pre>
 *
 * Prints the number of mismatches and how often the fast path fell back to Math.tanh; exits with 1 on any mismatch.
 */
public final class TanhCheck {

    private static final MethodHandle TANH = forwardPassTanh();

    private TanhCheck() {
    }

    /** ForwardPass's package-private {@code static float tanh(float)}. */
    static MethodHandle forwardPassTanh() {
        try {
            Class<?> forwardPass = Class.forName("org.wirecopy.network.ForwardPass");
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(forwardPass, MethodHandles.lookup());
            return lookup.findStatic(forwardPass, "tanh", MethodType.methodType(float.class, float.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("ForwardPass has no static float tanh(float)", e);
        }
    }

    /** The forward pass's tanh. */
    static float tanh(float x) {
        try {
            return (float) TANH.invokeExact(x);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<long[]>> parts = new ArrayList<>();
        long total = 1L << 32;
        long step = total / threads;
        long started = System.nanoTime();
        for (int p = 0; p < threads; p++) {
            long from = p * step;
            long to = p == threads - 1 ? total : from + step;
            parts.add(pool.submit(() -> {
                long bad = 0;
                long firstBad = -1;
                for (long b = from; b < to; b++) {
                    float x = Float.intBitsToFloat((int) b);
                    if (Float.floatToRawIntBits(tanh(x)) != Float.floatToRawIntBits((float) Math.tanh(x))) {
                        if (bad++ == 0) firstBad = b;
                    }
                }
                return new long[]{bad, firstBad};
            }));
        }
        long bad = 0;
        for (Future<long[]> f : parts) {
            long[] r = f.get();
            bad += r[0];
            if (r[0] > 0) {
                float x = Float.intBitsToFloat((int) r[1]);
                System.out.println("mismatch: x = " + x + " (bits " + Integer.toHexString((int) r[1]) + "): fast "
                        + tanh(x) + ", (float) Math.tanh " + (float) Math.tanh(x));
            }
        }
        pool.shutdown();
        System.out.printf("%d mismatches over all 2^32 float inputs in %.0f s (Java %s)%n", bad,
                (System.nanoTime() - started) / 1e9, Runtime.version());
        System.exit(bad == 0 ? 0 : 1);
    }
}
