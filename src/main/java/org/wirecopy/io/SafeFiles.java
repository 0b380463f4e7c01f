package org.wirecopy.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;

/**
 * Reading and writing files so that nothing is lost and nothing is unbounded: reads stop at a byte limit whatever
 * the file says its size is (devices and FIFOs report 0), and writes go to a temporary file beside the target that is
 * renamed into place only when complete, so a full disk or a crash never leaves a half-written output. Non-regular
 * targets (directories, FIFOs, devices) are refused instead of being replaced. Every error names the path and says
 * what to do.
 *
 * <p>Stateless and thread-safe.
 */
public final class SafeFiles {

    private SafeFiles() {
    }

    /**
     * Checks that {@code file} can be read as a file: it exists and is not a directory (FIFOs and devices are read,
     * bounded by the caller's limit).
     *
     * @param file the path to check
     * @param what what the file is for, e.g. {@code "article"} or {@code "--config file"}
     * @throws IOException when it is a directory ({@link FileSystemException}), missing ({@link NoSuchFileException})
     *                     or not readable ({@link java.nio.file.AccessDeniedException}), naming it
     */
    public static void requireReadable(Path file, String what) throws IOException {
        Objects.requireNonNull(file, "file");
        if (Files.isDirectory(file)) {
            throw new FileSystemException(file.toString(), null, "is a directory; give the path of the " + what);
        }
        if (!Files.exists(file)) throw new NoSuchFileException(file.toString(), null, "no such " + what);
        if (!Files.isReadable(file)) {
            throw new java.nio.file.AccessDeniedException(file.toString(), null, "the " + what + " is not readable");
        }
    }

    /**
     * Reads at most {@code maxBytes} from {@code file}, counting the bytes actually read (not the size the file
     * system reports).
     *
     * @param file     the file to read
     * @param maxBytes the most bytes it may hold
     * @param what     what the file is for, in error messages
     * @param advice   what to do when it is larger (appended to the message), or empty
     * @return its bytes
     * @throws LimitExceededException when the file holds more
     * @throws IOException when it is not readable (see {@link #requireReadable}) or cannot be read, naming it
     */
    public static byte[] readBounded(Path file, long maxBytes, String what, String advice) throws IOException {
        requireReadable(file, what);
        try (InputStream in = Files.newInputStream(file)) {
            return readBounded(in, file.toString(), maxBytes, advice);
        } catch (IOException e) {
            throw located(file, "cannot read", e);
        }
    }

    /**
     * Reads at most {@code maxBytes} from {@code in}; the stream is not closed.
     *
     * @param in       the stream
     * @param name     names the input in error messages
     * @param maxBytes the most bytes it may hold
     * @param advice   what to do when it is larger (appended to the message), or empty
     * @return its bytes
     * @throws LimitExceededException when the stream holds more
     * @throws IOException when it cannot be read
     */
    static byte[] readBounded(InputStream in, String name, long maxBytes, String advice) throws IOException {
        int cap = (int) Math.min(Integer.MAX_VALUE - 16, maxBytes + 1);
        byte[] b = in.readNBytes(cap);
        if (b.length > maxBytes) {
            throw new LimitExceededException(name + ": more than " + maxBytes + " bytes" + (advice.isEmpty() ? ""
                    : "; " + advice));
        }
        return b;
    }

    /**
     * {@link #readBounded(Path, long, String, String)} decoded as UTF-8 (malformed input replaced).
     *
     * @param file     the file to read
     * @param maxBytes the most bytes it may hold
     * @param what     what the file is for, in error messages
     * @param advice   what to do when it is larger (appended to the message), or empty
     * @return its text
     * @throws LimitExceededException when the file holds more
     * @throws IOException when it is not readable or cannot be read, naming it
     */
    public static String readString(Path file, long maxBytes, String what, String advice) throws IOException {
        return new String(readBounded(file, maxBytes, what, advice), StandardCharsets.UTF_8);
    }

