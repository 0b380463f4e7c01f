package org.wirecopy.model;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The SHA-256 of a model entry, computed on a thread of its own while the loader reads and checks the rest of the
 * model. The weights of the bundled model are 7 MB, and in a fresh JVM their SHA-256 runs as Java code, interpreted or
 * compiled by C1, before C2 compiles it to the processor's SHA instructions: about a fifth of loading the model
 * (docs/performance.md, "Seventh round"). Every byte is still hashed and compared before the model is returned.
 *
 * <p>When no thread can be started the digest is computed at once, in the caller's thread. Not thread-safe: one loader
 * thread starts it and reads it.
 */
final class BackgroundDigest {

    private final FutureTask<String> task;

    private BackgroundDigest(FutureTask<String> task) {
        this.task = task;
    }

    /**
     * Starts hashing {@code data}, which must not change until {@link #hex()} returns.
     *
     * @param data the bytes
     * @return the digest being computed
     */
    static BackgroundDigest start(byte[] data) {
        FutureTask<String> task = new FutureTask<>(() -> ModelIO.sha256(data));
        try {
            Thread t = new Thread(task, "wirecopy-model-sha256");
            t.setDaemon(true);
            t.start();
        } catch (RuntimeException | OutOfMemoryError e) {
            // no thread (a security manager, or the process's thread limit): hash here
            task.run();
        }
        return new BackgroundDigest(task);
    }

    /**
     * Waits for the digest; an interrupt does not cut the wait short (the model is not returned unchecked), and is
     * kept for the caller.
     *
     * @return the SHA-256, lower-case hexadecimal
     */
    String hex() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) throw r;
            if (c instanceof Error err) throw err;
            throw new IllegalStateException(c);
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }
}
