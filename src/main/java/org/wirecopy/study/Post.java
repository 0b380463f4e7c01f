package org.wirecopy.study;

import java.util.Objects;

/**
 * One post of a page that holds several (see {@link PostSplitter}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param index  0-based position on the page
 * @param title  the post's title (its title heading's text), empty when none was found
 * @param date   the post's date as the page gives it ({@code time[datetime]}, a {@code published} title), or empty
 * @param start  offset of the post's first character in the page's text (UTF-16 chars), -1 when not known
 * @param end    offset just after the post's last character, -1 when not known
 * @param html   the post's markup, to be read as a page of its own
 * @param layout the layout rule that found it: {@code article}, {@code class}, {@code title-heading} or {@code page}
 */
public record Post(int index, String title, String date, int start, int end, String html, String layout) {

    /**
     * Checks the components.
     *
     * @param index  0-based position on the page, at least 0
     * @param title  the post's title, or empty; not null
     * @param date   the post's date, or empty; not null
     * @param start  offset of the first character, or -1
     * @param end    offset after the last character (at least {@code start}), or -1
     * @param html   the post's markup; not null
     * @param layout the layout rule that found it; not null
     * @throws IllegalArgumentException when the index is negative or the offsets are bad
     */
    public Post {
        if (index < 0) throw new IllegalArgumentException("index must be >= 0, got " + index);
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(layout, "layout");
        if (start < -1 || end < -1 || (start >= 0 && end < start)) {
            throw new IllegalArgumentException("post " + index + ": bad offsets " + start + ".." + end);
        }
    }
}