    /**
     * Checks that {@code target} may be written: it is not an existing directory, FIFO or device, and its directory
     * exists or can be created.
     *
     * @param target the file to write
     * @throws IOException ({@link FileSystemException}) when it is a directory or another non-regular file, or its
     *                     parent is not a directory
     */
    public static void requireWritableTarget(Path target) throws IOException {
        Objects.requireNonNull(target, "target");
        if (Files.isDirectory(target)) {
            throw new FileSystemException(target.toString(), null, "is a directory; give a file path to write");
        }
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            throw new FileSystemException(target.toString(), null,
                    "is not a regular file (a FIFO, device or socket); give a file path to write, or use stdout");
        }
        Path dir = target.toAbsolutePath().getParent();
        if (dir != null && Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new FileSystemException(dir.toString(), null, "is not a directory, so " + target
                    + " cannot be written");
        }
    }

    /**
     * Checks an output path before any work is done: it is none of the run's inputs, and it may be written (see
     * {@link #requireWritableTarget}).
     *
     * @param option the option that names the output, e.g. {@code --out}, for the message
     * @param target the file to write
     * @param inputs the files the run reads (nulls ignored)
     * @throws IllegalArgumentException when it is one of the inputs, naming both and the fix
     * @throws IOException              ({@link FileSystemException}) when it is a directory or another non-regular
     *                                  file, or its parent is not a directory
     */
    public static void requireOutput(String option, Path target, List<Path> inputs) throws IOException {
        Objects.requireNonNull(target, option);
        for (Path p : inputs) {
            if (p != null && sameFile(p, target)) {
                throw new IllegalArgumentException(option + " " + target + " is also an input (" + p
                        + "); writing it would destroy the input, choose another path");
            }
        }
        requireWritableTarget(target);
    }

    /**
     * A writer of a file's content, for {@link #writeAtomically(Path, Content)}, which calls it once on the calling
     * thread; an implementation need not be thread-safe.
     */
    @FunctionalInterface
    public interface Content {
        /**
         * Writes the whole content to {@code out}, without closing it.
         *
         * @param out the temporary file's stream (buffered)
         * @throws IOException when writing fails; the target is then left as it was
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code bytes} to {@code target} through a temporary file beside it and an atomic rename.
     *
     * @param target the file to create or replace
     * @param bytes  its new content
     * @throws IOException when the target may not be written (see {@link #requireWritableTarget}) or writing fails,
     *                     naming it; the target is then left as it was
     */
    public static void writeAtomically(Path target, byte[] bytes) throws IOException {
        writeAtomically(target, out -> out.write(bytes));
    }

    /**
     * Writes {@code text} as UTF-8 to {@code target} through a temporary file and an atomic rename.
     *
     * @param target the file to create or replace
     * @param text   its new content
     * @throws IOException when the target may not be written or writing fails, naming it; the target is then left
     *                     as it was
     */
    public static void writeAtomically(Path target, String text) throws IOException {
        writeAtomically(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes {@code content} to a temporary file beside {@code target}, forces it to disk and renames it into place;
     * on any failure the temporary file is deleted and {@code target} is left as it was.
     *
     * @param target  the file to create or replace (missing parent directories are created)
     * @param content writes the new content
     * @throws IOException when the target may not be written (see {@link #requireWritableTarget}) or writing fails,
     *                     naming it
     */
    public static void writeAtomically(Path target, Content content) throws IOException {
        requireWritableTarget(target);
        Path dir = target.toAbsolutePath().getParent();
        try {
            if (dir != null) Files.createDirectories(dir);
        } catch (IOException e) {
            throw located(dir, "cannot create the directory for " + target, e);
        }
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        } catch (IOException e) {
            throw located(target, "cannot write", e);
        }
        try {
            try (var channel = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE);
                 OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
                OutputStream buffered = new java.io.BufferedOutputStream(out, 1 << 16);
                content.writeTo(buffered);
                buffered.flush();
                channel.force(true);
            }
            try {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the default permissions stay
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw located(target, "cannot write", e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Whether {@code a} and {@code b} name the same file (after resolving links when both exist, by absolute normal
     * path otherwise).
     *
     * @param a a path
     * @param b another path
     * @return whether both name the same file
     */
    public static boolean sameFile(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) return Files.isSameFile(a, b);
        } catch (IOException e) {
            // fall through to the path comparison
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    /**
     * An I/O error with the path and the operation in its message, and advice for the common causes.
     *
     * @param file  the file the operation was on
     * @param doing the operation, e.g. {@code "cannot read"}
     * @param e     the error
     * @return {@code e} itself when it is a {@link LimitExceededException} or already names the file, else a
     *         {@link FileSystemException} with {@code e} as its cause
     */
    public static IOException located(Path file, String doing, IOException e) {
        if (e instanceof LimitExceededException) return e;
        if (e instanceof FileSystemException f && f.getFile() != null && e.getMessage().contains(f.getFile())) {
            return e;
        }
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String advice = "";
        String r = reason.toLowerCase(java.util.Locale.ROOT);
        if (r.contains("no space left")) advice = "; free some disk space or write elsewhere";
        else if (r.contains("is a directory")) advice = "; give a file path";
        else if (r.contains("read-only file system")) advice = "; write to a writable directory";
        else if (r.contains("permission denied")) advice = "; check the file's permissions";
        FileSystemException out = new FileSystemException(file.toString(), null, doing + ": " + reason + advice);
        out.initCause(e);
        return out;
    }
}
