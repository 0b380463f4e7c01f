package org.wirecopy.match;

import java.util.Arrays;

/**
 * A word-level longest-common-subsequence alignment of two key sequences (Hirschberg's divide and conquer: linear
 * space, O(n m) time in the worst case). Common prefixes and suffixes are matched first at every level, so that near
 * copies (the common case) cost little more than one pass; small blocks are solved with a full table.
 *
 * <p>The result is a script of operations over {@code a} (the pasted paragraph) and {@code b} (the source): {@link
 * #MATCH} consumes one token of each, {@link #ADD} one token of {@code a} only, {@link #CUT} one token of {@code b}
 * only. Among alignments of maximal length, the script is deterministic.
 *
 * <p>Stateless and thread-safe; package-private.
 */
final class Aligner {

    static final byte MATCH = 0;
    static final byte ADD = 1;
    static final byte CUT = 2;

    /** Blocks with at most this many cells are solved with a full table. */
    private static final int SMALL = 4096;

    private Aligner() {
    }

    /** The script aligning {@code a} with {@code b}. */
    static byte[] align(long[] a, long[] b) {
        Script s = new Script(a.length + b.length);
        int[] f = new int[b.length + 1];
        int[] g = new int[b.length + 1];
        solve(a, 0, a.length, b, 0, b.length, s, f, g);
        return s.toArray();
    }

    /** Length of a longest common subsequence (the number of {@link #MATCH} operations of a script). */
    static int matches(byte[] script) {
        int n = 0;
        for (byte op : script) if (op == MATCH) n++;
        return n;
    }

    private static void solve(long[] a, int aLo, int aHi, long[] b, int bLo, int bHi, Script s, int[] f, int[] g) {
        while (aLo < aHi && bLo < bHi && a[aLo] == b[bLo]) {
            s.add(MATCH);
            aLo++;
            bLo++;
        }
        int suffix = 0;
        while (aLo < aHi && bLo < bHi && a[aHi - 1] == b[bHi - 1]) {
            aHi--;
            bHi--;
            suffix++;
        }
        int n = aHi - aLo;
        int m = bHi - bLo;
        if (n == 0) {
            for (int j = 0; j < m; j++) s.add(CUT);
        } else if (m == 0) {
            for (int i = 0; i < n; i++) s.add(ADD);
        } else if ((long) n * m <= SMALL || n == 1) {
            table(a, aLo, aHi, b, bLo, bHi, s);
        } else {
            int mid = aLo + n / 2;
            forward(a, aLo, mid, b, bLo, bHi, f);
            backward(a, mid, aHi, b, bLo, bHi, g);
            int best = 0;
            int split = 0;
            for (int k = 0; k <= m; k++) {
                int v = f[k] + g[k];
                if (v > best) {
                    best = v;
                    split = k;
                }
            }
            solve(a, aLo, mid, b, bLo, bLo + split, s, f, g);
            solve(a, mid, aHi, b, bLo + split, bHi, s, f, g);
        }
        for (int k = 0; k < suffix; k++) s.add(MATCH);
    }

    /** {@code f[k]} = LCS length of a[aLo, aHi) and b[bLo, bLo + k), for k in 0..m. */
    private static void forward(long[] a, int aLo, int aHi, long[] b, int bLo, int bHi, int[] f) {
        int m = bHi - bLo;
        Arrays.fill(f, 0, m + 1, 0);
        for (int i = aLo; i < aHi; i++) {
            int diag = 0; // f[k-1] of the previous row
            long ai = a[i];
            for (int k = 1; k <= m; k++) {
                int up = f[k];
                f[k] = ai == b[bLo + k - 1] ? diag + 1 : Math.max(up, f[k - 1]);
                diag = up;
            }
        }
    }

    /** {@code g[k]} = LCS length of a[aLo, aHi) and b[bLo + k, bHi), for k in 0..m. */
    private static void backward(long[] a, int aLo, int aHi, long[] b, int bLo, int bHi, int[] g) {
        int m = bHi - bLo;
        Arrays.fill(g, 0, m + 1, 0);
        for (int i = aHi - 1; i >= aLo; i--) {
            int diag = 0; // g[k+1] of the previous row
            long ai = a[i];
            for (int k = m - 1; k >= 0; k--) {
                int down = g[k];
                g[k] = ai == b[bLo + k] ? diag + 1 : Math.max(down, g[k + 1]);
                diag = down;
            }
        }
    }

    /** A full LCS table with traceback; matches are taken as early in {@code b} as the table allows. */
    private static void table(long[] a, int aLo, int aHi, long[] b, int bLo, int bHi, Script s) {
        int n = aHi - aLo;
        int m = bHi - bLo;
        // t[i][j] = LCS of a[aLo + i ..) and b[bLo + j ..), so that traceback runs forwards
        int w = m + 1; // row width of the flat table: t(i, j) = t[i * w + j]
        int[] t = new int[(n + 1) * w];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                t[i * w + j] = a[aLo + i] == b[bLo + j] ? t[(i + 1) * w + j + 1] + 1
                        : Math.max(t[(i + 1) * w + j], t[i * w + j + 1]);
            }
        }
        int i = 0, j = 0;
        while (i < n && j < m) {
            if (a[aLo + i] == b[bLo + j] && t[i * w + j] == t[(i + 1) * w + j + 1] + 1) {
                s.add(MATCH);
                i++;
                j++;
            } else if (t[i * w + j + 1] >= t[(i + 1) * w + j]) {
                s.add(CUT);
                j++;
            } else {
                s.add(ADD);
                i++;
            }
        }
        for (; j < m; j++) s.add(CUT);
        for (; i < n; i++) s.add(ADD);
    }

    /** A growable byte array. */
    private static final class Script {
        private byte[] ops;
        private int size;

        Script(int capacity) {
            ops = new byte[Math.max(16, capacity)];
        }

        void add(byte op) {
            if (size == ops.length) ops = Arrays.copyOf(ops, size * 2);
            ops[size++] = op;
        }

        byte[] toArray() {
            return Arrays.copyOf(ops, size);
        }
    }
}
