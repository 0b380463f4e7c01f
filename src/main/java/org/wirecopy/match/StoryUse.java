package org.wirecopy.match;

import java.util.List;
import java.util.Objects;

/**
 * How much of one reference story an article took: the article's paragraphs whose best match is the story, and the
 * story's words they copied.
 *
 * <p>Immutable and thread-safe.
 *
 * @param story             the story
 * @param pastedParagraphs  the article's paragraphs (indices) whose best match is this story
 * @param storyParagraphs   the story's paragraphs (0-based) they were taken from, ascending, each once
 * @param wordsTaken        words copied from the story (capped at its length)
 * @param share             wordsTaken / the story's words
 */
public record StoryUse(Story story, List<Integer> pastedParagraphs, List<Integer> storyParagraphs, int wordsTaken,
                       double share) {
    /**
     * Checks the components and copies the lists into immutable ones.
     *
     * @param story            the story; not null
     * @param pastedParagraphs the article's paragraphs whose best match is this story
     * @param storyParagraphs  the story's paragraphs they were taken from
     * @param wordsTaken       words copied from the story
     * @param share            wordsTaken / the story's words, 0..1
     * @throws IllegalArgumentException when {@code share} is out of range
     */
    public StoryUse {
        Objects.requireNonNull(story, "story");
        pastedParagraphs = List.copyOf(pastedParagraphs);
        storyParagraphs = List.copyOf(storyParagraphs);
        if (!(share >= 0 && share <= 1)) throw new IllegalArgumentException("share out of [0, 1]: " + share);
    }
}
