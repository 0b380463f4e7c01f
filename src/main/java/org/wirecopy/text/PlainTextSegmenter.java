package org.wirecopy.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits plain text into paragraphs. Two layouts are understood: one paragraph per line (what a reader gets by copying
 * a web page), and hard-wrapped text whose paragraphs are blocks separated by blank lines. {@link #detect} picks the
 * layout: text is hard-wrapped when most lines that continue into a next line are of bounded width and end
 * mid-sentence, as a wrapping editor leaves them, rather than being whole paragraphs. CR, LF and CRLF line ends are all accepted.
 *
 * <p>Stateless and thread-safe.
 */
final class PlainTextSegmenter {

    /** Lines longer than this are never taken as hard-wrapped. */
    static final int MAX_WRAP_WIDTH = 110;

    private PlainTextSegmenter() {
    }

    /** A line of the input: [start, end) without its terminator. */
    private record Line(int start, int end, boolean blank) {
        int length() {
            return end - start;
        }
    }

    /**
     * Decides between {@link InputFormat#LINES} and {@link InputFormat#BLOCKS}: BLOCKS when at least 60% of the lines
     * followed by another look hard-wrapped (25 chars or more, not ending a sentence, none much longer than a wrap
     * width).
     *
     * @param input the text
     * @return LINES or BLOCKS
     */
    static InputFormat detect(String input) {
        List<Line> lines = lines(input);
        int continuing = 0;
        int wrappedLike = 0;
        int longest = 0;
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            if (l.blank()) continue;
            longest = Math.max(longest, l.length());
            boolean nextNonBlank = i + 1 < lines.size() && !lines.get(i + 1).blank();
            if (nextNonBlank) {
                continuing++;
                if (l.length() >= 25 && l.length() <= MAX_WRAP_WIDTH && !endsSentence(input, l)) wrappedLike++;
            }
        }
        if (continuing == 0 || longest > MAX_WRAP_WIDTH + 20) return InputFormat.LINES;
        return wrappedLike >= 0.6 * continuing ? InputFormat.BLOCKS : InputFormat.LINES;
    }

    /** Whether a line ends as a sentence or paragraph does; wrapped lines mostly end mid-sentence. */
    private static boolean endsSentence(String s, Line l) {
        int e = l.end();
        while (e > l.start() && Character.isWhitespace(s.charAt(e - 1))) e--;
        if (e == l.start()) return false;
        return ".?!:\"'\u201D\u2019)".indexOf(s.charAt(e - 1)) >= 0;
    }

    /**
     * Splits {@code input} with the given layout ({@link InputFormat#LINES} or {@link InputFormat#BLOCKS}); blank
     * paragraphs are left out.
     *
     * @param input  the text
     * @param layout LINES (one paragraph per line) or BLOCKS (paragraphs separated by blank lines)
     * @return the paragraphs, indexed from 0, with offsets into {@code input}
     * @throws IllegalArgumentException for any other layout
     */
    static List<Paragraph> split(String input, InputFormat layout) {
        if (layout != InputFormat.LINES && layout != InputFormat.BLOCKS) {
            throw new IllegalArgumentException("plain-text layout must be LINES or BLOCKS, got " + layout);
        }
        List<Line> lines = lines(input);
        List<Paragraph> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            Line first = lines.get(i);
            if (first.blank()) {
                i++;
                continue;
            }
            int last = i;
            if (layout == InputFormat.BLOCKS) {
                while (last + 1 < lines.size() && !lines.get(last + 1).blank()) last++;
            }
            int start = first.start();
            int end = lines.get(last).end();
            while (start < end && Character.isWhitespace(input.charAt(start))) start++;
            while (end > start && Character.isWhitespace(input.charAt(end - 1))) end--;
            String text = input.substring(start, end);
            if (!TextNormalizer.normalize(text).isEmpty()) {
                out.add(Paragraph.of(out.size(), text, start, end));
            }
            i = last + 1;
        }
        return out;
    }

    private static List<Line> lines(String s) {
        List<Line> out = new ArrayList<>();
        int start = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                out.add(line(s, start, i));
                if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') i++;
                start = i + 1;
            }
        }
        if (start < n) out.add(line(s, start, n));
        return out;
    }

    private static Line line(String s, int start, int end) {
        boolean blank = true;
        for (int i = start; i < end && blank; i++) {
            char c = s.charAt(i);
            blank = Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF' || c == '\u200B';
        }
        return new Line(start, end, blank);
    }
}
