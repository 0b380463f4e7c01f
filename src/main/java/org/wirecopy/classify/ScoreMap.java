package org.wirecopy.classify;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The scores of one paragraph as an unmodifiable map from label to score, in the model's label order: what {@link
 * ClassifiedParagraph#scores()} was before (an unmodifiable copy of a {@code LinkedHashMap}), in one small object
 * instead of two hash maps per paragraph. Equal to any map with the same entries, with the same hash code and
 * {@code toString} as {@code LinkedHashMap}'s.
 *
 * <p>Immutable and thread-safe.
 */
final class ScoreMap extends AbstractMap<String, Double> {

    private final List<String> labels;
    private final Double[] scores;

    /** A map of {@code labels.get(j)} to {@code scores[j]}; labels distinct, not null; the array is not copied. */
    ScoreMap(List<String> labels, Double[] scores) {
        this.labels = labels;
        this.scores = scores;
    }

    @Override
    public int size() {
        return scores.length;
    }

    @Override
    public boolean containsKey(Object key) {
        return key != null && labels.indexOf(key) >= 0;
    }

    @Override
    public Double get(Object key) {
        int j = key == null ? -1 : labels.indexOf(key);
        return j < 0 ? null : scores[j];
    }

    @Override
    public Set<Map.Entry<String, Double>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, Double>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < scores.length;
                    }

                    @Override
                    public Map.Entry<String, Double> next() {
                        if (next >= scores.length) throw new NoSuchElementException();
                        int j = next++;
                        return new AbstractMap.SimpleImmutableEntry<>(labels.get(j), scores[j]);
                    }
                };
            }

            @Override
            public int size() {
                return scores.length;
            }
        };
    }
}
