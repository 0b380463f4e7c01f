package org.wirecopy.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The word alignment of a pasted paragraph with a source (one or more consecutive-in-order source paragraphs joined),
 * read as the writer's edits.
 *
 * <p>Matches come in runs (consecutive tokens of both sides). A run of at least {@code minRun} words is an anchor; a
 * shorter run next to an anchor also counts when the gap between them is at most {@code minRun} cut words or at most
 * {@code minRun} added words, fewer than {@code minRun} words replaced by fewer than {@code minRun} others, or holds
 * an ellipsis mark, so that a word cut right after the first two words does not lose them. Anchored words are "covered"; the
 * span from the first to the last anchored word is the copied part; everything between anchors becomes an
 * {@link Edit}, source words before and after the span (in the first and last source paragraph touched) are
 * truncations, and pasted words outside the span are additions (one or two words cut and one or two added at the same
 * end are one replacement).
 *
 * <p>Immutable; package-private.
 *
 * @param covered    covered word tokens of the pasted paragraph (ellipsis marks not counted)
 * @param paragraphs which source paragraphs (positions in the joined source) have anchored words, ascending
 * @param edits      the edits in order
 */
record Comparison(int covered, int[] paragraphs, List<Edit> edits) {

    /**
     * Compares {@code pasted} with {@code source}; {@code starts[p]} is the index of the first token of source
     * paragraph p in {@code source} (ascending, starts[0] == 0).
     */
    static Comparison of(Words pasted, Words source, int[] starts, int minRun) {
        byte[] ops = Aligner.align(pasted.keysView(), source.keysView());
        int n = ops.length;
        // token index on each side before each op
        int[] qi = new int[n + 1];
        int[] sj = new int[n + 1];
        for (int k = 0; k < n; k++) {
            qi[k + 1] = qi[k] + (ops[k] == Aligner.CUT ? 0 : 1);
            sj[k + 1] = sj[k] + (ops[k] == Aligner.ADD ? 0 : 1);
        }
        // runs of matches: [runStart, runEnd) in op indices
        List<int[]> runs = new ArrayList<>();
        for (int k = 0; k < n; ) {
            if (ops[k] != Aligner.MATCH) {
                k++;
                continue;
            }
            int e = k;
            while (e < n && ops[e] == Aligner.MATCH) e++;
            runs.add(new int[]{k, e});
            k = e;
        }
        boolean[] anchored = new boolean[runs.size()];
        for (int r = 0; r < runs.size(); r++) anchored[r] = runs.get(r)[1] - runs.get(r)[0] >= minRun;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int r = 0; r < runs.size(); r++) {
                if (anchored[r]) continue;
                boolean left = r > 0 && anchored[r - 1] && simpleGap(ops, pasted, qi, runs.get(r - 1)[1],
                        runs.get(r)[0], minRun);
                boolean right = r + 1 < runs.size() && anchored[r + 1] && simpleGap(ops, pasted, qi, runs.get(r)[1],
                        runs.get(r + 1)[0], minRun);
                if (left || right) {
                    anchored[r] = true;
                    changed = true;
                }
            }
        }
        boolean[] anchor = new boolean[n];
        int covered = 0;
        int first = -1, last = -1;
        for (int r = 0; r < runs.size(); r++) {
            if (!anchored[r]) continue;
            int[] run = runs.get(r);
            for (int k = run[0]; k < run[1]; k++) {
                anchor[k] = true;
                if (!pasted.isEllipsis(qi[k])) covered++;
            }
            if (first < 0) first = run[0];
            last = run[1] - 1;
        }
        if (first < 0) return new Comparison(0, new int[0], List.of());
        // source paragraphs touched by anchors
        boolean[] touched = new boolean[starts.length];
        for (int k = first; k <= last; k++) if (anchor[k]) touched[paragraphOf(starts, sj[k])] = true;
        int[] paras = new int[starts.length];
        int np = 0;
        for (int p = 0; p < starts.length; p++) if (touched[p]) paras[np++] = p;
        paras = Arrays.copyOf(paras, np);
        int firstStart = starts[paras[0]];
        int lastEnd = paras[np - 1] + 1 < starts.length ? starts[paras[np - 1] + 1] : source.size();

        List<Edit> edits = new ArrayList<>();
        // before the span
        List<String> cut = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<String> marks = new ArrayList<>();
        for (int k = 0; k < first; k++) {
            if (ops[k] != Aligner.ADD && sj[k] >= firstStart) cut.add(source.display(sj[k]));
            if (ops[k] != Aligner.CUT) {
                if (pasted.isEllipsis(qi[k])) marks.add(Words.ELLIPSIS);
                else added.add(pasted.display(qi[k]));
            }
        }
        if (smallReplacement(added, cut, marks, minRun)) {
            edits.add(new Edit(EditKind.REPLACED, 0, cut, added));
        } else {
            if (!added.isEmpty()) edits.add(new Edit(EditKind.ADDED, 0, List.of(), added));
            if (!cut.isEmpty()) edits.add(new Edit(EditKind.TRUNCATED_START, qi[first], cut, marks));
            else if (!marks.isEmpty()) edits.add(new Edit(EditKind.ELLIPSIS, 0, List.of(), marks));
        }
        // inside the span
        for (int k = first; k <= last; ) {
            if (anchor[k]) {
                k++;
                continue;
            }
            int start = k;
            List<String> srcWords = new ArrayList<>();
            List<String> newWords = new ArrayList<>();
            boolean ellipsis = false;
            while (k <= last && !anchor[k]) {
                if (ops[k] != Aligner.ADD) srcWords.add(source.display(sj[k]));
                if (ops[k] != Aligner.CUT) {
                    if (pasted.isEllipsis(qi[k])) {
                        ellipsis = true;
                        newWords.add(Words.ELLIPSIS);
                    } else {
                        newWords.add(pasted.display(qi[k]));
                    }
                }
                k++;
            }
            EditKind kind = ellipsis ? EditKind.ELLIPSIS
                    : srcWords.isEmpty() ? EditKind.ADDED
                    : newWords.isEmpty() ? EditKind.CUT : EditKind.REPLACED;
            edits.add(new Edit(kind, qi[start], srcWords, newWords));
        }
        // after the span
        cut = new ArrayList<>();
        added = new ArrayList<>();
        marks = new ArrayList<>();
        for (int k = last + 1; k < n; k++) {
            if (ops[k] != Aligner.ADD && sj[k] < lastEnd) cut.add(source.display(sj[k]));
            if (ops[k] != Aligner.CUT) {
                if (pasted.isEllipsis(qi[k])) marks.add(Words.ELLIPSIS);
                else added.add(pasted.display(qi[k]));
            }
        }
        int end = qi[last + 1];
        if (smallReplacement(added, cut, marks, minRun)) {
            edits.add(new Edit(EditKind.REPLACED, end, cut, added));
        } else {
            if (!cut.isEmpty()) edits.add(new Edit(EditKind.TRUNCATED_END, end, cut, marks));
            else if (!marks.isEmpty()) edits.add(new Edit(EditKind.ELLIPSIS, end, List.of(), marks));
            if (!added.isEmpty()) edits.add(new Edit(EditKind.ADDED, end, List.of(), added));
        }
        return new Comparison(covered, paras, List.copyOf(edits));
    }

    /**
     * Whether the ops in [from, to) are at most {@code max} cuts only or additions only, fewer than {@code max} cuts
     * together with fewer than {@code max} additions (a word or two replaced), or any gap with an ellipsis mark among
     * its additions.
     */
    private static boolean simpleGap(byte[] ops, Words pasted, int[] qi, int from, int to, int max) {
        boolean cut = false, add = false, mark = false;
        for (int k = from; k < to; k++) {
            if (ops[k] == Aligner.CUT) cut = true;
            else if (ops[k] == Aligner.ADD) {
                add = true;
                if (pasted.isEllipsis(qi[k])) mark = true;
            } else {
                return false;
            }
        }
        if (mark) return true;
        if (!(cut && add)) return to - from <= max;
        int cuts = 0;
        for (int k = from; k < to; k++) if (ops[k] == Aligner.CUT) cuts++;
        return cuts < max && to - from - cuts < max; // a replacement of one or two words

    }

    /**
     * Whether the words added and cut at one end of the copied part are one small replacement (fewer than
     * {@code minRun} of each, no ellipsis mark) rather than an addition and a truncation.
     */
    private static boolean smallReplacement(List<String> added, List<String> cut, List<String> marks, int minRun) {
        return marks.isEmpty() && !added.isEmpty() && !cut.isEmpty() && added.size() < minRun
                && cut.size() < minRun;
    }

    private static int paragraphOf(int[] starts, int token) {
        int p = Arrays.binarySearch(starts, token);
        if (p >= 0) {
            while (p + 1 < starts.length && starts[p + 1] == token) p++; // empty paragraphs
            return p;
        }
        return -p - 2;
    }

    /** Whether nothing but truncation (with or without ellipsis marks) changed. */
    boolean verbatim(int wordCount) {
        if (covered != wordCount) return false;
        for (Edit e : edits) {
            if (e.kind() != EditKind.TRUNCATED_START && e.kind() != EditKind.TRUNCATED_END) return false;
        }
        return true;
    }
}
