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
 * Checks that the forward pass's LSTM activations ({@code org.wirecopy.network.Activations}, computed many at a time
 * without {@code Math.exp}) return exactly {@code (float) Math.tanh(x)} and {@code (float) (1.0 / (1.0 +
 * Math.exp(-x)))} for every one of the 2^32 float inputs (the LSTM only ever passes floats). Takes a few minutes, so
 * it is not a unit test ({@code ActivationsTest} checks a sample on every build); run it after touching
 * {@code Activations} or when moving to another JDK or processor:
 *
 * <pre>
 * mvn -q -DskipTests test-compile
 * java -cp "target/test-classes:target/classes:target/lib/*" org.wirecopy.bench.TanhCheck
 * </pre>
 *
 * Prints the number of mismatches of each function; exits with 1 on any mismatch.
 */
public final class TanhCheck {

    /** Floats per batched call. */
    private static final int BLOCK = 4096;
    private static final Class<?> ACTIVATIONS = activations();
    private static final MethodHandle SCRATCH = handle("scratch");
    private static final MethodHandle TANH = handle("tanh");
    private static final MethodHandle SIGMOID = handle("sigmoid");

    private TanhCheck() {
    }

    private static Class<?> activations() {
        try {
            return Class.forName("org.wirecopy.network.Activations");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("no org.wirecopy.network.Activations", e);
        }
    }

    /** Activations' package-private batched {@code tanh} or {@code sigmoid}, or its Scratch constructor. */
    private static MethodHandle handle(String name) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(ACTIVATIONS, MethodHandles.lookup());
            Class<?> scratch = Class.forName("org.wirecopy.network.Activations$Scratch");
            if (name.equals("scratch")) {
                return MethodHandles.privateLookupIn(scratch, MethodHandles.lookup())
                        .findConstructor(scratch, MethodType.methodType(void.class, int.class))
                        .asType(MethodType.methodType(Object.class, int.class));
            }
            return lookup.findStatic(ACTIVATIONS, name, MethodType.methodType(void.class, float[].class, int.class,
                    int.class, float[].class, scratch)).asType(MethodType.methodType(void.class, float[].class,
                    int.class, int.class, float[].class, Object.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Activations has no batched " + name, e);
        }
    }

    private static float sigmoidReference(float x) {
        return (float) (1.0 / (1.0 + Math.exp(-x)));
    }

    public static void main(String[] args) throws Throwable {
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<long[]>> parts = new ArrayList<>();
        long total = 1L << 32;
        long blocks = total / BLOCK;
        long step = blocks / threads;
        long started = System.nanoTime();
        for (int p = 0; p < threads; p++) {
            long from = p * step;
            long to = p == threads - 1 ? blocks : from + step;
            parts.add(pool.submit(() -> check(from, to)));
        }
        long[] bad = new long[2];
        for (Future<long[]> f : parts) {
            long[] r = f.get();
            for (int k = 0; k < 2; k++) {
                bad[k] += r[k];
                if (r[k] > 0) {
                    float x = Float.intBitsToFloat((int) r[2 + k]);
                    System.out.println((k == 0 ? "tanh" : "sigmoid") + " mismatch: x = " + x + " (bits "
                            + Integer.toHexString((int) r[2 + k]) + ")");
                }
            }
        }
        pool.shutdown();
        System.out.printf("tanh: %d mismatches, sigmoid: %d mismatches over all 2^32 float inputs in %.0f s (Java %s)%n",
                bad[0], bad[1], (System.nanoTime() - started) / 1e9, Runtime.version());
        System.exit(bad[0] + bad[1] == 0 ? 0 : 1);
    }

    /** Blocks [from, to) of the 2^32 bit patterns: {tanh mismatches, sigmoid mismatches, first of each}. */
    private static long[] check(long from, long to) throws Exception {
        try {
            return checkBlocks(from, to);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static long[] checkBlocks(long from, long to) throws Throwable {
        long[] r = {0, 0, -1, -1};
        Object scratch = SCRATCH.invokeExact(BLOCK);
        float[] x = new float[BLOCK];
        float[] t = new float[BLOCK];
        float[] s = new float[BLOCK];
        for (long block = from; block < to; block++) {
            long base = block * BLOCK;
            for (int j = 0; j < BLOCK; j++) x[j] = Float.intBitsToFloat((int) (base + j));
            TANH.invokeExact(x, 0, BLOCK, t, scratch);
            SIGMOID.invokeExact(x, 0, BLOCK, s, scratch);
            for (int j = 0; j < BLOCK; j++) {
                if (Float.floatToRawIntBits(t[j]) != Float.floatToRawIntBits((float) Math.tanh(x[j]))) {
                    if (r[0]++ == 0) r[2] = base + j;
                }
                if (Float.floatToRawIntBits(s[j]) != Float.floatToRawIntBits(sigmoidReference(x[j]))) {
                    if (r[1]++ == 0) r[3] = base + j;
                }
            }
        }
        return r;
    }
}
