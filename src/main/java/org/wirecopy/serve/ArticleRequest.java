package org.wirecopy.serve;

import org.wirecopy.text.Article;
import org.wirecopy.text.ArticleReader;
import org.wirecopy.text.InputFormat;

import java.util.List;
import java.util.Objects;

/**
 * One article to classify, as a request gave it: either text (plain or HTML) in a format, or paragraphs one by one.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id         the caller's id, echoed in the answer; may be null
 * @param text       the article's text, or null when {@code paragraphs} are given
 * @param format     how {@code text} is laid out
 * @param paragraphs the paragraphs, or null when {@code text} is given
 */
record ArticleRequest(String id, String text, InputFormat format, List<String> paragraphs) {

    ArticleRequest {
        Objects.requireNonNull(format, "format");
        if ((text == null) == (paragraphs == null)) {
            throw new IllegalArgumentException("exactly one of text and paragraphs");
        }
        if (paragraphs != null) paragraphs = List.copyOf(paragraphs);
    }

    static ArticleRequest ofText(String id, String text, InputFormat format) {
        return new ArticleRequest(id, text, format, null);
    }

    /** Splits the text into paragraphs with the library's readers. */
    Article read() {
        return text != null ? ArticleReader.read(text, format) : Article.ofParagraphs(paragraphs);
    }
}
