package org.wirecopy.features;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Static word vectors: one small dense vector and one weight per WordPiece token, and the paragraph vector they give
 * (the weighted mean of the vectors of a text's tokens, L2-normalised). Made by {@code org.wirecopy.distill.Distill}
 * from a sentence encoder; see {@code docs/vectors.md}.
 *
 * <h2>Binary format, version 1</h2>
 * Big-endian, in this order:
 * <pre>
 *   5 bytes   magic "WCVEC" (ASCII)
 *   int32     format version (1)
 *   int32     dims D (1..4096)
 *   int32     vocabulary size V (1..10,000,000)
 *   int32     description length L in bytes, then L bytes of UTF-8 (where the vectors come from)
 *   V times   int32 length N, then N bytes of UTF-8: the tokens, in id order (a BERT-style WordPiece vocabulary
 *             with {@value WordPiece#UNK})
 *   V times   float32 weight of the token (finite, &gt;= 0; 0 means the token is ignored)
 *   V times   float32 scale of the token's row (finite, &gt;= 0)
 *   V*D       int8 values, row by row: component d of token t is value[t][d] * scale[t]
 * </pre>
 * Nothing may follow. {@link #read} rejects anything else with an {@link IllegalArgumentException} that names the
 * byte offset and the field.
 *
 * <p>Immutable and thread-safe: {@link #embed} allocates only small per-call buffers (token ids, a sum, the chars).
 */
public final class StaticVectors {

    /** The first five bytes of every vectors file. */
    public static final String MAGIC = "WCVEC";
    /** The format version this class writes and reads. */
    public static final int FORMAT_VERSION = 1;
    /** {@link #embed} reads at most this many WordPiece tokens of a text, as BERT does. */
    public static final int MAX_TOKENS = 512;

    /** The most bytes a vectors file (and a model's vectors entry) may hold: 256 MiB. */
    public static final int MAX_BYTES = 256 << 20;

    private static final int MAX_DIMS = 4096;
    private static final int MAX_VOCAB = 10_000_000;

    private final WordPiece wordPiece;
    private final int dims;
    private final String description;
    private final float[] weight;
    private final float[] scale;
    private final byte[] values;
    /** weight * scale of every token: the factor of its int8 row in the weighted sum. */
    private final float[] factor;

    private StaticVectors(WordPiece wordPiece, int dims, String description, float[] weight, float[] scale,
                          byte[] values) {
        this.wordPiece = wordPiece;
        this.dims = dims;
        this.description = description;
        this.weight = weight;
        this.scale = scale;
        this.values = values;
        this.factor = new float[weight.length];
        for (int t = 0; t < weight.length; t++) factor[t] = t == wordPiece.unkId() ? 0f : weight[t] * scale[t];
    }

    /**
     * Vectors for {@code vocabulary}, quantised to int8 with one scale per row (max |component| / 127).
     *
     * @param vocabulary  WordPiece tokens in id order, with {@value WordPiece#UNK}
     * @param weights     one weight per token, finite and &gt;= 0 (0: the token is ignored)
     * @param vectors     one vector of {@code dims} finite components per token
     * @param description where the vectors come from, kept in the file
     * @return the quantised vectors
     * @throws IllegalArgumentException naming the token index, when sizes disagree or a number is not finite
     */
    public static StaticVectors of(List<String> vocabulary, float[] weights, float[][] vectors, String description) {
        Objects.requireNonNull(description, "description");
        WordPiece wp = WordPiece.of(vocabulary);
        int v = wp.size();
        if (weights.length != v || vectors.length != v) {
            throw new IllegalArgumentException("vocabulary has " + v + " tokens but there are " + weights.length
                    + " weights and " + vectors.length + " vectors: give one of each per token");
        }
        if (v == 0 || vectors[0] == null) throw new IllegalArgumentException("vector 0 is missing");
        int dims = vectors[0].length;
        if (dims < 1 || dims > MAX_DIMS) {
            throw new IllegalArgumentException("dims is " + dims + ": use 1.." + MAX_DIMS);
        }
        float[] scale = new float[v];
        byte[] values = new byte[v * dims];
        float[] w = weights.clone();
        for (int t = 0; t < v; t++) {
            if (!Float.isFinite(w[t]) || w[t] < 0) {
                throw new IllegalArgumentException("weight of token " + t + " '" + wp.token(t) + "' is " + w[t]
                        + ": weights must be finite and >= 0");
            }
            float[] row = vectors[t];
            if (row == null || row.length != dims) {
                throw new IllegalArgumentException("vector of token " + t + " '" + wp.token(t) + "' has "
                        + (row == null ? "no" : String.valueOf(row.length)) + " components; expected " + dims);
            }
            float max = 0;
            for (float x : row) {
                if (!Float.isFinite(x)) {
                    throw new IllegalArgumentException("vector of token " + t + " '" + wp.token(t)
                            + "' has a component " + x + ": every component must be finite");
                }
                max = Math.max(max, Math.abs(x));
            }
            scale[t] = max / 127f;
            if (max > 0) {
                for (int d = 0; d < dims; d++) {
                    values[t * dims + d] = (byte) Math.max(-127, Math.min(127, Math.round(row[d] / scale[t])));
                }
            }
        }
        return new StaticVectors(wp, dims, description, w, scale, values);
    }

    /**
     * Reads vectors written by {@link #toBytes()}.
     *
     * @param bytes the whole file
     * @return the vectors
     * @throws IllegalArgumentException naming the byte offset and field, when the bytes are truncated, malformed,
     *                                  have trailing bytes or another format version
     */
    public static StaticVectors read(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            byte[] magic = new byte[MAGIC.length()];
            in.get(magic);
            if (!Arrays.equals(magic, MAGIC.getBytes(StandardCharsets.US_ASCII))) {
                throw malformed(0, "magic", "is not \"" + MAGIC + "\": this is not a wirecopy vectors file");
            }
            int version = in.getInt();
            if (version != FORMAT_VERSION) {
                throw malformed(5, "format version", "is " + version + "; this wirecopy reads version "
                        + FORMAT_VERSION + " (write the vectors again with this version's distiller)");
            }
            int dims = in.getInt();
            if (dims < 1 || dims > MAX_DIMS) throw malformed(9, "dims", "is " + dims + ", not in 1.." + MAX_DIMS);
            int v = in.getInt();
            if (v < 1 || v > MAX_VOCAB) throw malformed(13, "vocabulary size", "is " + v + ", not in 1.." + MAX_VOCAB);
            String description = utf8(in, -1);
            // Each token takes at least 4 + 1 + 4 + 4 + dims bytes: refuse early a size the bytes cannot hold.
            long minimum = (long) v * (13L + dims);
            if (in.remaining() < minimum) {
                throw malformed(in.position(), "tokens", "need at least " + minimum + " more bytes for " + v
                        + " tokens of " + dims + " dims, but only " + in.remaining() + " remain: the file is truncated");
            }
            List<String> vocab = new ArrayList<>(v);
            int p = in.position();
            for (int t = 0; t < v; t++) { // by hand rather than by ByteBuffer calls: faster before the JIT warms up
                if (p + 4 > bytes.length) throw new BufferUnderflowException();
                int n = ((bytes[p] & 0xFF) << 24) | ((bytes[p + 1] & 0xFF) << 16) | ((bytes[p + 2] & 0xFF) << 8)
                        | (bytes[p + 3] & 0xFF);
                boolean ascii = n >= 0 && n <= bytes.length - p - 4;
                for (int i = p + 4; ascii && i < p + 4 + n; i++) ascii = bytes[i] >= 0;
                if (ascii) {
                    vocab.add(new String(bytes, p + 4, n, StandardCharsets.US_ASCII));
                    p += 4 + n;
                } else {
                    in.position(p);
                    vocab.add(utf8(in, t)); // checks the length and decodes UTF-8, with the error messages
                    p = in.position();
                }
            }
            in.position(p);
            float[] weight = floats(in, v, "weight");
            float[] scale = floats(in, v, "scale");
            byte[] values = new byte[v * dims];
            in.get(values);
            if (in.hasRemaining()) {
                throw malformed(in.position(), "end", "is followed by " + in.remaining()
                        + " unexpected bytes: the file is malformed");
            }
            WordPiece wp;
            try {
                wp = WordPiece.of(vocab);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("malformed vectors: " + e.getMessage(), e);
            }
            return new StaticVectors(wp, dims, description, weight, scale, values);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("malformed vectors: truncated at byte " + bytes.length
                    + " (the " + bytes.length + " bytes end inside a field); write the file again", e);
        }
    }

    /** {@code v} float32 values, finite and &gt;= 0, read in bulk (a loaded model is read once, at start-up). */
    private static float[] floats(ByteBuffer in, int v, String what) {
        int at = in.position();
        float[] out = new float[v];
        in.asFloatBuffer().get(out);
        in.position(at + 4 * v);
        for (int t = 0; t < v; t++) {
            if (!(out[t] >= 0) || out[t] == Float.POSITIVE_INFINITY) {
                throw malformed(at + 4 * t, what + " of token " + t, "is " + out[t] + "; " + what
                        + "s are finite and >= 0");
            }
        }
        return out;
    }

    /** A length-prefixed UTF-8 string: the description ({@code token} -1) or a token. */
    private static String utf8(ByteBuffer in, int token) {
        int at = in.position();
        int n = in.getInt();
        if (n < 0 || n > in.remaining()) {
            throw malformed(at, token < 0 ? "description" : "token " + token, "has length " + n + " but " + in.remaining() + " bytes remain: the file is "
                    + (n < 0 ? "malformed" : "truncated"));
        }
        int start = in.position();
        in.position(start + n);
        byte[] array = in.array();
        boolean ascii = true;
        for (int i = start; i < start + n; i++) {
            if (array[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) return new String(array, start, n, StandardCharsets.US_ASCII); // nearly every token: no decoder
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(array, start, n)).toString();
        } catch (CharacterCodingException e) {
            throw malformed(at + 4, token < 0 ? "description" : "token " + token, "is not valid UTF-8");
        }
    }

    private static IllegalArgumentException malformed(int offset, String field, String problem) {
        return new IllegalArgumentException("malformed vectors at byte " + offset + ": " + field + " " + problem);
    }

    /**
     * {@return the bytes of these vectors in the format above; {@code read(v.toBytes())} equals {@code v}, byte for
     * byte}
     */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(values.length + weight.length * 20 + 64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC.getBytes(StandardCharsets.US_ASCII));
            out.writeInt(FORMAT_VERSION);
            out.writeInt(dims);
            out.writeInt(weight.length);
            writeUtf8(out, description);
            for (int t = 0; t < weight.length; t++) writeUtf8(out, wordPiece.token(t));
            for (float w : weight) out.writeFloat(w);
            for (float s : scale) out.writeFloat(s);
            out.write(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not throw
        }
        return bytes.toByteArray();
    }

    private static void writeUtf8(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    /** {@return the number of components of every vector} */
    public int dims() {
        return dims;
    }

    /** {@return the number of tokens in the vocabulary} */
    public int size() {
        return weight.length;
    }

    /** {@return where the vectors come from (model, reduction, weighting), as the distiller wrote it} */
    public String description() {
        return description;
    }

    /** {@return the tokenizer over this vocabulary} */
    public WordPiece wordPiece() {
        return wordPiece;
    }

    /**
     * The weight of token {@code id}.
     *
     * @param id a token id, in 0..size-1
     * @return its weight, at least 0 (0: ignored)
     */
    public float weight(int id) {
        return weight[id];
    }

    /**
     * The stored (dequantised) vector of token {@code id}: a new array.
     *
     * @param id a token id, in 0..size-1
     * @return its {@link #dims()} components
     */
    public float[] vector(int id) {
        float[] v = new float[dims];
        for (int d = 0; d < dims; d++) v[d] = values[id * dims + d] * scale[id];
        return v;
    }

    /**
     * Writes the paragraph vector of {@code normalizedText} into {@code out[offset, offset + dims())}: the mean of
     * the vectors of its first {@value #MAX_TOKENS} WordPiece tokens weighted by their weights ({@value WordPiece#UNK}
     * and weight-0 tokens left out), scaled to unit length; zeros when no token counts.
     *
     * @param normalizedText a paragraph as {@code org.wirecopy.text.TextNormalizer} returns it
     * @param out            receives the vector
     * @param offset         where in {@code out} the first component goes
     * @throws IndexOutOfBoundsException when {@code out} has no room for {@link #dims()} values at {@code offset}
     */
    public void embed(String normalizedText, float[] out, int offset) {
        Objects.checkFromIndexSize(offset, dims, out.length);
        int[] ids = new int[MAX_TOKENS];
        int n = wordPiece.encode(normalizedText, ids, MAX_TOKENS);
        int d0 = dims;
        float[] acc = new float[d0];
        byte[] q = values;
        for (int i = 0; i < n; i++) {
            int t = ids[i];
            float f = factor[t];
            if (f == 0f) continue;
            int base = t * d0;
            for (int d = 0; d < d0; d++) acc[d] += f * q[base + d];
        }
        double norm = 0;
        for (int d = 0; d < d0; d++) norm += (double) acc[d] * acc[d];
        float inv = norm > 0 ? (float) (1.0 / Math.sqrt(norm)) : 0f;
        for (int d = 0; d < d0; d++) out[offset + d] = acc[d] * inv;
    }

    /**
     * The paragraph vector of {@code normalizedText} in a new array; see {@link #embed(String, float[], int)}.
     *
     * @param normalizedText a paragraph as {@code org.wirecopy.text.TextNormalizer} returns it
     * @return its unit-length vector of {@link #dims()} components, or zeros
     */
    public float[] embed(String normalizedText) {
        float[] out = new float[dims];
        embed(normalizedText, out, 0);
        return out;
    }
}
