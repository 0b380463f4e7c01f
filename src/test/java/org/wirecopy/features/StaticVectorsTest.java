package org.wirecopy.features;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StaticVectorsTest {

    private static final List<String> VOCAB = List.of("[PAD]", "[UNK]", "a", "b", "c", "zero", "##s", "é");

    /** [UNK] = (5, 5), weight 1 (left out all the same); a = (1, 0), weight 1; b = (0, 1), weight 3; c = (1, 1), weight 0; zero = (0, 0); ##s = (-1, 0), weight 2. */
    private static StaticVectors toy() {
        float[] weights = {0, 1, 1, 3, 0, 1, 2, 1};
        float[][] vectors = {{0, 0}, {5, 5}, {1, 0}, {0, 1}, {1, 1}, {0, 0}, {-1, 0}, {0.5f, -0.25f}};
        return StaticVectors.of(VOCAB, weights, vectors, "toy vectors");
    }

    private static void assertVector(float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], actual[i], 1e-6, "component " + i);
    }

    @Test
    void embedIsTheWeightedMeanScaledToUnitLength() {
        // a (1,0) x1 + b (0,1) x3 = (1, 3); length sqrt(10)
        float s = (float) Math.sqrt(10);
        assertVector(new float[]{1 / s, 3 / s}, toy().embed("a b"));
        // b, B and "bs" = b + ##s: 3 * 3*(0,1) + 2*(-1,0) = (-2, 9)
        float t = (float) Math.sqrt(85);
        assertVector(new float[]{-2 / t, 9 / t}, toy().embed("b B bs"));
    }

    @Test
    void unknownWeightZeroAndNoTokensGiveNothingOrZeros() {
        // [UNK] has a vector (5,5) and c has weight 0: both are left out.
        assertVector(new float[]{1, 0}, toy().embed("a c qqq"));
        assertVector(new float[]{0, 0}, toy().embed(""));
        assertVector(new float[]{0, 0}, toy().embed("qqq c ?"));
        assertVector(new float[]{0, 0}, toy().embed("zero zero"));
    }

    @Test
    void embedWritesOnlyItsSliceOfTheOutput() {
        float[] out = new float[6];
        Arrays.fill(out, 7f);
        toy().embed("b", out, 3);
        assertArrayEquals(new float[]{7, 7, 7, 0, 1, 7}, out, 1e-6f);
        assertThrows(IndexOutOfBoundsException.class, () -> toy().embed("b", new float[6], 5));
    }

    @Test
    void readsAtMostTheFirst512Tokens() {
        String text = "a ".repeat(StaticVectors.MAX_TOKENS) + "b b b";
        assertVector(new float[]{1, 0}, toy().embed(text));
        String text2 = "a ".repeat(StaticVectors.MAX_TOKENS - 1) + "b b b";
        float[] v = toy().embed(text2);
        assertTrue(v[1] > 0, "the 512th token counts");
    }

    @Test
    void accentsAreStrippedBeforeLookupSoTheAccentedTokenIsUnreachable() {
        // "é" in the vocabulary can never match: the basic tokenizer turns é into e first (as BERT does).
        assertVector(new float[]{0, 0}, toy().embed("é"));
    }

    @Test
    void quantisesRowsToInt8WithAScaleAndRoundTripsByteForByte() {
        StaticVectors v = toy();
        byte[] bytes = v.toBytes();
        StaticVectors back = StaticVectors.read(bytes);
        assertArrayEquals(bytes, back.toBytes());
        assertEquals(2, back.dims());
        assertEquals(VOCAB.size(), back.size());
        assertEquals("toy vectors", back.description());
        assertEquals(3f, back.weight(3));
        // (0.5, -0.25): scale 0.5/127, values 127 and round(-63.5) = -63 (Math.round rounds half up) -> -0.248...
        assertVector(new float[]{0.5f, -63 * 0.5f / 127}, back.vector(7));
        assertVector(toy().embed("a b bs"), back.embed("a b bs"));
        // header: magic, version, dims, vocabulary size
        ByteBuffer in = ByteBuffer.wrap(bytes);
        byte[] magic = new byte[5];
        in.get(magic);
        assertEquals("WCVEC", new String(magic, StandardCharsets.US_ASCII));
        assertEquals(1, in.getInt());
        assertEquals(2, in.getInt());
        assertEquals(8, in.getInt());
        // 5 + 4*3 header, 4 + 11 description, 8 tokens (4 + length each), 8 weights, 8 scales, 16 values
        int tokens = VOCAB.stream().mapToInt(t -> 4 + t.getBytes(StandardCharsets.UTF_8).length).sum();
        assertEquals(17 + 15 + tokens + 32 + 32 + 16, bytes.length);
    }

    @Test
    void rejectsEveryTruncationWithAClearMessage() {
        byte[] bytes = toy().toBytes();
        for (int n = 0; n < bytes.length; n++) {
            byte[] cut = Arrays.copyOf(bytes, n);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StaticVectors.read(cut),
                    "truncated to " + n + " bytes");
            assertTrue(e.getMessage().startsWith("malformed vectors"), e.getMessage());
        }
    }

    @Test
    void rejectsWrongMagicVersionTrailingBytesAndBadFields() {
        byte[] bytes = toy().toBytes();
        byte[] magic = bytes.clone();
        magic[0] = 'X';
        assertMessage(magic, "at byte 0: magic");
        byte[] version = bytes.clone();
        version[8] = 2;
        assertMessage(version, "format version is 2; this wirecopy reads version 1");
        byte[] trailing = Arrays.copyOf(bytes, bytes.length + 1);
        assertMessage(trailing, "followed by 1 unexpected bytes");
        byte[] dims = bytes.clone();
        ByteBuffer.wrap(dims).putInt(9, 0);
        assertMessage(dims, "dims is 0");
        byte[] description = bytes.clone();
        ByteBuffer.wrap(description).putInt(17, -3);
        assertMessage(description, "at byte 17: description has length -3");
        byte[] utf8 = bytes.clone();
        utf8[21] = (byte) 0xFF;
        assertMessage(utf8, "description is not valid UTF-8");
        byte[] weight = bytes.clone();
        int weightsAt = bytes.length - 16 - 32 - 32;
        ByteBuffer.wrap(weight).putFloat(weightsAt + 4 * 2, Float.NaN);
        assertMessage(weight, "weight of token 2 is NaN");
        byte[] duplicate = StaticVectors.of(List.of("[UNK]", "ab", "ac"), new float[3], new float[3][1], "").toBytes();
        duplicate[duplicate.length - 3 - 12 - 12 - 1] = 'b'; // "ac" -> "ab"
        assertMessage(duplicate, "token 2 'ab' repeats token 1");
    }

    private static void assertMessage(byte[] bytes, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StaticVectors.read(bytes));
        assertTrue(e.getMessage().contains(part), "expected '" + part + "' in: " + e.getMessage());
    }

    @Test
    void ofValidatesSizesAndNumbers() {
        assertThrows(IllegalArgumentException.class,
                () -> StaticVectors.of(VOCAB, new float[3], new float[VOCAB.size()][2], ""));
        float[][] nan = new float[VOCAB.size()][2];
        nan[4][1] = Float.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StaticVectors.of(VOCAB, new float[VOCAB.size()], nan, ""));
        assertTrue(e.getMessage().contains("token 4 'c'"), e.getMessage());
        float[] negative = new float[VOCAB.size()];
        negative[2] = -1;
        assertThrows(IllegalArgumentException.class, () -> StaticVectors.of(VOCAB, negative, new float[VOCAB.size()][2], ""));
    }

    @Test
    void oneInstanceGivesTheSameVectorsOnManyThreads() throws Exception {
        StaticVectors v = toy();
        List<String> texts = List.of("a b", "b B bs", "a c qqq", "bs bs a", "b a b a b");
        List<float[]> expected = new ArrayList<>();
        for (String t : texts) expected.add(v.embed(t));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                results.add(pool.submit(() -> {
                    for (int round = 0; round < 2000; round++) {
                        int i = round % texts.size();
                        if (!Arrays.equals(expected.get(i), v.embed(texts.get(i)))) return false;
                    }
                    return true;
                }));
            }
            for (Future<Boolean> r : results) assertTrue(r.get());
        } finally {
            pool.shutdownNow();
        }
    }
}
