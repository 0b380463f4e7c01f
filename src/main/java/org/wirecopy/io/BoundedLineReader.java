package org.wirecopy.io;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Lines of a UTF-8 text file, bounded twice: the bytes read (counted as read, so devices and FIFOs that report a size
 * of 0 are bounded too) and the bytes of one line, checked before the line is held whole. A line ends at LF, CR or
 * CRLF, as {@link java.io.BufferedReader#readLine()} has it. Each line is decoded on its own and malformed UTF-8 is
 * not replaced: {@link #readLine()} throws a {@link java.nio.charset.CharacterCodingException}, and
 * {@link #lineNumber()} is then the malformed line's number.
 *
 * <p>Not thread-safe: one reader per thread.
 */
public final class BoundedLineReader implements Closeable {

    private final InputStream in;
    private final String name;
    private final int maxLineBytes;
    private final String advice;
    private final byte[] buf = new byte[1 << 16];
    private byte[] line = new byte[256];
    private int lineLength;
    private int pos;
    private int len;
    private boolean eof;
    private boolean skipLf;
    private long number;

    private BoundedLineReader(InputStream in, String name, int maxLineBytes, String advice) {
        this.in = in;
        this.name = name;
        this.maxLineBytes = maxLineBytes;
        this.advice = advice;
    }

    /**
     * Opens {@code file} for reading.
     *
     * @param file         the file
     * @param maxBytes     the most bytes it may hold
     * @param maxLineBytes the most bytes one line may hold (without its line end)
     * @param what         what the file is for, e.g. {@code "summary file"}, in error messages
     * @param advice       how to fix a file over a limit, appended to the message
     * @return a reader at the file's first line
     * @throws IOException when the file is missing, a directory or not readable, naming it
     */
    public static BoundedLineReader open(Path file, long maxBytes, int maxLineBytes, String what, String advice)
            throws IOException {
        Objects.requireNonNull(advice, "advice");
        if (maxBytes < 0 || maxLineBytes < 1) throw new IllegalArgumentException("limits must be positive");
        SafeFiles.requireReadable(file, what);
        InputStream raw;
        try {
            raw = Files.newInputStream(file);
        } catch (IOException e) {
            throw SafeFiles.located(file, "cannot read", e);
        }
        return new BoundedLineReader(new Bounded(raw, file.toString(), maxBytes, advice), file.toString(),
                maxLineBytes, advice);
    }

    /**
     * The next line, without its line end.
     *
     * @return the line, or null at the end of the file
     * @throws LimitExceededException when the line is longer than the limit ({@code file:line}) or the file holds more
     *                                bytes than its limit, with the advice
     * @throws java.nio.charset.CharacterCodingException when the line is not UTF-8 ({@link #lineNumber()} is its
     *                                                   number)
     * @throws IOException when the file cannot be read
     */
    public String readLine() throws IOException {
        lineLength = 0;
        boolean any = false;
        while (true) {
            if (pos == len) {
                if (eof) break;
                int n = in.read(buf, 0, buf.length);
                pos = 0;
                if (n < 0) {
                    len = 0;
                    eof = true;
                    break;
                }
                len = n;
                continue;
            }
            if (skipLf) {
                skipLf = false;
                if (buf[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            any = true;
            int start = pos;
            while (pos < len && buf[pos] != '\n' && buf[pos] != '\r') pos++;
            append(start, pos - start);
            if (pos < len) {
                skipLf = buf[pos] == '\r';
                pos++;
                return decoded();
            }
        }
        return any ? decoded() : null;
    }

    private void append(int from, int n) throws LimitExceededException {
        if ((long) lineLength + n > maxLineBytes) {
            throw new LimitExceededException(name + ":" + (number + 1) + ": line is longer than " + maxLineBytes
                    + " bytes" + (advice.isEmpty() ? "" : "; " + advice));
        }
        if (lineLength + n > line.length) {
            line = java.util.Arrays.copyOf(line, (int) Math.min(maxLineBytes, Math.max(lineLength + n,
                    2L * line.length)));
        }
        System.arraycopy(buf, from, line, lineLength, n);
        lineLength += n;
    }

    private String decoded() throws java.nio.charset.CharacterCodingException {
        number++;
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(line, 0, lineLength)).toString();
    }

    /** {@return the bytes of the last line read, without its line end} */
    public int lineBytes() {
        return lineLength;
    }

    /** {@return the number of lines returned so far: the last line's 1-based number} */
    public long lineNumber() {
        return number;
    }

    /** {@return the file as named in error messages} */
    public String name() {
        return name;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Counts the bytes read and fails once there are more than the limit. */
    private static final class Bounded extends FilterInputStream {
        private final String name;
        private final long max;
        private final String advice;
        private long count;

        Bounded(InputStream in, String name, long max, String advice) {
            super(in);
            this.name = name;
            this.max = max;
            this.advice = advice;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) add(1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int n) throws IOException {
            int r = super.read(b, off, n);
            if (r > 0) add(r);
            return r;
        }

        @Override
        public long skip(long n) throws IOException {
            long r = super.skip(n);
            if (r > 0) add(r);
            return r;
        }

        private void add(long n) throws LimitExceededException {
            count += n;
            if (count > max) {
                throw new LimitExceededException(name + ": more than " + max + " bytes"
                        + (advice.isEmpty() ? "" : "; " + advice));
            }
        }
    }
}
