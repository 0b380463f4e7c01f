package org.wirecopy.match;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Shingles and MinHash: the sorted set of k-word shingle hashes of a token sequence (windows that contain an ellipsis
 * mark are skipped: the words around it were not adjacent in the source), its MinHash signature under {@code bands *
 * rows} seeded hash functions, and the 32-bit LSH key of each band.
 *
 * <p>Immutable and thread-safe; package-private.
 */
final class Hashing {

    private final int shingleSize;
    private final int bands;
    private final int rows;
    private final long[] seeds;

    Hashing(int shingleSize, int bands, int rows, long seed) {
        this.shingleSize = shingleSize;
        this.bands = bands;
        this.rows = rows;
        SplittableRandom r = new SplittableRandom(seed);
        this.seeds = new long[bands * rows];
        for (int i = 0; i < seeds.length; i++) seeds[i] = r.nextLong();
    }

    /** MurmurHash3's 64-bit finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    /** The distinct shingle hashes of {@code words}, sorted ascending. */
    long[] shingles(Words words) {
        long[] keys = words.keysView();
        int n = keys.length;
        if (n < shingleSize) return new long[0];
        long[] out = new long[n - shingleSize + 1];
        int count = 0;
        int lastEllipsis = -1; // index of the last ellipsis mark seen in the window
        for (int i = 0; i < n; i++) {
            if (keys[i] == Words.ELLIPSIS_KEY) lastEllipsis = i;
            int start = i - shingleSize + 1;
            if (start < 0 || lastEllipsis >= start) continue;
            long h = 0x9e3779b97f4a7c15L;
            for (int j = start; j <= i; j++) h = mix(h ^ keys[j]) + j - start;
            out[count++] = h;
        }
        long[] s = Arrays.copyOf(out, count);
        Arrays.sort(s);
        int u = 0;
        for (int i = 0; i < s.length; i++) if (u == 0 || s[i] != s[u - 1]) s[u++] = s[i];
        return u == s.length ? s : Arrays.copyOf(s, u);
    }

    /** The LSH key of every band of the MinHash signature of a non-empty shingle set. */
    int[] bandKeys(long[] shingles) {
        long[] min = new long[seeds.length];
        Arrays.fill(min, Long.MAX_VALUE);
        for (long s : shingles) {
            for (int i = 0; i < seeds.length; i++) {
                long h = mix(s ^ seeds[i]);
                if (h < min[i]) min[i] = h;
            }
        }
        int[] keys = new int[bands];
        for (int b = 0; b < bands; b++) {
            long h = 0x632be59bd9b4e019L + b;
            for (int r = 0; r < rows; r++) h = mix(h ^ min[b * rows + r]);
            keys[b] = (int) (h >>> 32);
        }
        return keys;
    }

    /** Size of the intersection of two sorted sets. */
    static int shared(long[] a, long[] b) {
        int i = 0, j = 0, n = 0;
        while (i < a.length && j < b.length) {
            if (a[i] < b[j]) i++;
            else if (a[i] > b[j]) j++;
            else {
                n++;
                i++;
                j++;
            }
        }
        return n;
    }
}
