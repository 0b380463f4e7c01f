package org.wirecopy.match;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The matches of every paragraph of an article, and the per-article summary a study reports: how many paragraphs
 * were found in the reference stories, and which stories were pasted and how much of each.
 *
 * <p>Immutable and thread-safe.
 *
 * @param paragraphs one entry per paragraph, in order
 */
public record ArticleMatch(List<ParagraphMatch> paragraphs) {

    /**
     * Copies the paragraphs' matches into an immutable list.
     *
     * @param paragraphs one entry per paragraph, in order
     */
    public ArticleMatch {
        paragraphs = List.copyOf(paragraphs);
    }

    /** {@return the number of paragraphs with at least one match} */
    public int matchedParagraphs() {
        int n = 0;
        for (ParagraphMatch p : paragraphs) if (p.matched()) n++;
        return n;
    }

    /** {@return the share of the article's words that are covered by their best match (0 for an empty article)} */
    public double coveredShare() {
        long words = 0, covered = 0;
        for (ParagraphMatch p : paragraphs) {
            words += p.words();
            if (p.matched()) covered += p.best().orElseThrow().coveredWords();
        }
        return words == 0 ? 0 : (double) covered / words;
    }

    /** {@return the stories pasted (by best match), in order of first use} */
    public List<StoryUse> stories() {
        Map<Integer, List<ParagraphMatch>> by = new LinkedHashMap<>();
        for (ParagraphMatch p : paragraphs) {
            p.best().ifPresent(m -> by.computeIfAbsent(m.story().index(), k -> new ArrayList<>()).add(p));
        }
        List<StoryUse> out = new ArrayList<>();
        for (List<ParagraphMatch> ps : by.values()) {
            Story story = ps.get(0).best().orElseThrow().story();
            List<Integer> pasted = new ArrayList<>();
            TreeSet<Integer> used = new TreeSet<>();
            long words = 0;
            for (ParagraphMatch p : ps) {
                SourceMatch m = p.best().orElseThrow();
                pasted.add(p.index());
                used.addAll(m.paragraphs());
                words += m.coveredWords();
            }
            int taken = (int) Math.min(words, story.words());
            out.add(new StoryUse(story, pasted, new ArrayList<>(used), taken,
                    story.words() == 0 ? 0 : (double) taken / story.words()));
        }
        return out;
    }
}
