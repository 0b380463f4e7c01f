package org.wirecopy.corpus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Word shingles and Jaccard similarity for the near-duplicate check of the corpus. */
final class Shingles {

    private Shingles() {
    }

    /** The set of word n-grams of a text, lower-cased. */
    static Set<String> of(String text, int n) {
        String[] w = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        List<String> words = new ArrayList<>();
        for (String s : w) if (!s.isEmpty()) words.add(s);
        Set<String> out = new HashSet<>();
        for (int i = 0; i + n <= words.size(); i++) out.add(String.join(" ", words.subList(i, i + n)));
        return out;
    }

    /** Pairs of sets whose Jaccard similarity is at least {@code threshold}, found through an inverted index. */
    static List<int[]> pairsAtLeast(List<Set<String>> sets, double threshold) {
        Map<String, List<Integer>> index = new HashMap<>();
        for (int i = 0; i < sets.size(); i++) {
            for (String g : sets.get(i)) index.computeIfAbsent(g, k -> new ArrayList<>()).add(i);
        }
        Map<Long, Integer> shared = new HashMap<>();
        for (List<Integer> ids : index.values()) {
            if (ids.size() > 50) continue;
            for (int a = 0; a < ids.size(); a++) {
                for (int b = a + 1; b < ids.size(); b++) {
                    shared.merge(((long) ids.get(a) << 32) | ids.get(b), 1, Integer::sum);
                }
            }
        }
        List<int[]> out = new ArrayList<>();
        for (Map.Entry<Long, Integer> e : shared.entrySet()) {
            int a = (int) (e.getKey() >>> 32);
            int b = (int) (long) e.getKey();
            int union = sets.get(a).size() + sets.get(b).size() - e.getValue();
            if (e.getValue() / (double) union >= threshold) out.add(new int[]{a, b});
        }
        return out;
    }
}
